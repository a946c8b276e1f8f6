// When a file's columns are not the names the atlas knows (a public data set whose date is
// `death_date`, a GeoJSON whose time is epoch milliseconds), the reader says which column is which
// and how its dates are written. This module guesses a first answer from the header and the first
// rows, reads a date in the format the reader named, and keys a choice by its header so the same
// kind of file is read the same way next time.
import { dayFromMs } from '../time/day.ts';
import type { RecordUnit, Role } from './rows.ts';

/**
 * How the date cells are written. 'auto' is the atlas's own reading (ISO days, EDTF); the others
 * are read only when the reader says so: a guess between day-first and month-first moves events by months.
 */
export type DateFormat = 'auto' | 'epoch-ms' | 'epoch-s' | 'dmy' | 'mdy';

export const dateFormats: { id: DateFormat; label: string }[] = [
  { id: 'auto', label: 'Year-month-day (ISO or EDTF)' },
  { id: 'dmy', label: 'Day/month/year (DD/MM/YYYY)' },
  { id: 'mdy', label: 'Month/day/year (MM/DD/YYYY)' },
  { id: 'epoch-ms', label: 'Milliseconds since 1970 (Unix time)' },
  { id: 'epoch-s', label: 'Seconds since 1970 (Unix time)' },
];

/** The reader's answer: a column for each role (longitude, latitude and date required), and the date format. */
export interface ColumnChoice {
  columns: Partial<Record<Role, string>>;
  dateFormat: DateFormat;
}

/** What the import asks when it cannot tell the columns: the header, the first rows and its guess. */
export interface ColumnQuestion {
  header: string[];
  rows: string[][];
  guess: ColumnChoice;
  /** Why it asks, in words ("The header has no column for date …"). */
  reason: string;
  /** GeoJSON: longitude and latitude are the Point's, not columns to choose. */
  fixedPosition: boolean;
}

export const requiredRoles: Role[] = ['lng', 'lat', 'date'];
export const roleNames: Record<Role, string> = {
  lng: 'Longitude',
  lat: 'Latitude',
  date: 'Date (or start)',
  end: 'End date',
  label: 'Label',
  source: 'Source',
};

/** Parts of a header name that suggest a role, when no whole name matches (e.g. death_date, event_time, geo_lat). */
const hints: Record<Role, RegExp> = {
  lng: /(^|[^a-z])(lon|lng|long|longitude)([^a-z]|$)/i,
  lat: /(^|[^a-z])(lat|latitude)([^a-z]|$)/i,
  date: /date|time|day|when|start/i,
  end: /end|until|to_date/i,
  label: /label|title|name|desc|summary|event/i,
  source: /source|citation|ref|url|link/i,
};

/** The atlas's guess: the known names first (as `known` found them), then names that hint at a role, then the date format from the sample. */
export function guessColumns(header: string[], rows: string[][], known: Partial<Record<Role, string>>): ColumnChoice {
  const columns: Partial<Record<Role, string>> = { ...known };
  const taken = new Set(Object.values(columns));
  for (const role of ['date', 'lat', 'lng', 'end', 'label', 'source'] as Role[]) {
    if (columns[role]) continue;
    const found = header.find((h) => !taken.has(h) && hints[role].test(h) && !(role === 'date' && hints.end.test(h)));
    if (found) {
      columns[role] = found;
      taken.add(found);
    }
  }
  const sample = columns.date ? rows.map((r) => r[header.indexOf(columns.date!)] ?? '').filter((v) => v.trim() !== '') : [];
  return { columns, dateFormat: guessDateFormat(sample) };
}

/** Whole numbers of 12–13 digits are milliseconds since 1970; of 9–10, seconds. Anything else: the atlas's own reading. */
export function guessDateFormat(sample: string[]): DateFormat {
  if (!sample.length) return 'auto';
  if (sample.every((v) => /^-?\d{12,13}$/.test(v.trim()))) return 'epoch-ms';
  if (sample.every((v) => /^-?\d{9,10}$/.test(v.trim()))) return 'epoch-s';
  return 'auto';
}

/**
 * A date cell in a format the reader named, as a day; or why not. ('auto' is not read here: the
 * caller reads it as every other date, rows.ts readDate.)
 */
export function readDateAs(value: string, format: Exclude<DateFormat, 'auto'>): number | { error: string } {
  const v = value.trim();
  if (format === 'epoch-ms' || format === 'epoch-s') {
    if (!/^-?\d+(\.\d+)?$/.test(v)) return { error: `"${v}" is not a number of ${format === 'epoch-ms' ? 'milliseconds' : 'seconds'} since 1970` };
    return dayFromMs(Number(v) * (format === 'epoch-s' ? 1000 : 1));
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (!m) return { error: `"${v}" is not written ${format === 'dmy' ? 'day/month/year' : 'month/day/year'}` };
  const [day, month] = format === 'dmy' ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  const year = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // 31/02/2006 rolls over in Date.UTC: refuse it rather than move the event.
  if (month < 1 || month > 12 || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return { error: `"${v}" is not a date read ${format === 'dmy' ? 'day/month/year' : 'month/day/year'}` };
  return dayFromMs(ms);
}

/** The key a choice is remembered under: the kind of file and its header, in order. */
export const headerKey = (unit: RecordUnit, header: string[]): string => `atlas.columns.${unit}:${JSON.stringify(header)}`;

/** A choice that names a column for each required role, all of them in the header; else what is wrong. */
export function checkChoice(choice: ColumnChoice, header: string[], fixedPosition: boolean): string | null {
  const missing = requiredRoles.filter((r) => !(fixedPosition && (r === 'lng' || r === 'lat')) && !choice.columns[r]);
  if (missing.length) return `Choose a column for ${missing.map((r) => roleNames[r].toLowerCase()).join(', ')}.`;
  const unknown = Object.values(choice.columns).filter((c) => c && !header.includes(c));
  if (unknown.length) return `The file has no column ${unknown.map((c) => `"${c}"`).join(', ')}.`;
  return null;
}

/**
 * A choice remembered in this browser, read back as this version reads choices (issue 37): one
 * kept by another version (another shape, a format it no longer has, columns this header lacks)
 * is not used, and the reader is asked again rather than the file read wrongly. Null then.
 */
export function rememberedChoice(saved: string | null, header: string[], fixedPosition: boolean): ColumnChoice | null {
  let value: unknown;
  try {
    value = JSON.parse(saved ?? 'null');
  } catch {
    return null;
  }
  const v = value as { columns?: unknown; dateFormat?: unknown } | null;
  if (typeof v !== 'object' || v === null || typeof v.columns !== 'object' || v.columns === null || Array.isArray(v.columns)) return null;
  const roles = Object.keys(roleNames);
  const columns = Object.entries(v.columns as Record<string, unknown>);
  if (columns.some(([role, column]) => !roles.includes(role) || (column !== undefined && typeof column !== 'string'))) return null;
  const dateFormat = v.dateFormat === undefined ? 'auto' : v.dateFormat;
  if (!dateFormats.some((f) => f.id === dateFormat)) return null;
  const choice: ColumnChoice = { columns: v.columns as ColumnChoice['columns'], dateFormat: dateFormat as DateFormat };
  return checkChoice(choice, header, fixedPosition) === null ? choice : null;
}
