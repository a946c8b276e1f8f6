// A PostgreSQL + PostGIS cluster of the project's own, in a folder: created with initdb, started
// and stopped with pg_ctl, reached only through a Unix socket inside that folder (no TCP port, so
// no password: trust is safe where nothing outside the folder can connect). Nothing system-wide.
// PostgreSQL refuses to run as root; as root, its commands run as the `postgres` user that
// Debian's package creates, and the folder is handed to that user.
// https://www.postgresql.org/docs/15/app-initdb.html  https://www.postgresql.org/docs/15/app-pg-ctl.html
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

/** The database and role the atlas uses inside its cluster. */
export const DATABASE = 'atlas';

export interface Cluster {
  /** The folder: the data directory is `data/`, the socket and the log sit beside it. */
  dir: string;
  bin: string;
}

/** The folder the commands use unless told: ATLAS_DB_DIR, or `.atlas-db/` in the project. */
export const defaultDir = () => resolve(process.env.ATLAS_DB_DIR ?? '.atlas-db');

/**
 * PostgreSQL's programs: ATLAS_PG_BIN, else `pg_config --bindir`, else Debian's folder for the
 * newest version installed. Null where there is none (the tests then say why they do not run).
 */
export function findPostgres(): string | null {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'postgres'));
  if (process.env.ATLAS_PG_BIN) return has(process.env.ATLAS_PG_BIN) ? process.env.ATLAS_PG_BIN : null;
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && has(fromConfig.stdout.trim())) return fromConfig.stdout.trim();
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => join(debian, v, 'bin')).find(has);
  return found ?? null;
}

/** Why the database cannot be used here, or null if it can: PostgreSQL and PostGIS both installed. */
export function whyNoDatabase(): string | null {
  const bin = findPostgres();
  if (!bin) return 'PostgreSQL is not installed (Debian: apt-get install postgresql-15-postgis-3; or set ATLAS_PG_BIN to its bin folder).';
  const share = spawnSync(join(bin, 'pg_config'), ['--sharedir'], { encoding: 'utf8' }).stdout?.trim();
  const extensions = share ? join(share, 'extension') : '';
  if (!extensions || !existsSync(join(extensions, 'postgis.control')))
    return `PostGIS is not installed for the PostgreSQL in ${bin} (Debian: apt-get install postgresql-15-postgis-3).`;
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'Running as root, and there is no `postgres` user to run PostgreSQL as (PostgreSQL refuses to run as root).';
  return null;
}

const asRoot = () => process.getuid?.() === 0;

/** Run one of PostgreSQL's programs, as `postgres` when we are root. Throws with its output. */
function run(cluster: Cluster, program: string, args: string[]) {
  const command = asRoot() ? 'runuser' : join(cluster.bin, program);
  const argv = asRoot() ? ['-u', 'postgres', '--', join(cluster.bin, program), ...args] : args;
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`);
  return result.stdout;
}

const dataDir = (c: Cluster) => join(c.dir, 'data');
const logFile = (c: Cluster) => join(c.dir, 'postgres.log');

export function clusterAt(dir = defaultDir()): Cluster {
  const bin = findPostgres();
  if (!bin) throw new Error(whyNoDatabase()!);
  return { dir: resolve(dir), bin };
}

/** Create the cluster if the folder has none. Returns whether it made one. */
export function init(cluster: Cluster): boolean {
  if (existsSync(join(dataDir(cluster), 'PG_VERSION'))) return false;
  mkdirSync(cluster.dir, { recursive: true });
  if (asRoot()) {
    // The postgres user must reach the folder through every parent (a mkdtemp folder is 0700).
    for (let d = cluster.dir; d !== '/'; d = resolve(d, '..')) if ((statSync(d).mode & 0o001) === 0) chmodSync(d, statSync(d).mode | 0o711);
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(cluster.dir, uid, gid);
  }
  run(cluster, 'initdb', ['-D', dataDir(cluster), '-U', DATABASE, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  return true;
}

export function isRunning(cluster: Cluster): boolean {
  if (!existsSync(join(dataDir(cluster), 'postmaster.pid'))) return false;
  const command = asRoot() ? 'runuser' : join(cluster.bin, 'pg_ctl');
  const args = ['-D', dataDir(cluster), 'status'];
  const argv = asRoot() ? ['-u', 'postgres', '--', join(cluster.bin, 'pg_ctl'), ...args] : args;
  return spawnSync(command, argv).status === 0;
}

/**
 * Start the server, listening on the folder's socket only. Settings for a bulk-loading,
 * read-mostly analysis database on one machine: parallel aggregates on, and a larger
 * maintenance memory for building indexes.
 */
export function start(cluster: Cluster) {
  if (isRunning(cluster)) return;
  const options = [
    `-k ${cluster.dir}`,
    "-c listen_addresses=''",
    '-c shared_buffers=512MB',
    '-c maintenance_work_mem=1GB',
    '-c work_mem=64MB',
    '-c max_wal_size=4GB',
    '-c checkpoint_timeout=30min',
    '-c synchronous_commit=off',
    // No replica reads this log: a table made and filled in the load's one transaction then
    // skips the write-ahead log, and is written to disk once at commit.
    '-c wal_level=minimal',
    '-c max_wal_senders=0',
    '-c jit=off',
  ].join(' ');
  run(cluster, 'pg_ctl', ['-D', dataDir(cluster), '-l', logFile(cluster), '-o', options, '-w', '-t', '60', 'start']);
}

export function stop(cluster: Cluster) {
  if (!isRunning(cluster)) return;
  run(cluster, 'pg_ctl', ['-D', dataDir(cluster), '-m', 'fast', '-w', 'stop']);
}

/**
 * A connection pool over the folder's socket, with any further settings (`serving` in serve.ts
 * adds a statement timeout; a load's pool has none, since its build runs for minutes).
 */
export function connect(cluster: Cluster, max = 4, settings: Pick<pg.PoolConfig, 'statement_timeout' | 'options' | 'idleTimeoutMillis'> = {}): pg.Pool {
  return new pg.Pool({ host: cluster.dir, database: DATABASE, user: DATABASE, max, ...settings });
}

/** The atlas's database inside the cluster (initdb makes only `postgres`). */
export async function ensureDatabase(cluster: Cluster) {
  const admin = new pg.Client({ host: cluster.dir, database: 'postgres', user: DATABASE });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

/** Create the cluster if needed, start it and make the database; the caller stops it. */
export async function ready(dir = defaultDir()): Promise<Cluster> {
  const cluster = clusterAt(dir);
  init(cluster);
  start(cluster);
  await ensureDatabase(cluster);
  return cluster;
}
