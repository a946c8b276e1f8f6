// The events as CSV (issue 42): RFC 4180 (CRLF rows, fields with a comma, quote or line break in
// double quotes, quotes doubled), UTF-8 with a byte-order mark so spreadsheets read the Arabic and
// the dashes, and no cell a spreadsheet would run as a formula (OWASP, "CSV Injection": a text
// cell beginning =, +, -, @, tab or carriage return is written with a leading apostrophe). Pure.
import { figureMeasures } from '../data/schema.ts';
import type { EventRow } from './rows.ts';

export const BOM = '\uFEFF';

/** The header: the row's fields in order, each figure measure its own column (figure_killed, …). */
export const csvHeader = [
  'id',
  'date',
  'first_day',
  'last_day',
  'precision',
  'title',
  'place_id',
  'place',
  'longitude',
  'latitude',
  'place_precision',
  'coordinate_source',
  'governorate',
  ...figureMeasures.map((m) => `figure_${m}`),
  'text_id',
  'text_title',
  'passage_start',
  'passage_end',
  'passage',
  'citation',
  'own_text',
  'permalink',
] as const;

/** A text cell a spreadsheet would read as a formula, made inert (OWASP). Numbers are written as they are. */
export const inert = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function field(value: string | number | boolean): string {
  const text = typeof value === 'string' ? inert(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const cells = (row: EventRow): (string | number | boolean)[] =>
  csvHeader.map((column) =>
    column.startsWith('figure_') ? row.figures[column.slice(7) as keyof EventRow['figures']] : (row[column as keyof EventRow] as string | number | boolean),
  );

export function eventsCsv(rows: EventRow[]): string {
  return BOM + [csvHeader.join(','), ...rows.map((r) => cells(r).map(field).join(','))].join('\r\n') + '\r\n';
}
