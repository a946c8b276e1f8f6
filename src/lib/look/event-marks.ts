// How an event is drawn, in one place for the screen's GPU layer (event-rings-layer.ts) and the
// figures (print/geometry.ts): a filled halo when it is dated to the day, an open ring when it is
// dated to a month, a year or a span, the ring faded by the share of its span in view (fade.ts).
import type { ZoomStops } from './sizes.ts';

export const eventMark = {
  /** Radius in CSS pixels on screen, by zoom. */
  radius: [4, 8, 10, 13] as ZoomStops,
  /** Smaller in a figure: a printed map is read closer and holds more at once. */
  printRadius: [4, 6, 10, 11] as ZoomStops,
  /** The halo inside the ring: an uncertain date has none. */
  fillOpacity: { day: 0.28, uncertain: 0 },
  /** Drawn outside the radius, as MapLibre draws a circle's stroke. */
  strokeWidth: { day: 1.2, uncertain: 1.6 },
  /** Added to the stroke of the events at the place under the pointer. */
  hoverWidth: 1.4,
} as const;
