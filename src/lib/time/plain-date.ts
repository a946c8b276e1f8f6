// A plain year, month or day, with or without EDTF's qualifier for the whole date ("2006",
// "2006-07~", "2007-05-31?", "2004%"), read without edtf's grammar. Nearly every date the atlas
// holds is one of these, and the page's first load reads only such dates (the link's day, the
// shipped dates in words), so it need not carry the grammar (issue 16); the command line starts
// faster for the same reason. instant.ts sends everything else to edtf.
import { dayFromMs } from './day.ts';
import type { TimeSpan } from './instant.ts';

const PLAIN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?$/;

/**
 * The span of a plain date, as edtf gives it (a qualifier marks it approximate and leaves its
 * days as they are); null for anything else, a day that does not exist included.
 */
export function readPlainDate(value: string): TimeSpan | null {
  const m = PLAIN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  const approximate = m[4] !== undefined;
  if (month !== null && (month < 1 || month > 12)) return null;
  const at = (y: number, mo: number, d: number) => dayFromMs(Date.UTC(y, mo, d));
  if (month === null) return { t0: at(year, 0, 1), t1: at(year, 11, 31), precision: 'year', approximate };
  if (day === null) return { t0: at(year, month - 1, 1), t1: at(year, month, 0), precision: 'month', approximate };
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const t = at(year, month - 1, day);
  return { t0: t, t1: t, precision: 'day', approximate };
}
