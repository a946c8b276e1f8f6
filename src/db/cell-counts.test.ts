// The counts the loader keeps ahead. db.test.ts checks them end to end against SELECT count(*);
// these check the arithmetic a PostgreSQL-free machine can check: months, levels and their sums.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../lib/time/day.ts';
import { monthOf } from './calendar.ts';
import { CellCounts } from './cell-counts.ts';
import { mortonZ20 } from './rows-to-copy.ts';

const rowsOf = (texts: Iterable<string>) =>
  [...texts]
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t').map(Number));

describe('the counts kept ahead', () => {
  it('numbers months from January 2003 as atlas.month_of does, before 2003 too', () => {
    expect(monthOf(dayFromIso('2003-01-01'))).toBe(0);
    expect(monthOf(dayFromIso('2003-01-31'))).toBe(0);
    expect(monthOf(dayFromIso('2006-11-20'))).toBe(46);
    expect(monthOf(dayFromIso('2008-02-29'))).toBe(61);
    expect(monthOf(dayFromIso('2002-12-31'))).toBe(-1);
    expect(monthOf(dayFromIso('1990-01-01'))).toBe(-156);
  });

  it('counts each level as the sum of the cells below it, by month and by day of start', () => {
    const counts = new CellCounts();
    const baghdad = mortonZ20(44.36, 33.31);
    const nearby = mortonZ20(44.37, 33.32); // the same zoom-8 cell, another zoom-14 one
    const basra = mortonZ20(47.78, 30.51);
    const nov20 = dayFromIso('2006-11-20');
    for (const [m, t0] of [
      [baghdad, nov20],
      [baghdad, nov20],
      [nearby, nov20 + 1],
      [basra, nov20 + 20], // December
    ])
      counts.add(m, t0);

    const months = rowsOf(counts.monthRows(8));
    const at = (level: number) => months.filter((r) => r[0] === level);
    expect(
      at(8)
        .map((r) => r[3])
        .sort(),
    ).toEqual([1, 1, 2]);
    // In the order of the index on them, so that building it sorts nothing: (level, cell, month).
    expect(months.map((r) => r.slice(0, 3))).toEqual(months.map((r) => r.slice(0, 3)).sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]));
    expect(at(8).find((r) => r[3] === 2)).toEqual([8, Math.floor(baghdad / 4 ** 6), 46, 2]);
    // At zoom 6 Baghdad's events fall in one cell for November; Basra's in another for December.
    expect(
      at(0)
        .map((r) => [r[2], r[3]])
        .sort(),
    ).toEqual([
      [46, 3],
      [47, 1],
    ]);
    for (let level = 0; level <= 8; level++) expect(at(level).reduce((sum, r) => sum + r[3], 0)).toBe(4);

    const days = rowsOf(counts.dayRows(2));
    expect(days.every((r) => r[0] <= 2)).toBe(true);
    expect(
      days
        .filter((r) => r[0] === 2)
        .map((r) => [r[2], r[3]])
        .sort(),
    ).toEqual([
      [nov20, 2],
      [nov20 + 1, 1],
      [nov20 + 20, 1],
    ]);
  });

  it('turns tiles into points from the first zoom whose densest tile holds at most the limit, and counts ahead to the zoom before', () => {
    const counts = new CellCounts();
    // 30 events in one zoom-16 tile, 10 in a tile far from it.
    for (let i = 0; i < 30; i++) counts.add(mortonZ20(44.3601, 33.3101), 1400);
    for (let i = 0; i < 10; i++) counts.add(mortonZ20(47.78, 30.51), 1400);
    expect(counts.levels(40)).toEqual({ rawFromZoom: 0, pyramidLevel: -1, dayLevel: -1 });
    expect(counts.levels(30)).toEqual({ rawFromZoom: 3, pyramidLevel: 2, dayLevel: 2 });
    expect(counts.levels(29)).toEqual({ rawFromZoom: 17, pyramidLevel: 8, dayLevel: 4 });
  });
});
