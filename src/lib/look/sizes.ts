// Line widths that follow the zoom, in CSS pixels at zoom stops: one home for the map style
// (layers.ts builds MapLibre expressions from them) and the figures (print/geometry.ts evaluates
// them at the figure's zoom), so rivers widen in a figure as they do on screen.
// https://maplibre.org/maplibre-style-spec/expressions/#interpolate

/** [zoom, width] at two stops; linear between, held beyond. */
export type ZoomStops = readonly [z0: number, w0: number, z1: number, w1: number];

export const widths = {
  /** Major rivers (WDBII levels 0–1: the Tigris, the Euphrates). */
  majorRiver: [4, 1.1, 9, 2.4],
  /** Minor rivers (levels 2–3). */
  minorRiver: [4, 0.5, 9, 1.2],
  coast: [4, 0.8, 9, 0.8],
  governorateLine: [4, 0.6, 9, 1.6],
  countryBorder: [4, 1, 9, 2.2],
} as const satisfies Record<string, ZoomStops>;

/** The width at a zoom, as MapLibre's linear interpolate gives it. */
export const widthAt = ([z0, w0, z1, w1]: ZoomStops, zoom: number): number => w0 + (w1 - w0) * Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));
