import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../time/day.ts';
import { readCsv, readGeoJson } from './read.ts';
import { EventColumns, stringAt, unpack } from './events.ts';
import { fastDay, formatImportProblem, readDate } from './rows.ts';
import { checkWords } from './checks.ts';
import { pickNearest } from '../map/pick.ts';
import { mercatorUnit } from '../look/mercator.ts';

describe('import: dates', () => {
  it('reads ISO days and datetimes quickly, and EDTF otherwise', () => {
    expect(fastDay('2006-11-14')).toBe(dayFromIso('2006-11-14'));
    expect(fastDay('2006-11-14T23:59:00Z')).toBe(dayFromIso('2006-11-14'));
    expect(readDate('2006-11')).toEqual({ t0: dayFromIso('2006-11-01'), t1: dayFromIso('2006-11-30') });
    expect(readDate('2007-08-27/2007-08-29')).toEqual({ t0: dayFromIso('2007-08-27'), t1: dayFromIso('2007-08-29') });
  });

  it('refuses impossible days rather than rolling them over', () => {
    expect(fastDay('2006-02-30')).toBeNull();
    expect(fastDay('2004-02-29')).toBe(dayFromIso('2004-02-29'));
    expect(fastDay('2005-02-29')).toBeNull();
    expect(fastDay('2000-02-29')).toBe(dayFromIso('2000-02-29'));
    expect(fastDay('1900-02-29')).toBeNull();
    expect(fastDay('2006-04-31')).toBeNull();
    expect(fastDay('2006-12-31')).toBe(dayFromIso('2006-12-31'));
    expect(fastDay('2006-00-10')).toBeNull();
    expect(fastDay('2006-1a-01')).toBeNull();
    expect(fastDay('2006-11-14X')).toBeNull();
    expect(fastDay('2006-11-14T08:30+03:00')).toBe(dayFromIso('2006-11-14'));
    expect(readDate('2006-13-01')).toEqual({ error: '"2006-13-01" is not a date' });
    expect(readDate('yesterday')).toMatchObject({ error: expect.stringContaining('"yesterday" is not a date') });
  });
});

describe('import: dates outside the war, and dates in no clear order', () => {
  it('refuses a plain ISO day outside 1990–2012, as it refuses any other date there', () => {
    expect(readDate('2013-01-01')).toMatchObject({ outOfRange: true, error: expect.stringContaining('outside 1990-01-01..2012-12-31') });
    expect(readDate('1989-12-31T10:00:00Z')).toMatchObject({ outOfRange: true });
    expect(readDate('1989')).toMatchObject({ outOfRange: true });
    expect(readDate('1990-01-01')).toEqual({ t0: dayFromIso('1990-01-01'), t1: dayFromIso('1990-01-01') });
  });

  it('asks which order 12/03/2006 is in, rather than guess, and says how to write an unambiguous one', () => {
    expect(readDate('12/03/2006')).toEqual({
      error:
        '"12/03/2006" is ambiguous: 2006-03-12 (day first) or 2006-12-03 (month first)? Write dates as year-month-day, or put all of them in one order and say which',
    });
    expect(readDate('25/03/2006')).toEqual({ error: '"25/03/2006" is not in year-month-day order; write it as 2006-03-25' });
    expect(readDate('03/25/2006')).toEqual({ error: '"03/25/2006" is not in year-month-day order; write it as 2006-03-25' });
  });
});

describe('import: checks after reading', () => {
  it('counts rows refused for their date, rows off the map, and those that look swapped, and finds the data', async () => {
    const csv = [
      'longitude,latitude,date',
      '44.4,33.3,2006-11-14',
      '33.3,44.4,2006-11-14',
      '31.0,47.8,2006-11-15',
      '-100,40,2006-11-15',
      '44.4,33.3,2014-01-01',
    ].join('\n');
    const result = await readCsv('swapped.csv', csv, () => {});
    expect(result.set.count).toBe(4);
    // Baghdad swapped (33.3 E, 44.4 N) is in Turkey, inside the map's area; 47.8 N is beyond it.
    expect(result.checks).toEqual({ outOfRange: 1, outsideArea: 2, likelySwapped: 2, cut: 0, bounds: [33.3, 33.3, 44.4, 44.4] });
    expect(checkWords(result.checks, 'row')).toEqual([
      '1 row refused for a date outside 1990–2012 (listed below).',
      "2 rows lie outside the map's area (24–64° E, 12–46° N), so nothing draws them.",
      '2 rows would fall in Iraq with latitude and longitude swapped: check which column is which.',
    ]);
    expect([...result.set.rows]).toEqual([2, 3, 4, 5]);
  });

  it('picks the nearest shown event within the radius, and none beyond it or hidden', async () => {
    const csv = ['longitude,latitude,date', '44.40,33.30,2006-11-14', '44.41,33.30,2006-11-14', '44.50,33.30,2007-11-14'].join('\n');
    const { set } = await readCsv('near.csv', csv, () => {});
    const [x, y] = mercatorUnit(44.408, 33.3);
    const r = 12 / (512 * 2 ** 10);
    expect(pickNearest(set, x, y, r, () => true)).toBe(1);
    expect(pickNearest(set, x, y, r, (i) => i !== 1)).toBe(0);
    expect(pickNearest(set, ...mercatorUnit(44.5, 33.3), r, (i) => set.t0[i] < dayFromIso('2007-01-01'))).toBe(-1);
    expect(pickNearest(set, ...mercatorUnit(45, 33.3), r, () => true)).toBe(-1);
  });
});

describe('import: CSV', () => {
  it('keeps the good rows and names each bad one by row and column', async () => {
    const csv = [
      'lon,lat,date,end,label,source',
      '44.4,33.3,2006-11-14,,Baghdad,log A',
      '43.1,36.3,2006-13-01,,Mosul,log A',
      'x,30.5,2007-01-01,,Basra,log B',
      '44.0,32.0,2007-02-01,2007-01-01,Hilla,log B',
      '45,34,2007-03,2007-04,Diyala,log C',
    ].join('\n');
    const progress: number[] = [];
    const result = await readCsv('mine.csv', csv, (f) => progress.push(f));
    expect(result.set.count).toBe(2);
    expect(unpack(result.set.labels)).toEqual(['Baghdad', 'Diyala']);
    expect([...result.set.t0]).toEqual([dayFromIso('2006-11-14'), dayFromIso('2007-03-01')]);
    expect([...result.set.t1]).toEqual([dayFromIso('2006-11-14'), dayFromIso('2007-04-30')]);
    expect(result.problems.map((p) => formatImportProblem(p))).toEqual([
      'row 3, column date: "2006-13-01" is not a date',
      'row 4, column lon: "x" is not a longitude (-180 to 180)',
      'row 5, column end: "2007-01-01" is before the start date',
    ]);
    expect(progress.at(-1)).toBe(1);
  });

  it('names the rows whose text was not UTF-8 (decoded with U+FFFD), rather than keep their labels with the letters lost', async () => {
    // "Café" in Latin-1 (é is the byte 0xE9), read as the browser reads a file: as UTF-8.
    const latin1 = Uint8Array.from(
      [...'lon,lat,date,label\n44.6,33.7,2006-11-14,Caf', 0xe9, ...'\n44.4,33.3,2006-11-15,Baghdad\n'].map((c) =>
        typeof c === 'number' ? c : c.charCodeAt(0),
      ),
    );
    const result = await readCsv('latin1.csv', new TextDecoder().decode(latin1), () => {});
    expect(unpack(result.set.labels)).toEqual(['Baghdad']);
    expect(result.problems.map((p) => formatImportProblem(p))).toEqual([
      'row 2, column label: "Caf\uFFFD" has letters that could not be read (shown as \uFFFD): the file is not UTF-8; save it as UTF-8 and import it again',
    ]);
  });

  it('says which columns are missing, and what the header has', async () => {
    const result = await readCsv('mine.csv', 'place,when\nBaghdad,2006-01-01', () => {});
    expect(result.fatal).toMatch(/^mine.csv: The header has no column for longitude .*; latitude .*\. It has: place, when\.$/);
  });
});

describe('import: GeoJSON', () => {
  it('reads Point features and names bad features by index', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [44.4, 33.3] }, properties: { date: '2006-11-14', label: 'Baghdad' } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: { date: '2006-11-14' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [44.4, 33.3] }, properties: { date: 'soon' } },
      ],
    });
    const result = readGeoJson('mine.geojson', text, () => {});
    expect(result.set.count).toBe(1);
    expect(result.problems.map((p) => formatImportProblem(p, result.unit))).toEqual([
      'feature 1, column geometry: is LineString; expected a Point',
      expect.stringMatching(/^feature 2, column date: "soon" is not a date/),
    ]);
    expect(readGeoJson('bad.geojson', '{"type": "Feature"}', () => {}).fatal).toContain('not a GeoJSON FeatureCollection');
  });
});

describe('import: labels and sources packed into one string for the page', () => {
  it('gives back each string as read, empty ones and non-Latin ones included, past the first growth', () => {
    const columns = new EventColumns();
    const labels = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? '' : i % 3 === 1 ? `event ${i}` : `الفلوجة ${i}`));
    labels.forEach((label, i) => columns.push({ lng: 44, lat: 33, t0: 1000, t1: 1000, label, source: i === 2999 ? 'last' : '', row: i + 2 }));
    const set = columns.finish('packed.csv');
    expect(unpack(set.labels)).toEqual(labels);
    expect(stringAt(set.sources, 2999)).toBe('last');
    expect(stringAt(set.sources, 0)).toBe('');
    expect(set.labels.ends).toHaveLength(3000);
  });
});

describe('import: labels and sources too long to be labels (issue 37)', () => {
  it('cuts them to 2,000 characters, never between the halves of a character, and counts the rows cut', async () => {
    const long = `${'a'.repeat(1998)}😀${'b'.repeat(5000)}`;
    const csv = `date,lat,lon,label,source\n2006-11-14,33.3,44.4,${long},short\n2006-11-15,33.3,44.4,fine,${'s'.repeat(2001)}\n2006-11-16,33.3,44.4,fine,fine\n`;
    const result = await readCsv('long.csv', csv, () => {});
    expect(result.set.count).toBe(3);
    expect(result.checks.cut).toBe(2);
    const first = stringAt(result.set.labels, 0);
    expect(first.length).toBeLessThanOrEqual(2000);
    expect(first).toMatch(/^a{1998}…$/);
    expect(stringAt(result.set.sources, 1)).toHaveLength(2000);
    expect(checkWords(result.checks, 'row')).toContain('2 rows had a label or source longer than 2,000 characters, cut to that length.');
  });
});
