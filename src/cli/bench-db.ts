// `npm run bench -- --db`: the server mode measured (issue 19). A seeded collection of 10,000,000
// events (src/db/seeded-collection.ts) is written as a CSV, loaded by `npm run db -- load`'s own
// code into a cluster in a temporary folder, and served by `npm run db -- serve`'s server; then:
// the load rate, tile latency over HTTP at zooms 4, 8 and 12 for one-year windows (median and
// 95th percentile, and the largest tile), and, in bench.ts, a slider step on the map against a
// repaint. Nothing asserts; the figures are printed beside their targets.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { connect, ready, stop, type Cluster } from '../db/cluster.ts';
import { loadFile, type LoadReport } from '../db/load.ts';
import { writeSeededCsv } from '../db/seeded-collection.ts';
import { serve, SERVE_CONNECTIONS, serving, warm } from '../db/serve.ts';

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
  close: () => Promise<void>;
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
  return {
    origin,
    load,
    writeSeconds,
    tiles,
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
