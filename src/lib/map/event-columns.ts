// The shipped events as the GPU layer takes them (event-rings-layer.ts): columns of numbers, in
// the order they are drawn. Each place's events lie together, so the selected place's can be drawn
// again on top with one call, and places go in the dots' priority (cities last, so on top), so a
// site drawn approximately at its city's point does not hide the city's events.
import type { Atlas } from '../data/schema.ts';
import { eventPoints, type EventFilters } from '../data/features.ts';
import { mercatorUnit } from '../look/mercator.ts';
import type { TimePoints } from './time-points-layer.ts';

/** The dots' draw order (layers.ts circle-sort-key): higher is drawn later, on top. */
const priority: Record<string, number> = { city: 3, district: 2 };

export interface EventColumns extends TimePoints {
  /** 1 where the event is dated to a month, a year or a span (an open ring), else 0. */
  uncertain: Float32Array;
  /** Index into placeIds. */
  place: Float32Array;
  /** The event at each index. */
  ids: string[];
  lngLat: [number, number][];
  placeIds: string[];
  /** [first index, count] of each place's events, by place index. */
  ranges: [number, number][];
}

export function eventColumns(atlas: Atlas, filters?: EventFilters): EventColumns {
  const kind = new Map(atlas.places.map((p) => [p.id, p.properties.kind as string]));
  const rank = (placeId: string) => priority[kind.get(placeId) ?? ''] ?? 1;
  const features = eventPoints(atlas, filters).features.map((f) => ({
    ...(f.properties as { id: string; placeId: string; t0: number; t1: number; uncertain: boolean }),
    at: f.geometry.coordinates as [number, number],
  }));
  features.sort(
    (a, b) =>
      rank(a.placeId) - rank(b.placeId) ||
      (a.placeId < b.placeId ? -1 : a.placeId > b.placeId ? 1 : 0) ||
      // Within a place, events to the day over the open rings.
      Number(b.uncertain) - Number(a.uncertain) ||
      a.t0 - b.t0,
  );
  const count = features.length;
  const columns: EventColumns = {
    count,
    x: new Float32Array(count),
    y: new Float32Array(count),
    t0: new Float32Array(count),
    t1: new Float32Array(count),
    uncertain: new Float32Array(count),
    place: new Float32Array(count),
    ids: [],
    lngLat: [],
    placeIds: [],
    ranges: [],
  };
  features.forEach((e, i) => {
    [columns.x[i], columns.y[i]] = mercatorUnit(...e.at);
    columns.t0[i] = e.t0;
    columns.t1[i] = e.t1;
    columns.uncertain[i] = e.uncertain ? 1 : 0;
    if (columns.placeIds.at(-1) !== e.placeId) {
      columns.placeIds.push(e.placeId);
      columns.ranges.push([i, 0]);
    }
    columns.ranges[columns.ranges.length - 1][1]++;
    columns.place[i] = columns.placeIds.length - 1;
    columns.ids.push(e.id);
    columns.lngLat.push(e.at);
  });
  return columns;
}
