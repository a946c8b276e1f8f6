// Dates in words, as a reader writes them: "14 November 2006", "November 2006", "2006",
// "about 31 May 2007", "between 21 October and 31 December 2011". Every date the page and the
// figures show goes through here (issue 14: raw EDTF reached the screen). Never throws: a string
// it cannot read is shown as it is. It reads plain dates and their intervals (plain-date.ts), which
// are every date the atlas ships, so the page's first load does without edtf's grammar; a rarer
// EDTF form (unspecified digits, "2006-XX") is shown as written.
//
// The screen follows the reader's English (en-US: "June 1, 2005"; en-GB, en-IN…: "1 June 2005");
// a reader whose browser asks for no English gets British conventions, the atlas's own. Figures
// always use FIGURE_LOCALE, so the print dialog and `npm run figure` give the same bytes.
import { DAY_MS, EPOCH_MS } from './day.ts';
import type { DatePrecision } from './instant.ts';
import { readPlainDate } from './plain-date.ts';

export const FIGURE_LOCALE = 'en-GB';
let screenLocale = FIGURE_LOCALE;

/** Takes the first English of the reader's languages (navigator.languages) for dates on screen. */
export function useReaderLocale(languages: readonly string[]): string {
  const english = languages.find((l) => /^en(-|$)/i.test(l) && Intl.DateTimeFormat.supportedLocalesOf(l).length);
  screenLocale = english ?? FIGURE_LOCALE;
  return screenLocale;
}

const dateOf = (t: number) => new Date(EPOCH_MS + t * DAY_MS);

/**
 * One formatter per locale and form, made once: toLocaleDateString with options builds a new one
 * on every call, and the page's first load words a few hundred dates (about 30 ms on 3 December).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(precision: DatePrecision, locale: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${precision} ${withYear}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = precision === 'day' ? { day: 'numeric', month: 'long' } : precision === 'month' ? { month: 'long' } : {};
    if (withYear || precision === 'year') options.year = 'numeric';
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format;
}

/** One end of a date at its precision; `withYear` false leaves the year to the other end. */
function end(t: number, precision: DatePrecision, locale: string, withYear = true): string {
  return formatter(precision, locale, withYear).format(dateOf(t));
}

/** Day t in words: "1 June 2005" (or "June 1, 2005" for an American reader). */
export const dayInWords = (t: number, locale = screenLocale): string => end(t, 'day', locale);

/** EDTF's qualifiers in words: ~ approximate, ? uncertain, % both. */
function qualified(words: string, edtf: string): string {
  const about = /[~%]/.test(edtf) ? `about ${words}` : words;
  return /[?%]/.test(edtf) ? `${about} (uncertain)` : about;
}

export function dateInWords(edtf: string, locale = screenLocale): string {
  const [from, to] = edtf.split('/');
  // An open start: on or before the day (words a text reports without saying when).
  if (from === '..' && to !== undefined) {
    const bound = readPlainDate(to);
    return bound ? `by ${qualified(end(bound.t1, bound.precision, locale), to)}` : edtf;
  }
  const a = readPlainDate(from);
  if (!a) return edtf;
  if (to === undefined) return qualified(end(a.t0, a.precision, locale), from);
  const b = readPlainDate(to);
  if (!b) return edtf;
  const sameYear = dateOf(a.t0).getUTCFullYear() === dateOf(b.t1).getUTCFullYear() && a.precision !== 'year';
  return `between ${qualified(end(a.t0, a.precision, locale, !sameYear), from)} and ${qualified(end(b.t1, b.precision, locale), to)}`;
}
