// Which events a view shows at day t. Named like kepler's animation windows (docs/style.md).
import { DAY_MS, dayFromIso, EPOCH_MS } from './day.ts';
import { dayInWords } from './words.ts';

export type TimeMode = 'window' | 'cumulative';
export const timeModes: TimeMode[] = ['window', 'cumulative'];

/** The atlas's time span: the invasion (20 March 2003) to the last US convoy (18 December 2011). */
export const FIRST_DAY = dayFromIso('2003-03-20');
export const LAST_DAY = dayFromIso('2011-12-18');
export const DEFAULT_WINDOW_DAYS = 90;

/**
 * window: the event overlaps the last `windowDays` days up to t (so a month-precision event stays
 * in view while any of its month is in the window); cumulative: it began on or before t.
 */
export function isVisible(event: { t0: number; t1: number }, t: number, mode: TimeMode, windowDays: number): boolean {
  if (event.t0 > t) return false;
  return mode === 'cumulative' || event.t1 >= t - windowDays;
}

/**
 * How much of an event's possible span the view covers on day t: 1 for an event dated to the day
 * once it is visible; for one dated to a month, a year or a span, the share of its days that lie in
 * the window (in cumulative mode, that have begun); 0 when it is not visible. The map fades an
 * uncertain event's ring by it (look/fade.ts), so a year-dated event seen through a 90-day
 * window is drawn fainter than one dated to the day.
 */
export function shareInView(event: { t0: number; t1: number }, t: number, mode: TimeMode, windowDays: number): number {
  if (!isVisible(event, t, mode, windowDays)) return 0;
  const from = mode === 'cumulative' ? event.t0 : Math.max(event.t0, t - windowDays);
  const to = Math.min(event.t1, t);
  return (to - from + 1) / (event.t1 - event.t0 + 1);
}

/** The same day one month later or earlier (clamped to the month's end: 31 January + 1 → 28/29 February). */
export function addMonths(t: number, months: number): number {
  const d = new Date(EPOCH_MS + t * DAY_MS);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return Math.round((target.getTime() - EPOCH_MS) / DAY_MS);
}

/** "14 November 2006", in the reader's English on screen; pass FIGURE_LOCALE in a figure (words.ts). */
export const humanDate = (t: number, locale?: string): string => dayInWords(t, locale);
