import { describe, expect, it } from 'vitest';
import { dayFromIso, isoDay } from './day.ts';
import { addMonths, anchorDay, FIRST_DAY, humanDate, isVisible, LAST_DAY, shareInView } from './window.ts';

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

describe('an open start (what a text reports as already so, issue 39)', () => {
  // "has spread to Diyala and Nineveh", in a talk of 30 January 2008: on or before that day.
  const asOf = { t0: day('1990-01-01'), t1: day('2008-01-30'), precision: 'by' as const };

  it('is shown from its bound on, not across the years before it', () => {
    expect(isVisible(asOf, day('2004-06-01'), 'window', 90)).toBe(false);
    expect(isVisible(asOf, day('2008-01-29'), 'cumulative', 90)).toBe(false);
    expect(isVisible(asOf, day('2008-01-30'), 'window', 90)).toBe(true);
    expect(isVisible(asOf, day('2008-04-29'), 'window', 90)).toBe(true);
    expect(isVisible(asOf, day('2008-04-30'), 'window', 90)).toBe(false);
    expect(shareInView(asOf, day('2008-02-15'), 'window', 90)).toBe(1);
  });

  it('is pinned to its bound on the slider; a dated event to its first day', () => {
    expect(isoDay(anchorDay(asOf))).toBe('2008-01-30');
    expect(isoDay(anchorDay({ ...november2006, precision: 'month' }))).toBe('2006-11-01');
    expect(isoDay(anchorDay({ t0: day('2003-01-01'), t1: day('2003-12-31'), precision: 'year' }))).toBe('2003-03-20');
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
