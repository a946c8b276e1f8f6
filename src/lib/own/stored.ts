// The atlas with the texts this browser keeps laid over it, at start-up (main.ts loads this only
// when there are some). A text that no longer passes the data contract is reported and left out;
// a database the browser refuses is reported too, and the shipped atlas shown as it is.
import type { Problem } from '../data/problem.ts';
import type { Atlas } from '../data/schema.ts';
import type { OwnText } from './draft.ts';
import { withOwnTexts } from './merge.ts';
import { readOwnTexts } from './store.ts';

export interface WithStored {
  atlas: Atlas;
  problems: Problem[];
  /** The ids of the own texts in the atlas. */
  own: Set<string>;
  /** Every text kept, in the atlas or not (the panel lists them all, to edit or remove). */
  texts: OwnText[];
}

export async function withStoredTexts(atlas: Atlas): Promise<WithStored> {
  let texts: OwnText[];
  try {
    texts = await readOwnTexts();
  } catch (error) {
    const message = `the browser's database could not be read (${error instanceof Error ? error.message : String(error)}); your texts are not shown`;
    return { atlas, own: new Set(), texts: [], problems: [{ file: 'your texts (kept in this browser)', path: '', message }] };
  }
  return { ...withOwnTexts(atlas, texts), texts };
}
