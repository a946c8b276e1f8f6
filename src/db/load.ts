// `npm run db -- load <file>`: a collection of events into the cluster's atlas.events, by the same
// row rules as the browser's import (src/lib/import/rows.ts: columns by name, EDTF and ISO dates,
// every bad row reported by row and column, the good rows kept), then atlas.build() for indexes
// and the counts per cell. A load replaces the collection that was there.
import { createReadStream, openAsBlob, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { dayFromIso, EARLIEST, LATEST } from '../lib/time/instant.ts';
import { columnsOf, formatImportProblem, knownColumns, readRow, type ImportProblem, type RecordUnit, type Role } from '../lib/import/rows.ts';
import { arrowRecords, columnarKind, parquetRecords, pointOf } from '../lib/import/columnar.ts';
import type { DateFormat } from '../lib/import/columns.ts';
import { COPY_COLUMNS, copyLine, tagsOf } from './rows-to-copy.ts';

/**
 * Most events a tile holds as points: about 20 bytes each in a vector tile (id, first and last
 * day), so 20,000 keep a tile near 400 kB, under the 512 kB a tile may weigh (issue 19).
 */
export const RAW_LIMIT = 20_000;

/** At most this many problems are listed; the rest are counted. */
export const LISTED_PROBLEMS = 1000;

export interface LoadOptions {
  /** Columns named by the reader, for headers the atlas does not know (as the browser's column chooser). */
  columns?: Partial<Record<Role | 'tags', string>>;
  dateFormat?: DateFormat;
  /** Most events a tile may hold as points (atlas.build's raw_limit); small only in tests. */
  rawLimit?: number;
  onProgress?: (rows: number) => void;
}

export interface LoadReport {
  file: string;
  unit: RecordUnit;
  rows: number;
  events: number;
  problems: ImportProblem[];
  problemCount: number;
  /** A problem with the file as a whole (no usable header); nothing was loaded. */
  fatal?: string;
  /** Seconds: reading and copying the rows; building indexes and counts. */
  copySeconds: number;
  buildSeconds: number;
}

const schemaSql = () => readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');

/** One partition a year of the atlas's dates, so a window's query reads only its years. */
async function createPartitions(db: pg.ClientBase) {
  const first = Number(EARLIEST.slice(0, 4));
  const last = Number(LATEST.slice(0, 4));
  for (let year = first; year <= last; year++) {
    const from = dayFromIso(`${year}-01-01`);
    const to = dayFromIso(`${year + 1}-01-01`);
    await db.query(`CREATE TABLE atlas.events_${year} PARTITION OF atlas.events FOR VALUES FROM (${from}) TO (${to})`);
  }
}

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
 * each chunk until its rows are copied, so memory stays flat however long the file.
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

/** Load a file into the cluster the pool reaches. */
export async function loadFile(pool: pg.Pool, path: string, options: LoadOptions = {}): Promise<LoadReport> {
  const file = basename(path);
  const started = performance.now();
  const { unit, header, geometry, batches, record: recordOf } = await recordsOf(path);
  const fields = header.filter((h) => h !== geometry);
  const chosen = options.columns ?? {};
  const columns: Partial<Record<Role, string>> = { ...knownColumns(fields), ...chosen };
  if (geometry) Object.assign(columns, { lng: 'longitude', lat: 'latitude' });
  const report: LoadReport = { file, unit, rows: 0, events: 0, problems: [], problemCount: 0, copySeconds: 0, buildSeconds: 0 };
  const missing = (['lng', 'lat', 'date'] as Role[]).filter((r) => !columns[r]);
  if (missing.length) {
    const known = columnsOf(fields);
    const reason = 'error' in known ? known.error : `No column for ${missing.join(', ')}.`;
    report.fatal = `${file}: ${reason} Name them with --lng, --lat, --date (and --end, --label, --source, --tags).`;
    return report;
  }
  const unknown = Object.entries(chosen).filter(([, c]) => c && !fields.includes(c));
  if (unknown.length) {
    report.fatal = `${file}: no column ${unknown.map(([role, c]) => `"${c}" (given for --${role})`).join(', ')}. It has: ${fields.join(', ')}.`;
    return report;
  }
  const tagsColumn = chosen.tags ?? fields.find((h) => ['tags', 'tag'].includes(h.trim().toLowerCase()));

  const db = await pool.connect();
  // One transaction: the collection before is replaced only when this one is whole (a file that
  // breaks off, or holds no good row, leaves the old collection as it was).
  await db.query('BEGIN');
  try {
    await db.query(schemaSql());
    await createPartitions(db);
    await db.query('INSERT INTO atlas.meta (file, rows_read, events, problems) VALUES ($1, 0, 0, 0)', [file]);
    const copy = db.query(copyFrom(`COPY atlas.events (${COPY_COLUMNS}) FROM STDIN`));
    const finished = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    for await (const batch of batches) {
      let text = '';
      for (const item of batch) {
        const record = recordOf(item);
        const index = report.rows++;
        // A CSV's header is row 1, so its n-th record is row n + 1; other files count records from 0.
        const row = unit === 'row' ? index + 2 : index;
        if (geometry) {
          const point = pointOf(record[geometry]);
          if ('type' in point) {
            reportProblems(report, [{ row, column: geometry, message: `is ${point.type}; expected a Point` }]);
            continue;
          }
          record.longitude = point.lng;
          record.latitude = point.lat;
        }
        const read = readRow(record, columns, row, options.dateFormat);
        if ('problems' in read) {
          reportProblems(report, read.problems);
          continue;
        }
        const cell = (role: Role) => (columns[role] ? String(record[columns[role]!] ?? '').trim() : '');
        text += copyLine(++report.events, read.event, cell('date'), cell('end'), tagsColumn ? tagsOf(record[tagsColumn]) : []);
      }
      if (!copy.write(text)) await new Promise((r) => copy.once('drain', r));
      options.onProgress?.(report.rows);
    }
    copy.end();
    await finished;
    report.copySeconds = (performance.now() - started) / 1000;
    await db.query('UPDATE atlas.meta SET rows_read = $1, events = $2, problems = $3', [report.rows, report.events, report.problemCount]);
    const building = performance.now();
    if (report.events === 0) {
      await db.query('ROLLBACK');
      report.fatal = `${file}: no row could be loaded${report.rows ? ' (see the problems below)' : ''}; the collection loaded before is kept.`;
      return report;
    }
    await db.query('SELECT atlas.build($1)', [options.rawLimit ?? RAW_LIMIT]);
    await db.query('COMMIT');
    // Outside the transaction (VACUUM cannot run in one): statistics for the planner, and the
    // visibility map, without which the counts' index-only scans would read the table too.
    await db.query('VACUUM (ANALYZE) atlas.events');
    report.buildSeconds = (performance.now() - building) / 1000;
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  } finally {
    db.release();
  }
  return report;
}

function reportProblems(report: LoadReport, problems: ImportProblem[]) {
  report.problemCount += problems.length;
  for (const p of problems) if (report.problems.length < LISTED_PROBLEMS) report.problems.push(p);
}

/** The report in lines, as the command prints it. */
export function describeLoad(r: LoadReport): string[] {
  if (r.fatal) return [r.fatal, 'Nothing was loaded.', ...problemLines(r)];
  const lines = [
    `${r.file}: ${r.events.toLocaleString('en-GB')} events loaded from ${r.rows.toLocaleString('en-GB')} ${r.unit}s` +
      ` (copied in ${r.copySeconds.toFixed(1)} s, ${Math.round(r.rows / Math.max(r.copySeconds, 1e-3)).toLocaleString('en-GB')} ${r.unit}s a second; indexes and counts in ${r.buildSeconds.toFixed(1)} s).`,
  ];
  if (r.problemCount) lines.push(`${r.problemCount.toLocaleString('en-GB')} problems; those rows were left out, the others kept:`);
  return [...lines, ...problemLines(r)];
}

function problemLines(r: LoadReport): string[] {
  const lines = r.problems.map((p) => `  ${formatImportProblem(p, r.unit)}`);
  if (r.problemCount > r.problems.length) lines.push(`  … and ${(r.problemCount - r.problems.length).toLocaleString('en-GB')} more.`);
  return lines;
}
