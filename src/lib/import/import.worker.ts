// Reads an imported file off the main thread: posts progress as it goes, then the events as
// transferable columns, so the page stays responsive for 400,000 rows.
import { readCsv, readGeoJson, readRecords, type ImportResult } from './read.ts';
import { arrowRecords, columnarKind, parquetRecords } from './columnar.ts';
import type { ColumnChoice } from './columns.ts';

export type WorkerMessage = { progress: number } | { result: ImportResult } | { error: string };
/** The file, and the columns the reader chose for it (none: the atlas recognises them or asks). */
export interface WorkerRequest {
  file: File;
  choice?: ColumnChoice;
}

/** By the file's name (browsers give Parquet and Arrow no type): columnar, GeoJSON, or else CSV. */
async function readFile(file: File, progress: (fraction: number) => void, choice?: ColumnChoice): Promise<ImportResult> {
  const columnar = columnarKind(file.name);
  if (columnar) {
    try {
      return await readRecords(file.name, columnar === 'parquet' ? await parquetRecords(file) : await arrowRecords(file), progress, choice);
    } catch (e) {
      // The libraries' words ("footer != PAR1"), with the file and what it was read as.
      throw new Error(`${file.name}: not a readable ${columnar === 'parquet' ? 'Parquet' : 'Arrow IPC'} file (${(e as Error).message}).`, { cause: e });
    }
  }
  if (/\.(geo)?json$/i.test(file.name) || file.type.includes('json')) return readGeoJson(file.name, await file.text(), progress, choice);
  return readCsv(file.name, file, progress, choice);
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { file, choice } = e.data;
  const progress = (fraction: number) => self.postMessage({ progress: fraction } satisfies WorkerMessage);
  try {
    const result = await readFile(file, progress, choice);
    const { set } = result;
    self.postMessage({ result } satisfies WorkerMessage, {
      transfer: [set.x.buffer, set.y.buffer, set.t0.buffer, set.t1.buffer, set.lngLat.buffer, set.rows.buffer, set.labels.ends.buffer, set.sources.ends.buffer],
    });
  } catch (err) {
    self.postMessage({ error: (err as Error).message } satisfies WorkerMessage);
  }
};
