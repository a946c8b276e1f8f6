// A worker thread's entry, in JavaScript: a worker does not inherit tsx's loader from the command
// (or from Vitest), so it registers it here, then loads the TypeScript module that workerData
// names (`module`, a file URL); that module reads the rest of workerData itself. The load's
// reader (load-worker.ts) and the bench's readers (cli/bench-readers.ts) start this way.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
