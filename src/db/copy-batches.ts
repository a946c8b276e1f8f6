// A file of events → batches of COPY text for atlas.events, by the browser import's row rules
// (src/lib/import/rows.ts: columns by name, EDTF and ISO dates, every bad row reported by row and
// column, the good rows kept). Runs in the load's worker thread (load-worker.ts), so that reading
// and checking the rows goes on while the main thread feeds PostgreSQL.
import { createReadStream, openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { columnsOf, knownColumns, readRow, UNREADABLE, unreadableText, type ImportProblem, type RecordUnit, type Role } from '../lib/import/rows.ts';
import { arrowRecords, columnarKind, parquetRecords, pointOf } from '../lib/import/columnar.ts';
import type { DateFormat } from '../lib/import/columns.ts';
import { copyLine, mortonZ20, tagsOf, type Written } from './rows-to-copy.ts';

export interface ReadOptions {
  /** Columns named by the reader, for headers the atlas does not know (as the browser's column chooser). */
  columns?: Partial<Record<Role | 'tags', string>>;
  dateFormat?: DateFormat;
}

/** One batch: its COPY lines, and what reading it found. Events are numbered from 1 across batches. */
export interface CopyBatch {
  text: string;
  rows: number;
  events: number;
  problems: ImportProblem[];
  /** Each event's Morton code and first day, in pairs: what the counts kept ahead count (cell-counts.ts). */
  keys: Float64Array;
  /** The batch's events' days and box (null: it has none). */
  extent: Extent | null;
}

export interface Extent {
  firstDay: number;
  lastDay: number;
  longestSpan: number;
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The extent of both (either may be null). */
export function joinExtents(a: Extent | null, b: Extent | null): Extent | null {
  if (!a || !b) return a ?? b;
  return {
    firstDay: Math.min(a.firstDay, b.firstDay),
    lastDay: Math.max(a.lastDay, b.lastDay),
    longestSpan: Math.max(a.longestSpan, b.longestSpan),
    west: Math.min(a.west, b.west),
    south: Math.min(a.south, b.south),
    east: Math.max(a.east, b.east),
    north: Math.max(a.north, b.north),
  };
}

export type Reading = { fatal: string } | { unit: RecordUnit; batches: AsyncIterable<CopyBatch> };

/**
 * A file's records, batch by batch, with its header. `record` turns an item of a batch into the
 * record readRow reads: for a CSV, one object reused for every row with the cells filled in (an
 * object a row is most of the time at 10,000,000 rows, as the browser's reader found).
 */
interface Records<T> {
  unit: RecordUnit;
  header: string[];
  geometry?: string;
  batches: AsyncIterable<T[]>;
  record: (item: T) => Record<string, unknown>;
}

async function recordsOf(path: string): Promise<Records<unknown>> {
  const kind = columnarKind(path);
  if (!kind) return csvRecords(path) as Promise<Records<unknown>>;
  const blob = await openAsBlob(path);
  const source = kind === 'parquet' ? await parquetRecords(blob) : await arrowRecords(blob);
  return { unit: 'record', header: source.header, geometry: source.geometry, batches: source.batches(), record: (r) => r as Record<string, unknown> };
}

/**
 * A CSV read as a stream (a 10,000,000-row file does not fit in one string): Papa pauses after
 * each chunk until its rows are taken, so memory stays flat however long the file.
 */
async function csvRecords(path: string): Promise<Records<string[]>> {
  type Chunk = { rows: string[][]; resume: () => void } | { done: true } | { error: Error };
  const chunks: Chunk[] = [];
  let wake: (() => void) | null = null;
  const push = (c: Chunk) => {
    chunks.push(c);
    wake?.();
  };
  // Papa reads a Node stream when given one; its types know only the browser's File.
  Papa.parse<string[]>(createReadStream(path, 'utf8') as unknown as File, {
    header: false,
    skipEmptyLines: 'greedy',
    chunkSize: 1 << 20,
    chunk: (results, parser) => {
      parser.pause();
      push({ rows: results.data, resume: () => parser.resume() });
    },
    complete: () => push({ done: true }),
    error: (e: Error) => push({ error: e }),
  });
  const next = async (): Promise<Chunk> => {
    while (!chunks.length) await new Promise<void>((r) => (wake = r));
    wake = null;
    return chunks.shift()!;
  };
  const first = await next();
  if ('error' in first) throw new Error(`${path}: ${first.error.message}`);
  const header = 'rows' in first ? (first.rows[0] ?? []) : [];
  async function* batches() {
    let chunk: Chunk = 'rows' in first ? { rows: first.rows.slice(1), resume: first.resume } : first;
    while ('rows' in chunk) {
      yield chunk.rows;
      chunk.resume();
      chunk = await next();
    }
    if ('error' in chunk) throw new Error(`${path}: ${chunk.error.message}`);
  }
  const shared: Record<string, unknown> = {};
  const record = (cells: string[]) => {
    for (let i = 0; i < header.length; i++) shared[header[i]] = cells[i];
    return shared;
  };
  return { unit: 'row', header, batches: batches(), record };
}

/** Read a file: a sentence saying why it cannot be loaded, or its batches of COPY text. */
export async function readCopyBatches(path: string, options: ReadOptions = {}): Promise<Reading> {
  const file = basename(path);
  const { unit, header, geometry, batches, record: recordOf } = await recordsOf(path);
  const fields = header.filter((h) => h !== geometry);
  const chosen = options.columns ?? {};
  const columns: Partial<Record<Role, string>> = { ...knownColumns(fields), ...chosen };
  if (geometry) Object.assign(columns, { lng: 'longitude', lat: 'latitude' });
  const missing = (['lng', 'lat', 'date'] as Role[]).filter((r) => !columns[r]);
  if (missing.length) {
    const known = columnsOf(fields);
    const reason = 'error' in known ? known.error : `No column for ${missing.join(', ')}.`;
    return { fatal: `${file}: ${reason} Name them with --lng, --lat, --date (and --end, --label, --source, --tags).` };
  }
  const unknown = Object.entries(chosen).filter(([, c]) => c && !fields.includes(c));
  if (unknown.length)
    return { fatal: `${file}: no column ${unknown.map(([role, c]) => `"${c}" (given for --${role})`).join(', ')}. It has: ${fields.join(', ')}.` };
  const tagsColumn = chosen.tags ?? fields.find((h) => ['tags', 'tag'].includes(h.trim().toLowerCase()));
  const cell = (record: Record<string, unknown>, role: Role) => (columns[role] ? String(record[columns[role]!] ?? '').trim() : '');

  let rows = 0;
  let events = 0;
  const written: Written = { date: '', end: '', lng: '', lat: '' };
  async function* copyBatches(): AsyncGenerator<CopyBatch> {
    for await (const batch of batches) {
      const out: CopyBatch = { text: '', rows: 0, events: 0, problems: [], keys: new Float64Array(2 * batch.length), extent: null };
      const box = { firstDay: Infinity, lastDay: -Infinity, longestSpan: 0, west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
      for (const item of batch) {
        const record = recordOf(item);
        const index = rows++;
        out.rows++;
        // A CSV's header is row 1, so its n-th record is row n + 1; other files count records from 0.
        const row = unit === 'row' ? index + 2 : index;
        if (geometry) {
          const point = pointOf(record[geometry]);
          if ('type' in point) {
            out.problems.push({ row, column: geometry, message: `is ${point.type}; expected a Point` });
            continue;
          }
          record.longitude = point.lng;
          record.latitude = point.lat;
        }
        const read = readRow(record, columns, row, options.dateFormat);
        // Tags are the loader's alone (the browser's import has none): checked here as readRow checks labels.
        const tags = tagsColumn ? tagsOf(record[tagsColumn]) : [];
        const unreadable = tags.length > 0 && tags.join().includes(UNREADABLE);
        if ('problems' in read || unreadable) {
          if ('problems' in read) out.problems.push(...read.problems);
          if (unreadable) out.problems.push({ row, column: tagsColumn!, message: unreadableText(String(record[tagsColumn!]).trim()) });
          continue;
        }
        const { lng, lat, t0, t1 } = read.event;
        const m = mortonZ20(lng, lat);
        out.keys[2 * out.events] = m;
        out.keys[2 * out.events + 1] = t0;
        out.events++;
        written.date = cell(record, 'date');
        written.end = cell(record, 'end');
        written.lng = record[columns.lng!];
        written.lat = record[columns.lat!];
        out.text += copyLine(++events, read.event, written, tags, m);
        box.firstDay = Math.min(box.firstDay, t0);
        box.lastDay = Math.max(box.lastDay, t1);
        box.longestSpan = Math.max(box.longestSpan, t1 - t0);
        box.west = Math.min(box.west, lng);
        box.south = Math.min(box.south, lat);
        box.east = Math.max(box.east, lng);
        box.north = Math.max(box.north, lat);
      }
      out.keys = out.keys.subarray(0, 2 * out.events);
      if (out.events) out.extent = box;
      yield out;
    }
  }
  return { unit, batches: copyBatches() };
}
