// A reader's imported events on the screen map: one custom layer under the places, each event a
// dot (time-points-layer.ts) or a dense set counted in cells (density-layer.ts), and the event
// under a click. MapView keeps the layer's clock current and opens the popup.
import type * as maplibregl from 'maplibre-gl';
import type { ImportedSet } from '../import/events.ts';
import type { ImportedStyle } from '../look/density.ts';
import { mercatorUnit } from '../look/mercator.ts';
import type { Palette } from '../look/palette.ts';
import { isVisible, type TimeMode } from '../time/window.ts';
import type { DensityLayer } from './density-layer.ts';
import { pickNearest } from './pick.ts';
import { layers as ids } from './style/ids.ts';
import { TimePointsLayer } from './time-points-layer.ts';

export type ImportedLayer = TimePointsLayer | DensityLayer;
export type MapClock = { t: number; mode: TimeMode; windowDays: number };

/** A click's reach to an event: 12 px each way (a 24 px target, though the dot is 6 px). */
const PICK_PX = 12;

/**
 * Draws `set` in `style` (none drawn, and any drawn before taken away, without a set), its clock
 * read from `clock()` when it is added, and tells `onadded` of the layer. Returns a function that
 * stops an addition not yet made.
 */
export function showImported(
  map: maplibregl.Map,
  set: ImportedSet | null,
  style: ImportedStyle,
  palette: Palette,
  clock: () => MapClock,
  onadded: (layer: ImportedLayer) => void,
): () => void {
  if (map.getLayer(ids.importedEvents)) map.removeLayer(ids.importedEvents);
  if (!set) return () => {};
  // On the next frame, not in the task that received the set from the worker: compiling the
  // layer's programs and uploading 2,000,000 points there would lengthen the page's longest
  // pause while a file is read (npm run bench -- million times both).
  // The density layer's code loads on first use, as the import's own does.
  let removed = false;
  const add = (layer: ImportedLayer) => {
    if (removed) return;
    map.addLayer(layer, ids.placesCircle);
    layer.setClock(clock());
    onadded(layer);
  };
  const frame = requestAnimationFrame(() => {
    if (style === 'density') void import('./density-layer.ts').then(({ DensityLayer }) => add(new DensityLayer(ids.importedEvents, set)));
    else add(new TimePointsLayer(ids.importedEvents, set, palette.imported));
  });
  return () => {
    removed = true;
    cancelAnimationFrame(frame);
  };
}

/** The imported event shown nearest `at` within PICK_PX at the map's zoom, or -1. */
export function importedEventAt(map: maplibregl.Map, set: ImportedSet | null, at: maplibregl.LngLat, { t, mode, windowDays }: MapClock): number {
  if (!set || !map.getLayer(ids.importedEvents)) return -1;
  const [x, y] = mercatorUnit(at.lng, at.lat);
  return pickNearest(set, x, y, PICK_PX / (512 * 2 ** map.getZoom()), (k) => isVisible({ t0: set.t0[k], t1: set.t1[k] }, t, mode, windowDays));
}
