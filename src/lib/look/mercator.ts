// Web Mercator as MapLibre draws it: a world of 512 × 2^zoom CSS pixels (512-px tiles), latitude
// clamped to ±85.0511°. Figures lay out with it; imported events go to the GPU in its 0..1 units.

const LAT_LIMIT = 85.0511;

/** Longitude and latitude in the unit square (0..1 each, y down), as MapLibre custom layers take them. */
export function mercatorUnit(lng: number, lat: number): [number, number] {
  const phi = (Math.max(-LAT_LIMIT, Math.min(LAT_LIMIT, lat)) * Math.PI) / 180;
  return [(lng + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

/** In CSS pixels of the world at a zoom. */
export function mercator(lng: number, lat: number, zoom: number): [number, number] {
  const world = 512 * 2 ** zoom;
  const [x, y] = mercatorUnit(lng, lat);
  return [x * world, y * world];
}

/** The inverse: CSS pixels at a zoom → longitude and latitude. */
export function unmercator(x: number, y: number, zoom: number): [number, number] {
  const world = 512 * 2 ** zoom;
  return [(x / world) * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / world))) * 180) / Math.PI];
}
