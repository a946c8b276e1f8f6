// A collection served from PostGIS (npm run db -- serve, src/db/serve.ts): what the atlas asks of
// it (the meta, the count, a page of events, a figure's cells) for the slider's window, written by
// window-query.ts. Every failure comes back as a sentence naming the server and what it said;
// every reply is checked before use (replies.ts), since a link may name any server.
import { checkCells, checkCount, checkEventPage, checkMeta } from './replies.ts';

export interface CollectionMeta {
  file: string;
  rows_read: number;
  events: number;
  problems: number;
  /** Null where the collection holds no event. */
  first_day: number | null;
  last_day: number | null;
  west: number | null;
  south: number | null;
  east: number | null;
  north: number | null;
  raw_from_zoom: number;
}

export interface ServerEvent {
  id: number;
  row: number;
  date: string;
  end_date: string | null;
  t0: number;
  t1: number;
  lng: number;
  lat: number;
  label: string;
  source: string;
  tags: string[];
}

export interface EventPage {
  events: ServerEvent[];
  /** The key of the next page, or null on the last. */
  next: string | null;
}

const bboxParam = (b: [number, number, number, number]) => b.map((v) => v.toFixed(5)).join(',');

/** How long the page waits for a reply before it says the server did not answer. */
export const REPLY_TIMEOUT_MS = 15_000;

/** Asks `base` for `path` and returns the reply's JSON once `check` has passed it (replies.ts). */
async function ask<T>(base: string, path: string, check: (value: unknown, server: string) => T, timeoutMs = REPLY_TIMEOUT_MS): Promise<T> {
  const route = path.split('?')[0];
  let response: Response;
  let body: string;
  try {
    // No cookies or credentials go with a request to a server a link named.
    response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs), credentials: 'omit', referrerPolicy: 'no-referrer' });
    body = await response.text();
  } catch (e) {
    if ((e as Error).name === 'TimeoutError')
      throw new Error(`The collection server at ${base} did not answer ${route} within ${timeoutMs / 1000} s.`, { cause: e });
    throw new Error(`The collection server at ${base} did not answer (${(e as Error).message}). Is npm run db -- serve running?`, { cause: e });
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new Error(`The collection server at ${base} answered ${route} with something that is not JSON (HTTP ${response.status}).`);
  }
  if (!response.ok) {
    const said = typeof (value as { error?: unknown })?.error === 'string' ? (value as { error: string }).error.slice(0, 300) : `HTTP ${response.status}`;
    throw new Error(`The collection server at ${base} refused ${route}: ${said}`);
  }
  return check(value, base);
}

export const fetchMeta = (base: string, timeoutMs = REPLY_TIMEOUT_MS) => ask(base, '/meta', checkMeta, timeoutMs);

export const fetchCount = (base: string, query: string, bbox: [number, number, number, number]): Promise<number> =>
  ask(base, `/count?${query}&bbox=${bboxParam(bbox)}`, checkCount);

export function fetchEvents(base: string, query: string, bbox: [number, number, number, number], after: string | null, limit: number): Promise<EventPage> {
  return ask(base, `/events?${query}&bbox=${bboxParam(bbox)}&limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`, checkEventPage);
}

/** The counts per cell of the Web Mercator grid at a zoom over a box (serve.ts /cells): [column, row, events] each. */
export const fetchCells = (base: string, query: string, level: number, bbox: [number, number, number, number]): Promise<[number, number, number][]> =>
  ask(base, `/cells?${query}&level=${level}&bbox=${bboxParam(bbox)}`, (v, server) => checkCells(v, server, level));
