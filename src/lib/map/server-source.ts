// A collection server's tiles on the screen map (issue 37): the source and its layers added when a
// server is named, taken away when none is, and its tiles asked for again when the slider's
// window changes, each request carrying the window then current (MapView's transformRequest).
import type * as maplibregl from 'maplibre-gl';
import type { Palette } from '../look/palette.ts';
import { tileTemplate } from '../server/window-query.ts';
import { layers as ids, sources } from './style/ids.ts';
import { serverLayers } from './style/server.ts';
import { MAX_ZOOM, SERVER_MAX_ZOOM } from './zoom.ts';

/**
 * Shows the collection at `base` (or none), its tiles reloaded if `windowChanged`. Reloaded with
 * refreshTiles rather than a new URL through setTiles: setTiles waits for the next frame before it
 * asks (MapLibre 6's loadTileJson awaits one), and that frame is the one the step's other layers
 * have just asked for, so the tiles went out a whole repaint late (at 10,000,000 events a step
 * took 2.6 repaints, a third of it that wait).
 */
export function showServer(map: maplibregl.Map, base: string | null, windowChanged: boolean, palette: Palette): void {
  const source = map.getSource(sources.server) as maplibregl.VectorTileSource | undefined;
  const template = base ? tileTemplate(base) : null;
  if (source && source.tiles[0] === template) {
    if (windowChanged) map.refreshTiles(sources.server);
    return;
  }
  for (const layer of serverLayers(palette)) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
  if (source) map.removeSource(sources.server);
  if (!template) {
    map.setMaxZoom(MAX_ZOOM);
    return;
  }
  // Vector tiles are 512 px, and the server cuts its 64 cells a side to be 8 px of one.
  map.addSource(sources.server, { type: 'vector', tiles: [template], maxzoom: SERVER_MAX_ZOOM });
  for (const layer of serverLayers(palette)) map.addLayer(layer, ids.placesCircle);
  // A collection's events are located closer than the atlas's places: let the map follow them.
  map.setMaxZoom(SERVER_MAX_ZOOM);
}
