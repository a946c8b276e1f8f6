// Each export read back by a reader that is not ours (issue 42): Python's csv module, JSON Schema
// (Ajv) and geojson-validation, Citation.js for BibTeX and RIS, the text itself for every Web
// Annotation's selectors; and the CSV and GeoJSON back through "Your events" with the same dates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import gjv from 'geojson-validation';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import type { Atlas } from '../data/schema.ts';
import { readCsv, readGeoJson } from '../import/read.ts';
import { defaultView } from '../state/snapshot.ts';
import { dayFromIso } from '../time/day.ts';
import { shownSpan } from '../time/window.ts';
import type { WebAnnotation } from './annotations.ts';
import { formatCitations, quoteCitation, readCitations } from './cite.ts';
import { cslDate, textItems } from './csl.ts';
import { BOM, inert } from './csv.ts';
import { exportText, type ExportFormat } from './exports.ts';
import { quoteItem, viewItem } from './view-citation.ts';
import lpfSchema from './lpf.schema.json';

const { atlas } = loadAtlas(readRawFiles());
const base = 'https://atlas.example.org/';
const dir = mkdtempSync(join(tmpdir(), 'atlas-export-'));
const exported = (format: ExportFormat, a: Atlas = atlas, texts?: Set<string>) => exportText(format, a, { base, texts });
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

/** The atlas with one event's title a spreadsheet formula, as a hostile or careless text might give. */
function withFormulaTitle(): Atlas {
  const copy = structuredClone(atlas);
  copy.events[0].title = '=HYPERLINK("http://evil.example","click")';
  copy.events[1].title = '-2+3';
  return copy;
}

describe('csv', () => {
  it("reads back in Python's csv module: one row an event, the header the columns, no cell a formula", async () => {
    const file = join(dir, 'events.csv');
    writeFileSync(file, await exported('csv', withFormulaTitle()));
    const script = `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.reader(f))
print(json.dumps({"header": rows[0], "rows": rows[1:]}))`;
    const { header, rows } = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as { header: string[]; rows: string[][] };
    expect(rows).toHaveLength(atlas.events.length);
    expect(header.slice(0, 6)).toEqual(['id', 'date', 'first_day', 'last_day', 'precision', 'title']);
    expect(header).toEqual(expect.arrayContaining(['figure_killed', 'figure_displaced', 'longitude', 'latitude', 'text_id', 'passage', 'permalink']));
    const textColumns = header.flatMap((h, i) => (['longitude', 'latitude', 'passage_start', 'passage_end'].includes(h) ? [] : [i]));
    for (const row of rows) for (const i of textColumns) expect(row[i]).not.toMatch(/^[=+\-@\t\r]/);
    const titles = rows.map((r) => r[header.indexOf('title')]);
    expect(titles).toContain('\'=HYPERLINK("http://evil.example","click")');
    expect(titles).toContain("'-2+3");
    // Every passage is the text's words at its offsets; an open-start date has no first day.
    const at = (r: string[], h: string) => r[header.indexOf(h)];
    for (const r of rows) {
      const text = atlas.sources.find((s) => s.id === at(r, 'text_id'))!.text;
      expect(inert(text.slice(Number(at(r, 'passage_start')), Number(at(r, 'passage_end'))))).toBe(at(r, 'passage'));
      if (at(r, 'precision') === 'by') expect(at(r, 'first_day')).toBe('');
    }
    const raw = readFileSync(file, 'utf8');
    expect(raw.startsWith(BOM)).toBe(true);
    expect(raw.split('\r\n')).toHaveLength(atlas.events.length + 2);
  });

  it('imports back through Your events: the same count, the same first and last days', async () => {
    const result = await readCsv('iraq-war-atlas.csv', await exported('csv'), () => {});
    expect(result.problems).toEqual([]);
    expect(result.set.count).toBe(atlas.events.length);
    const byRow = [...atlas.events].sort((a, b) => a.t0 - b.t0 || a.id.localeCompare(b.id));
    // As the atlas draws them: an event known only "by" a day on that day (time/window.ts shownSpan).
    expect(Array.from(result.set.t0)).toEqual(byRow.map((e) => shownSpan(e).t0));
    expect(Array.from(result.set.t1)).toEqual(byRow.map((e) => e.t1));
  });
});

describe('geojson', () => {
  it('is a valid FeatureCollection of Points, one an event, that imports back with the same days', async () => {
    const text = await exported('geojson');
    const collection = JSON.parse(text);
    expect(gjv.valid(collection, true)).toEqual([]);
    expect(collection.features).toHaveLength(atlas.events.length);
    const point = ajv.compile({
      type: 'object',
      required: ['type', 'geometry', 'properties'],
      properties: {
        type: { const: 'Feature' },
        geometry: {
          type: 'object',
          properties: { type: { const: 'Point' }, coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } },
        },
        properties: { type: 'object', required: ['id', 'date', 'title', 'place_id', 'text_id', 'passage', 'permalink'] },
      },
    });
    for (const f of collection.features) expect(point(f), JSON.stringify(point.errors)).toBe(true);
    const result = readGeoJson('iraq-war-atlas.geojson', text, () => {});
    expect(result.problems).toEqual([]);
    expect(result.set.count).toBe(atlas.events.length);
    expect([...result.set.t1].sort((a, b) => a - b)).toEqual(atlas.events.map((e) => e.t1).sort((a, b) => a - b));
  });
});

describe('Linked Places Format', () => {
  it('passes a schema written from the specification; every first name cites a text, every geometry its source', async () => {
    const lpf = JSON.parse(await exported('lpf'));
    const valid = ajv.compile(lpfSchema);
    expect(valid(lpf), JSON.stringify(valid.errors?.slice(0, 3))).toBe(true);
    expect(lpf['@context']).toBe('https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld');
    expect(lpf.features.length).toBeGreaterThan(30);
    for (const f of lpf.features) {
      expect(f.names[0].citations.length).toBeGreaterThan(0);
      expect(f.geometry.citations[0].label).not.toBe('');
      // The format asks for a when, or a citation year on a name.
      expect(f.when ?? f.names[0].citations.find((c: { year?: number }) => c.year)).toBeTruthy();
    }
    const fallujah = lpf.features.find((f: { '@id': string }) => f['@id'] === `${base}#place=fallujah`);
    expect(fallujah.names).toEqual(expect.arrayContaining([expect.objectContaining({ lang: 'ar', citations: [{ label: expect.stringMatching(/\S/) }] })]));
    expect(fallujah.geometry.type).toBe('Point');
    // An event dated only "by" a day has no known start: only its latest.
    const nineveh = lpf.features.find((f: { '@id': string }) => f['@id'] === `${base}#place=nineveh`);
    expect(nineveh.when.timespans).toContainEqual({ start: { latest: '2008-01-30' }, end: { in: '2008-01-30' } });
  });
});

describe('Web Annotations', () => {
  it('every quote selector is the text at its position selector, in code points; one annotation a mention, quote and passage', async () => {
    const list = JSON.parse(await exported('annotations')) as WebAnnotation[];
    const passages = atlas.events.reduce((n, e) => n + e.sources.length, 0);
    expect(list).toHaveLength(atlas.mentions.length + atlas.quotes.length + passages);
    expect(new Set(list.map((a) => a.id)).size).toBe(list.length);
    for (const a of list) {
      expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      const doc = decodeURIComponent(a.target.source.replace(`${base}#doc=`, ''));
      const chars = [...atlas.sources.find((s) => s.id === doc)!.text];
      const [quote, position] = a.target.selector;
      expect(quote.exact).toBe(chars.slice(position.start, position.end).join(''));
      expect(quote.prefix).toBe(chars.slice(Math.max(0, position.start - quote.prefix.length), position.start).join(''));
      expect(quote.suffix).toBe(chars.slice(position.end, position.end + quote.suffix.length).join(''));
      expect(a.body[0]).toMatchObject({ type: 'SpecificResource', purpose: 'identifying', source: expect.stringMatching(/#place=/) });
    }
  });

  it('counts a character outside the Basic Multilingual Plane as one code point', async () => {
    const copy = structuredClone(atlas);
    const text = copy.sources[0];
    // An emoji (two UTF-16 units) before every offset shifts the UTF-16 offsets by 2 and the code points by 1.
    text.text = `🇮${text.text}`;
    for (const m of copy.mentions) if (m.doc === text.id) [m.start, m.end] = [m.start + 2, m.end + 2];
    copy.quotes = [];
    copy.events = [];
    const [first] = JSON.parse(await exported('annotations', copy, new Set([text.id]))) as WebAnnotation[];
    const mention = copy.mentions.find((m) => m.doc === text.id)!;
    expect(first.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: mention.start - 1, end: mention.end - 1 });
    expect(first.target.selector[0].exact).toBe(mention.text);
  });
});

describe('citations', () => {
  it('BibTeX and RIS read back by Citation.js: one entry a text, with its title and year', async () => {
    for (const format of ['bibtex', 'ris'] as const) {
      const text = await exported(format);
      // Counted without Citation.js too: entries begin "@type{" in BibTeX, "TY  - " in RIS.
      expect(text.match(format === 'bibtex' ? /^@\w+\{/gm : /^TY {2}- /gm)).toHaveLength(atlas.sources.length);
      const back = readCitations(text);
      expect(back).toHaveLength(atlas.sources.length);
      expect(back.map((b) => b.title).sort()).toEqual(atlas.sources.map((s) => s.title).sort());
      const steele = back.find((b) => b.title === 'Iraq: The Way Out')!;
      expect(steele.issued?.['date-parts'][0][0]).toBe(2008);
    }
  });

  it('writes no day a text does not give: an interval as what its ends share, an approximate date as its year in BibTeX', async () => {
    expect(cslDate('2011-10-21/2011-12-31')).toEqual({ 'date-parts': [[2011]] });
    expect(cslDate('2007-09')).toEqual({ 'date-parts': [[2007, 9]] });
    expect(cslDate('2007-05-31~')).toEqual({ 'date-parts': [[2007, 5, 31]], circa: true });
    const bib = await exported('bibtex');
    const odierno = bib.slice(bib.indexOf('Odierno') - 200, bib.indexOf('Odierno') + 200);
    expect(odierno).not.toMatch(/month/);
    expect(textItems(atlas, undefined, true).length).toBeGreaterThan(atlas.sources.length);
  });

  it('cites a view with the permalink, the data version and the access date, in Chicago and APA', () => {
    const view = { ...defaultView, t: dayFromIso('2007-12-16') };
    const link = `${base}#t=2007-12-16`;
    const item = viewItem(view, 'd4t4v3rs10n', link, new Date('2026-12-07T12:00:00Z'));
    const chicago = formatCitations([item], 'chicago');
    expect(chicago).toContain(link);
    expect(chicago).toContain('data version d4t4v3rs10n');
    expect(chicago).toContain('Accessed December 7, 2026');
    expect(chicago.toLowerCase()).toContain('16 december 2007, events in the 90 days to that day; layers: events, province control, context');
    const apa = formatCitations([item], 'apa');
    expect(apa).toContain('(Version d4t4v3rs10n)');
    expect(apa).toContain(link);
    expect(readCitations(formatCitations([item], 'bibtex'))[0].URL).toBe(link);
  });

  it('cites a quote by its text and paragraph', () => {
    const text = atlas.sources.find((s) => s.id === 'steele-2008')!;
    // Paragraphs are counted as blank lines part them: the title page has seven before the talk begins.
    const start = text.text.indexOf('Thank you all for coming.');
    expect(quoteCitation(quoteItem(text, start), 'chicago')).toEqual({
      entry: expect.stringContaining('Steele, Jonathan. 2008. “Iraq: The Way Out.”'),
      inText: '(Steele 2008, para. 8)',
    });
  });
});
