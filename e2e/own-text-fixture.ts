// A reader's own text for the browser tests, made with the atlas's own code as the page makes it.
import { readFileSync } from 'node:fs';
import { readRawFiles } from '../src/lib/data/files-node.ts';
import { loadAtlas } from '../src/lib/data/load.ts';
import { addQuote, newOwnText } from '../src/lib/own/draft.ts';
import { ownFiles, zipFiles } from '../src/lib/own/files.ts';

/** Place files of a reader's text quoting a sergeant at Fallujah (or, not `quoted`, the text alone), as "Download as place files" makes them. */
export function placeFilesOfAText({ quoted = true } = {}): { name: string; mimeType: string; buffer: Buffer } {
  const files = readRawFiles();
  const { atlas } = loadAtlas(files);
  const text = 'We drove into Fallujah at noon. "It was quiet," a sergeant said.';
  let own = newOwnText(
    { title: 'A dispatch from Anbar', date: '2007-04', author: 'A. Reporter', outlet: '', genre: 'news report', text, fileName: null },
    new Set(atlas.sources.map((s) => s.id)),
  );
  const said = text.indexOf('It was quiet');
  if (quoted) own = addQuote(own, atlas, { placeId: 'fallujah', start: said, end: said + 'It was quiet'.length, speaker: 'a US sergeant', date: '../2007-04' });
  const repo = {
    sourceIndex: files.sourceIndex,
    coverage: readFileSync('places/coverage.json', 'utf8'),
    gazetteer: readFileSync('geo/gazetteer.json', 'utf8'),
  };
  return { name: 'anbar-place-files.zip', mimeType: 'application/zip', buffer: Buffer.from(zipFiles(ownFiles(own, atlas, repo))) };
}
