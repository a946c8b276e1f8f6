// Reads an imported file off the main thread: posts progress as it goes, then the events as
// transferable columns, so the page stays responsive for 400,000 rows.
import { readCsv, readGeoJson, type ImportResult } from './read.ts';
import type { ColumnChoice } from './columns.ts';

export type WorkerMessage = { progress: number } | { result: ImportResult } | { error: string };
/** The file, and the columns the reader chose for it (none: the atlas recognises them or asks). */
export interface WorkerRequest {
  file: File;
  choice?: ColumnChoice;
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { file, choice } = e.data;
  const progress = (fraction: number) => self.postMessage({ progress: fraction } satisfies WorkerMessage);
  try {
    const isJson = /\.(geo)?json$/i.test(file.name) || file.type.includes('json');
    const result = isJson ? readGeoJson(file.name, await file.text(), progress, choice) : await readCsv(file.name, file, progress, choice);
    const { set } = result;
    self.postMessage({ result } satisfies WorkerMessage, {
      transfer: [set.x.buffer, set.y.buffer, set.t0.buffer, set.t1.buffer, set.lngLat.buffer, set.rows.buffer],
    });
  } catch (err) {
    self.postMessage({ error: (err as Error).message } satisfies WorkerMessage);
  }
};
