import edtf from 'edtf';
import { describe, expect, it } from 'vitest';
import { dayFromMs } from './day.ts';
import { readPlainDate } from './plain-date.ts';

describe('readPlainDate', () => {
  it('gives the span edtf gives for years, months and days, qualified or not', () => {
    const plain = [
      '1990',
      '2003',
      '2008',
      '2012',
      ...['01', '02', '06', '12'].flatMap((m) => [`2004-${m}`, `2008-${m}`]),
      '2004-02-29',
      '2003-03-20',
      '2011-12-18',
      '2012-12-31',
    ];
    const values = plain.flatMap((v) => [v, `${v}~`, `${v}?`, `${v}%`]);
    for (const value of values) {
      const e = edtf(value);
      const read = readPlainDate(value);
      expect(read && [read.t0, read.t1], value).toEqual([dayFromMs(e.min), dayFromMs(e.max)]);
      expect(read?.approximate, value).toBe(/[~?%]$/.test(value));
    }
    expect(readPlainDate('2006-11')?.precision).toBe('month');
    expect(readPlainDate('2006-11-14~')?.precision).toBe('day');
  });

  it('leaves every other form, and days that do not exist, to the grammar', () => {
    for (const value of ['2006-02-30', '2006-13', '2006-21', '2006-11-XX', '2004-06~-11', '?2004', '2006-11-14~~', ' 2006', '2006/2007']) {
      expect(readPlainDate(value), value).toBeNull();
    }
  });
});
