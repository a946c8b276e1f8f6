// The server mode against a real PostgreSQL + PostGIS (.ci/run installs Debian's). Where neither can
// be had, the suite is skipped and says why: it cannot be faked without testing nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dayFromIso } from '../lib/time/day.ts';
import { connect, ready, stop, whyNoDatabase, type Cluster } from './cluster.ts';
import { describeLoad, loadFile, type LoadReport } from './load.ts';
import { mortonZ20 } from './rows-to-copy.ts';
import { writeSeededCsv } from './seeded-collection.ts';
import { serve, serving, warm } from './serve.ts';

const missing = whyNoDatabase();
if (missing) console.warn(`Skipping the server-mode tests: ${missing}`);

const ROWS = 20_000;
// Bad rows after the seeded ones: the header is row 1, so these are rows ROWS + 2 to ROWS + 4.
const BAD = [
  ['b1', '2006-13-01', '44.1', '33.3', 'a month that does not exist', 'test', ''],
  ['b2', '2006-05-02', '44.1', '133.3', 'a latitude off the earth', 'test', ''],
  ['b3', '2006-05-03', '44.1', '33.3', 'tags from a file that was not UTF-8', 'test', 'Caf\uFFFD'],
];
const day = (iso: string) => dayFromIso(iso);
const windows: [string, string][] = [
  ['2006-01-01', '2006-12-31'], // whole months only
  ['2006-11-15', '2007-02-10'], // days at both ends, and spans starting before it
  ['2004-03-03', '2004-03-09'], // inside one month
  ['2004-03-02', '2004-03-30'], // most of one month: the month less its first and last days
];

/** The tiles at zoom z covering Iraq's box. */
function tilesOver(z: number): [number, number][] {
  const x = (lng: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
  const y = (lat: number) => Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
  const out: [number, number][] = [];
  for (let tx = x(38); tx <= x(49); tx++) for (let ty = y(38); ty <= y(28.5); ty++) out.push([tx, ty]);
  return out;
}

describe.skipIf(missing !== null)('server mode: PostgreSQL + PostGIS', () => {
  let dir: string;
  let cluster: Cluster;
  let pool: pg.Pool;
  let report: LoadReport;
  // The box's events by PostGIS alone, for the functions' answers to be checked against.
  const inBox = 'AND geom && ST_Transform(ST_MakeEnvelope($3, $4, $5, $6, 4326), 3857)';
  const count = async (from: string, to: string, extra = '', params: unknown[] = []) =>
    Number((await pool.query(`SELECT count(*) FROM atlas.events WHERE t0 <= $2 AND t1 >= $1 ${extra}`, [day(from), day(to), ...params])).rows[0].count);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-db-'));
    cluster = await ready(join(dir, 'db'));
    pool = connect(cluster);
    await writeSeededCsv(join(dir, 'events.csv'), ROWS, BAD);
    // A small tile limit, so that 20,000 rows exercise every kind of tile: monthly counts, counts
    // from the events alone, and raw points.
    report = await loadFile(pool, join(dir, 'events.csv'), { rawLimit: 500 });
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    if (cluster) stop(cluster);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the good rows and reports each bad one by row and column, as the browser import does', async () => {
    expect(report.fatal).toBeUndefined();
    expect(report.rows).toBe(ROWS + BAD.length);
    expect(report.events).toBe(ROWS);
    expect(describeLoad(report).slice(1)).toEqual([
      '3 problems; those rows were left out, the others kept:',
      `  row ${ROWS + 2}, column date: "2006-13-01" is not a date`,
      `  row ${ROWS + 3}, column latitude: "133.3" is not a latitude (-90 to 90)`,
      `  row ${ROWS + 4}, column tags: "Caf\uFFFD" has letters that could not be read (shown as \uFFFD): the file is not UTF-8; save it as UTF-8 and import it again`,
    ]);
    const { rows } = await pool.query('SELECT count(*)::int AS n, min(row_in_file)::int AS first, max(row_in_file)::int AS last FROM atlas.events');
    expect(rows[0]).toEqual({ n: ROWS, first: 2, last: ROWS + 1 });
    const meta = (await pool.query('SELECT rows_read, events, problems FROM atlas.meta')).rows[0];
    expect(meta).toEqual({ rows_read: String(ROWS + BAD.length), events: String(ROWS), problems: String(BAD.length) });
  });

  it('stores the date as written and the earliest and latest day it allows, and a Morton code that matches its tile', async () => {
    const { rows } = await pool.query(
      `SELECT date, t0, t1, lng, lat, m::text FROM atlas.events WHERE date LIKE '____-__' OR date LIKE '%/%' ORDER BY id LIMIT 200`,
    );
    const month = rows.find((r) => r.date.length === 7)!;
    expect(month.t0).toBe(day(`${month.date}-01`));
    expect(month.t1).toBe(day(new Date(Date.UTC(Number(month.date.slice(0, 4)), Number(month.date.slice(5, 7)), 0)).toISOString().slice(0, 10)));
    const span = rows.find((r) => r.date.includes('/'))!;
    expect([span.t0, span.t1]).toEqual(span.date.split('/').map(day));
    // The Morton code PostgreSQL was sent is the point's zoom-20 tile, interleaved as atlas.spread() does.
    const { rows: check } = await pool.query(
      `SELECT ((atlas.spread(floor((1 - asinh(tan(radians($2::float8))) / pi()) / 2 * 1048576)::bigint) << 1)
              | atlas.spread(floor(($1::float8 + 180) / 360 * 1048576)::bigint))::text AS m`,
      [span.lng, span.lat],
    );
    expect(check[0].m).toBe(span.m);
    expect(String(mortonZ20(span.lng, span.lat))).toBe(span.m);
  });

  it('serves counts per cell that add up to SELECT count(*) for any window, at every zoom (never a sample)', async () => {
    const { rows } = await pool.query('SELECT raw_from_zoom, pyramid_level FROM atlas.meta');
    const { raw_from_zoom: raw, pyramid_level: pyramid } = rows[0];
    // Zooms read from the monthly counts, from the events alone, and raw points.
    expect(pyramid).toBeGreaterThanOrEqual(4);
    expect(raw).toBeGreaterThan(pyramid + 1);
    for (const [from, to] of windows) {
      const expected = await count(from, to);
      expect(expected).toBeGreaterThan(0);
      for (const z of [4, pyramid, pyramid + 1, raw]) {
        let sum = 0;
        for (const [x, y] of tilesOver(z)) {
          const tile = (await pool.query('SELECT atlas.tile($1, $2, $3, $4::json) AS mvt', [z, x, y, JSON.stringify({ from, to })])).rows[0].mvt as Buffer;
          expect(tile.length).toBeLessThanOrEqual(512 * 1024);
          const layers = new VectorTile(new PbfReader(tile)).layers;
          expect(Object.keys(layers)).toEqual(Object.keys(layers).length ? [z >= raw ? 'events' : 'cells'] : []);
          for (const layer of Object.values(layers)) for (let i = 0; i < layer.length; i++) sum += z >= raw ? 1 : (layer.feature(i).properties.n as number);
        }
        expect({ from, to, z, sum }).toEqual({ from, to, z, sum: expected });
      }
    }
    // Every tile over Iraq at four zooms for each window: about 45 s on the 2-core CI machine
    // alone, past a minute while anything else runs; the limit guards a hang, not the speed.
  }, 180_000);

  it("draws each cell's count as its own square of the tile, its outer ring clockwise as MVT asks", async () => {
    const { pyramid_level: pyramid } = (await pool.query('SELECT pyramid_level FROM atlas.meta')).rows[0];
    const [from, to] = windows[1];
    // A zoom read from the monthly counts and one counted from the events; the fullest tile of each.
    for (const z of [pyramid, pyramid + 1]) {
      const tiles = await Promise.all(
        tilesOver(z).map(async ([x, y]) => {
          const mvt = (await pool.query('SELECT atlas.tile($1, $2, $3, $4::json) AS mvt', [z, x, y, JSON.stringify({ from, to })])).rows[0].mvt;
          return { x, y, cells: new VectorTile(new PbfReader(mvt)).layers.cells };
        }),
      );
      const { x, y, cells } = tiles.reduce((a, b) => ((b.cells?.length ?? 0) > (a.cells?.length ?? 0) ? b : a));
      expect(cells.extent).toBe(4096);
      const unit = 4096 / 64;
      const drawn = new Map<string, number>();
      for (let i = 0; i < cells.length; i++) {
        const feature = cells.feature(i);
        const rings = feature.loadGeometry();
        expect(feature.type).toBe(3);
        expect(rings).toHaveLength(1);
        const ring = rings[0];
        const [left, top] = [Math.min(...ring.map((p) => p.x)), Math.min(...ring.map((p) => p.y))];
        // A square of one cell on the grid: its four corners, then the first again…
        const corners = ring.slice(0, 4).map((p) => `${p.x - left},${p.y - top}`);
        expect(corners.sort()).toEqual(['0,0', `0,${unit}`, `${unit},0`, `${unit},${unit}`]);
        expect(ring[4]).toEqual(ring[0]);
        expect([left % unit, top % unit]).toEqual([0, 0]);
        // …clockwise on screen (y down): a positive area by the shoelace formula (MVT 2.1, 4.3.4.3).
        const area = ring.slice(0, 4).reduce((sum, p, k) => sum + p.x * ring[k + 1].y - ring[k + 1].x * p.y, 0) / 2;
        expect(area).toBe(unit * unit);
        drawn.set(`${left / unit},${top / unit}`, feature.properties.n as number);
      }
      // The events of the window in each square, counted one by one from their own coordinates.
      const { rows } = await pool.query(
        `WITH tile AS (SELECT ((atlas.spread($2::bigint) << 1) | atlas.spread($1::bigint)) << (2 * (20 - $3)) AS lo, 2 * (20 - $3 - 6) AS shift)
         SELECT atlas.compact(m >> shift) - $1 * 64 AS col, atlas.compact(m >> shift >> 1) - $2 * 64 AS row, count(*)::int AS n
         FROM atlas.events, tile WHERE t0 <= $5 AND t1 >= $4 AND m BETWEEN lo AND lo + (1::bigint << (2 * (20 - $3))) - 1 GROUP BY 1, 2`,
        [x, y, z, day(from), day(to)],
      );
      expect(rows.length).toBeGreaterThan(20);
      expect(drawn).toEqual(new Map(rows.map((r) => [`${r.col},${r.row}`, r.n])));
    }
  });

  it('filters tiles by tag: a cell counts the events with any of the tags', async () => {
    const [from, to] = windows[1];
    const expected = await count(from, to, 'AND tags && $3', [['aid', 'politics']]);
    let sum = 0;
    for (const [x, y] of tilesOver(4)) {
      const tile = (await pool.query('SELECT atlas.tile($1, $2, $3, $4::json) AS mvt', [4, x, y, JSON.stringify({ from, to, tags: 'aid,politics' })])).rows[0]
        .mvt;
      const cells = new VectorTile(new PbfReader(tile)).layers.cells;
      for (let i = 0; i < (cells?.length ?? 0); i++) sum += cells!.feature(i).properties.n as number;
    }
    expect(sum).toBe(expected);
    expect(expected).toBeLessThan(await count(from, to));
  });

  it('counts a window in a box from the counts kept ahead, equal to SELECT count(*) for boxes from a town to the world', async () => {
    const levels = (await pool.query('SELECT pyramid_level, day_level FROM atlas.meta')).rows[0];
    // The seeded rows lie in 39.5..47.5 E, 30..36.5 N (seeded-collection.ts): boxes inside,
    // across and around them, from a few kilometres to the whole world.
    const boxes = [
      [-180, -85, 180, 85],
      [38, 28.5, 49, 38],
      [40.1, 31.2, 46.7, 35.9],
      [43.9, 33.1, 44.6, 33.6],
      [44.31, 33.28, 44.37, 33.33],
      [39.5, 30, 43.5, 36.5],
      [46.93, 29.07, 47.61, 36.41],
    ];
    for (const [from, to] of windows)
      for (const box of boxes) {
        const exact = await count(from, to, inBox, box);
        const counted = Number((await pool.query('SELECT atlas.window_count($1, $2, NULL, $3, $4, $5, $6) AS n', [day(from), day(to), ...box])).rows[0].n);
        // The events listed, through the cover of the box (no GiST: the Morton code is the index).
        const listed = Number(
          (await pool.query('SELECT count(*) FROM atlas.window_events($1, $2, NULL, $3, $4, $5, $6)', [day(from), day(to), ...box])).rows[0].count,
        );
        expect({ from, box, counted, listed }).toEqual({ from, box, counted: exact, listed: exact });
      }
    // The counts kept ahead were used: levels exist for the cover to read, days at the coarse ones.
    expect(levels.pyramid_level).toBeGreaterThan(levels.day_level);
    expect(levels.day_level).toBeGreaterThanOrEqual(0);
  });

  it("lists a window in a box a page at a time in time order, whether it sorts the box's events or reads the window in time order", async () => {
    const [from, to] = windows[1];
    const box = [43.5, 32, 45.5, 34.5];
    const { rows: all } = await pool.query(`SELECT id::int FROM atlas.events WHERE t0 <= $2 AND t1 >= $1 ${inBox} ORDER BY t0, id`, [
      day(from),
      day(to),
      ...box,
    ]);
    expect(all.length).toBeGreaterThan(30);
    // few = 0: the box counts as crowded, so the window is read in time order; a million: the box's
    // events are sorted.
    for (const few of [0, 1_000_000]) {
      const ids: number[] = [];
      let after = [-1e9, 0];
      for (;;) {
        const { rows } = await pool.query('SELECT id::int, t0 FROM atlas.window_page($1, $2, NULL, $3, $4, $5, $6, $7, $8, 13, $9)', [
          day(from),
          day(to),
          ...box,
          ...after,
          few,
        ]);
        ids.push(...rows.map((r) => r.id));
        if (rows.length < 13) break;
        after = [rows.at(-1).t0, rows.at(-1).id];
      }
      expect({ few, ids }).toEqual({ few, ids: all.map((r) => r.id) });
    }
  });

  it('answers over HTTP: the count for a box, the events a page at a time in time order, and bad parameters by name', async () => {
    const server = serve(pool).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/meta`)).json()).toMatchObject({
        file: 'events.csv',
        rows_read: ROWS + BAD.length,
        events: ROWS,
        problems: BAD.length,
      });
      const [from, to] = windows[2];
      const box = [43.5, 32, 45.5, 34.5];
      const expected = await count(from, to, inBox, box);
      const got = await (await fetch(`${base}/count?from=${from}&to=${to}&bbox=${box.join(',')}`)).json();
      expect(got).toEqual({ count: expected });
      const seen: { id: number; t0: number }[] = [];
      let after: string | null = null;
      do {
        const page: { events: { id: number; t0: number }[]; next: string | null } = await (
          await fetch(`${base}/events?from=${from}&to=${to}&bbox=${box.join(',')}&limit=7${after ? `&after=${after}` : ''}`)
        ).json();
        seen.push(...page.events);
        after = page.next;
      } while (after);
      expect(seen.length).toBe(expected);
      expect(new Set(seen.map((e) => e.id)).size).toBe(expected);
      expect(seen.map((e) => e.t0)).toEqual([...seen.map((e) => e.t0)].sort((a, b) => a - b));
      const tile = await fetch(`${base}/4/9/6.pbf?from=${from}&to=${to}`);
      expect(tile.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
      expect(tile.headers.get('access-control-allow-origin')).toBe('*');
      const bad = await fetch(`${base}/count?from=2006-13-45`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(/^from: "2006-13-45" is not a day/);
      const badBox = await fetch(`${base}/count?bbox=1,2,3`);
      expect((await badBox.json()).error).toMatch(/^bbox: "1,2,3" is not west,south,east,north/);
    } finally {
      server.close();
    }
  });

  it("marks a tile with the collection's load: asked again with that ETag, a 304 and no tile; after a new load, the tile", async () => {
    const server = serve(pool).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/4/9/6.pbf?from=${windows[2][0]}&to=${windows[2][1]}`;
    const { rows } = await pool.query('SELECT loaded_at FROM atlas.meta');
    try {
      const first = await fetch(url);
      const body = Buffer.from(await first.arrayBuffer());
      const etag = first.headers.get('etag');
      // Node's fetch, as a browser, takes gzip: the gzipped form, with an ETag of its own.
      expect(etag).toMatch(/^"load-\d+-[0-9a-f]{16}-gzip"$/);
      // Another window of the same tile is another tile: MapLibre keeps what it holds on a same ETag.
      expect((await fetch(url.replace(/from=[^&]+/, `from=${windows[0][0]}`))).headers.get('etag')).not.toBe(etag);
      expect(first.headers.get('cache-control')).toBe('no-cache');
      const again = await fetch(url, { headers: { 'If-None-Match': etag! } });
      expect(again.status).toBe(304);
      expect((await again.arrayBuffer()).byteLength).toBe(0);
      expect(again.headers.get('access-control-allow-origin')).toBe('*');
      // A new load (its own loaded_at): the old ETag no longer matches, and the tile comes whole.
      await pool.query("UPDATE atlas.meta SET loaded_at = loaded_at + interval '1 second'");
      const reloaded = await fetch(url, { headers: { 'If-None-Match': etag! } });
      expect(reloaded.status).toBe(200);
      expect(reloaded.headers.get('etag')).not.toBe(etag);
      expect(Buffer.from(await reloaded.arrayBuffer())).toEqual(body);
    } finally {
      await pool.query('UPDATE atlas.meta SET loaded_at = $1', [rows[0].loaded_at]);
      server.close();
    }
  });

  it('gzips a tile for a client that takes gzip, as its own representation, and sends it whole to one that does not', async () => {
    const server = serve(pool).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/4/9/6.pbf?from=${windows[2][0]}&to=${windows[2][1]}`;
    /** A GET with these headers, its body as sent (not inflated, as fetch would). */
    const raw = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
        httpGet(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject),
      );
    try {
      const plain = await raw({});
      const zipped = await raw({ 'Accept-Encoding': 'gzip, deflate, br' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      for (const r of [plain, zipped]) expect(r.headers.vary).toBe('Accept-Encoding');
      // The same tile: gunzipped, the plain one's bytes; smaller as sent.
      expect(plain.body.length).toBeGreaterThan(0);
      expect(gunzipSync(zipped.body)).toEqual(plain.body);
      expect(zipped.body.length).toBeLessThan(plain.body.length);
      // Two representations, two ETags, each answered with a 304 for its own and never for the other's.
      expect(zipped.headers.etag).toBe(plain.headers.etag!.replace(/"$/, '-gzip"'));
      expect((await raw({ 'Accept-Encoding': 'gzip', 'If-None-Match': zipped.headers.etag! })).status).toBe(304);
      expect((await raw({ 'If-None-Match': zipped.headers.etag! })).status).toBe(200);
      expect((await raw({ 'If-None-Match': plain.headers.etag! })).status).toBe(304);
    } finally {
      server.close();
    }
  });

  it('answers /cells, for figures, with the count of the window in each Web Mercator cell, at a zoom counted ahead and one counted from the events', async () => {
    const server = serve(pool).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const box = [43, 32.5, 45.5, 34.5];
    const { pyramid_level: pyramid } = (await pool.query('SELECT pyramid_level FROM atlas.meta')).rows[0];
    try {
      for (const [from, to] of windows)
        for (const level of [4 + 6, pyramid + 1 + 6]) {
          // Each event's cell worked out here from its longitude and latitude, not from the database's
          // code; the answer holds the cells of the tiles (64 cells a side) the box touches.
          const cellOf = (lng: number, lat: number) => [
            Math.floor(((lng + 180) / 360) * 2 ** level),
            Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** level),
          ];
          const [[x0, y0], [x1, y1]] = [cellOf(box[0], box[3]).map((v) => v >> 6), cellOf(box[2], box[1]).map((v) => v >> 6)];
          const expected = new Map<string, number>();
          const { rows } = await pool.query('SELECT lng, lat FROM atlas.events WHERE t0 <= $2 AND t1 >= $1', [day(from), day(to)]);
          for (const { lng, lat } of rows) {
            const [column, row] = cellOf(lng, lat);
            if (column >> 6 < x0 || column >> 6 > x1 || row >> 6 < y0 || row >> 6 > y1) continue;
            expected.set(`${column},${row}`, (expected.get(`${column},${row}`) ?? 0) + 1);
          }
          expect(expected.size).toBeGreaterThan(0);
          const got: { level: number; cells: [number, number, number][] } = await (
            await fetch(`${base}/cells?from=${from}&to=${to}&bbox=${box.join(',')}&level=${level}`)
          ).json();
          expect(got.level).toBe(level);
          expect(new Map(got.cells.map(([c, r, n]) => [`${c},${r}`, n]))).toEqual(expected);
        }
      const coarse = await fetch(`${base}/cells?level=5`);
      expect([coarse.status, (await coarse.json()).error]).toEqual([400, 'level: "5" is not a zoom from 6 to 20']);
      const wide = await (await fetch(`${base}/cells?level=20&bbox=${box.join(',')}`)).json();
      expect(wide.error).toMatch(/^bbox: at level 20 the box covers \d+ tiles, and one answer covers at most 256; ask for a coarser level$/);
    } finally {
      server.close();
    }
  });

  it('stops a served query after the timeout the serving pool is made with, and the load has none; served queries run without parallel workers', async () => {
    const served = connect(cluster, 1, { ...serving, statement_timeout: 1234 });
    try {
      expect((await served.query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('1234ms');
      expect((await pool.query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('0');
      expect((await served.query('SHOW max_parallel_workers_per_gather')).rows[0].max_parallel_workers_per_gather).toBe('0');
      expect((await pool.query('SHOW max_parallel_workers_per_gather')).rows[0].max_parallel_workers_per_gather).not.toBe('0');
    } finally {
      await served.end();
    }
  });

  it('vacuums the events and the counts kept ahead after the load, so that their index-only scans need not read the tables', async () => {
    // Whether a page is then marked all-visible also depends on what else was running (a
    // concurrent autovacuum's snapshot holds it back), so the test asks only that each was vacuumed.
    await pool.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await pool.query(
      `SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'atlas' AND last_vacuum IS NOT NULL AND relname = ANY ($1) ORDER BY 1`,
      [['cell_days', 'cell_months', 'events_2006']],
    );
    expect(rows.map((r) => r.relname)).toEqual(['cell_days', 'cell_months', 'events_2006']);
  });

  it('warms every serving connection before it answers: each has drawn a tile', async () => {
    const served = connect(cluster, 3, serving);
    try {
      await warm(served, 3);
      expect([served.totalCount, served.idleCount]).toEqual([3, 3]);
      // Each backend, idle now, last ran the warming query.
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.state = 'idle'
           AND a.query LIKE 'SELECT atlas.tile(0, 0, 0%'`,
      );
      expect(rows[0].n).toBe(3);
    } finally {
      await served.end();
    }
  });

  it('serves on when a connection is lost while idle (PostgreSQL restarted, or an administrator ended it), and says so', async () => {
    const served = connect(cluster, 1, serving);
    const server = serve(served).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const tile = (from: string) => fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/4/9/6.pbf?from=${from}&to=2006-12-31`);
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect((await tile('2006-01-01')).status).toBe(200);
      const { pid } = (await served.query('SELECT pg_backend_pid() AS pid')).rows[0];
      await pool.query('SELECT pg_terminate_backend($1)', [pid]);
      // The pool hears of it and drops the connection: with no listener for that, the test process
      // would end with an unhandled 'error'.
      while (served.totalCount > 0) await new Promise((r) => setTimeout(r, 10));
      expect(said).toHaveBeenCalledWith(expect.stringMatching(/^serve: a database connection was lost \(.*\); a new one is made when next needed$/));
      // Another window, so the tile is drawn again, on a new connection.
      expect((await tile('2006-02-01')).status).toBe(200);
    } finally {
      said.mockRestore();
      server.close();
      await served.end();
    }
  });

  it('loads Parquet by the same rules; a file whose columns it does not know, or with no good row, loses nothing already loaded', async () => {
    const file = join(dir, 'deaths.parquet');
    writeFileSync(
      file,
      Buffer.from(
        parquetWriteBuffer({
          columnData: [
            { name: 'lon', data: [43.78, 44.4, 44.5], type: 'DOUBLE' },
            { name: 'lat', data: [33.35, 33.3, 95], type: 'DOUBLE' },
            { name: 'death_date', data: ['2004-11-08', '2006-02-22', '2006-02-23'], type: 'STRING' },
          ],
        }),
      ),
    );
    const unknown = await loadFile(pool, file);
    expect(unknown.fatal).toMatch(/^deaths\.parquet: The header has no column for date .* Name them with --lng, --lat, --date/);
    expect(Number((await pool.query('SELECT count(*) FROM atlas.events')).rows[0].count)).toBe(ROWS);
    // A file of bad rows only is refused whole, and the collection before it stays.
    const allBad = join(dir, 'bad.csv');
    writeFileSync(allBad, 'longitude,latitude,date\n44.1,33.3,2006-13-01\n');
    const refused = await loadFile(pool, allBad);
    expect(describeLoad(refused)).toEqual([
      'bad.csv: no row could be loaded (see the problems below); the collection loaded before is kept.',
      'Nothing was loaded.',
      '  row 2, column date: "2006-13-01" is not a date',
    ]);
    expect(Number((await pool.query('SELECT count(*) FROM atlas.events')).rows[0].count)).toBe(ROWS);
    const chosen = await loadFile(pool, file, { columns: { date: 'death_date' }, rawLimit: 500 });
    expect(chosen.events).toBe(2);
    expect(describeLoad(chosen)).toContain('  record 2, column lat: "95" is not a latitude (-90 to 90)');
    expect((await pool.query('SELECT date FROM atlas.events ORDER BY id')).rows.map((r) => r.date)).toEqual(['2004-11-08', '2006-02-22']);
  });
});
