// The load worker's entry, in JavaScript: a worker thread does not inherit tsx's loader from the
// command (or from Vitest), so it registers it here before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./load-worker.ts');
