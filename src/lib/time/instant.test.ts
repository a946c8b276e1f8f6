import { describe, expect, it } from 'vitest';
import { dayFromIso, isoDay } from './day.ts';
import { parseDate, saidBy } from './instant.ts';

const span = (value: string, options?: { openStart?: boolean }) => {
  const parsed = parseDate(value, options);
  if (!parsed.ok) throw new Error(parsed.error);
  return { from: isoDay(parsed.span.t0), to: isoDay(parsed.span.t1), precision: parsed.span.precision, approximate: parsed.span.approximate };
};

describe('parseDate', () => {
  it('reads an open start as a bound where asked: on or before its day, from the earliest day the atlas reads (issue 39)', () => {
    const bound = { openStart: true };
    expect(span('../2008-01-30', bound)).toEqual({ from: '1990-01-01', to: '2008-01-30', precision: 'by', approximate: false });
    expect(span('../2006-11', bound)).toMatchObject({ to: '2006-11-30' });
    expect(parseDate('2006/..', bound).ok).toBe(false);
    expect(parseDate('../2013-01-01', bound).ok).toBe(false);
    expect(parseDate('../nonsense', bound).ok).toBe(false);
    expect(saidBy('2007-05-31~')).toBe('../2007-05-31');
    expect(saidBy('2011-10-21/2011-12-31')).toBe('../2011-12-31');
  });

  it('counts days from 2003-01-01', () => {
    expect(dayFromIso('2003-01-01')).toBe(0);
    expect(dayFromIso('2003-03-20')).toBe(78);
    expect(isoDay(dayFromIso('2011-12-18'))).toBe('2011-12-18');
  });

  it('spans a day, a month, a year', () => {
    expect(span('2006-11-14')).toEqual({ from: '2006-11-14', to: '2006-11-14', precision: 'day', approximate: false });
    expect(span('2006-11')).toEqual({ from: '2006-11-01', to: '2006-11-30', precision: 'month', approximate: false });
    expect(span('2008')).toMatchObject({ from: '2008-01-01', to: '2008-12-31', precision: 'year' });
  });

  it('handles leap years and approximate dates', () => {
    expect(span('2008-02')).toMatchObject({ to: '2008-02-29' });
    expect(span('2006-09~')).toEqual({ from: '2006-09-01', to: '2006-09-30', precision: 'month', approximate: true });
  });

  it('spans an interval from the start of its first end to the end of its last', () => {
    expect(span('2007-08-25/2007-08-26')).toEqual({ from: '2007-08-25', to: '2007-08-26', precision: 'interval', approximate: false });
    expect(span('2011-10-21/2011-12')).toMatchObject({ from: '2011-10-21', to: '2011-12-31' });
  });

  it('refuses what is not a bounded date of the period (an open start is read only where asked, above)', () => {
    for (const bad of [
      '',
      '2006-13',
      '2006-02-30',
      '14 November 2006',
      '1989',
      '2013-01-01',
      '2007-08-29/2007-08-27',
      '../2006',
      '2006/..',
      '2006/2007/2008',
    ]) {
      expect(parseDate(bad).ok, bad).toBe(false);
    }
  });
});

describe('parseDate past the plain dates', () => {
  it('sends the rest to edtf, which says what is wrong', () => {
    expect(parseDate('2006-02-30')).toMatchObject({ ok: false });
    expect(parseDate('2006-13')).toMatchObject({ ok: false });
    expect(parseDate('2006-21')).toMatchObject({ ok: false, error: expect.stringContaining('Season') });
    expect(span('2006-11-XX')).toMatchObject({ from: '2006-11-01', to: '2006-11-30' });
    expect(span('2007-05-31~')).toMatchObject({ precision: 'day', approximate: true });
  });
});
