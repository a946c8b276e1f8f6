// A collection served from PostGIS (src/db/schema.sql, atlas.tile): below the server's raw zoom its
// tiles hold squares of 8 px with the count of the window's events in each (layer "cells"), from
// it on the events themselves (layer "events"). The squares take the density classes and colours
// of a reader's dense import (density.ts), so one legend explains both.
// https://maplibre.org/maplibre-style-spec/layers/#fill  https://maplibre.org/maplibre-style-spec/layers/#circle
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { densityClasses } from '../../look/density.ts';
import { layers as ids, sources } from './ids.ts';
import type { Palette } from '../../look/palette.ts';

/** A cell's colour by its count: the density classes, as a step expression. */
const cellColour: ExpressionSpecification = [
  'step',
  ['get', 'n'],
  densityClasses[0].colour,
  ...densityClasses.slice(1).flatMap((c) => [c.from, c.colour] as [number, string]),
];

export function serverLayers(p: Palette): LayerSpecification[] {
  return [
    { id: ids.serverCells, type: 'fill', source: sources.server, 'source-layer': 'cells', paint: { 'fill-color': cellColour, 'fill-opacity': 0.85 } },
    {
      id: ids.serverPoints,
      type: 'circle',
      source: sources.server,
      'source-layer': 'events',
      paint: { 'circle-color': p.imported, 'circle-radius': 3, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.5 },
    },
  ];
}
