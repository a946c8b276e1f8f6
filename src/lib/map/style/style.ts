// Assembles the whole style from data and a palette. Offline by construction: no tile URLs,
// and no `glyphs`, so MapLibre draws labels with the bundled web font (text-font = CSS family).
// https://maplibre.org/maplibre-style-spec/root/
import type { StyleSpecification } from 'maplibre-gl';
import type { Atlas } from '../../data/schema.ts';
import { countryLabelPoints, governorateLabelPoints, placeAnchors, placeShapes } from '../../data/features.ts';
import { sources, layers as ids } from './ids.ts';
import {
  contextLabelLayers, countryBorderLayers, governorateFillLayers, governorateLabelLayers, governorateLineLayers,
  neighbourLayers, placeLayers, placeShapeLayers, waterLayers,
} from './layers.ts';
import type { Palette } from './palette.ts';

export function atlasStyle(atlas: Atlas, p: Palette): StyleSpecification {
  return {
    version: 8,
    name: 'Iraq War Atlas',
    sources: {
      [sources.countries]: { type: 'geojson', data: atlas.context.countries, attribution: 'Natural Earth' },
      [sources.countryLabels]: { type: 'geojson', data: countryLabelPoints(atlas) },
      [sources.coast]: { type: 'geojson', data: atlas.context.coast },
      [sources.rivers]: { type: 'geojson', data: atlas.context.rivers, attribution: 'GSHHG (LGPL)' },
      [sources.lakes]: { type: 'geojson', data: atlas.context.lakes },
      [sources.waterLabels]: { type: 'geojson', data: atlas.context['water-labels'] },
      [sources.governorates]: {
        type: 'geojson',
        data: atlas.governorates,
        attribution: 'Natural Earth',
      },
      [sources.governorateLabels]: { type: 'geojson', data: governorateLabelPoints(atlas) },
      [sources.placeShapes]: { type: 'geojson', data: placeShapes(atlas) },
      [sources.places]: {
        type: 'geojson',
        data: placeAnchors(atlas),
        attribution: 'GeoNames (CC BY 4.0)',
      },
    },
    layers: [
      { id: ids.background, type: 'background', paint: { 'background-color': p.water } },
      ...neighbourLayers(sources.countries, p),
      ...governorateFillLayers(sources.governorates, p),
      ...waterLayers(sources, p),
      ...governorateLineLayers(sources.governorates, p),
      ...countryBorderLayers(sources.countries, p),
      ...contextLabelLayers(sources, p),
      ...governorateLabelLayers(sources.governorateLabels, p),
      ...placeShapeLayers(sources.placeShapes, p),
      ...placeLayers(sources.places, p),
    ],
  };
}
