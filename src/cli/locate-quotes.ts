// npm run locate-quotes: an authoring aid. For every event passage and quote in places/*.geojson
// whose start/end do not slice out its words, it writes the offsets where those words stand, if
// they stand exactly once in the text. Anything else (words not found, or found twice) it prints
// and leaves alone for a person to settle. It never changes the words themselves.
import { writeFileSync } from 'node:fs';
import { readRawFiles } from '../lib/data/files-node.ts';
import { textPath } from '../lib/data/files.ts';

const files = readRawFiles();
let fixed = 0;
let unresolved = 0;

for (const [file, raw] of Object.entries(files.places)) {
  const feature = JSON.parse(raw);
  const slices: { where: string; doc: string; words: string; target: { start: number; end: number } }[] = [];
  feature.properties.events?.forEach((e: { sources?: { doc: string; quote: string; start: number; end: number }[] }, i: number) =>
    e.sources?.forEach((s, j) => slices.push({ where: `events[${i}].sources[${j}]`, doc: s.doc, words: s.quote, target: s })),
  );
  feature.properties.quotes?.forEach((q: { doc: string; text: string; start: number; end: number }, i: number) =>
    slices.push({ where: `quotes[${i}]`, doc: q.doc, words: q.text, target: q }),
  );

  let changed = false;
  for (const { where, doc, words, target } of slices) {
    const text = files.texts[textPath(doc)];
    if (text === undefined || typeof words !== 'string') continue;
    if (text.slice(target.start, target.end) === words) continue;
    const first = text.indexOf(words);
    if (first < 0 || text.indexOf(words, first + 1) >= 0) {
      console.log(`${file}: ${where}: ${first < 0 ? 'words not in' : 'words occur more than once in'} ${doc}; set start/end by hand`);
      unresolved++;
      continue;
    }
    target.start = first;
    target.end = first + words.length;
    changed = true;
    fixed++;
  }
  if (changed) writeFileSync(file, JSON.stringify(feature, null, 2) + '\n');
}
console.log(`${fixed} offsets written, ${unresolved} left for a person.`);
