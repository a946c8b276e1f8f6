// A reader's own text as the files a clone of the atlas takes: places/sources/<id>.txt, the index
// with its entry, its place files, and places/coverage.json where the text names a gazetteer town
// it does not map. Zipped for "Download as place files"; unzipped into a clone, `npm run
// validate` checks them as it checks the shipped texts. Pure.
import { applyEdits, modify } from 'jsonc-parser';
import { strToU8, zipSync } from 'fflate';
import { checkCoverage, type CoverageFile, type GazetteerEntry } from '../data/coverage.ts';
import { paths, textPath } from '../data/files.ts';
import type { Atlas, Place, SourceText } from '../data/schema.ts';
import { placeFileText, withAdditions, type OwnText, type PlaceFeature } from './draft.ts';
import { placePath } from './merge.ts';

/** The repository's files the text's files are written against, as they stand. */
export interface RepoTexts {
  sourceIndex: string;
  coverage: string;
  /** geo/gazetteer.json: the names the coverage check looks for. */
  gazetteer: string;
}

const layout = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** `json` with `value` set at `path`, the rest of the file's bytes as they were (no reformatting of other entries). */
const edit = (json: string, path: (string | number)[], value: unknown) => applyEdits(json, modify(json, path, value, layout));

/**
 * Every file the text adds or changes, by repository path. `atlas` is the atlas the files are
 * written against (the shipped one: a place file holds the shipped events and the text's).
 */
export function ownFiles(own: OwnText, atlas: Atlas, repo: RepoTexts): Record<string, string> {
  const index = JSON.parse(repo.sourceIndex) as { texts: { id: string }[] };
  const at = index.texts.findIndex((t) => t.id === own.entry.id);
  const files: Record<string, string> = {
    [textPath(own.entry.id)]: own.text,
    [paths.sourceIndex]: edit(repo.sourceIndex, ['texts', at < 0 ? index.texts.length : at], own.entry),
    ...Object.fromEntries(Object.values(own.places).map((f) => [placePath(f.id), placeFileText(withAdditions(f, atlas))])),
  };
  const coverage = unmappedNames(own, atlas, repo);
  if (coverage) files[paths.coverage] = coverage;
  return files;
}

/**
 * The files of several texts together (a tour that quotes more than one): the index and the
 * coverage list written one text after another, and a place two texts name given both texts'
 * events and quotes.
 */
export function ownFilesOfAll(texts: OwnText[], atlas: Atlas, repo: RepoTexts): Record<string, string> {
  const files: Record<string, string> = {};
  let current = repo;
  for (const own of texts) {
    const next = ownFiles(own, atlas, current);
    for (const feature of Object.values(own.places)) {
      const path = placePath(feature.id);
      if (!files[path]) continue;
      const both = JSON.parse(files[path]) as PlaceFeature;
      both.properties.events.push(...structuredClone(feature.properties.events));
      both.properties.quotes.push(...structuredClone(feature.properties.quotes));
      next[path] = placeFileText(both);
    }
    Object.assign(files, next);
    current = { ...current, sourceIndex: files[paths.sourceIndex], coverage: files[paths.coverage] ?? current.coverage };
  }
  return files;
}

/**
 * places/coverage.json with every gazetteer town the text names but does not map listed as left
 * out (the coverage check would otherwise fail the clone); null when there is none.
 */
function unmappedNames(own: OwnText, atlas: Atlas, repo: RepoTexts): string | null {
  const gazetteer = (JSON.parse(repo.gazetteer) as { entries: GazetteerEntry[] }).entries;
  const coverage = JSON.parse(repo.coverage) as CoverageFile;
  const places = [...atlas.places.filter((p) => !own.places[p.id]), ...Object.values(own.places)] as unknown as Place[];
  const source = { id: own.entry.id, text: own.text } as SourceText;
  const unmapped = checkCoverage(paths.coverage, [source], places, gazetteer, coverage);
  if (!unmapped.length) return null;
  let json = repo.coverage;
  unmapped.forEach((problem, i) => {
    const reason = `Named in ${textPath(own.entry.id)}; the reader who added the text did not map it.`;
    json = edit(json, ['leftOut', coverage.leftOut.length + i], { name: problem.feature, reason });
  });
  return json;
}

/** The files as a zip, paths from the repository's root. A fixed date keeps the same text the same bytes. */
export function zipFiles(files: Record<string, string>): Uint8Array {
  const mtime = new Date('2011-12-18T00:00:00Z');
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, [strToU8(text), { mtime }]])), { level: 6 });
}
