// Layer functions: (source id, palette) → layer specifications (protomaps/basemaps style).
// https://maplibre.org/maplibre-style-spec/layers/
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { layers as ids } from './ids.ts';
import { labelFont, type Palette } from './palette.ts';

export function governorateLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    { id: ids.governoratesFill, type: 'fill', source, paint: { 'fill-color': p.land } },
    { id: ids.governoratesLine, type: 'line', source, paint: { 'line-color': p.governorateLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 1.6] } },
  ];
}

export function governorateLabelLayers(source: string, p: Palette): LayerSpecification[] {
  return [{
    id: ids.governoratesLabel,
    type: 'symbol',
    // Labels sit on Natural Earth's label point, carried as a point source beside the polygons.
    source,
    layout: {
      'text-field': ['upcase', ['get', 'name']],
      'text-font': [labelFont],
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 9, 8, 13],
      'text-letter-spacing': 0.12,
      'text-max-width': 7,
    },
    paint: { 'text-color': p.governorateLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1 },
  }];
}

/** Symbol colour by place kind. */
function kindColour(p: Palette): ExpressionSpecification {
  return ['match', ['get', 'kind'], 'city', p.city, 'district', p.district, 'site', p.site, 'governorate', p.area, 'region', p.area, p.other];
}

export function placeLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    {
      id: ids.placesCircle,
      type: 'circle',
      source,
      paint: {
        'circle-color': kindColour(p),
        // Cities are the largest marks; a point that stands for an area is drawn hollow-ish.
        'circle-radius': ['match', ['get', 'kind'], 'city', 5.5, 'governorate', 7, 4.5],
        'circle-opacity': ['match', ['get', 'precision'], 'area', 0.55, 1],
        'circle-stroke-color': p.symbolStroke,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: ids.placesLabel,
      type: 'symbol',
      source,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [labelFont],
        'text-size': ['match', ['get', 'kind'], 'city', 13, 12],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.7,
        'text-justify': 'auto',
        'text-padding': 1,
      },
      paint: { 'text-color': p.placeLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
}
