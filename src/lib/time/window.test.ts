import { describe, expect, it } from 'vitest';
import { dayFromIso, isoDay } from './day.ts';
import { addMonths, FIRST_DAY, humanDate, isVisible, LAST_DAY } from './window.ts';

const day = dayFromIso;
const november2006 = { t0: day('2006-11-01'), t1: day('2006-11-30') };

describe('isVisible', () => {
  it('shows an event in the window while any of it falls in the last N days', () => {
    expect(isVisible(november2006, day('2006-10-31'), 'window', 90)).toBe(false);
    expect(isVisible(november2006, day('2006-11-01'), 'window', 90)).toBe(true);
    expect(isVisible(november2006, day('2007-02-28'), 'window', 90)).toBe(true);
    expect(isVisible(november2006, day('2007-03-01'), 'window', 90)).toBe(false);
  });

  it('keeps every event that has begun in cumulative mode', () => {
    expect(isVisible(november2006, day('2011-12-18'), 'cumulative', 90)).toBe(true);
    expect(isVisible(november2006, day('2006-10-31'), 'cumulative', 90)).toBe(false);
  });
});

describe('calendar steps', () => {
  it('spans the invasion to the last convoy', () => {
    expect(isoDay(FIRST_DAY)).toBe('2003-03-20');
    expect(isoDay(LAST_DAY)).toBe('2011-12-18');
  });

  it('moves by a month, clamping to the end of a shorter month', () => {
    expect(isoDay(addMonths(day('2006-11-14'), 1))).toBe('2006-12-14');
    expect(isoDay(addMonths(day('2008-01-31'), 1))).toBe('2008-02-29');
    expect(isoDay(addMonths(day('2007-03-31'), -1))).toBe('2007-02-28');
  });

  it('writes the date for people', () => {
    expect(humanDate(day('2006-11-14'))).toBe('14 November 2006');
  });
});
