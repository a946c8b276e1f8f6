// A reader's own text as the files a clone of the atlas takes: places/sources/<id>.txt, the index
// with its entry, and its place files. Zipped for "Download as place files"; unzipped into a
// clone, `npm run validate` checks them as it checks the shipped texts. Pure.
import { strToU8, zipSync } from 'fflate';
import { paths, textPath } from '../data/files.ts';
import { placeFileText, type OwnText } from './draft.ts';
import { placePath } from './merge.ts';

/** Every file the text adds or changes, by repository path. `sourceIndex` is the atlas's index.json as it stands. */
export function ownFiles(own: OwnText, sourceIndex: string): Record<string, string> {
  const index = JSON.parse(sourceIndex) as { texts: { id: string }[] };
  index.texts = [...index.texts.filter((t) => t.id !== own.entry.id), own.entry];
  return {
    [textPath(own.entry.id)]: own.text,
    [paths.sourceIndex]: `${JSON.stringify(index, null, 2)}\n`,
    ...Object.fromEntries(Object.values(own.places).map((f) => [placePath(f.id), placeFileText(f)])),
  };
}

/** The files as a zip, paths from the repository's root. A fixed date keeps the same text the same bytes. */
export function zipFiles(files: Record<string, string>): Uint8Array {
  const mtime = new Date('2011-12-18T00:00:00Z');
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, [strToU8(text), { mtime }]])), { level: 6 });
}
