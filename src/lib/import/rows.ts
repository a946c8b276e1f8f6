// A researcher's own events, one row at a time: which columns hold what, and whether a row is a
// dated point. Pure, and fast on the common case (a plain ISO day), because a war-log-sized file
// has 400,000 rows. Rows are numbered as a spreadsheet shows them: the header is row 1.
import { dayFromIso, dayFromMs, EARLIEST, isoDay, LATEST } from '../time/day.ts';
import { parseDate } from '../time/instant.ts';
import { shownSpan } from '../time/window.ts';
import { readDateAs, type DateFormat } from './columns.ts';

/**
 * How a file's problems name where they are: a CSV's spreadsheet row (the header is row 1), a
 * GeoJSON feature's index, a Parquet or Arrow record's index (both counted from 0, as pandas,
 * Arrow and DuckDB's `file_row_number` count them).
 */
export type RecordUnit = 'row' | 'feature' | 'record';

export interface ImportProblem {
  /** Where, in the file's RecordUnit. */
  row: number;
  column: string;
  message: string;
  /** A date outside EARLIEST..LATEST: counted apart in the import's summary. */
  outOfRange?: boolean;
}

export interface ImportedRow {
  lng: number;
  lat: number;
  t0: number;
  t1: number;
  label: string;
  source: string;
  /** Where it came from, in the file's RecordUnit. */
  row: number;
  /** Set where the label or source was longer than MAX_LABEL and cut. */
  cut?: true;
}

/** The header names each role may go by, lower-cased. */
const aliases = {
  lng: ['longitude', 'lon', 'lng', 'long', 'x'],
  lat: ['latitude', 'lat', 'y'],
  date: ['date', 'start', 'start_date', 'date_start', 'datetime'],
  end: ['end', 'end_date', 'date_end', 'enddate'],
  label: ['label', 'title', 'name', 'description', 'summary'],
  source: ['source', 'citation', 'reference'],
} as const;
export type Role = keyof typeof aliases;

/** Header → the column holding each role, for the roles whose name it knows. */
export function knownColumns(header: string[]): Partial<Record<Role, string>> {
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, names] of Object.entries(aliases) as [Role, readonly string[]][]) {
    const found = header.find((h) => names.includes(h.trim().toLowerCase()));
    if (found !== undefined) columns[role] = found;
  }
  return columns;
}

/** Header → the column holding each role; an error names the missing ones. */
export function columnsOf(header: string[]): { columns: Partial<Record<Role, string>> } | { error: string } {
  const columns = knownColumns(header);
  const missing = (['lng', 'lat', 'date'] as Role[]).filter((r) => !columns[r]);
  if (missing.length) {
    const wanted = missing.map((r) => `${r === 'lng' ? 'longitude' : r === 'lat' ? 'latitude' : 'date'} (as ${aliases[r].join(', ')})`);
    return { error: `The header has no column for ${wanted.join('; ')}. It has: ${header.join(', ') || 'nothing'}.` };
  }
  return { columns };
}

const TIME_PART = /^[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const digit = (v: string, i: number) => {
  const c = v.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * A plain ISO day or day-and-time, read without the EDTF parser, a regular expression or a Date:
 * 2,000,000 rows must be quick, and this runs once a row.
 */
export function fastDay(value: string): number | null {
  if (value.length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null; // 45: '-'
  const y = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const mo = digit(value, 5) * 10 + digit(value, 6);
  const d = digit(value, 8) * 10 + digit(value, 9);
  if (Number.isNaN(y + mo + d)) return null;
  if (value.length > 10 && !TIME_PART.test(value.slice(10))) return null;
  // 2006-02-30 would roll over in Date.UTC: refuse it rather than move the event.
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return dayFromMs(Date.UTC(y, mo - 1, d));
}

const FIRST = dayFromIso(EARLIEST);
const LAST = dayFromIso(LATEST);

/** "12/03/2006": which number is the day? Ask for ISO rather than guess (a guess moves an event by months). */
function slashedDate(v: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[2]), m[3]];
  const iso = (month: number, day: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (a <= 12 && b <= 12 && a !== b)
    return `"${v}" is ambiguous: ${iso(b, a)} (day first) or ${iso(a, b)} (month first)? Write dates as year-month-day, or put all of them in one order and say which`;
  return `"${v}" is not in year-month-day order; write it as ${a > 12 ? iso(b, a) : iso(a, b)}`;
}

/** A date cell as a span of days, or the reason it is not a date (`outOfRange` for a real date outside EARLIEST..LATEST). */
export function readDate(value: string): { t0: number; t1: number } | { error: string; outOfRange?: boolean } {
  const v = value.trim();
  const day = fastDay(v);
  // The same bounds as every other date the atlas reads (parseDate), on the fast path too.
  if (day !== null && (day < FIRST || day > LAST))
    return { error: `"${v}" lies outside ${EARLIEST}..${LATEST}; expected a date of the war and its prelude`, outOfRange: true };
  if (day !== null) return { t0: day, t1: day };
  const slashed = slashedDate(v);
  if (slashed) return { error: slashed };
  // "2006-13-01" looks like a day but is not one; say so plainly.
  if (/^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(v)) return { error: `"${v}" is not a date` };
  // An open start ("../2008-01-30", as the atlas's own export writes what a text gives only "by" a
  // day) is drawn on its day, as the atlas draws such an event (time/window.ts shownSpan).
  const parsed = parseDate(v, { openStart: true });
  if (parsed.ok) return shownSpan(parsed.span);
  // A real date, only outside the span: read again without the span to tell the two apart.
  return parseDate(v, { anyYear: true }).ok ? { error: parsed.error, outOfRange: true } : { error: `"${v}" is not a date: ${parsed.error}` };
}

/** A date cell in the format the reader named ('auto': the atlas's own reading, readDate). */
export function readDateIn(value: string, format: DateFormat): { t0: number; t1: number } | { error: string; outOfRange?: boolean } {
  if (format === 'auto') return readDate(value);
  const day = readDateAs(value, format);
  if (typeof day !== 'number') return day;
  if (day < FIRST || day > LAST) return { error: `"${value.trim()}" is ${isoDay(day)}, outside ${EARLIEST}..${LATEST}`, outOfRange: true };
  return { t0: day, t1: day };
}

/** The cell a role's column holds, trimmed; '' for a role with no column or an empty cell. */
function cellOf(record: Record<string, unknown>, column: string | undefined): string {
  if (column === undefined) return '';
  const value = record[column];
  return value == null ? '' : String(value).trim();
}

/** A coordinate cell → its number, or the problem with it (pushed to `problems`). */
function coordinate(text: string, role: 'lng' | 'lat', column: string, row: number, problems: ImportProblem[]): number {
  const [min, max] = role === 'lng' ? [-180, 180] : [-90, 90];
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value < min || value > max)
    problems.push({ row, column, message: text === '' ? 'missing' : `"${text}" is not a ${role === 'lng' ? 'longitude' : 'latitude'} (${min} to ${max})` });
  return value;
}

/**
 * One record (header → cell) → an event, or every problem it has. Written without a closure a
 * row: the loader runs it 10,000,000 times, under tsx, which wraps every function it makes to
 * keep its name (a fifth of the loader's reading time went to that).
 */
export function readRow(
  record: Record<string, unknown>,
  columns: Partial<Record<Role, string>>,
  row: number,
  dateFormat: DateFormat = 'auto',
): { event: ImportedRow } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const lng = coordinate(cellOf(record, columns.lng), 'lng', columns.lng!, row, problems);
  const lat = coordinate(cellOf(record, columns.lat), 'lat', columns.lat!, row, problems);
  const date = cellOf(record, columns.date);
  const start = date === '' ? { error: 'missing' } : readDateIn(date, dateFormat);
  if ('error' in start) problems.push({ row, column: columns.date!, message: start.error, ...(start.outOfRange ? { outOfRange: true } : {}) });
  let t1 = 'error' in start ? 0 : start.t1;
  const endDate = cellOf(record, columns.end);
  if (endDate) {
    const end = readDateIn(endDate, dateFormat);
    if ('error' in end) problems.push({ row, column: columns.end!, message: end.error, ...(end.outOfRange ? { outOfRange: true } : {}) });
    else if (!('error' in start) && end.t1 < start.t0) problems.push({ row, column: columns.end!, message: `"${endDate}" is before the start date` });
    else t1 = end.t1;
  }
  // A file that is not UTF-8 (Latin-1, Windows-1256) is decoded with U+FFFD for each byte it could
  // not read: say so where it happens, rather than keep a label whose letters were lost unsaid.
  const fullLabel = cellOf(record, columns.label);
  const fullSource = cellOf(record, columns.source);
  if (fullLabel.includes(UNREADABLE)) problems.push({ row, column: columns.label!, message: unreadableText(fullLabel) });
  if (fullSource.includes(UNREADABLE)) problems.push({ row, column: columns.source!, message: unreadableText(fullSource) });
  if (problems.length) return { problems };
  const label = capText(fullLabel);
  const source = capText(fullSource);
  const event: ImportedRow = { lng, lat, t0: (start as { t0: number }).t0, t1, label, source, row };
  if (label !== fullLabel || source !== fullSource) event.cut = true;
  return { event };
}

/**
 * The most characters a label or source keeps (issue 37): a cell of a megabyte is a file's
 * mistake or an attack on the page, not a label. Longer ones are cut, and the rows counted.
 */
export const MAX_LABEL = 2000;

/** The text cut to MAX_LABEL characters, with an ellipsis, never between the halves of a character. */
export function capText(text: string): string {
  if (text.length <= MAX_LABEL) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_LABEL - 2]) ? MAX_LABEL - 2 : MAX_LABEL - 1;
  return `${text.slice(0, end)}…`;
}

/** What a decoder puts for bytes that are not UTF-8. */
export const UNREADABLE = '\uFFFD';
export const unreadableText = (text: string): string =>
  `"${text}" has letters that could not be read (shown as ${UNREADABLE}): the file is not UTF-8; save it as UTF-8 and import it again`;

/** "row 1832, column date: "2006-13-01" is not a date" */
export const formatImportProblem = (p: ImportProblem, unit = 'row'): string => `${unit} ${p.row}, column ${p.column}: ${p.message}`;
