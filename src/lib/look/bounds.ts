// The map's two extents, as [west, south, east, north] in degrees. Plain numbers, so the import
// worker and the figures can read them without the map style.

/** Iraq with a margin: west of Al-Qa'im to the Iranian border, the Gulf to the Turkish border. */
export const iraqBounds: [number, number, number, number] = [38.6, 28.9, 48.9, 37.5];

/**
 * What the neighbouring countries cover (geo/build/context.ts clips them to it): land can be drawn
 * to the edge of any view inside it, the map never shows beyond it, and figures refuse views beyond it.
 */
export const contextBounds: [number, number, number, number] = [24, 12, 64, 46];
