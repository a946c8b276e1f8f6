import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../time/instant.ts';
import { readCsv, readGeoJson } from './read.ts';
import { fastDay, formatImportProblem, readDate } from './rows.ts';

describe('import: dates', () => {
  it('reads ISO days and datetimes quickly, and EDTF otherwise', () => {
    expect(fastDay('2006-11-14')).toBe(dayFromIso('2006-11-14'));
    expect(fastDay('2006-11-14T23:59:00Z')).toBe(dayFromIso('2006-11-14'));
    expect(readDate('2006-11')).toEqual({ t0: dayFromIso('2006-11-01'), t1: dayFromIso('2006-11-30') });
    expect(readDate('2007-08-27/2007-08-29')).toEqual({ t0: dayFromIso('2007-08-27'), t1: dayFromIso('2007-08-29') });
  });

  it('refuses impossible days rather than rolling them over', () => {
    expect(fastDay('2006-02-30')).toBeNull();
    expect(readDate('2006-13-01')).toEqual({ error: '"2006-13-01" is not a date' });
    expect(readDate('yesterday')).toMatchObject({ error: expect.stringContaining('"yesterday" is not a date') });
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
    expect(result.set.labels).toEqual(['Baghdad', 'Diyala']);
    expect([...result.set.t0]).toEqual([dayFromIso('2006-11-14'), dayFromIso('2007-03-01')]);
    expect([...result.set.t1]).toEqual([dayFromIso('2006-11-14'), dayFromIso('2007-04-30')]);
    expect(result.problems.map((p) => formatImportProblem(p))).toEqual([
      'row 3, column date: "2006-13-01" is not a date',
      'row 4, column lon: "x" is not a longitude (-180 to 180)',
      'row 5, column end: "2007-01-01" is before the start date',
    ]);
    expect(progress.at(-1)).toBe(1);
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
