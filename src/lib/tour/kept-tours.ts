// The reader's own tours at load (issue 41): those kept in this browser, and one a shared link
// carries, each checked as a tour file is (tour.ts checkTour), its problems named by chapter and
// field. A tour that fails is left out and said; the rest are played as the shipped tour is.
import type { Problem } from '../data/problem.ts';
import type { Atlas } from '../data/schema.ts';
import { readShared } from './own-tour.ts';
import { SHARED_KEY } from './shared-link.ts';
import { checkTour } from './check-tour.ts';
import type { Tour } from './tour.ts';
import { readKeptTours } from './tour-store.ts';

export const tourFile = (id: string): string => `places/tours/${id}.json`;

/** Checks a tour the reader made, loaded or was sent; `where` names it in a problem ("your tour", "the link"). */
export function checkOwnTour(raw: unknown, atlas: Atlas, own: 'kept' | 'link'): { tour: Tour | null; problems: Problem[] } {
  const id = (raw as { id?: unknown })?.id;
  const checked = checkTour(tourFile(typeof id === 'string' ? id : 'tour'), raw, atlas);
  return { tour: checked.tour && { ...checked.tour, own }, problems: checked.problems };
}

/**
 * A tour file with problems, opened with what can be kept (issue 41: a file from another version,
 * or quoting a text this browser lacks, loses nothing it need not): a reference to a quote, place
 * or event the atlas does not have is left out of its chapter, and a chapter whose own view is
 * wrong is left out of the tour, each problem named. A tour whose id, title or summary is wrong,
 * or left with no chapter, is not opened.
 */
export function salvageTour(raw: unknown, atlas: Atlas, own: 'kept' | 'link'): { tour: Tour | null; problems: Problem[] } {
  const first = checkOwnTour(raw, atlas, own);
  if (first.tour || !first.problems.every((p) => /^chapters\[\d+\]/.test(p.path))) return first;
  const refs = /^chapters\[(\d+)\]\.(quotes|places|events)\[(\d+)\]$/;
  const wrongChapters = new Set(first.problems.flatMap((p) => (refs.test(p.path) ? [] : [Number(/^chapters\[(\d+)\]/.exec(p.path)![1])])));
  const drop = new Set(first.problems.flatMap((p) => (refs.test(p.path) ? [p.path] : [])));
  const source = raw as { chapters: Record<string, unknown>[] };
  const chapters = source.chapters.flatMap((c, i) => {
    if (wrongChapters.has(i)) return [];
    const kept = { ...c };
    for (const list of ['quotes', 'places', 'events'] as const)
      if (Array.isArray(c[list])) kept[list] = (c[list] as unknown[]).filter((_, j) => !drop.has(`chapters[${i}].${list}[${j}]`));
    return [kept];
  });
  const second = checkOwnTour({ ...source, chapters }, atlas, own);
  const said = first.problems.map((p) => ({
    ...p,
    message: `${p.message}; ${refs.test(p.path) ? 'left out of the chapter' : 'the chapter is left out'}`,
  }));
  return { tour: second.tour, problems: second.tour ? said : [...said, ...second.problems] };
}

export async function keptTours(atlas: Atlas): Promise<{ tours: Tour[]; problems: Problem[]; raw: unknown[] }> {
  const raw = await readKeptTours().catch(() => []);
  const checked = raw.map((r) => salvageTour(r, atlas, 'kept'));
  return { tours: checked.flatMap((c) => (c.tour ? [c.tour] : [])), problems: checked.flatMap((c) => c.problems), raw };
}

export function sharedTour(value: string, atlas: Atlas): { tour: Tour | null; problems: Problem[] } {
  const read = readShared(value);
  if (!read.ok) return { tour: null, problems: [{ file: 'the link', path: SHARED_KEY, message: read.error }] };
  return salvageTour(read.raw, atlas, 'link');
}
