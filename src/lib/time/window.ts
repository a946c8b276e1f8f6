// Which events a view shows at day t. Named like kepler's animation windows (docs/style.md).
import { DAY_MS, dayFromIso, EPOCH_MS } from './day.ts';
import type { TimeSpan } from './instant.ts';
import { dayInWords } from './words.ts';

export type TimeMode = 'window' | 'cumulative';
export const timeModes: TimeMode[] = ['window', 'cumulative'];

/** The atlas's time span: the invasion (20 March 2003) to the last US convoy (18 December 2011). */
export const FIRST_DAY = dayFromIso('2003-03-20');
export const LAST_DAY = dayFromIso('2011-12-18');
export const DEFAULT_WINDOW_DAYS = 90;

/** What a view needs of a dated thing: its span, and whether it has a start (see shownSpan). */
type Dated = { t0: number; t1: number; precision?: TimeSpan['precision'] };

/**
 * The days a view shows an event on. An open start ("../2008-01-30", what a text reports as already
 * so) is shown from its bound on, the one day known, as an open ring (data/features.ts
 * drawnUncertain): not across the years before it, which would put "the Awakening has spread to
 * Nineveh" on a map of 2004. Everything else: its span. The map's GPU layer and the figures get
 * the shown span from data/features.ts eventPoints.
 */
export const shownSpan = (event: Dated): { t0: number; t1: number } =>
  event.precision === 'by' ? { t0: event.t1, t1: event.t1 } : { t0: event.t0, t1: event.t1 };

/**
 * window: the event overlaps the last `windowDays` days up to t (so a month-precision event stays
 * in view while any of its month is in the window); cumulative: it began on or before t.
 */
export function isVisible(dated: Dated, t: number, mode: TimeMode, windowDays: number): boolean {
  const event = shownSpan(dated);
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
export function shareInView(dated: Dated, t: number, mode: TimeMode, windowDays: number): number {
  if (!isVisible(dated, t, mode, windowDays)) return 0;
  const event = shownSpan(dated);
  const from = mode === 'cumulative' ? event.t0 : Math.max(event.t0, t - windowDays);
  const to = Math.min(event.t1, t);
  return (to - from + 1) / (event.t1 - event.t0 + 1);
}

/**
 * The day an event is pinned to on the slider (its tick, the day a click on it jumps to): its first
 * day, or for an open start its bound, all that is known of it; within the atlas's span.
 */
export const anchorDay = (span: Pick<TimeSpan, 't0' | 't1' | 'precision'>): number =>
  Math.min(LAST_DAY, Math.max(FIRST_DAY, span.precision === 'by' ? span.t1 : span.t0));

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
