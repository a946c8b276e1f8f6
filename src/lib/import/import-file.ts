// The page's side of an import: hands the file to a worker and relays its progress. Nothing
// leaves the browser: the file is read locally.
import type { ImportResult } from './read.ts';
import type { WorkerMessage, WorkerRequest } from './import.worker.ts';
import type { ColumnChoice } from './columns.ts';

export function importFile(file: File, onProgress: (fraction: number) => void, choice?: ColumnChoice): Promise<ImportResult> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ImportResult>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if ('progress' in m) onProgress(m.progress);
      else if ('result' in m) resolve(m.result);
      else reject(new Error(m.error));
    };
    worker.onerror = (e) => reject(new Error(`${file.name}: the import failed (${e.message}).`));
    worker.postMessage({ file, choice } satisfies WorkerRequest);
  }).finally(() => worker.terminate());
}
