// Issue 37: a load that is interrupted leaves the collection before it served and whole, and the
// next start says so. Against the real PostgreSQL + PostGIS that .ci/run installs: the command
// itself is killed with SIGKILL in the middle of its COPY, and the database is stopped under a load.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, ready, start, stop, whyNoDatabase, type Cluster } from './cluster.ts';
import { loadFile } from './load.ts';
import { sayInterrupted } from './load-log.ts';
import { writeSeededCsv } from './seeded-collection.ts';

const missing = whyNoDatabase();
if (missing) console.warn(`Skipping the interrupted-load tests: ${missing}`);

const FIRST = 5_000;
// Large enough that its COPY runs for a second or more on two cores.
const SECOND = 200_000;

describe.skipIf(missing !== null)('a load that is interrupted', () => {
  let dir: string;
  let cluster: Cluster;
  let pool: pg.Pool;

  /** The served collection: the file it came from, its events by meta and by count, and its indexes' health. */
  async function served() {
    const meta = (await pool.query('SELECT file, events::int FROM atlas.meta')).rows[0];
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM atlas.events');
    const tile = await pool.query(`SELECT length(atlas.tile(0, 0, 0, '{}')) > 0 AS drawn`);
    return { ...meta, counted: rows[0].n, drawn: tile.rows[0].drawn };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-interrupted-'));
    cluster = await ready(join(dir, 'db'));
    pool = connect(cluster);
    await writeSeededCsv(join(dir, 'first.csv'), FIRST);
    await writeSeededCsv(join(dir, 'second.csv'), SECOND);
    await loadFile(pool, join(dir, 'first.csv'));
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    if (cluster) stop(cluster);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('killed with SIGKILL in the middle of its COPY, keeps the collection before, and the next start says so once', async () => {
    expect(await served()).toEqual({ file: 'first.csv', events: FIRST, counted: FIRST, drawn: true });
    const command = spawn(process.execPath, ['--import', 'tsx', 'src/cli/db.ts', 'load', join(dir, 'second.csv'), '--dir', cluster.dir], { stdio: 'ignore' });
    const exited = new Promise((r) => command.once('exit', r));
    // Kill it once its rows are going into the table.
    const copying = async () => (await pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY atlas.events%'`)).rows[0].n > 0;
    for (let i = 0; !(await copying()); i++) {
      if (i > 600) throw new Error('the load never began its COPY');
      await new Promise((r) => setTimeout(r, 50));
    }
    command.kill('SIGKILL');
    await exited;
    // PostgreSQL ends the connection's transaction once it hears the client is gone.
    for (let i = 0; await copying(); i++) {
      if (i > 600) throw new Error('the killed load’s COPY never ended');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await served()).toEqual({ file: 'first.csv', events: FIRST, counted: FIRST, drawn: true });
    const said = await sayInterrupted(pool);
    expect(said).toEqual([
      expect.stringMatching(
        /^The load of second\.csv begun .* UTC did not finish \(it was interrupted\): nothing of it was kept, and the collection served is still first\.csv \(5,000 events\), whole, as it was before\.$/,
      ),
    ]);
    expect(await sayInterrupted(pool)).toEqual([]);
  }, 120_000);

  it('under a database that is stopped mid-load, keeps the collection before, and says so when it is back', async () => {
    let stopped = false;
    const load = loadFile(pool, join(dir, 'second.csv'), {
      onProgress: () => {
        if (stopped) return;
        stopped = true;
        stop(cluster);
      },
    });
    await expect(load).rejects.toThrow();
    expect(stopped).toBe(true);
    start(cluster);
    await pool.end();
    pool = connect(cluster);
    expect(await served()).toEqual({ file: 'first.csv', events: FIRST, counted: FIRST, drawn: true });
    expect(await sayInterrupted(pool)).toEqual([expect.stringContaining('The load of second.csv begun')]);
    // And a load after it works as any load does.
    const report = await loadFile(pool, join(dir, 'first.csv'));
    expect(report.events).toBe(FIRST);
    expect(await sayInterrupted(pool)).toEqual([]);
  }, 120_000);
});
