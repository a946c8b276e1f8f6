// One object store of this browser's IndexedDB, for what a reader keeps (their texts, their tours):
// nothing leaves the browser. A request resolves when its transaction is done, so it is on disk.
// A store is made only where it is missing, so what is kept in it is never dropped by an upgrade
// (issue 37).

export interface KeptStore {
  run<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T>;
}

export function keptStore(database: string, name: string, keyPath: string): KeptStore {
  const open = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(database, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name, { keyPath });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('the browser refused its database'));
    });
  return {
    async run(mode, use) {
      const db = await open();
      try {
        return await new Promise((resolve, reject) => {
          const tx = db.transaction(name, mode);
          const request = use(tx.objectStore(name));
          tx.oncomplete = () => resolve(request.result);
          tx.onerror = () => reject(tx.error ?? request.error ?? new Error('the browser could not write its database'));
          tx.onabort = () => reject(tx.error ?? new Error('the browser stopped writing its database (is it full?)'));
        });
      } finally {
        db.close();
      }
    },
  };
}
