// The atlas with the texts this browser keeps laid over it, at start-up (main.ts loads this only
// when there are some). A record of an older shape is brought up to date (kept.ts); one that cannot
// be read, or a text that no longer passes the data contract, is reported and left out, never dropped;
// a database the browser refuses is reported too, and the shipped atlas shown as it is.
import type { Problem } from '../data/problem.ts';
import type { Atlas } from '../data/schema.ts';
import type { OwnText } from './draft.ts';
import { withOwnTexts } from './merge.ts';
import { readKept, type UnreadableKept } from './kept.ts';
import { readKeptRecords } from './store.ts';

export interface WithStored {
  atlas: Atlas;
  problems: Problem[];
  /** The ids of the own texts in the atlas. */
  own: Set<string>;
  /** Every text kept and read, in the atlas or not (the panel lists them all, to edit or remove). */
  texts: OwnText[];
  /** Records kept that could not be read as texts: shown with their problem, to download or remove. */
  unreadable: UnreadableKept[];
}

const KEPT_FILE = 'your texts (kept in this browser)';

export async function withStoredTexts(atlas: Atlas): Promise<WithStored> {
  let records: unknown[];
  try {
    records = await readKeptRecords();
  } catch (error) {
    const message = `the browser's database could not be read (${error instanceof Error ? error.message : String(error)}); your texts are not shown`;
    return { atlas, own: new Set(), texts: [], unreadable: [], problems: [{ file: KEPT_FILE, path: '', message }] };
  }
  const texts: OwnText[] = [];
  const unreadable: UnreadableKept[] = [];
  const problems: Problem[] = [];
  for (const record of records) {
    const read = readKept(record);
    if (read.ok) texts.push(read.own);
    else {
      unreadable.push(read);
      problems.push({
        file: KEPT_FILE,
        feature: read.id ?? undefined,
        path: '',
        message: `“${read.title}” could not be read: ${read.problem}. It is kept as it was; download it from Your texts.`,
      });
    }
  }
  const merged = withOwnTexts(atlas, texts);
  return { ...merged, problems: [...problems, ...merged.problems], texts, unreadable };
}
