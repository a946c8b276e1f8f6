// Good rows → lines of PostgreSQL's COPY text format for atlas.events. Written by hand rather than
// through a CSV writer because 10,000,000 rows must go at 100,000 a second or more: the point is
// sent as hex EWKB (PostGIS reads it without parsing text), and only the text fields are escaped.
// https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2
import type { ImportedRow } from '../lib/import/rows.ts';

export const COPY_COLUMNS = 'id, row_in_file, date, end_date, t0, t1, lng, lat, geom, m, label, source, tags';

const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeForCopy = (c: string) => ESCAPED[c];
const escapeInArray = (c: string) => `\\${c}`;

// The helpers below run once a row or more, 10,000,000 times a load: no closure is made in them
// (tsx, which runs the loader, wraps every function made to keep its name, and that cost showed).

/** A COPY text field: backslash, tab, newline and carriage return escaped. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, escapeForCopy) : value;
}

/** A text[] literal ({"a","b c"}), each element quoted, then escaped for COPY. */
export function arrayLiteral(values: string[]): string {
  if (!values.length) return '{}';
  let inner = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    inner += (i ? '","' : '') + (/["\\]/.test(v) ? v.replace(/["\\]/g, escapeInArray) : v);
  }
  return copyText(`{"${inner}"}`);
}

const R = 6378137;
const MAX_LAT = 85.0511287798066;
const HALF_WORLD = Math.PI * R;
const Z20 = 2 ** 20;
const point = Buffer.alloc(16);
// Little-endian EWKB header: byte order 1, type 1 (Point) with the SRID flag, SRID 3857.
const POINT_3857 = '0101000020110f0000';

const mercatorX = (lng: number) => (lng * Math.PI * R) / 180;
const mercatorY = (lat: number) => {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return R * Math.log(Math.tan(Math.PI / 4 + phi / 2));
};

/** Web Mercator metres (EPSG:3857) → hex EWKB of the point, as PostGIS stores it. */
function ewkb(x: number, y: number): string {
  point.writeDoubleLE(x, 0);
  point.writeDoubleLE(y, 8);
  return POINT_3857 + point.toString('hex');
}

// 10 bits → the same bits at the even places of 20 (Morton coding), by table.
const SPREAD = Uint32Array.from({ length: 1024 }, (_, v) => {
  let out = 0;
  for (let bit = 0; bit < 10; bit++) out |= ((v >> bit) & 1) << (2 * bit);
  return out;
});

/** Web Mercator metres → the zoom-20 Morton code (see mortonZ20). */
const cellZ20 = (v: number) => Math.min(Z20 - 1, Math.max(0, Math.floor(v * Z20)));

function morton(x: number, y: number): number {
  const cx = cellZ20((x + HALF_WORLD) / (2 * HALF_WORLD));
  const cy = cellZ20((HALF_WORLD - y) / (2 * HALF_WORLD));
  const high = (SPREAD[cy >> 10] << 1) | SPREAD[cx >> 10];
  const low = ((SPREAD[cy & 1023] << 1) | SPREAD[cx & 1023]) >>> 0;
  return high * Z20 + low;
}

/**
 * The point's Morton (Z-order) code at zoom 20, x on the even bits and y (from the top) on the
 * odd ones: atlas.spread() in schema.sql codes tiles the same way. 40 bits, exact in a double.
 */
export const mortonZ20 = (lng: number, lat: number): number => morton(mercatorX(lng), mercatorY(lat));

/** The cells of an event's row as the file wrote them. */
export interface Written {
  date: string;
  end: string;
  lng: unknown;
  lat: unknown;
}

// A number the file wrote in plain decimals, which PostgreSQL reads to the same double as Number()
// does. Short, and without a long exponent: float8in refuses what underflows, where Number() gives 0.
const PLAIN_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,2})?$/;

/** A coordinate as COPY text: the file's own digits where they read the same, else the number's. */
function coordinateText(written: unknown, value: number): string {
  if (typeof written === 'string' && written.length <= 24) {
    const text = written.trim();
    if (PLAIN_DECIMAL.test(text)) return text;
  }
  return String(value);
}

/**
 * One event → one COPY line (with its newline). `m` is its mortonZ20. The coordinates go as the
 * file wrote them where PostgreSQL reads them to the same number: printing 20,000,000 doubles
 * afresh cost the loader's thread a tenth of its time.
 */
export function copyLine(id: number, event: ImportedRow, written: Written, tags: string[], m: number): string {
  return (
    `${id}\t${event.row}\t${copyText(written.date)}\t${written.end === '' ? '\\N' : copyText(written.end)}\t${event.t0}\t${event.t1}\t` +
    `${coordinateText(written.lng, event.lng)}\t${coordinateText(written.lat, event.lat)}\t${ewkb(mercatorX(event.lng), mercatorY(event.lat))}\t${m}\t` +
    `${copyText(event.label)}\t${copyText(event.source)}\t${arrayLiteral(tags)}\n`
  );
}

/** A tags cell → its tags: split on ; | or , and trimmed. */
export function tagsOf(cell: unknown): string[] {
  const tags: string[] = [];
  if (cell == null || cell === '') return tags;
  for (const part of String(cell).split(/[;|,]/)) {
    const tag = part.trim();
    if (tag !== '') tags.push(tag);
  }
  return tags;
}
