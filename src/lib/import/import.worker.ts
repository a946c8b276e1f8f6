// Reads an imported file off the main thread: posts progress as it goes, then the events as
// transferable columns, so the page stays responsive for 400,000 rows.
import { readCsv, readGeoJson, type ImportResult } from './read.ts';

export type WorkerMessage = { progress: number } | { result: ImportResult } | { error: string };

self.onmessage = async (e: MessageEvent<File>) => {
  const file = e.data;
  const progress = (fraction: number) => self.postMessage({ progress: fraction } satisfies WorkerMessage);
  try {
    const isJson = /\.(geo)?json$/i.test(file.name) || file.type.includes('json');
    const result = isJson ? readGeoJson(file.name, await file.text(), progress) : await readCsv(file.name, file, progress);
    const { set } = result;
    self.postMessage({ result } satisfies WorkerMessage, {
      transfer: [set.x.buffer, set.y.buffer, set.t0.buffer, set.t1.buffer, set.lngLat.buffer, set.rows.buffer],
    });
  } catch (err) {
    self.postMessage({ error: (err as Error).message } satisfies WorkerMessage);
  }
};
