// A figure or a video frame of a served collection: the scene says which cells each panel needs
// (print/served.ts), they are fetched from the server, and the figure is laid out again with them.
// Fetching can change the layout (the caption grows by the counts, the map shrinks by a line), so
// this repeats until every panel's cells cover its frame: in practice once.
import type { Atlas } from '../data/schema.ts';
import type { FigureFonts } from '../print/fonts.ts';
import { buildScene, type FigureSpec } from '../print/scene.ts';
import { covers, type ServedCells, type ServedNeed } from '../print/served.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import { fetchCells } from './collection.ts';
import { windowQuery } from './window-query.ts';

export type CellsFetcher = (view: ViewSnapshot, need: ServedNeed) => Promise<ServedCells>;

/** Asked for beyond the frame on each side, so a frame that moves a little as the layout settles is still covered. */
const MARGIN = 0.1;

/** Cells from a collection server, each answer kept for the figure or video that asks again. */
export function cellsFromServer(base: string): CellsFetcher {
  const answers = new Map<string, Promise<ServedCells>>();
  return (view, { level, bbox: [w, s, e, n] }) => {
    const [dx, dy] = [(e - w) * MARGIN, (n - s) * MARGIN];
    const bbox: ServedCells['bbox'] = [w - dx, Math.max(-85, s - dy), e + dx, Math.min(85, n + dy)];
    const query = windowQuery(view.t, view.mode, view.windowDays);
    const key = `${query} ${level} ${bbox.join(',')}`;
    if (!answers.has(key)) {
      const answer = fetchCells(base, query, level, bbox).then((cells) => ({ level, bbox, cells }));
      // A failed answer is not kept: asking again may succeed.
      answer.catch(() => answers.delete(key));
      answers.set(key, answer);
    }
    return answers.get(key)!;
  };
}

/** The spec with every panel's served cells in place (unchanged without a served collection). */
export async function withServedCells(atlas: Atlas, spec: FigureSpec, fonts: FigureFonts, fetch: CellsFetcher): Promise<FigureSpec> {
  let current = spec;
  for (let round = 0; current.served; round++) {
    const { served } = buildScene(atlas, current, fonts);
    if (!served || served.complete) return current;
    if (round === 3) throw new Error(`The figure's frame kept moving while the served collection's counts were fetched for it: try another page size.`);
    const had = current.served.cells;
    const cells = await Promise.all(served.needs.map((need, i) => (covers(had[i], need) ? had[i] : fetch(current.panels[i], need))));
    current = { ...current, served: { ...current.served, cells } };
  }
  return current;
}
