// `npm run db -- load <file>`: a collection of events into the cluster's atlas.events, by the same
// row rules as the browser's import (src/lib/import/rows.ts: columns by name, EDTF and ISO dates,
// every bad row reported by row and column, the good rows kept), then the indexes and the counts
// per cell (counted here as the rows go by, cell-counts.ts). A load replaces the collection that
// was there, in one transaction: interrupted, it leaves that collection whole (load-log.ts says so).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { dayFromIso, EARLIEST, LATEST } from '../lib/time/day.ts';
import { LISTED_PROBLEMS } from '../lib/import/read.ts';
import { formatImportProblem, type ImportProblem, type RecordUnit } from '../lib/import/rows.ts';
import type { FromWorker, ToWorker } from './load-worker.ts';
import { CellCounts } from './cell-counts.ts';
import { joinExtents, type Extent, type ReadOptions } from './copy-batches.ts';
import { COPY_COLUMNS } from './rows-to-copy.ts';
import { beginLoad, endLoad } from './load-log.ts';

/**
 * Most events a tile holds as points: about 20 bytes each in a vector tile (id, first and last
 * day), so 20,000 keep a tile near 400 kB, under the 512 kB a tile may weigh (issue 19).
 */
export const RAW_LIMIT = 20_000;

export interface LoadOptions extends ReadOptions {
  /** Most events a tile may hold as points (atlas.meta's raw_limit); small only in tests. */
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

/** The file read in a worker thread (load-worker.ts): its messages, in order, as they come. */
async function* readInWorker(path: string, options: ReadOptions): AsyncGenerator<FromWorker, void, void> {
  const worker = new Worker(new URL('./ts-worker-entry.mjs', import.meta.url), {
    workerData: { module: new URL('./load-worker.ts', import.meta.url).href, path, options },
  });
  const waiting: FromWorker[] = [];
  let wake: (() => void) | null = null;
  const push = (m: FromWorker) => {
    waiting.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (e) => push({ type: 'error', message: e.message }));
  try {
    for (;;) {
      while (!waiting.length) await new Promise<void>((r) => (wake = r));
      wake = null;
      const m = waiting.shift()!;
      yield m;
      if (m.type === 'batch') worker.postMessage({ type: 'more' } satisfies ToWorker);
      if (m.type !== 'batch' && m.type !== 'ready') return;
    }
  } finally {
    await worker.terminate();
  }
}

/** Load a file into the cluster the pool reaches. */
export async function loadFile(pool: pg.Pool, path: string, options: LoadOptions = {}): Promise<LoadReport> {
  const file = basename(path);
  const started = performance.now();
  const report: LoadReport = { file, unit: 'row', rows: 0, events: 0, problems: [], problemCount: 0, copySeconds: 0, buildSeconds: 0 };
  const messages = readInWorker(path, { columns: options.columns, dateFormat: options.dateFormat });
  const first = (await messages.next()).value;
  if (!first || first.type === 'error') throw new Error(first?.message ?? `${file}: the reader stopped`);
  if (first.type === 'fatal') {
    report.fatal = first.message;
    return report;
  }
  if (first.type !== 'ready') throw new Error(`${file}: the reader sent ${first.type} first`);
  report.unit = first.unit;

  const db = await pool.connect();
  // A connection that breaks (the database stopped) fails the query in flight; without a listener
  // the client's own report of it would end the process unhandled.
  const onBroken = () => {};
  db.on('error', onBroken);
  // Noted before the transaction, outside it: a load killed inside it is then told of on the next
  // start (load-log.ts), while the transaction's rollback keeps the collection before whole.
  let logId: number;
  try {
    logId = await beginLoad(db, file);
  } catch (error) {
    db.off('error', onBroken);
    db.release(error as Error);
    throw error;
  }
  // One transaction: the collection before is replaced only when this one is whole (a file that
  // breaks off, holds no good row, or whose command or database is stopped, leaves the old
  // collection as it was).
  let broken: Error | undefined;
  await db.query('BEGIN');
  try {
    await db.query(schemaSql());
    await createPartitions(db);
    await db.query('INSERT INTO atlas.meta (file, rows_read, events, problems) VALUES ($1, 0, 0, 0)', [file]);
    const counts = new CellCounts();
    let extent: Extent | null = null;
    await copyInto(db, `atlas.events (${COPY_COLUMNS})`, async function* () {
      for await (const m of messages) {
        if (m.type === 'error' || m.type === 'fatal') throw new Error(m.message);
        if (m.type !== 'batch') break;
        report.rows += m.rows;
        report.events += m.events;
        reportProblems(report, m.problems);
        yield m.text;
        for (let i = 0; i < m.keys.length; i += 2) counts.add(m.keys[i], m.keys[i + 1]);
        extent = joinExtents(extent, m.extent);
        options.onProgress?.(report.rows);
      }
    });
    report.copySeconds = (performance.now() - started) / 1000;
    await db.query('UPDATE atlas.meta SET rows_read = $1, events = $2, problems = $3', [report.rows, report.events, report.problemCount]);
    const building = performance.now();
    if (report.events === 0 || !extent) {
      await db.query('ROLLBACK');
      await endLoad(db, logId, 'no row could be loaded');
      report.fatal = `${file}: no row could be loaded${report.rows ? ' (see the problems below)' : ''}; the collection loaded before is kept.`;
      return report;
    }
    // PostgreSQL builds the events' indexes while this thread sorts and counts (cell-counts.ts):
    // the query is sent before the counting starts, and its answer read after.
    const indexing = db.query('SELECT atlas.index_events()');
    const rawLimit = options.rawLimit ?? RAW_LIMIT;
    const levels = counts.levels(rawLimit);
    const dayRows = levels.dayLevel >= 0 ? [...counts.dayRows(levels.dayLevel)] : [];
    const monthRows = levels.pyramidLevel >= 0 ? [...counts.monthRows(levels.pyramidLevel)] : [];
    await indexing;
    await copyInto(db, 'atlas.cell_days (level, c, day, n)', () => dayRows);
    await copyInto(db, 'atlas.cell_months (level, c, month, n)', () => monthRows);
    await db.query('SELECT atlas.index_counts()');
    const e: Extent = extent;
    await db.query(
      `UPDATE atlas.meta SET raw_limit = $1, raw_from_zoom = $2, pyramid_level = $3, day_level = $4,
         first_day = $5, last_day = $6, longest_span = $7, west = $8, south = $9, east = $10, north = $11`,
      [rawLimit, levels.rawFromZoom, levels.pyramidLevel, levels.dayLevel, e.firstDay, e.lastDay, e.longestSpan, e.west, e.south, e.east, e.north],
    );
    await db.query('COMMIT');
    await endLoad(db, logId, 'loaded');
    // Outside the transaction (VACUUM cannot run in one): statistics for the planner, and the
    // visibility map, without which the index-only scans of the events and of the counts kept
    // ahead would read the tables too. Left to autovacuum, the counts' turn came a minute or two
    // after the load, in the middle of the first visitors' tiles.
    await db.query('VACUUM (ANALYZE) atlas.events, atlas.cell_months, atlas.cell_days');
    report.buildSeconds = (performance.now() - building) / 1000;
  } catch (error) {
    // A connection that is gone (the database stopped) cannot roll back or say so: its load is
    // then found open by the next start (load-log.ts interruptedLoads), and PostgreSQL has rolled it back.
    await db
      .query('ROLLBACK')
      .then(() => endLoad(db, logId, `failed: ${(error as Error).message.slice(0, 500)}`))
      .catch(() => {});
    broken = error as Error;
    throw error;
  } finally {
    db.off('error', onBroken);
    // A broken connection is not given back to the pool to be used again.
    db.release(broken);
  }
  return report;
}

/** COPY into a table the text the generator yields, waiting for the stream to drain as it fills. */
async function copyInto(db: pg.ClientBase, table: string, texts: () => AsyncIterable<string> | Iterable<string>) {
  const copy = db.query(copyFrom(`COPY ${table} FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
  // Awaited below; until then, a failure (the database gone mid-COPY) must not be an unhandled rejection.
  finished.catch(() => {});
  try {
    // A full stream waits for room, or for the COPY to fail (then no room ever comes).
    for await (const text of texts()) if (!copy.write(text)) await Promise.race([new Promise((r) => copy.once('drain', r)), finished]);
  } catch (error) {
    // Ends the COPY with an error, so the connection can roll back; then the cause is thrown.
    copy.destroy(error as Error);
    await finished.catch(() => {});
    throw error;
  }
  copy.end();
  await finished;
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
