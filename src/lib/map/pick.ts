// Which point of a GPU layer a click (or a tap, or the pointer) meant: the nearest one shown within
// a radius, found by a scan of the layer's own columns (Web Mercator units), quick enough for
// 400,000 rows on a click.
import type { TimePoints } from './time-points-layer.ts';

/** The index of the nearest shown point within `radius` of (x, y), in Mercator units; -1 if none. */
export function pickNearest(set: Pick<TimePoints, 'count' | 'x' | 'y'>, x: number, y: number, radius: number, shown: (i: number) => boolean): number {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < set.count; i++) {
    const dx = set.x[i] - x;
    const dy = set.y[i] - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD && shown(i)) {
      best = i;
      bestD = d;
    }
  }
  return best;
}
