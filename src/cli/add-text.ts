// npm run add-text -- my-dispatch.txt --title "…" --date 2007-04 [--author …] [--outlet …]
//   [--kind "news report"] [--root <project>]
// The browser's "Add a text" from the command line: the text goes to places/sources/, its entry
// to the index, and every place name found is proposed and printed; each is taken as first
// proposed (the atlas's place, else a new place from the gazetteer), written as a draft that
// `npm run validate` checks. Quotes and events are added by hand or in the browser.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { paths } from '../lib/data/files.ts';
import { readRawFiles } from '../lib/data/files-node.ts';
import { loadAtlas } from '../lib/data/load.ts';
import { genres } from '../lib/data/schema.ts';
import { acceptAll } from '../lib/own/accept.ts';
import { formProblems, newOwnText, type TextForm } from '../lib/own/draft.ts';
import { prune } from '../lib/own/edit.ts';
import { ownFiles } from '../lib/own/files.ts';
import { findPlaces, nameIndex, type GazetteerPlace } from '../lib/own/find.ts';

const usage = `Usage: npm run add-text -- <file.txt> --title "…" --date <EDTF> [--author "…"] [--outlet "…"] [--kind "${genres[1]}"] [--root <project>]
Kinds: ${genres.join(', ')}.`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(1);
}

function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        title: { type: 'string', default: '' },
        date: { type: 'string', default: '' },
        author: { type: 'string', default: '' },
        outlet: { type: 'string', default: '' },
        kind: { type: 'string', default: 'news report' },
        root: { type: 'string', default: '.' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
const args = readArgs();
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
const [file] = args.positionals;
if (!file || args.positionals.length > 1) fail(file ? `One text at a time: ${args.positionals.join(', ')}.` : 'Name the .txt file of the text.');

let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (error) {
  fail(`${file}: ${error instanceof Error ? error.message : String(error)}`);
}
let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
} catch {
  fail(`${file} is not UTF-8 text; save it as UTF-8 and try again.`);
}

const values = args.values;
const form: TextForm = {
  title: values.title,
  date: values.date,
  author: values.author,
  outlet: values.outlet,
  genre: values.kind,
  text,
  fileName: basename(file),
};
const flag: Record<string, string> = { title: '--title', date: '--date', genre: '--kind', text: file };
const problems = Object.entries(formProblems(form));
if (problems.length) fail(problems.map(([field, message]) => `${flag[field] ?? field}: ${message}`).join('\n'));

const root = values.root;
const files = readRawFiles(root);
const { atlas, problems: atlasProblems } = loadAtlas(files);
if (atlasProblems.length) fail(`The atlas in ${root} has data problems; run npm run validate there first.`);
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const gazetteer = (JSON.parse(read('geo/find-gazetteer.json')) as { entries: GazetteerPlace[] }).entries;

const proposals = findPlaces(text, nameIndex(atlas.places, atlas.governorates.features, gazetteer));
const accepted = acceptAll(newOwnText(form, new Set(atlas.sources.map((s) => s.id))), proposals, atlas);
const own = prune(accepted.own, atlas);
console.log(`${own.entry.id}: ${proposals.length} mention${proposals.length === 1 ? '' : 's'} of places proposed (offsets into the text; first choice taken):`);
proposals.forEach((p, i) => {
  const placeId = accepted.placeIds[i];
  const to = own.places[placeId] ? `new place ${placeId} (from ${own.places[placeId].properties.gazetteer?.source})` : placeId;
  const others = p.candidates.slice(1).map((c) => (c.kind === 'gazetteer' ? `${c.name}, ${c.country}` : `${c.name} (${c.kind})`));
  console.log(`  ${String(p.start).padStart(6)}–${p.end}  "${p.words}" → ${to}${others.length ? `; or: ${others.join('; ')}` : ''}`);
});

const written = ownFiles(own, atlas, { sourceIndex: files.sourceIndex, coverage: read(paths.coverage), gazetteer: read(paths.gazetteer) });
for (const [path, contents] of Object.entries(written)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), contents);
}
console.log(`\nWrote ${Object.keys(written).join(', ')}.`);
console.log('Check each new place against the text (a name can mean another place), then run: npm run validate');
