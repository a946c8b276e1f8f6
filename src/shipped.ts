// The atlas as the page receives it: loaded, checked and versioned once. The build does this
// (src/build/shipped-atlas.ts) and fails on any problem, so a visitor's page only parses the
// result; `npm run dev` does it in the page instead, so broken data still shows its red notice.
import type { RawFiles } from './lib/data/files.ts';
import { loadAtlas } from './lib/data/load.ts';
import type { Problem } from './lib/data/problem.ts';
import type { Atlas } from './lib/data/schema.ts';
import { loadTours } from './lib/tour/check-tour.ts';
import type { Tour } from './lib/tour/tour.ts';
import { atlasDataVersion } from './lib/data/version.ts';

export interface Shipped {
  atlas: Atlas;
  tours: Tour[];
  /** Every problem found in the data; always empty in a build, which refuses to ship any. */
  problems: Problem[];
  /** The data version, a content hash of the input files: printed on figures. */
  version: string;
}

export async function shipData(files: RawFiles): Promise<Shipped> {
  const { atlas, problems } = loadAtlas(files);
  const loaded = loadTours(files, atlas);
  return { atlas, tours: loaded.tours, problems: [...problems, ...loaded.problems], version: await atlasDataVersion(files) };
}
