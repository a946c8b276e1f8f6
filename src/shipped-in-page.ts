// `npm run dev`: the input files are bundled raw and checked in the page, so an edit shows at once
// and a broken file shows its red notice instead of stopping the server.
import { bundledFiles } from './lib/data/files-vite.ts';
import { shipData, type Shipped } from './shipped.ts';

export const loadShipped = (): Promise<Shipped> => shipData(bundledFiles);
