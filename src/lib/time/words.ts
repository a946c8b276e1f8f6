// An EDTF date in words, as a reader writes it: "14 November 2006", "November 2006", "2006",
// "about 31 May 2007", "between 21 October and 31 December 2011". Every date the page shows goes
// through here or humanDate (issue 14: raw EDTF reached the screen). Never throws: a string it
// cannot read is shown as it is.
import { DAY_MS, EPOCH_MS, parseDate, type DatePrecision } from './instant.ts';

const dateOf = (t: number) => new Date(EPOCH_MS + t * DAY_MS);

/** One end of a date at its precision; `withYear` false leaves the year to the other end. */
function end(t: number, precision: DatePrecision, withYear = true): string {
  const options: Intl.DateTimeFormatOptions = precision === 'day' ? { day: 'numeric', month: 'long' } : precision === 'month' ? { month: 'long' } : {};
  if (withYear || precision === 'year') options.year = 'numeric';
  return dateOf(t).toLocaleDateString('en-GB', { ...options, timeZone: 'UTC' });
}

/** EDTF's qualifiers in words: ~ approximate, ? uncertain, % both. */
function qualified(words: string, edtf: string): string {
  const about = /[~%]/.test(edtf) ? `about ${words}` : words;
  return /[?%]/.test(edtf) ? `${about} (uncertain)` : about;
}

export function dateInWords(edtf: string): string {
  const [from, to] = edtf.split('/');
  const a = parseDate(from);
  if (!a.ok) return edtf;
  if (to === undefined) return qualified(end(a.span.t0, a.span.precision), from);
  const b = parseDate(to);
  if (!b.ok) return edtf;
  const sameYear = dateOf(a.span.t0).getUTCFullYear() === dateOf(b.span.t1).getUTCFullYear() && a.span.precision !== 'year';
  return `between ${qualified(end(a.span.t0, a.span.precision, !sameYear), from)} and ${qualified(end(b.span.t1, b.span.precision), to)}`;
}
