// The readers of a reader's files under generated input (issue 37): dates (EDTF and the import's
// own), CSV files and place-file zips. None may throw; every refusal says what and where.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { readPlaceFiles } from '../own/read-zip.ts';
import { dayFromIso, EARLIEST, LATEST } from '../time/day.ts';
import { parseDate } from '../time/instant.ts';
import { readCsv } from './read.ts';
import { readDate } from './rows.ts';

const [FIRST, LAST] = [dayFromIso(EARLIEST), dayFromIso(LATEST)];

// Strings near dates: digits, dashes, slashes, EDTF's qualifiers and open ends, and anything else.
const dateLike = fc.oneof(
  fc
    .array(fc.constantFrom('19', '20', '06', '2006', '-', '/', '..', '~', '?', '%', 'X', '13', '31', '00', '29', '02', 'T', ':', 'Z', ' ', '12', '1990'), {
      maxLength: 8,
    })
    .map((parts) => parts.join('')),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string(),
);

describe('dates under generated input', () => {
  it('EDTF: a span in order inside the atlas’s range, or a sentence naming the value', () => {
    fc.assert(
      fc.property(dateLike, (value) => {
        const read = parseDate(value);
        if (read.ok) {
          expect(read.span.t0).toBeLessThanOrEqual(read.span.t1);
          expect(read.span.t0).toBeGreaterThanOrEqual(FIRST);
          expect(read.span.t1).toBeLessThanOrEqual(LAST);
        } else expect(read.error.length).toBeGreaterThan(5);
      }),
      { numRuns: 3000 },
    );
  });

  it('the import’s date cells: the same, on its fast path and off it', () => {
    fc.assert(
      fc.property(dateLike, (value) => {
        const read = readDate(value);
        if ('error' in read) expect(read.error).not.toBe('');
        else {
          expect(read.t0).toBeLessThanOrEqual(read.t1);
          expect(read.t0).toBeGreaterThanOrEqual(FIRST);
          expect(read.t1).toBeLessThanOrEqual(LAST);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('CSV files under generated input', () => {
  const cell = fc.oneof(dateLike, fc.double().map(String), fc.string(), fc.constantFrom('', '"', '""', ',', '\n', '=1+1', '33.3', '44.4'));
  const csv = fc
    .tuple(
      fc.constantFrom('date,lat,lon,label', 'lat,lon,date', 'start,end,latitude,longitude,source', 'x,y,z', ''),
      fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }),
    )
    .map(([header, rows]) => [header, ...rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\n'));

  it('keeps each row as an event or names its row and column; never rejects', async () => {
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const result = await readCsv('gen.csv', text, () => {});
        if (result.fatal) return void expect(result.fatal).toMatch(/^gen\.csv: /);
        if (result.question) return;
        // No silent drop: every row read is an event or has its problems listed.
        expect(result.set.count + new Set(result.problems.map((p) => p.row)).size).toBe(result.rows);
        for (const p of result.problems) {
          expect(p.row).toBeGreaterThanOrEqual(2);
          expect(p.column).not.toBe('');
          expect(p.message).not.toBe('');
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('place-file zips under generated input', () => {
  const { atlas } = loadAtlas(readRawFiles());
  const name = fc.oneof(
    fc.constantFrom('places/sources/a.txt', 'places/sources/index.json', 'places/a.geojson', 'places/fallujah.geojson', '../x', '/abs', 'places\\..\\x'),
    fc.string({ minLength: 1, maxLength: 40 }),
  );
  const content = fc.oneof(
    fc.string(),
    fc.constantFrom('{"texts":[{"id":"a"}]}', '{"type":"Feature","properties":{"name":"A"}}', '{', 'null', '[]'),
    fc.uint8Array({ maxLength: 64 }),
  );
  const zip = fc.oneof(
    fc.dictionary(name, content, { maxKeys: 5 }).map((files) => {
      try {
        return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
      } catch {
        // fflate's writer refuses some names ("__proto__"): such a zip cannot be made, so bytes stand in.
        return strToU8(Object.keys(files).join('\n'));
      }
    }),
    fc.uint8Array({ maxLength: 300 }),
  );

  it('loads a text or says why not, naming the zip; never throws', () => {
    fc.assert(
      fc.property(zip, (bytes) => {
        const read = readPlaceFiles(bytes, 'gen.zip', atlas);
        if (read.ok) expect(read.own.text).toBeTypeOf('string');
        else if ('message' in read) expect(read.message).toMatch(/^gen\.zip[: ]/);
        else if ('texts' in read) expect(read.texts.length).toBeGreaterThan(1);
        else expect(read.clash.free).not.toBe(read.clash.id);
      }),
      { numRuns: 1500 },
    );
  });
});
