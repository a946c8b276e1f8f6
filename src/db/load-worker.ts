// The load's worker thread: reads the file (copy-batches.ts) and posts its batches of COPY text to
// the main thread, which only writes them to PostgreSQL. Reading and checking a row costs Node
// several microseconds; on one thread PostgreSQL sat idle while a batch was being read, and the
// reading waited while it was sent. At most AHEAD batches wait unsent, so memory stays flat if
// PostgreSQL is the slower.
import { parentPort, workerData } from 'node:worker_threads';
import type { RecordUnit } from '../lib/import/rows.ts';
import { readCopyBatches, type CopyBatch, type ReadOptions } from './copy-batches.ts';

export type FromWorker =
  | { type: 'fatal'; message: string }
  | { type: 'ready'; unit: RecordUnit }
  | ({ type: 'batch' } & CopyBatch)
  | { type: 'done' }
  | { type: 'error'; message: string };
export type ToWorker = { type: 'more' };

const AHEAD = 4;
const port = parentPort!;
const { path, options } = workerData as { path: string; options: ReadOptions };
let credit = AHEAD;
let wake: (() => void) | null = null;
port.on('message', (m: ToWorker) => {
  if (m.type === 'more') credit++;
  wake?.();
});
const post = (m: FromWorker) => port.postMessage(m, m.type === 'batch' ? [m.keys.buffer as ArrayBuffer] : []);

try {
  const reading = await readCopyBatches(path, options);
  if ('fatal' in reading) post({ type: 'fatal', message: reading.fatal });
  else {
    post({ type: 'ready', unit: reading.unit });
    for await (const batch of reading.batches) {
      while (credit === 0) await new Promise<void>((r) => (wake = r));
      credit--;
      post({ type: 'batch', ...batch });
    }
    post({ type: 'done' });
  }
} catch (e) {
  post({ type: 'error', message: (e as Error).message });
}
// Nothing more to hear: let the thread end.
port.removeAllListeners('message');
