// The reader's own tours at load (issue 41): those kept in this browser, and one a shared link
// carries, each checked as a tour file is (tour.ts checkTour), its problems named by chapter and
// field. A tour that fails is left out and said; the rest are played as the shipped tour is.
import type { Problem } from '../data/problem.ts';
import type { Atlas } from '../data/schema.ts';
import { readShared } from './own-tour.ts';
import { SHARED_KEY } from './shared-link.ts';
import { checkTour, type Tour } from './tour.ts';
import { readKeptTours } from './tour-store.ts';

export const tourFile = (id: string): string => `places/tours/${id}.json`;

/** Checks a tour the reader made, loaded or was sent; `where` names it in a problem ("your tour", "the link"). */
export function checkOwnTour(raw: unknown, atlas: Atlas, own: 'kept' | 'link'): { tour: Tour | null; problems: Problem[] } {
  const id = (raw as { id?: unknown })?.id;
  const checked = checkTour(tourFile(typeof id === 'string' ? id : 'tour'), raw, atlas);
  return { tour: checked.tour && { ...checked.tour, own }, problems: checked.problems };
}

export async function keptTours(atlas: Atlas): Promise<{ tours: Tour[]; problems: Problem[]; raw: unknown[] }> {
  const raw = await readKeptTours().catch(() => []);
  const checked = raw.map((r) => checkOwnTour(r, atlas, 'kept'));
  return { tours: checked.flatMap((c) => (c.tour ? [c.tour] : [])), problems: checked.flatMap((c) => c.problems), raw };
}

export function sharedTour(value: string, atlas: Atlas): { tour: Tour | null; problems: Problem[] } {
  const read = readShared(value);
  if (!read.ok) return { tour: null, problems: [{ file: 'the link', path: SHARED_KEY, message: read.error }] };
  return checkOwnTour(read.raw, atlas, 'link');
}
