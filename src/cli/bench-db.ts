// `npm run bench -- --db`: the server mode measured (issue 19). A seeded collection of 10,000,000
// events (src/db/seeded-collection.ts) is written as a CSV, loaded by `npm run db -- load`'s own
// code into a cluster in a temporary folder, and served by `npm run db -- serve`'s server; then:
// the load rate, tile latency over HTTP at zooms 4, 8 and 12 for one-year windows (median and
// 95th percentile, and the largest tile), tiles while one and then 20 readers step the slider
// together (bench-readers.ts) beside the same readers against a server with nothing to draw, and,
// in bench.ts, a slider step on the map against a repaint. Nothing asserts; the figures are
// printed beside their targets.
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { connect, ready, stop, type Cluster } from '../db/cluster.ts';
import { loadFile, type LoadReport } from '../db/load.ts';
import { writeSeededCsv } from '../db/seeded-collection.ts';
import { serve, SERVE_CONNECTIONS, serving, warm } from '../db/serve.ts';
import { VIEW, viewTiles, windowEnding, type Stepped, type Stepping } from './bench-readers.ts';

export const DB_ROWS = Number(process.env.ATLAS_BENCH_DB_ROWS ?? 10_000_000);
/** Tiles timed at each zoom (all of them where fewer cover the collection). */
const TILES_PER_ZOOM = 60;
const YEAR_WINDOWS: [string, string][] = [
  ['2006-01-01', '2006-12-31'],
  ['2007-03-15', '2008-03-14'],
];

export interface DbBench {
  origin: string;
  load: LoadReport;
  writeSeconds: number;
  tiles: { z: number; ms: number[]; bytes: number[]; kind: string }[];
  /** Tile latencies of readers stepping the slider: one alone, then READERS together (issue 37). */
  stepping: { alone: Stepped; sameDays: Stepped; ownDays: Stepped; httpFloor: Stepped };
  close: () => Promise<void>;
}

/** Readers stepping the slider at once. */
export const READERS = 20;

/** Readers stepping the slider (bench-readers.ts), in a worker thread of their own. */
function stepTogether(stepping: Stepping): Promise<Stepped> {
  const worker = new Worker(new URL('../db/ts-worker-entry.mjs', import.meta.url), {
    workerData: { module: new URL('./bench-readers.ts', import.meta.url).href, ...stepping },
  });
  return new Promise<Stepped>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the readers' worker stopped (exit code ${code}) before it answered`)));
  }).finally(() => worker.terminate());
}

/**
 * READERS readers stepping together against a server with nothing to draw: it answers every tile
 * at once from memory with one served tile as the server sent it (gzipped, as to a browser). What
 * HTTP alone costs them on this machine, with the readers on the same cores: the floor under the
 * served rows.
 */
async function httpFloor(tile: { body: Buffer; encoding: string | undefined }): Promise<Stepped> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'application/vnd.mapbox-vector-tile', ...(tile.encoding ? { 'Content-Encoding': tile.encoding } : {}) });
    res.end(tile.body);
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return await stepTogether({ origin, readers: READERS, start: Date.UTC(2007, 5, 1), sameDays: true });
  } finally {
    server.close();
  }
}

/** Of the readers' view on day `to`, the tile whose size as sent is nearest `bytes`, as sent. */
async function tileNear(origin: string, to: number, bytes: number): Promise<{ body: Buffer; encoding: string | undefined }> {
  const sent = await Promise.all(
    viewTiles().map(
      ([x, y]) =>
        new Promise<{ body: Buffer; encoding: string | undefined }>((resolve, reject) =>
          get(`${origin}/${VIEW.z}/${x}/${y}.pbf?${windowEnding(to)}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }));
          }).on('error', reject),
        ),
    ),
  );
  return sent.reduce((best, t) => (Math.abs(t.body.length - bytes) < Math.abs(best.body.length - bytes) ? t : best));
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * q) - 1)];

/** The tiles at zoom z that hold events, the densest first then spread over the rest, at most `n`. */
async function tilesToTime(pool: pg.Pool, z: number, n: number): Promise<[number, number][]> {
  const { rows } = await pool.query(`SELECT m >> $1 AS key, count(*) AS n FROM atlas.events GROUP BY 1 ORDER BY 2 DESC`, [2 * (20 - z)]);
  // Every other tile after the densest few, so both crowded and sparse tiles are timed.
  const picked = rows.length <= n ? rows : [...rows.slice(0, n / 2), ...rows.slice(n / 2).filter((_, i, all) => i % Math.ceil(all.length / (n / 2)) === 0)];
  const { rows: decoded } = await pool.query(`SELECT atlas.compact(k) AS x, atlas.compact(k >> 1) AS y FROM unnest($1::bigint[]) AS k`, [
    picked.slice(0, n).map((r) => r.key),
  ]);
  return decoded.map((r) => [Number(r.x), Number(r.y)]);
}

export async function benchDb(atlas: string, log: (line: string) => void): Promise<DbBench> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-db-'));
  const csv = join(dir, 'events.csv');
  const writing = performance.now();
  await writeSeededCsv(csv, DB_ROWS);
  const writeSeconds = (performance.now() - writing) / 1000;
  log(`wrote ${DB_ROWS.toLocaleString('en-GB')} seeded rows in ${writeSeconds.toFixed(0)} s; loading…`);
  const cluster: Cluster = await ready(join(dir, 'db'));
  const pool = connect(cluster, 8);
  const load = await loadFile(pool, csv);
  rmSync(csv);
  log(`loaded in ${load.copySeconds.toFixed(0)} s + ${load.buildSeconds.toFixed(0)} s to index and count`);
  // A pool of its own for serving, with the command's statement timeout (the load's build has none).
  const served = connect(cluster, SERVE_CONNECTIONS, serving);
  await warm(served, SERVE_CONNECTIONS);
  const server: Server = serve(served, { atlas }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { rows } = await pool.query('SELECT raw_from_zoom FROM atlas.meta');
  const tiles: DbBench['tiles'] = [];
  for (const z of [4, 8, 12]) {
    const ms: number[] = [];
    const bytes: number[] = [];
    for (const [from, to] of YEAR_WINDOWS)
      for (const [x, y] of await tilesToTime(pool, z, TILES_PER_ZOOM)) {
        const start = performance.now();
        const body = await (await fetch(`${origin}/${z}/${x}/${y}.pbf?from=${from}&to=${to}`)).arrayBuffer();
        ms.push(performance.now() - start);
        bytes.push(body.byteLength);
      }
    tiles.push({ z, ms, bytes, kind: z >= rows[0].raw_from_zoom ? 'points' : 'counts per cell' });
  }
  log(`timing tiles for one reader stepping the slider, then ${READERS} at once…`);
  // Each run starts on days no run before it asked for, so the server's tile cache serves only
  // what the run itself shares.
  const alone = await stepTogether({ origin, readers: 1, start: Date.UTC(2006, 10, 14), sameDays: true });
  const sameDays = await stepTogether({ origin, readers: READERS, start: Date.UTC(2007, 5, 1), sameDays: true });
  const ownDays = await stepTogether({ origin, readers: READERS, start: Date.UTC(2008, 0, 15), sameDays: false });
  const floorTile = await tileNear(origin, Date.UTC(2007, 5, 1), quantile(sameDays.sizes, 0.5));
  const stepping = { alone, sameDays, ownDays, httpFloor: await httpFloor(floorTile) };
  return {
    origin,
    load,
    writeSeconds,
    tiles,
    stepping,
    close: async () => {
      server.close();
      await served.end();
      await pool.end();
      stop(cluster);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const tileRow = (t: DbBench['tiles'][number]) => ({
  median: quantile(t.ms, 0.5),
  p95: quantile(t.ms, 0.95),
  largest: Math.max(...t.bytes),
  medianBytes: quantile(t.bytes, 0.5),
});
