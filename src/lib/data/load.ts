// Load and validate the atlas once. The app, `npm run validate` and the tests all come through here.
import { parseJson } from './json.ts';
import { contextLayers, geoPath, paths, textPath, type RawFiles } from './files.ts';
import type { Problem } from './problem.ts';
import { genres, governorateIds, type Atlas, type Governorates, type SourceText } from './schema.ts';
import { kebabCase } from './check.ts';
import { checkCoverage, type CoverageFile, type GazetteerEntry } from './coverage.ts';
import { indexMentions } from './mentions.ts';
import { checkPlaceFile, type ValidationContext } from './validate.ts';
import { checkContextLayer, checkControl, checkDisplacement } from './validate-geo.ts';
import { parseDate } from '../time/instant.ts';
import { checkCatalogue, nameSources } from './web-sources.ts';

export interface LoadResult {
  atlas: Atlas;
  /** Every problem found; whatever they concern is left out of `atlas`, nothing else is. */
  problems: Problem[];
}

function parseOrReport(file: string, text: string, problems: Problem[]): unknown {
  const json = parseJson(text);
  if (json.ok) return json.value;
  problems.push({ file, path: `line ${json.line}, column ${json.column}`, message: `malformed JSON: ${json.message}` });
  return null;
}

function loadSources(files: RawFiles, problems: Problem[]): SourceText[] {
  const file = paths.sourceIndex;
  const index = parseOrReport(file, files.sourceIndex, problems) as { texts?: unknown } | null;
  if (!index) return [];
  if (!Array.isArray(index.texts)) {
    problems.push({ file, path: 'texts', message: 'missing; expected a list of text records' });
    return [];
  }
  const sources: SourceText[] = [];
  index.texts.forEach((entry: Record<string, unknown>, i: number) => {
    const source = checkSourceEntry(file, entry, i, files.texts, problems);
    if (source) sources.push(source);
  });
  return sources;
}

/** One entry of places/sources/index.json with its text, or null with its problems reported. */
export function checkSourceEntry(
  file: string,
  entry: Record<string, unknown>,
  i: number,
  texts: Record<string, string>,
  problems: Problem[],
): SourceText | null {
  const at = (field: string, message: string) => problems.push({ file, feature: entry?.id as string, path: `texts[${i}].${field}`, message });
  const before = problems.length;
  if (typeof entry.id !== 'string' || !kebabCase.test(entry.id)) at('id', 'expected a kebab-case document id');
  for (const field of ['title', 'dateEvidence', 'seedFile', 'credit'] as const) {
    if (typeof entry[field] !== 'string' || entry[field] === '') at(field, 'missing; expected text');
  }
  for (const field of ['author', 'outlet', 'url'] as const) {
    if (!(field in entry) || (entry[field] !== null && typeof entry[field] !== 'string')) at(field, 'expected text, or null where the text does not say');
  }
  if (!genres.includes(entry.genre as never)) at('genre', `expected one of ${genres.join(', ')}`);
  // A text's own date is free (issue 40): a memoir of 2016 is dated 2016.
  const date = parseDate(entry.date, { anyYear: true });
  if (!date.ok) at('date', date.error);
  const text = texts[textPath(entry.id as string)];
  if (text === undefined) at('id', `no file ${textPath(entry.id as string)} for this text`);
  if (problems.length !== before) return null;
  return { ...(entry as unknown as SourceText), removedLines: (entry.removedLines as string[] | undefined) ?? [], text };
}

function loadGovernorates(files: RawFiles, problems: Problem[]): Governorates {
  const file = paths.governorates;
  const text = files.geo[file];
  if (text === undefined) {
    problems.push({ file, path: '(file)', message: 'missing; run npm run geo:build' });
    return { type: 'FeatureCollection', features: [] };
  }
  const value = parseOrReport(file, text, problems) as Governorates | null;
  const features = value?.features ?? [];
  const missing = governorateIds.filter((id) => !features.some((f) => f.id === id));
  if (value && missing.length) problems.push({ file, path: 'features', message: `missing governorates ${missing.join(', ')}; expected all 18` });
  return { type: 'FeatureCollection', features };
}

export function loadAtlas(files: RawFiles): LoadResult {
  const problems: Problem[] = [];
  const sources = loadSources(files, problems);
  const governorates = loadGovernorates(files, problems);
  const context = Object.fromEntries(
    contextLayers.map((layer) => {
      const file = geoPath(layer);
      const json = files.geo[file] === undefined ? null : parseOrReport(file, files.geo[file], problems);
      if (files.geo[file] === undefined) problems.push({ file, path: '(file)', message: 'missing; run npm run geo:build' });
      const checked = checkContextLayer(file, json);
      problems.push(...checked.problems);
      return [layer, checked.collection];
    }),
  ) as Atlas['context'];
  const ctx: ValidationContext = {
    sources: new Map(sources.map((s) => [s.id, s])),
    governorates,
    countries: new Map(context.countries.features.map((c) => [c.properties!.name as string, c.properties!.label as [number, number]])),
    placeIds: new Map(),
    eventIds: new Map(),
  };
  const atlas: Atlas = {
    sources,
    places: [],
    events: [],
    quotes: [],
    governorates,
    context,
    control: { governorates: {}, milestones: [] },
    displacement: [],
    mentions: [],
  };
  for (const [file, raw] of Object.entries(files.places).sort(([a], [b]) => a.localeCompare(b))) {
    const result = checkPlaceFile(file, raw, ctx);
    problems.push(...result.problems);
    if (!result.place) continue;
    atlas.places.push(result.place);
    atlas.events.push(...result.events);
    atlas.quotes.push(...result.quotes);
  }
  atlas.events.sort((a, b) => a.t0 - b.t0 || a.t1 - b.t1 || a.id.localeCompare(b.id));
  atlas.mentions = indexMentions(
    sources,
    atlas.places.map((p) => ({ id: p.id, names: [p.properties.name, ...(p.properties.aliases ?? [])] })),
  );

  const controlJson = parseOrReport(paths.control, files.control, problems);
  if (controlJson) {
    const checked = checkControl(paths.control, controlJson);
    problems.push(...checked.problems);
    atlas.control = checked.control;
  }
  const displacementJson = parseOrReport(paths.displacement, files.displacement, problems);
  if (displacementJson) {
    const checked = checkDisplacement(paths.displacement, displacementJson, { sources: ctx.sources, placeIds: new Set(ctx.placeIds.keys()) });
    problems.push(...checked.problems);
    atlas.displacement = checked.records;
  }
  const catalogueJson = parseOrReport(paths.webSources, files.webSources, problems);
  if (catalogueJson) {
    const checked = checkCatalogue(paths.webSources, catalogueJson);
    problems.push(...checked.problems, ...nameSources(atlas.control, atlas.displacement, checked.catalogue, paths.webSources));
  }
  if (files.gazetteer !== undefined && files.coverage !== undefined) problems.push(...checkCoverageFiles(files, atlas));
  return { atlas, problems };
}

function checkCoverageFiles(files: RawFiles, atlas: Atlas): Problem[] {
  const problems: Problem[] = [];
  const gazetteer = parseOrReport(paths.gazetteer, files.gazetteer!, problems) as { entries?: GazetteerEntry[] } | null;
  const coverage = parseOrReport(paths.coverage, files.coverage!, problems) as CoverageFile | null;
  if (!gazetteer || !coverage) return problems;
  if (
    !Array.isArray(coverage.leftOut) ||
    !Array.isArray(coverage.notMapped) ||
    [...coverage.leftOut, ...coverage.notMapped].some((l) => !l?.name || !l?.reason)
  ) {
    return [...problems, { file: paths.coverage, path: 'leftOut', message: 'expected leftOut and notMapped lists of { name, reason }' }];
  }
  return [...problems, ...checkCoverage(paths.coverage, atlas.sources, atlas.places, gazetteer.entries ?? [], coverage)];
}

/** How much the atlas holds, per text too: what `npm run validate` prints when all is well. */
export function countAtlas(atlas: Atlas): { places: number; events: number; quotes: number; perText: Record<string, { passages: number; quotes: number }> } {
  const perText = Object.fromEntries(atlas.sources.map((s) => [s.id, { passages: 0, quotes: 0 }]));
  for (const e of atlas.events) for (const s of e.sources) perText[s.doc].passages++;
  for (const q of atlas.quotes) perText[q.doc].quotes++;
  return { places: atlas.places.length, events: atlas.events.length, quotes: atlas.quotes.length, perText };
}
