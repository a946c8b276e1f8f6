// npm run db -- <command>: the atlas's server mode, for collections too large for a browser tab.
//   load <file.csv|.parquet|.arrow> [--lng c] [--lat c] [--date c] [--end c] [--label c] [--source c] [--tags c] [--date-format dmy|mdy|epoch-ms|epoch-s]
//   serve [--port 7800] [--atlas dist]
//   seed <rows> <out.csv>          a seeded synthetic collection (for trying it out, the tests and the bench)
//   start | stop | status
// The database lives in one folder (--dir, ATLAS_DB_DIR, default .atlas-db/), created on first use.
// load and serve start PostgreSQL if it is not running and stop it when they are done, unless it
// was already running (started with `start`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Role } from '../lib/import/rows.ts';
import { dateFormats, type DateFormat } from '../lib/import/columns.ts';
import { clusterAt, connect, defaultDir, ensureDatabase, init, isRunning, start, stop, whyNoDatabase, type Cluster } from '../db/cluster.ts';
import { describeLoad, loadFile } from '../db/load.ts';
import { sayInterrupted } from '../db/load-log.ts';
import { serve, SERVE_CONNECTIONS, serving, warm } from '../db/serve.ts';
import { writeSeededCsv } from '../db/seeded-collection.ts';

const usage = `Usage: npm run db -- <command> [options]
  load <file.csv|file.parquet|file.arrow>   put a collection into the database (replacing the one there)
      --lng, --lat, --date, --end, --label, --source, --tags <column>   name columns the atlas does not know
      --date-format ${dateFormats.map((f) => f.id).join('|')}
  serve [--port 7800] [--host 127.0.0.1] [--atlas dist]   tiles at /{z}/{x}/{y}.pbf?from=&to=&tags=, and the atlas at /
  seed <rows> <out.csv>                     write a seeded synthetic collection
  start | stop | status                     the database server itself
Options for every command: --dir <folder> (default ATLAS_DB_DIR or .atlas-db)`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(1);
}

function readArgs() {
  const column = { type: 'string' } as const;
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        dir: { type: 'string', default: defaultDir() },
        port: { type: 'string', default: '7800' },
        host: { type: 'string', default: '127.0.0.1' },
        atlas: { type: 'string', default: 'dist' },
        lng: column,
        lat: column,
        date: column,
        end: column,
        label: column,
        source: column,
        tags: column,
        'date-format': { type: 'string', default: 'auto' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

const { values, positionals } = readArgs();
if (values.help || positionals.length === 0) {
  console.log(usage);
  process.exit(values.help ? 0 : 1);
}
const [command, ...rest] = positionals;

if (command === 'seed') {
  const [rows, out] = rest;
  if (!out || !(Number(rows) > 0)) fail('seed takes a number of rows and a file to write: seed 100000 events.csv');
  await writeSeededCsv(out, Number(rows));
  console.log(`${out}: ${Number(rows).toLocaleString('en-GB')} seeded rows.`);
  process.exit(0);
}

const missing = whyNoDatabase();
if (missing) fail(missing);
const cluster = clusterAt(values.dir);

/** Start the server for one command; stop it after, unless it was running before. */
async function withDatabase<T>(work: (c: Cluster) => Promise<T>): Promise<T> {
  const wasRunning = isRunning(cluster);
  if (init(cluster)) console.log(`Created a PostgreSQL cluster in ${cluster.dir}.`);
  start(cluster);
  const stopAfter = () => {
    if (!wasRunning) stop(cluster);
  };
  try {
    return await work(cluster);
  } finally {
    stopAfter();
  }
}

switch (command) {
  case 'start':
    if (init(cluster)) console.log(`Created a PostgreSQL cluster in ${cluster.dir}.`);
    start(cluster);
    console.log(`PostgreSQL is running; its socket is in ${cluster.dir}.`);
    break;
  case 'stop':
    stop(cluster);
    console.log('PostgreSQL has stopped.');
    break;
  case 'status':
    console.log(isRunning(cluster) ? `PostgreSQL is running in ${cluster.dir}.` : `PostgreSQL is not running (${cluster.dir}).`);
    break;
  case 'load': {
    const [file] = rest;
    if (!file) fail('Name the file to load.');
    const format = values['date-format'] as DateFormat;
    if (!dateFormats.some((f) => f.id === format)) fail(`--date-format: "${format}" is not one of ${dateFormats.map((f) => f.id).join(', ')}.`);
    const roles = ['lng', 'lat', 'date', 'end', 'label', 'source', 'tags'] as const;
    const columns = Object.fromEntries(roles.filter((r) => values[r]).map((r) => [r, values[r]])) as Partial<Record<Role | 'tags', string>>;
    const report = await withDatabase(async (c) => {
      await ensureDatabase(c);
      const pool = connect(c, 1);
      let shown = 0;
      try {
        for (const line of await sayInterrupted(pool)) console.log(line);
        return await loadFile(pool, file, {
          columns,
          dateFormat: format,
          onProgress: (rows) => {
            if (rows - shown >= 1_000_000) process.stdout.write(`  ${(shown = rows).toLocaleString('en-GB')} rows read…\n`);
          },
        });
      } finally {
        await pool.end();
      }
    }).catch((e: Error) => fail(`${file}: ${e.message}`));
    for (const line of describeLoad(report)) console.log(line);
    if (report.fatal) process.exit(1);
    break;
  }
  case 'serve': {
    const wasRunning = isRunning(cluster);
    init(cluster);
    start(cluster);
    await ensureDatabase(cluster);
    const pool = connect(cluster, SERVE_CONNECTIONS, serving);
    for (const line of await sayInterrupted(pool)) console.log(line);
    await warm(pool, SERVE_CONNECTIONS);
    const server = serve(pool, { atlas: values.atlas });
    server.listen(Number(values.port), values.host, () => {
      const address = `http://${values.host}:${values.port}`;
      console.log(`Serving the collection at ${address}/{z}/{x}/{y}.pbf`);
      if (existsSync(join(values.atlas, 'index.html'))) console.log(`Open the atlas with it: ${address}/#db=${address}`);
      else console.log(`No built atlas in ${values.atlas}/ (npm run build makes it). Add #db=${address} to the address of an atlas served elsewhere.`);
    });
    const shutdown = async () => {
      server.close();
      await pool.end();
      if (!wasRunning) stop(cluster);
      process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    break;
  }
  default:
    fail(`Unknown command "${command}".`);
}
