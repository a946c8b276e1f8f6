import { describe, expect, it } from 'vitest';
import { afterEach } from 'vitest';
import { dateInWords, dayInWords, FIGURE_LOCALE, useReaderLocale } from './words.ts';
import { dayFromIso } from './day.ts';

describe('dates in words', () => {
  it('says each precision as a reader would', () => {
    expect(dateInWords('2006-11-14')).toBe('14 November 2006');
    expect(dateInWords('2006-11')).toBe('November 2006');
    expect(dateInWords('2006')).toBe('2006');
  });

  it('says a bound as "by" its day (issue 39: words a text reports without saying when)', () => {
    expect(dateInWords('../2008-01-30')).toBe('by 30 January 2008');
    expect(dateInWords('../2006-11')).toBe('by November 2006');
  });

  it('says the qualifiers', () => {
    expect(dateInWords('2007-05-31~')).toBe('about 31 May 2007');
    expect(dateInWords('2006-09?')).toBe('September 2006 (uncertain)');
    expect(dateInWords('2004%')).toBe('about 2004 (uncertain)');
  });

  it('says a span, with the year once when both ends share it', () => {
    expect(dateInWords('2011-10-21/2011-12-31')).toBe('between 21 October and 31 December 2011');
    expect(dateInWords('2007-08-27/2007-08-29')).toBe('between 27 August and 29 August 2007');
    expect(dateInWords('2005-01/2008-12')).toBe('between January 2005 and December 2008');
    expect(dateInWords('2006-10/2006-12')).toBe('between October and December 2006');
    expect(dateInWords('2005/2008')).toBe('between 2005 and 2008');
  });

  it('shows what it cannot read as it is, and never throws', () => {
    expect(dateInWords('banana')).toBe('banana');
    expect(dateInWords('2006-13-01')).toBe('2006-13-01');
  });

  describe("in the reader's English", () => {
    afterEach(() => useReaderLocale([]));

    it("follows the first English of the reader's languages on screen", () => {
      expect(useReaderLocale(['fr-FR', 'en-US', 'en-GB'])).toBe('en-US');
      expect(dayInWords(dayFromIso('2005-06-01'))).toBe('June 1, 2005');
      expect(dateInWords('2011-10-21/2011-12-31')).toBe('between October 21 and December 31, 2011');
      expect(dateInWords('2007-05-31~')).toBe('about May 31, 2007');
    });

    it('keeps British conventions for a reader with no English, and in figures whatever the reader reads', () => {
      expect(useReaderLocale(['de-DE', 'fr'])).toBe('en-GB');
      expect(dayInWords(dayFromIso('2005-06-01'))).toBe('1 June 2005');
      useReaderLocale(['en-US']);
      expect(dayInWords(dayFromIso('2005-06-01'), FIGURE_LOCALE)).toBe('1 June 2005');
    });
  });
});
