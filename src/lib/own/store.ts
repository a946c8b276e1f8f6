// The reader's own texts, kept in this browser (IndexedDB) so they survive a reload. Nothing
// leaves the browser. A count in localStorage lets the page skip the database (and the code that
// merges the texts) on a load when there is nothing to merge.
import { OWN_COUNT_KEY } from './count-key.ts';
import type { OwnText } from './draft.ts';
import { keptStore } from '../ui/kept-store.ts';
import { toKept } from './kept.ts';

const { run } = keptStore('iraq-war-atlas', 'own-texts', 'entry.id');

/** Every record kept, as it was written (kept.ts reads each, whatever version wrote it). */
export const readKeptRecords = (): Promise<unknown[]> => run('readonly', (s) => s.getAll() as IDBRequest<unknown[]>);

async function recount(): Promise<void> {
  const n = await run('readonly', (s) => s.count());
  if (n) localStorage.setItem(OWN_COUNT_KEY, String(n));
  else localStorage.removeItem(OWN_COUNT_KEY);
}

/** Keeps a text (replacing the one with its id). A plain object: a Svelte state proxy cannot be stored. */
export async function saveOwnText(own: OwnText): Promise<void> {
  await run('readwrite', (s) => s.put(toKept(own)));
  await recount();
}

export async function removeOwnText(id: string): Promise<void> {
  await run('readwrite', (s) => s.delete(id));
  await recount();
}
