// Reading a tour file (places/tours/<id>.json, a kept tour, a link's tour) into a Tour the player
// can play, naming each problem by chapter and field; a broken tour is reported, never played.
import { checkDate, isObject, isText, kebabCase, Report } from '../data/check.ts';
import type { RawFiles } from '../data/files.ts';
import { parseJson } from '../data/json.ts';
import type { Problem } from '../data/problem.ts';
import type { Atlas } from '../data/schema.ts';
import { layerNames, validCamera, validDay, validWindowDays } from '../state/snapshot.ts';
import { timeModes, type TimeMode } from '../time/window.ts';
import { quoteByRef, type Chapter, type Tour, type TourText } from './tour.ts';

export function checkTour(file: string, raw: unknown, atlas: Atlas): { tour: Tour | null; problems: Problem[] } {
  const report = new Report(file);
  if (!isObject(raw) || !Array.isArray(raw.chapters)) {
    report.add('chapters', 'expected { id, title, summary, chapters: [...] }');
    return { tour: null, problems: report.problems };
  }
  report.feature = typeof raw.id === 'string' ? raw.id : undefined;
  const expectedId = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (raw.id !== expectedId) report.add('id', `expected "${expectedId}" (the file name)`);
  for (const field of ['title', 'summary'] as const) if (!isText(raw[field])) report.add(field, 'missing');
  const texts = checkTexts(raw.texts, report);
  const places = new Set(atlas.places.map((p) => p.id));
  const events = new Set(atlas.events.map((e) => e.id));
  const ids = new Set<string>();
  const chapters: Chapter[] = [];
  raw.chapters.forEach((c: unknown, i: number) => {
    const at = `chapters[${i}]`;
    if (!isObject(c)) return report.add(at, 'expected a chapter object');
    let t = 0;
    const ok = report.clean(() => {
      if (!isText(c.id) || !kebabCase.test(c.id) || ids.has(c.id)) report.add(`${at}.id`, 'expected a kebab-case id, unique in the tour');
      ids.add(c.id as string);
      for (const field of ['title', 'narrative'] as const) if (!isText(c[field])) report.add(`${at}.${field}`, 'missing');
      const span = checkDate(c.date, `${at}.date`, report);
      if (span && (span.precision !== 'day' || !validDay(span.t0))) report.add(`${at}.date`, 'expected a day between 2003-03-20 and 2011-12-18');
      if (span) t = span.t0;
      if (!timeModes.includes(c.mode as TimeMode)) report.add(`${at}.mode`, `expected one of ${timeModes.join(', ')}`);
      if (!validWindowDays(c.windowDays as number)) report.add(`${at}.windowDays`, 'expected a whole number of days, 1 to 3650');
      if (!Array.isArray(c.layers) || c.layers.some((l) => !layerNames.includes(l))) report.add(`${at}.layers`, `expected some of ${layerNames.join(', ')}`);
      const cam = c.camera;
      if (!Array.isArray(cam) || cam.length !== 3 || !validCamera(cam))
        report.add(`${at}.camera`, 'expected [longitude, latitude, zoom] on the map (|longitude| ≤ 180, |latitude| ≤ 85, zoom 0–22)');
      for (const [list, known, what] of [
        ['places', places, 'place'],
        ['events', events, 'event'],
      ] as const) {
        const refs = c[list];
        if (!Array.isArray(refs)) report.add(`${at}.${list}`, 'expected a list (may be empty)');
        else refs.forEach((r, j) => !known.has(r) && report.add(`${at}.${list}[${j}]`, `${JSON.stringify(r)} is not a ${what} id`));
      }
      if (!Array.isArray(c.quotes)) report.add(`${at}.quotes`, 'expected a list of "<doc>@<start>" references');
      else c.quotes.forEach((r, j) => !quoteByRef(atlas, String(r)) && report.add(`${at}.quotes[${j}]`, missingQuote(String(r), atlas, texts)));
    });
    // The date parsed once, above: a chapter is kept only if it was a day in the atlas's span.
    if (ok) chapters.push({ ...(c as unknown as Chapter), t });
  });
  if (raw.chapters.length === 0) report.add('chapters', 'a tour needs at least one chapter');
  return {
    tour: report.problems.length
      ? null
      : { id: raw.id as string, file, title: raw.title as string, summary: raw.summary as string, chapters, ...(texts.length ? { texts } : {}) },
    problems: report.problems,
  };
}

/** The tour's list of the texts it quotes (optional; a reader's tour writes it). */
function checkTexts(raw: unknown, report: Report): TourText[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.some((t) => !isObject(t) || !isText(t.id) || !isText(t.title))) {
    report.add('texts', 'expected a list of { id, title }: the texts the tour quotes');
    return [];
  }
  return raw.map((t) => ({ id: t.id as string, title: t.title as string }));
}

/** Why a quote reference finds nothing, naming the text it needs when this atlas lacks the text. */
function missingQuote(ref: string, atlas: Atlas, texts: TourText[]): string {
  const doc = ref.split('@')[0];
  if (!ref.includes('@')) return `${JSON.stringify(ref)} names no quote in places/ (expected "<doc>@<start>")`;
  if (atlas.sources.some((s) => s.id === doc)) return `${JSON.stringify(ref)}: the text ${doc} has no quote starting at that offset`;
  const title = texts.find((t) => t.id === doc)?.title;
  return `${JSON.stringify(ref)} quotes the text ${title ? `“${title}” (${doc})` : doc}, which this atlas does not have: add its place files (Your texts, Load place files), then open the tour again`;
}

/** Every tour in places/tours/, checked against the atlas; a broken tour is reported and left out. */
export function loadTours(files: RawFiles, atlas: Atlas): { tours: Tour[]; problems: Problem[] } {
  const tours: Tour[] = [];
  const problems: Problem[] = [];
  for (const [file, text] of Object.entries(files.tours).sort(([a], [b]) => a.localeCompare(b))) {
    const json = parseJson(text);
    if (!json.ok) {
      problems.push({ file, path: `line ${json.line}, column ${json.column}`, message: `malformed JSON: ${json.message}` });
      continue;
    }
    const checked = checkTour(file, json.value, atlas);
    problems.push(...checked.problems);
    if (checked.tour) tours.push(checked.tour);
  }
  return { tours, problems };
}
