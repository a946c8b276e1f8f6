// The readers' worker entry, in JavaScript: a worker thread does not inherit tsx's loader from
// the command, so it registers it here before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./bench-readers.ts');
