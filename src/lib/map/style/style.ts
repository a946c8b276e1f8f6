// Assembles the whole style from data and a palette. Offline by construction: no tile URLs, and
// glyphs only from the page's own folder (src/build/glyph-ranges.ts: Noto Sans prepared at build
// time); without them (the tests, a figure) MapLibre draws labels with the bundled web font.
// https://maplibre.org/maplibre-style-spec/root/
import type { StyleSpecification } from 'maplibre-gl';
import type { Atlas } from '../../data/schema.ts';
import { countryLabelPoints, governorateLabelPoints, placeAnchors, placeShapes } from '../../data/features.ts';
import { sources, layers as ids, state } from './ids.ts';
import {
  contextLabelLayers,
  countryBorderLayers,
  governorateFillLayers,
  governorateLabelLayers,
  governorateLineLayers,
  controlLayers,
  displacementLayers,
  neighbourLayers,
  placeLayers,
  placeShapeLayers,
  selectionLayers,
  waterLayers,
} from './layers.ts';
import type { Palette } from '../../look/palette.ts';

export function atlasStyle(atlas: Atlas, p: Palette, glyphs?: string): StyleSpecification {
  return {
    version: 8,
    name: 'Iraq War Atlas',
    ...(glyphs ? { glyphs } : {}),
    // The selection and the leads; the app writes them with map.setGlobalStateProperty.
    state: {
      [state.selected]: { default: '' },
      [state.selectedAreas]: { default: [] },
      [state.highlighted]: { default: [] },
      [state.control]: { default: false },
    },
    // In the order the map's one worker lays them out (issue 16): the small sources first, the
    // points and labels, so their shader programs (circles, text) link while the worker is still on
    // the large ones; the country outlines, the heaviest, last. With the large ones first, every
    // program linked at the end, after the last tile (cold load ~100 ms slower, npm run bench -- load).
    sources: {
      [sources.places]: {
        type: 'geojson',
        data: placeAnchors(atlas),
        attribution: 'GeoNames (CC BY 4.0)',
      },
      [sources.placeShapes]: { type: 'geojson', data: placeShapes(atlas) },
      // Displacement circles' sizes are feature-state, keyed by the ISO id like the polygons'.
      [sources.governorateLabels]: { type: 'geojson', data: governorateLabelPoints(atlas), promoteId: 'id' },
      [sources.countryLabels]: { type: 'geojson', data: countryLabelPoints(atlas) },
      [sources.waterLabels]: { type: 'geojson', data: atlas.context['water-labels'] },
      [sources.governorates]: {
        type: 'geojson',
        data: atlas.governorates,
        // Feature-state (control status, displacement) is keyed by the ISO id.
        promoteId: 'id',
        attribution: 'Natural Earth',
      },
      [sources.lakes]: { type: 'geojson', data: atlas.context.lakes },
      [sources.coast]: { type: 'geojson', data: atlas.context.coast },
      [sources.rivers]: { type: 'geojson', data: atlas.context.rivers, attribution: 'GSHHG (LGPL)' },
      [sources.countries]: { type: 'geojson', data: atlas.context.countries, attribution: 'Natural Earth' },
    },
    layers: [
      { id: ids.background, type: 'background', paint: { 'background-color': p.water } },
      ...neighbourLayers(sources.countries, p),
      ...governorateFillLayers(sources.governorates, p),
      ...controlLayers(sources.governorates, p),
      ...waterLayers(sources, p),
      ...governorateLineLayers(sources.governorates, p),
      ...countryBorderLayers(sources.countries, p),
      // Over land, water and borders, under the labels: a circle is read with the fills beneath it.
      ...displacementLayers(sources.governorateLabels, p),
      ...contextLabelLayers(sources, p),
      ...governorateLabelLayers(sources.governorateLabels, p),
      ...placeShapeLayers(sources.placeShapes, p),
      ...selectionLayers(sources.governorates, sources.places, p),
      // The events (event-rings-layer.ts, a custom layer) go here, added by the map once it loads.
      ...placeLayers(sources.places, p),
    ],
  };
}
