// The map's two extents, as [west, south, east, north] in degrees. Plain numbers, so the import
// worker and the figures can read them without the map style.

/** Iraq with a margin: west of Al-Qa'im to the Iranian border, the Gulf to the Turkish border. */
export const iraqBounds: [number, number, number, number] = [38.6, 28.9, 48.9, 37.5];

/**
 * What the neighbouring countries cover (geo/build/context.ts clips them to it): land can be drawn
 * to the edge of any view inside it, the map never shows beyond it, and figures refuse views beyond it.
 */
export const contextBounds: [number, number, number, number] = [24, 12, 64, 46];

// Figures ask for each governorate's extent on every layout (a video, on every frame): each shape
// is read once.
const extents = new WeakMap<object, [number, number, number, number]>();

/** A polygon's or multipolygon's extent, as [west, south, east, north] in degrees. */
export function bboxOf(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): [number, number, number, number] {
  const known = extents.get(geometry);
  if (known) return known;
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings)
    for (const [x, y] of ring) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  extents.set(geometry, b);
  return b;
}
