// The reader's own texts, kept in this browser (IndexedDB) so they survive a reload. Nothing
// leaves the browser. A count in localStorage lets the page skip the database (and the code that
// merges the texts) on a load when there is nothing to merge.
import { OWN_COUNT_KEY } from './count-key.ts';
import type { OwnText } from './draft.ts';
import { toKept } from './kept.ts';

const DB = 'iraq-war-atlas';
const STORE = 'own-texts';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    // A later version may raise the database's version: the store is made only where it is missing,
    // so the texts kept in it are never dropped by an upgrade (issue 37).
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'entry.id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the browser refused its database'));
  });
}

/** Runs one request in a transaction and resolves when the transaction is done (so it is on disk). */
async function run<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = use(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? request.error ?? new Error('the browser could not write its database'));
      tx.onabort = () => reject(tx.error ?? new Error('the browser stopped writing its database (is it full?)'));
    });
  } finally {
    db.close();
  }
}

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
