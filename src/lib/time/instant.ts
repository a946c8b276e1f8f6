// Dates → day numbers. One clock for the whole atlas: t = whole days since 2003-01-01 (UTC),
// small integers that are exact in float32 on a GPU (DESIGN.md §5).
// EDTF (ISO 8601-2) is parsed by the `edtf` package: https://www.loc.gov/standards/datetime/
import edtf, { parse as parseEdtf } from 'edtf';

export const DAY_MS = 86_400_000;
/** Day zero of the atlas's clock, its one definition: 1 January 2003 (UTC). */
export const EPOCH_MS = Date.UTC(2003, 0, 1);

/** The atlas accepts dates in this span; anything outside is a typo, not history. */
export const EARLIEST = '1990-01-01';
export const LATEST = '2012-12-31';

export type DatePrecision = 'day' | 'month' | 'year' | 'interval';

export interface TimeSpan {
  /** First day the datum may refer to. */
  t0: number;
  /** Last day it may refer to (inclusive). */
  t1: number;
  precision: DatePrecision;
  /** EDTF `~` (approximate) or `?` (uncertain) or `%` (both). */
  approximate: boolean;
}

export type ParsedDate = { ok: true; span: TimeSpan } | { ok: false; error: string };

export function dayFromMs(ms: number): number {
  return Math.floor((ms - EPOCH_MS) / DAY_MS);
}

/** `t` as an ISO day, e.g. 1413 → "2006-11-14". */
export function isoDay(t: number): string {
  return new Date(EPOCH_MS + t * DAY_MS).toISOString().slice(0, 10);
}

export function dayFromIso(isoDate: string): number {
  return dayFromMs(Date.parse(`${isoDate}T00:00:00Z`));
}

const precisionOf = ['year', 'year', 'month', 'day'] as const;

/**
 * A plain year, month or day (most of the atlas's dates) read directly: edtf's parser is a
 * general grammar and costs the command line a noticeable part of its start. Anything else, and
 * any day that does not exist, goes to edtf, which says what is wrong with it.
 */
function plainDate(value: string): TimeSpan | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  const at = (y: number, mo: number, d: number) => dayFromMs(Date.UTC(y, mo, d));
  if (month === null) return { t0: at(year, 0, 1), t1: at(year, 11, 31), precision: 'year', approximate: false };
  if (day === null) return { t0: at(year, month - 1, 1), t1: at(year, month, 0), precision: 'month', approximate: false };
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const t = at(year, month - 1, day);
  return { t0: t, t1: t, precision: 'day', approximate: false };
}

function parseOne(value: string): ParsedDate {
  const plain = plainDate(value);
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

/**
 * Parses an EDTF date or closed interval ("2007-08-27/2007-08-29") and checks it lies within
 * EARLIEST..LATEST. Open interval ends ("../2006") are refused: every datum here is bounded.
 */
export function parseDate(value: unknown): ParsedDate {
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, error: 'missing; expected an EDTF date such as "2006-11-14"' };
  }
  const parts = value.split('/');
  if (parts.length > 2) return { ok: false, error: `"${value}" has more than one "/"; expected start/end` };
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
  if (span.t0 < dayFromIso(EARLIEST) || span.t1 > dayFromIso(LATEST)) {
    return { ok: false, error: `"${value}" lies outside ${EARLIEST}..${LATEST}; expected a date of the war and its prelude` };
  }
  return { ok: true, span };
}
