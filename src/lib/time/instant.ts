// Dates → day numbers on the atlas's clock (day.ts).
// EDTF (ISO 8601-2) is parsed by the `edtf` package: https://www.loc.gov/standards/datetime/
import edtf, { parse as parseEdtf } from 'edtf';

import { dayFromIso, dayFromMs, EARLIEST, LATEST } from './day.ts';
import { readPlainDate } from './plain-date.ts';

/** `by`: an open start ("../2008-01-30"), known only to have happened or been said on or before its last day. */
export type DatePrecision = 'day' | 'month' | 'year' | 'interval' | 'by';

export interface TimeSpan {
  /** First day the datum may refer to. */
  t0: number;
  /** Last day it may refer to (inclusive). */
  t1: number;
  precision: DatePrecision;
  /** EDTF `~` (approximate) or `?` (uncertain) or `%` (both). */
  approximate: boolean;
}

export interface DateOptions {
  openStart?: boolean;
  anyYear?: boolean;
}

export type ParsedDate = { ok: true; span: TimeSpan } | { ok: false; error: string };

const precisionOf = ['year', 'year', 'month', 'day'] as const;

function parseOne(value: string): ParsedDate {
  const plain = readPlainDate(value);
  if (plain) return { ok: true, span: plain };
  // The grammar's own `type` is a plain string; the objects edtf() builds report their class
  // name instead, which a minifier renames, so the kind of date is read from parse().
  let kind: string;
  try {
    kind = parseEdtf(value).type;
  } catch {
    return { ok: false, error: `"${value}" is not an EDTF date (expected e.g. 2006, 2006-11, 2006-11-14, 2006-09~)` };
  }
  if (kind !== 'Date') {
    return { ok: false, error: `"${value}" is an EDTF ${kind}; expected a calendar date` };
  }
  const parsed = edtf(value);
  return {
    ok: true,
    span: {
      t0: dayFromMs(parsed.min),
      t1: dayFromMs(parsed.max),
      precision: precisionOf[parsed.precision ?? 3],
      approximate: /[~?%]/.test(value),
    },
  };
}

const outsideSpan = (value: string) =>
  `"${value}" lies outside the atlas's span, ${EARLIEST}..${LATEST}: what the map draws on its clock (an event, a period) falls in the war and its prelude; a text's own date may be any`;

/**
 * Parses an EDTF date or closed interval ("2007-08-27/2007-08-29") and checks it lies within
 * EARLIEST..LATEST. An open start ("../2008-01-30": on or before that day) is a bound, read only
 * where the caller asks (`openStart`): the words a text reports without saying when they were
 * said, and what a text reports as already so ("has spread to Nineveh") without saying since when
 * (issue 39); its span runs from EARLIEST, precision `by`. Everything else the atlas dates (texts,
 * control periods, figures, chapters) needs its first day. An open end ("2006/..") is refused:
 * nothing here is still going on.
 *
 * `anyYear`: the date need not fall in the atlas's span. A text's own date (a memoir of 2016, an
 * oral history of 2024) and the day words were said are free (issue 40); what the map draws on
 * its clock (events, control periods, figures, chapters) stays within it.
 */
export function parseDate(value: unknown, { openStart = false, anyYear = false }: DateOptions = {}): ParsedDate {
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, error: 'missing; expected an EDTF date such as "2006-11-14"' };
  }
  const parts = value.split('/');
  if (parts.length > 2) return { ok: false, error: `"${value}" has more than one "/"; expected start/end` };
  if (parts.length === 2 && parts[0] === '..') {
    if (!openStart) return { ok: false, error: `"${value}" has no start; expected its first day (an open start bounds only what a text reports)` };
    const bound = parseOne(parts[1]);
    if (!bound.ok) return bound;
    if (!anyYear && bound.span.t1 > dayFromIso(LATEST)) return { ok: false, error: outsideSpan(value) };
    return { ok: true, span: { t0: dayFromIso(EARLIEST), t1: bound.span.t1, precision: 'by', approximate: bound.span.approximate } };
  }
  const ends = parts.map(parseOne);
  for (const end of ends) if (!end.ok) return end;
  const [start, finish = start] = ends as { ok: true; span: TimeSpan }[];
  if (finish.span.t1 < start.span.t0) {
    return { ok: false, error: `interval "${value}" ends before it starts; expected start/end in order` };
  }
  const span: TimeSpan = {
    t0: start.span.t0,
    t1: finish.span.t1,
    precision: parts.length === 2 ? 'interval' : start.span.precision,
    approximate: start.span.approximate || finish.span.approximate,
  };
  if (!anyYear && (span.t0 < dayFromIso(EARLIEST) || span.t1 > dayFromIso(LATEST))) return { ok: false, error: outsideSpan(value) };
  return { ok: true, span };
}

/** The bound of words a text reports without saying when: said by the text's date ("2007-05-31~" → "../2007-05-31"). */
export const saidBy = (textDate: string): string =>
  `../${textDate
    .split('/')
    .at(-1)!
    .replace(/[~?%]$/, '')}`;
