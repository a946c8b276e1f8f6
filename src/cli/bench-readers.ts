// Readers stepping the slider together (issue 37), for `npm run bench -- --db`. They run in a
// worker thread of their own (db/ts-worker-entry.mjs), as readers are other browsers: until
// 7 December they ran on the server's own event loop, so every tile's time also counted the
// other readers' requests and replies queued in that loop. They still share the machine's cores.
import { Agent, get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';

/** A reader's view: Baghdad and around at zoom 8, as the page at 1280 × 800 shows it (12 tiles). */
export const VIEW = { z: 8, west: 42.2, south: 31.8, east: 46.6, north: 34.6 };
/** Steps each reader takes. */
const STEPS = 10;
const DAY = 86_400_000;

export interface Stepping {
  origin: string;
  readers: number;
  /** The first step's last day, ms since 1970. */
  start: number;
  /** All on the same days (a class following one tour), or each on its own. */
  sameDays: boolean;
}

export interface Stepped {
  /** Each tile's time, ms. */
  times: number[];
  /** Each tile's size as sent (gzipped, as the server sends a browser its tiles), bytes. */
  sizes: number[];
  /** Tiles served a second over the whole run. */
  perSecond: number;
}

/** The query of a one-year window ending on day `to` (ms since 1970). */
export function windowEnding(to: number): string {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `from=${iso(to - 365 * DAY)}&to=${iso(to)}`;
}

/** The tiles of VIEW at its zoom. */
export function viewTiles(): [number, number][] {
  const n = 2 ** VIEW.z;
  const x = (lng: number) => Math.floor(((lng + 180) / 360) * n);
  const y = (lat: number) => Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  const out: [number, number][] = [];
  for (let tx = x(VIEW.west); tx <= x(VIEW.east); tx++) for (let ty = y(VIEW.north); ty <= y(VIEW.south); ty++) out.push([tx, ty]);
  return out;
}

/**
 * A GET through `agent` that takes gzip, as a browser asks, its body read and inflated as a browser
 * inflates it; resolves with the status and the body's size as sent.
 */
function getWith(agent: Agent, url: string): Promise<[status: number, bytes: number]> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        // At once, as a browser's network process inflates (a zlib stream would wait on Node's thread pool for each chunk).
        if (res.headers['content-encoding'] === 'gzip') gunzipSync(body);
        resolve([res.statusCode ?? 0, body.length]);
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * Readers each stepping a one-year window forward a week at a time from `start`, as a slider
 * does: at each step all the view's tiles at once (as MapLibre asks for them), the next step once
 * they have come. On their own days, readers are three days apart, so no two ask for the same
 * window. Every tile's time and size is returned.
 */
export async function stepTogether({ origin, readers, start, sameDays }: Stepping): Promise<Stepped> {
  const tiles = viewTiles();
  const times: number[] = [];
  const sizes: number[] = [];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: readers }, async (_, reader) => {
      // Each reader a browser: at most 6 connections to the server at once, kept open (HTTP/1.1).
      const agent = new Agent({ keepAlive: true, maxSockets: 6 });
      for (let step = 0; step < STEPS; step++) {
        const to = start + ((sameDays ? 0 : reader * 3) + step * 7) * DAY;
        const query = windowEnding(to);
        await Promise.all(
          tiles.map(async ([x, y]) => {
            const began = performance.now();
            const [status, bytes] = await getWith(agent, `${origin}/${VIEW.z}/${x}/${y}.pbf?${query}`);
            if (status !== 200) throw new Error(`tile ${VIEW.z}/${x}/${y}: HTTP ${status}`);
            times.push(performance.now() - began);
            sizes.push(bytes);
          }),
        );
      }
      agent.destroy();
    }),
  );
  return { times, sizes, perSecond: times.length / ((performance.now() - began) / 1000) };
}

if (parentPort && workerData) parentPort.postMessage(await stepTogether(workerData as Stepping));
