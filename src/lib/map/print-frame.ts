// What a figure being prepared will show, framed on the screen map: the world dimmed outside it
// and its edge drawn. Added on first use, so the atlas style itself knows nothing of printing.
import type * as maplibregl from 'maplibre-gl';
import { layers as ids, sources } from './style/ids.ts';

/** The world outside a closed lng/lat ring: one polygon with the ring as its hole; nothing without a ring. */
function outside(frame: [number, number][] | null): GeoJSON.FeatureCollection {
  const world: [number, number][] = [
    [-180, -85],
    [180, -85],
    [180, 85],
    [-180, 85],
    [-180, -85],
  ];
  return {
    type: 'FeatureCollection',
    features: frame ? [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [world, [...frame].reverse()] } }] : [],
  };
}

export function showPrintFrame(map: maplibregl.Map, frame: [number, number][] | null): void {
  const source = map.getSource(sources.printFrame) as maplibregl.GeoJSONSource | undefined;
  if (source) return void source.setData(outside(frame));
  // Nothing framed yet: the source and its layers wait for the first frame (a source more at
  // the map's load is one more layout before it is idle).
  if (!frame) return;
  map.addSource(sources.printFrame, { type: 'geojson', data: outside(frame) });
  map.addLayer({ id: ids.printFrameMask, type: 'fill', source: sources.printFrame, paint: { 'fill-color': '#2b2925', 'fill-opacity': 0.18 } });
  map.addLayer({
    id: ids.printFrameLine,
    type: 'line',
    source: sources.printFrame,
    paint: { 'line-color': '#1a5fb4', 'line-width': 2, 'line-dasharray': [3, 2] },
  });
}
