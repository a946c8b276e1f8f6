// A collection served from PostGIS (npm run db -- serve) in a figure. The server counts the
// window's events in the cells of the Web Mercator grid (its /cells answer, atlas.tile_cells, the
// same counts the map's tiles draw), so each square a figure fills holds exactly the events its
// count says: the squares are the grid's cells, at the zoom whose cells are nearest
// FIGURE_CELL_MM wide on the page, never the figure's own squares filled from a guess. Pure: the
// page fetches the cells (server/figure-cells.ts) and the scene draws them.
import { densityClass, densityClasses, FIGURE_CELL_MM } from '../look/density.ts';
import { mercator } from '../look/mercator.ts';
import { boxExtent, type Bounds, type Box, type Camera } from './camera.ts';
import type { Rect } from './clip.ts';
import { rect, type Item } from './items.ts';
import { CSS_DPI, MM_PER_INCH } from './page.ts';

/** The server's grid runs from zoom 6 (a tile's 64 cells at zoom 0) to 20. */
export const SERVED_LEVELS = { min: 6, max: 20 } as const;

/** What a panel needs from the server: the grid's zoom, and the frame's extent in degrees. */
export interface ServedNeed {
  level: number;
  bbox: Bounds;
}

/** What the server answered for a panel: [column, row, events] of each cell holding any, at `level`, over at least `bbox`. */
export interface ServedCells extends ServedNeed {
  cells: [number, number, number][];
}

export interface ServedLayer {
  /** The collection, as the credit line and the legend name it (the file it was loaded from). */
  name: string;
  /** The cells fetched for each panel, by the panel's index; null where none are fetched yet. */
  cells: (ServedCells | null)[];
}

/** A cell's width on the page at a camera, in CSS pixels (the world is 512 × 2^zoom of them wide). */
const cellWidth = (camera: Camera, level: number) => (512 * 2 ** camera.zoom) / 2 ** level;

export function servedNeed(camera: Camera, box: Box): ServedNeed {
  const wanted = (FIGURE_CELL_MM * CSS_DPI) / MM_PER_INCH;
  // The level whose cells are nearest `wanted` wide, on a log scale: each level halves them.
  const level = Math.min(SERVED_LEVELS.max, Math.max(SERVED_LEVELS.min, Math.round(Math.log2(cellWidth(camera, 0) / wanted))));
  const ring = boxExtent(camera, box);
  return { level, bbox: [ring[0][0], ring[2][1], ring[1][0], ring[0][1]] };
}

/** Whether cells fetched earlier serve a need: the same grid, over at least the frame. */
export const covers = (got: ServedCells | null | undefined, need: ServedNeed): got is ServedCells =>
  !!got && got.level === need.level && got.bbox[0] <= need.bbox[0] && got.bbox[1] <= need.bbox[1] && got.bbox[2] >= need.bbox[2] && got.bbox[3] >= need.bbox[3];

/** What a panel drew: the events in its squares, how many squares, and their width in mm. */
export interface ServedDrawn {
  events: number;
  cells: number;
  mm: number;
}

/**
 * The cells as squares cut to the frame, one path per density class (the classes of the screen's
 * served squares and of a reader's dense import). A square the frame cuts is drawn and counted
 * whole: the server's count is of its cell, not of the part in view.
 */
export function drawServed(got: ServedCells, camera: Camera, box: Box, frame: Rect, items: Item[]): ServedDrawn {
  const width = cellWidth(camera, got.level);
  // The grid's origin (the world's top-left corner) on the page: the camera's centre is the box's.
  const [cx, cy] = mercator(camera.center[0], camera.center[1], camera.zoom);
  const [x0, y0] = [box.x + box.width / 2 - cx, box.y + box.height / 2 - cy];
  const paths: string[] = densityClasses.map(() => '');
  let events = 0;
  let cells = 0;
  for (const [column, row, n] of got.cells) {
    const [left, top] = [x0 + column * width, y0 + row * width];
    const [a, b] = [Math.max(left, frame.x0), Math.max(top, frame.y0)];
    const [c, d] = [Math.min(left + width, frame.x1), Math.min(top + width, frame.y1)];
    if (c <= a || d <= b) continue;
    paths[densityClass(n)] += rect(a, b, c - a, d - b);
    events += n;
    cells++;
  }
  paths.forEach((d, i) => d && items.push({ kind: 'path', d, paint: { fill: densityClasses[i].colour, fillOpacity: 0.85 } }));
  return { events, cells, mm: (width * MM_PER_INCH) / CSS_DPI };
}
