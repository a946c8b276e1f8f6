// Which loads began and how each ended (issue 37). A load replaces the collection in one
// transaction (load.ts), so one that is interrupted (Ctrl-C, kill -9 of the command, PostgreSQL
// stopped) leaves the collection before it served and whole. What it leaves unsaid is that it
// happened: so each load writes a line here before its transaction begins, outside it (committed
// at once), and marks it ended when it is. A line still open whose connection is gone is a load
// that was interrupted; the next `load` or `serve` says so, once.
import type pg from 'pg';

// Outside the atlas schema, which every load drops and makes again.
const LOG_SQL = `CREATE TABLE IF NOT EXISTS public.atlas_loads (
  id serial PRIMARY KEY,
  file text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  backend_pid int NOT NULL,
  backend_start timestamptz NOT NULL,
  ended_at timestamptz,
  outcome text
)`;

/** Notes that the connection `db` begins loading `file`; returns the line's id for endLoad. */
export async function beginLoad(db: pg.ClientBase, file: string): Promise<number> {
  await db.query(LOG_SQL);
  const { rows } = await db.query(
    `INSERT INTO public.atlas_loads (file, backend_pid, backend_start)
     SELECT $1, pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid() RETURNING id`,
    [file],
  );
  return rows[0].id as number;
}

/** Marks a load ended: 'loaded', or why nothing of it was kept. A connection that is gone cannot: that load is found by interruptedLoads. */
export async function endLoad(db: pg.ClientBase, id: number, outcome: string): Promise<void> {
  await db.query('UPDATE public.atlas_loads SET ended_at = now(), outcome = $2 WHERE id = $1', [id, outcome]);
}

export interface InterruptedLoad {
  file: string;
  startedAt: Date;
}

/**
 * Loads that began and never ended, their connection gone: marked 'interrupted' (so each is told
 * once), and returned. A load still running in another command is left alone.
 */
export async function interruptedLoads(pool: pg.Pool): Promise<InterruptedLoad[]> {
  await pool.query(LOG_SQL);
  const { rows } = await pool.query(
    `UPDATE public.atlas_loads l SET ended_at = now(), outcome = 'interrupted'
     WHERE l.ended_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = l.backend_pid AND a.backend_start = l.backend_start)
     RETURNING file, started_at`,
  );
  return rows.map((r) => ({ file: r.file as string, startedAt: r.started_at as Date }));
}

/** What the served collection is now, in words: the file it was loaded from and its events; or that there is none. */
export async function servedNow(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query(`SELECT to_regclass('atlas.meta') IS NOT NULL AS has`);
  if (!rows[0].has) return 'no collection is loaded';
  const meta = await pool.query('SELECT file, events FROM atlas.meta LIMIT 1');
  if (!meta.rows.length) return 'no collection is loaded';
  return `the collection served is still ${meta.rows[0].file} (${Number(meta.rows[0].events).toLocaleString('en-GB')} events), whole, as it was before`;
}

/** The sentences the command prints for loads that were interrupted; none when there were none. */
export async function sayInterrupted(pool: pg.Pool): Promise<string[]> {
  const loads = await interruptedLoads(pool);
  if (!loads.length) return [];
  const now = await servedNow(pool);
  return loads.map(
    (l) =>
      `The load of ${l.file} begun ${l.startedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC did not finish (it was interrupted): nothing of it was kept, and ${now}.`,
  );
}
