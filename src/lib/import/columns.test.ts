import { describe, expect, it } from 'vitest';
import { checkChoice, guessColumns, guessDateFormat, headerKey, readDateAs, rememberedChoice } from './columns.ts';
import { knownColumns, readRow } from './rows.ts';
import { readCsv, readGeoJson } from './read.ts';
import { dayFromIso } from '../time/day.ts';

describe('reading a date in the format the reader names', () => {
  it('reads day-first and month-first as told, and refuses a day that does not exist', () => {
    expect(readDateAs('03/02/2007', 'dmy')).toBe(dayFromIso('2007-02-03'));
    expect(readDateAs('03/02/2007', 'mdy')).toBe(dayFromIso('2007-03-02'));
    expect(readDateAs('25.12.2006', 'dmy')).toBe(dayFromIso('2006-12-25'));
    expect(readDateAs('25/12/2006', 'mdy')).toEqual({ error: '"25/12/2006" is not a date read month/day/year' });
    expect(readDateAs('31/02/2006', 'dmy')).toEqual({ error: '"31/02/2006" is not a date read day/month/year' });
    expect(readDateAs('2006-12-25', 'dmy')).toEqual({ error: '"2006-12-25" is not written day/month/year' });
  });

  it('reads epoch milliseconds and seconds as UTC days', () => {
    expect(readDateAs('1163462400000', 'epoch-ms')).toBe(dayFromIso('2006-11-14'));
    // The last millisecond of the day is still that day.
    expect(readDateAs(String(Date.UTC(2006, 10, 14) + 86_399_999), 'epoch-ms')).toBe(dayFromIso('2006-11-14'));
    expect(readDateAs('1163462400', 'epoch-s')).toBe(dayFromIso('2006-11-14'));
    expect(readDateAs('14 Nov', 'epoch-s')).toEqual({ error: '"14 Nov" is not a number of seconds since 1970' });
  });

  it('keeps the atlas bounds for a named format, and says what day it read', () => {
    const read = readRow({ lon: '44', lat: '33', when: '0' }, { lng: 'lon', lat: 'lat', date: 'when' }, 2, 'epoch-ms');
    expect(read).toEqual({ problems: [{ row: 2, column: 'when', message: '"0" is 1970-01-01, outside 1990-01-01..2012-12-31', outOfRange: true }] });
  });
});

describe('the guess', () => {
  it('takes names that hint at a role when none is a known name, and the date format from the sample', () => {
    const header = ['id', 'death_date', 'geo_lat', 'geo_lon', 'name', 'source_url'];
    const guess = guessColumns(header, [['1', '1163462400000', '33', '44', 'a', 'u']], knownColumns(header));
    expect(guess).toEqual({
      columns: { date: 'death_date', lat: 'geo_lat', lng: 'geo_lon', label: 'name', source: 'source_url' },
      dateFormat: 'epoch-ms',
    });
    // "latitude" inside another word is not a hint; an end column is not taken for the start.
    expect(guessColumns(['plate', 'end_date', 'start_date'], [], {}).columns).toEqual({ date: 'start_date', end: 'end_date' });
  });

  it('never guesses between day-first and month-first', () => {
    expect(guessDateFormat(['03/02/2007', '25/12/2006'])).toBe('auto');
    expect(guessDateFormat(['1163462400', '1163980800'])).toBe('epoch-s');
    expect(guessDateFormat(['1163462400', '2006-11-14'])).toBe('auto');
  });

  it('checks a choice: the required roles, and only columns the file has', () => {
    expect(checkChoice({ columns: { date: 'd' }, dateFormat: 'auto' }, ['d', 'x'], false)).toBe('Choose a column for longitude, latitude.');
    expect(checkChoice({ columns: { date: 'd' }, dateFormat: 'auto' }, ['d'], true)).toBeNull();
    expect(checkChoice({ columns: { date: 'q', lng: 'x', lat: 'y' }, dateFormat: 'auto' }, ['x', 'y'], false)).toBe('The file has no column "q".');
    expect(headerKey('row', ['a', 'b'])).not.toBe(headerKey('feature', ['a', 'b']));
  });
});

describe('a file with unknown columns', () => {
  const csv = ['id,death_date,geo_lat,geo_lon', '1,03/02/2007,33.3,44.4', '2,25/12/2006,36.3,43.1', '3,31/02/2007,36.3,43.1'].join('\n');

  it('asks, with its header, first rows and guess, and reads nothing', async () => {
    const result = await readCsv('deaths.csv', csv, () => {});
    expect(result.set.count).toBe(0);
    expect(result.question?.header).toEqual(['id', 'death_date', 'geo_lat', 'geo_lon']);
    expect(result.question?.rows[0]).toEqual(['1', '03/02/2007', '33.3', '44.4']);
    expect(result.question?.guess.columns).toMatchObject({ date: 'death_date', lat: 'geo_lat', lng: 'geo_lon' });
  });

  it('is read with the reader\u2019s choice, bad rows named as ever', async () => {
    const result = await readCsv('deaths.csv', csv, () => {}, { columns: { date: 'death_date', lat: 'geo_lat', lng: 'geo_lon' }, dateFormat: 'dmy' });
    expect(result.question).toBeUndefined();
    expect(Array.from(result.set.t0)).toEqual([dayFromIso('2007-02-03'), dayFromIso('2006-12-25')]);
    expect(result.problems).toEqual([{ row: 4, column: 'death_date', message: '"31/02/2007" is not a date read day/month/year' }]);
  });

  it('reads a GeoJSON by its chosen property, its position from the Point', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [44.4, 33.3] }, properties: { time: 1163462400000 } }],
    });
    const asked = readGeoJson('q.geojson', text, () => {});
    expect(asked.question?.guess).toEqual({ columns: { date: 'time' }, dateFormat: 'epoch-ms' });
    expect(asked.question?.fixedPosition).toBe(true);
    const read = readGeoJson('q.geojson', text, () => {}, asked.question!.guess);
    expect(read.set.count).toBe(1);
    expect(read.set.t0[0]).toBe(dayFromIso('2006-11-14'));
    expect(Array.from(read.set.lngLat)).toEqual([44.4, 33.3]);
  });
});

describe('a choice remembered by another version (issue 37)', () => {
  const header = ['when', 'x', 'y', 'what'];
  it('is used when it still fits the header and names formats this version has', () => {
    const kept = JSON.stringify({ columns: { date: 'when', lng: 'x', lat: 'y', label: 'what' }, dateFormat: 'dmy' });
    expect(rememberedChoice(kept, header, false)).toEqual({ columns: { date: 'when', lng: 'x', lat: 'y', label: 'what' }, dateFormat: 'dmy' });
    // An older shape without a date format reads as the atlas's own reading.
    expect(rememberedChoice(JSON.stringify({ columns: { date: 'when', lng: 'x', lat: 'y' } }), header, false)?.dateFormat).toBe('auto');
  });
  it('is not used, so the reader is asked again, when it does not', () => {
    for (const kept of [
      null,
      '{broken',
      '[]',
      JSON.stringify({ columns: { date: 'when', lng: 'x', lat: 'y' }, dateFormat: 'julian' }),
      JSON.stringify({ columns: { date: 'when', lng: 'x', lat: 'gone' } }),
      JSON.stringify({ columns: { date: 'when', lng: 'x', lat: 'y', colour: 'what' } }),
      JSON.stringify({ columns: { date: 3, lng: 'x', lat: 'y' } }),
      JSON.stringify({ columns: { lng: 'x', lat: 'y' } }),
    ])
      expect(rememberedChoice(kept, header, false), String(kept)).toBeNull();
  });
});
