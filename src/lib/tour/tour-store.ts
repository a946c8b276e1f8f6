// The reader's own tours, kept in this browser (IndexedDB), apart from their texts (own/store.ts):
// a database of their own, so neither can upgrade the other away. Nothing leaves the browser. A
// count in localStorage lets the page skip the database on a load when no tour is kept.
import { keptStore } from '../ui/kept-store.ts';
import { TOUR_COUNT_KEY } from './count-key.ts';
import type { TourFile } from './tour.ts';

const { run } = keptStore('iraq-war-atlas-tours', 'own-tours', 'id');

/** Every tour kept, as it was written (checked by tour.ts before it is played). */
export const readKeptTours = (): Promise<unknown[]> => run('readonly', (s) => s.getAll() as IDBRequest<unknown[]>);

async function recount(): Promise<void> {
  const n = await run('readonly', (s) => s.count());
  if (n) localStorage.setItem(TOUR_COUNT_KEY, String(n));
  else localStorage.removeItem(TOUR_COUNT_KEY);
}

/** Keeps a tour (replacing the one with its id). A plain object: a Svelte state proxy cannot be stored. */
export async function saveOwnTour(tour: TourFile): Promise<void> {
  await run('readwrite', (s) => s.put(JSON.parse(JSON.stringify(tour)) as TourFile));
  await recount();
}

export async function removeOwnTour(id: string): Promise<void> {
  await run('readwrite', (s) => s.delete(id));
  await recount();
}
