// A collection served from PostGIS (npm run db -- serve, src/db/serve.ts): what the atlas asks of
// it. The window is the slider's, in the same terms as the shipped events (time/window.ts): in
// window mode the days t - windowDays .. t, in cumulative mode everything begun by t. Every
// failure comes back as a sentence naming the server and what it said.
import { isoDay } from '../time/day.ts';
import type { TimeMode } from '../time/window.ts';

export interface CollectionMeta {
  file: string;
  rows_read: number;
  events: number;
  problems: number;
  first_day: number;
  last_day: number;
  west: number;
  south: number;
  east: number;
  north: number;
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

/** The query every request shares: the window as ISO days (from absent in cumulative mode), and the tags. */
export function windowQuery(t: number, mode: TimeMode, windowDays: number, tags: string[] = []): string {
  const params = new URLSearchParams();
  if (mode === 'window') params.set('from', isoDay(t - windowDays));
  params.set('to', isoDay(t));
  if (tags.length) params.set('tags', tags.join(','));
  return params.toString().replace(/%2C/g, ',');
}

/** The tile URL template MapLibre fills in; the window's query is added to each request (windowedTile). */
export const tileTemplate = (base: string) => `${base}/{z}/{x}/{y}.pbf`;

/** A tile URL of the server at `base` with the window's query added; any other URL as it is. */
export function windowedTile(url: string, base: string, query: string): string {
  return url.startsWith(`${base}/`) && url.endsWith('.pbf') ? `${url}?${query}` : url;
}

const bboxParam = (b: [number, number, number, number]) => b.map((v) => v.toFixed(5)).join(',');

async function ask<T>(base: string, path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`);
  } catch (e) {
    throw new Error(`The collection server at ${base} did not answer (${(e as Error).message}). Is npm run db -- serve running?`, { cause: e });
  }
  const body = await response.text();
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new Error(`The collection server at ${base} answered ${path.split('?')[0]} with something that is not JSON (HTTP ${response.status}).`);
  }
  if (!response.ok)
    throw new Error(`The collection server at ${base} refused ${path.split('?')[0]}: ${(value as { error?: string }).error ?? `HTTP ${response.status}`}`);
  return value as T;
}

export const fetchMeta = (base: string) => ask<CollectionMeta>(base, '/meta');

export async function fetchCount(base: string, query: string, bbox: [number, number, number, number]): Promise<number> {
  return (await ask<{ count: number }>(base, `/count?${query}&bbox=${bboxParam(bbox)}`)).count;
}

export function fetchEvents(base: string, query: string, bbox: [number, number, number, number], after: string | null, limit: number): Promise<EventPage> {
  return ask<EventPage>(base, `/events?${query}&bbox=${bboxParam(bbox)}&limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
}

/** The counts per cell of the Web Mercator grid at a zoom over a box (serve.ts /cells): [column, row, events] each. */
export async function fetchCells(base: string, query: string, level: number, bbox: [number, number, number, number]): Promise<[number, number, number][]> {
  return (await ask<{ cells: [number, number, number][] }>(base, `/cells?${query}&level=${level}&bbox=${bboxParam(bbox)}`)).cells;
}
