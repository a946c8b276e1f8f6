// `npm run db -- serve`: the collection over HTTP. Tiles come from the one PostGIS function
// (atlas.tile, the signature Martin calls); this server only passes the query string to it, and
// answers the two questions the atlas asks beside the map: how many events a window holds in a
// box (the count), and which they are (the event list, a page at a time). With a built atlas
// (dist/), it serves that too, so the page and its data share one origin.
//   GET /meta                         the collection: rows, problems, days, extent, zooms
//   GET /{z}/{x}/{y}.pbf?from&to&tags a Mapbox Vector Tile, its ETag its window and the load (304 to If-None-Match),
//                                     gzipped for a client that accepts it (every browser)
//   GET /count?from&to&tags&bbox      {"count": n}: the events of the window in the box (atlas.window_count)
//   GET /events?from&to&tags&bbox&after&limit   a page of events in time order, and the key of the next
//   GET /cells?from&to&tags&bbox&level          {"level", "cells": [[column, row, n], …]}: the counts per
//                                     cell of the Web Mercator grid at a zoom (6..20), for a figure (atlas.tile_cells)
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import type pg from 'pg';
import { mercatorUnit } from '../lib/look/mercator.ts';
import { Shared, TileCache } from './tile-cache.ts';

/** Events in one page of the list. */
export const PAGE_LIMIT = 500;
/** Most tiles one /cells answer may cover: a figure's frame at the grid it asks for covers a few. */
export const CELLS_TILE_LIMIT = 256;

export interface ServeOptions {
  /** A built atlas to serve at / (e.g. dist/); none if absent. */
  atlas?: string;
}

class BadRequest extends Error {}

/** A day parameter: an ISO day that exists (2006-02-30 does not), or a day number of the atlas's clock. */
const day = (value: string | null, name: string): string | null => {
  if (value === null || value === '' || /^-?\d+$/.test(value)) return value || null;
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    throw new BadRequest(`${name}: "${value}" is not a day; write it as 2006-11-20`);
  return value;
};

function bboxOf(value: string | null): [number, number, number, number] {
  if (!value) return [-180, -85.0511, 180, 85.0511];
  const parts = value.split(',').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw new BadRequest(`bbox: "${value}" is not west,south,east,north in degrees`);
  return parts as [number, number, number, number];
}

/** The tiles at zoom z that a box (west, south, east, north in degrees) touches, as [x, y]; none listed past `limit`. */
function tilesCovering([w, s, e, n]: [number, number, number, number], z: number, limit: number): { count: number; tiles: [number, number][] } {
  const size = 2 ** z;
  const tileOf = (lng: number, lat: number) => mercatorUnit(lng, lat).map((v) => Math.min(size - 1, Math.max(0, Math.floor(v * size))));
  const [[x0, y0], [x1, y1]] = [tileOf(w, n), tileOf(e, s)];
  const count = (x1 - x0 + 1) * (y1 - y0 + 1);
  const tiles: [number, number][] = [];
  if (count <= limit) for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push([x, y]);
  return { count, tiles };
}

/** The window and filter every query shares, as SQL parameters $1..$3 (days from, to; tags). */
function windowOf(q: URLSearchParams) {
  return [day(q.get('from'), 'from'), day(q.get('to'), 'to'), q.get('tags') || null] as const;
}

/** The collection's load: the time it was loaded, to the microsecond. */
async function loadStamp(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query(`SELECT (extract(epoch FROM loaded_at) * 1e6)::bigint::text AS us FROM atlas.meta`);
  return `load-${rows[0]?.us ?? 'none'}`;
}

const gzipAsync = promisify(gzip);

const WINDOW_SQL = `SELECT atlas.day_of($1, m.first_day) AS f, atlas.day_of($2, m.last_day) AS t, atlas.tags_of($3) AS tg FROM atlas.meta m`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  // The atlas may be served from elsewhere (npm start on port 4173): read-only data, so any origin may read it.
  res.writeHead(status, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache', ...extra });
  res.end(body);
}
const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json');

async function route(pool: pg.Pool, tiles: TileCache, stamps: Shared<string>, options: ServeOptions, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const q = url.searchParams;
  const tile = /^\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(url.pathname);
  if (tile) {
    const [z, x, y] = tile.slice(1).map(Number);
    if (z > 22 || x >= 2 ** z || y >= 2 ** z) return json(res, 400, { error: `no tile ${z}/${x}/${y}` });
    const [from, to, tags] = windowOf(q);
    const params = JSON.stringify({ from, to, tags });
    // A tile is a function of its place, its window and the collection loaded, so its ETag names
    // the window and the load: the browser keeps the tile and asks again with If-None-Match
    // (Cache-Control: no-cache), and while the load is the same the answer is a 304 without
    // drawing the tile again (a window seen before: a reader stepping back and forth, or an HTTP
    // cache in front); a new load is never shown from a kept copy. The window must be in it:
    // MapLibre keeps a tile whose new answer has the ETag of the one it holds, and a new window
    // of the same tile would not have been drawn.
    const tag = `${await stamps.read()}-${createHash('sha1').update(params).digest('hex').slice(0, 16)}`;
    // Gzipped where the client takes it (a tile of counts is a third of its size or less): each
    // form is its own representation, with its own ETag, and a cache in front keeps them apart.
    const gzipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const etag = `"${tag}${gzipped ? '-gzip' : ''}"`;
    const headers = { ETag: etag, Vary: 'Accept-Encoding', ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}) };
    if (req.headers['if-none-match'] === etag) return send(res, 304, '', 'application/vnd.mapbox-vector-tile', headers);
    // Drawn (and gzipped) once for every reader who asks for this tile of this window and load (tile-cache.ts).
    const key = `${tag} ${z}/${x}/${y}`;
    const drawn = () =>
      tiles.get(key, async () => {
        const { rows } = await pool.query('SELECT atlas.tile($1, $2, $3, $4::json) AS mvt', [z, x, y, params]);
        return rows[0].mvt as Buffer;
      });
    const body = gzipped ? await tiles.get(`${key} gzip`, async () => gzipAsync(await drawn())) : await drawn();
    return send(res, 200, body, 'application/vnd.mapbox-vector-tile', headers);
  }
  if (url.pathname === '/meta') {
    const { rows } = await pool.query('SELECT * FROM atlas.meta');
    if (!rows.length) return json(res, 404, { error: 'No collection is loaded: run npm run db -- load <file>.' });
    // bigint columns come back as text from pg: the counts are numbers to the page.
    const meta = rows[0];
    for (const key of ['rows_read', 'events', 'problems']) meta[key] = Number(meta[key]);
    return json(res, 200, meta);
  }
  if (url.pathname === '/count') {
    const [from, to, tags] = windowOf(q);
    const [w, s, e, n] = bboxOf(q.get('bbox'));
    const { rows } = await pool.query(`SELECT atlas.window_count(p.f, p.t, p.tg, $4, $5, $6, $7) AS count FROM (${WINDOW_SQL}) p`, [
      from,
      to,
      tags,
      w,
      s,
      e,
      n,
    ]);
    return json(res, 200, { count: Number(rows[0].count) });
  }
  if (url.pathname === '/events') {
    const [from, to, tags] = windowOf(q);
    const [w, s, e, n] = bboxOf(q.get('bbox'));
    const limit = Math.min(PAGE_LIMIT, Math.max(1, Number(q.get('limit') ?? 100) || 100));
    const after = q.get('after');
    const key = after ? after.split(':').map(Number) : [-1e9, 0];
    if (key.length !== 2 || key.some((k) => !Number.isFinite(k))) throw new BadRequest(`after: "${after}" is not a key from the previous page`);
    const { rows } = await pool.query(
      `SELECT ev.id, ev.row_in_file AS row, ev.date, ev.end_date, ev.t0, ev.t1, ev.lng, ev.lat, ev.label, ev.source, ev.tags
       FROM (${WINDOW_SQL}) p, atlas.window_page(p.f, p.t, p.tg, $4, $5, $6, $7, $8, $9, $10) ev`,
      [from, to, tags, w, s, e, n, key[0], key[1], limit + 1],
    );
    const page = rows.slice(0, limit).map((r) => ({ ...r, id: Number(r.id), row: Number(r.row) }));
    const last = page.at(-1);
    return json(res, 200, { events: page, next: rows.length > limit && last ? `${last.t0}:${last.id}` : null });
  }
  if (url.pathname === '/cells') {
    const [from, to, tags] = windowOf(q);
    const level = Number(q.get('level'));
    if (!Number.isInteger(level) || level < 6 || level > 20) throw new BadRequest(`level: "${q.get('level')}" is not a zoom from 6 to 20`);
    const { count, tiles } = tilesCovering(bboxOf(q.get('bbox')), level - 6, CELLS_TILE_LIMIT);
    if (count > CELLS_TILE_LIMIT)
      throw new BadRequest(`bbox: at level ${level} the box covers ${count} tiles, and one answer covers at most ${CELLS_TILE_LIMIT}; ask for a coarser level`);
    const { rows } = await pool.query({
      text: `SELECT atlas.compact(cell.c) AS col, atlas.compact(cell.c >> 1) AS row, cell.n
             FROM (${WINDOW_SQL}) p, unnest($4::int[], $5::int[]) AS tile (x, y), atlas.tile_cells($6, tile.x, tile.y, p.f, p.t, p.tg) cell`,
      values: [from, to, tags, tiles.map((t) => t[0]), tiles.map((t) => t[1]), level - 6],
      rowMode: 'array',
    });
    return json(res, 200, { level, cells: rows.map((r: unknown[]) => r.map(Number)) });
  }
  if (options.atlas) return sendFile(res, options.atlas, url.pathname);
  return json(res, 404, { error: `no such path: ${url.pathname}` });
}

function sendFile(res: ServerResponse, root: string, path: string) {
  const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
  if (!file.startsWith(resolve(root)) || !existsSync(file) || !statSync(file).isFile()) return json(res, 404, { error: `no such path: ${path}` });
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

/** Connections the serving pool holds: a map asks for 4 to 12 tiles at once. */
export const SERVE_CONNECTIONS = 8;

/** A count or a page that takes longer than this is stopped (the pool's statement_timeout), and the page told so. */
export const STATEMENT_TIMEOUT_S = 30;

/**
 * The serving pool's settings (connect(cluster, n, serving)): the timeout above, and no parallel
 * workers. A map asks for several tiles at once, so the requests already share the cores; a tile's
 * own workers only made them queue (the densest tile of a slider step at 10,000,000 events took
 * 530-1,530 ms beside three others with them, against 170 ms alone).
 */
export const serving = {
  statement_timeout: STATEMENT_TIMEOUT_S * 1000,
  options: '-c max_parallel_workers_per_gather=0',
  // Connections are kept open once warmed (below): pg closes idle ones after 10 s by default.
  idleTimeoutMillis: 0,
};

/**
 * Open `connections` of the pool at once and draw one tile on each before the server answers
 * anyone. A new connection's first tile pays for starting the backend, loading PostGIS and
 * compiling the tile functions (a zoom-4 tile at 10,000,000 events took 163 ms in a new session
 * and 89 ms in the same session after); this way no visitor's tile does.
 */
export async function warm(pool: pg.Pool, connections: number): Promise<void> {
  const { rows } = await pool.query("SELECT to_regclass('atlas.meta') IS NOT NULL AS loaded");
  if (!rows[0].loaded) return; // nothing loaded yet: /meta says so
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  try {
    await Promise.all(clients.map((c) => c.query("SELECT atlas.tile(0, 0, 0, '{}'), atlas.tile_cells(0, 0, 0, 0, 0, NULL)")));
  } finally {
    for (const c of clients) c.release();
  }
}

/** Serve the collection the pool reaches; give it a pool made with connect(cluster, n, serving). */
export function serve(pool: pg.Pool, options: ServeOptions = {}): Server {
  const atlas = options.atlas && existsSync(join(options.atlas, 'index.html')) ? resolve(options.atlas) : undefined;
  const tiles = new TileCache();
  // Twenty readers' tiles of one step ask the load's stamp at once: one query answers them all,
  // rather than twenty queued behind the tiles being drawn. Each asks after its request came, so
  // none is answered from before a load it could have seen.
  const stamps = new Shared(() => loadStamp(pool));
  // A connection lost while idle (PostgreSQL restarted, or ended by an administrator) is dropped
  // and made again at the next query; without a listener the pool's 'error' would end the server.
  pool.on('error', (e) => console.error(`serve: a database connection was lost (${e.message}); a new one is made when next needed`));
  return createServer((req, res) => {
    route(pool, tiles, stamps, { atlas }, req, res).catch((e: Error & { code?: string }) => {
      // A bad parameter (ours, or a date PostgreSQL refused) is the caller's; anything else is ours.
      const caller = e instanceof BadRequest || e.code === '22007' || e.code === '22008';
      // 57014: the statement timeout. Say what happened, not PostgreSQL's words for it.
      if (e.code === '57014')
        return json(res, 503, { error: `the query took longer than ${STATEMENT_TIMEOUT_S} s and was stopped; zoom in or shorten the window` });
      json(res, caller ? 400 : 500, { error: e.message });
    });
  });
}
