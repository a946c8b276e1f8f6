// What a collection server's JSON replies must hold before the page uses them (issue 37). A
// server is named by a link, so its replies are untrusted input: each is checked field by field
// (type, range, size), and one that fails throws a ReplyError naming the server, the route and
// the field. Nothing of a failed reply is used. Pure.
import type { CollectionMeta, EventPage, ServerEvent } from './collection.ts';

/** The most any reply may carry: a page's events, a figure's cells, a string's characters. */
export const REPLY_LIMITS = { events: 1000, cells: 500_000, text: 2000, tags: 50, key: 200 } as const;

export class ReplyError extends Error {
  constructor(
    readonly server: string,
    readonly route: string,
    readonly field: string,
    why: string,
  ) {
    super(`The collection server at ${server} answered ${route} with ${field} ${why}; nothing of that answer is used.`);
    this.name = 'ReplyError';
  }
}

type Where = { server: string; route: string };

const fail = (at: Where, field: string, why: string): never => {
  throw new ReplyError(at.server, at.route, field, why);
};

function object(value: unknown, at: Where, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(at, field, 'not an object');
  return value as Record<string, unknown>;
}

function number(o: Record<string, unknown>, key: string, at: Where, field: string, { min = -Infinity, max = Infinity, integer = false } = {}): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(at, field, `not a number (${describe(v)})`);
  if (integer && !Number.isInteger(v)) fail(at, field, `not a whole number (${v})`);
  if (v < min || v > max) fail(at, field, `out of range (${v}; expected ${min} to ${max})`);
  return v;
}

const orNull = (o: Record<string, unknown>, key: string, at: Where, range: Parameters<typeof number>[4]) =>
  o[key] === null ? null : number(o, key, at, key, range);

function text(o: Record<string, unknown>, key: string, at: Where, field: string, max: number = REPLY_LIMITS.text): string {
  const v = o[key];
  if (typeof v !== 'string') return fail(at, field, `not text (${describe(v)})`);
  if (v.length > max) fail(at, field, `too long (${v.length} characters; at most ${max})`);
  return v;
}

function list(o: Record<string, unknown>, key: string, at: Where, field: string, max: number): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) return fail(at, field, `not a list (${describe(v)})`);
  if (v.length > max) fail(at, field, `too long (${v.length} items; at most ${max})`);
  return v;
}

/** A value as a message names it: its type, and a short form of it. */
function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `text “${v.slice(0, 20)}${v.length > 20 ? '…' : ''}”`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v).slice(0, 20)}`;
}

const LNG = { min: -180, max: 180 };
const LAT = { min: -90, max: 90 };
/** A day number (days since 2003-01-01) of any date a collection can hold: years 1 to 9999. */
const DAY = { min: -800_000, max: 3_000_000, integer: true };
const COUNT = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };

export function checkMeta(value: unknown, server: string): CollectionMeta {
  const at = { server, route: '/meta' };
  const o = object(value, at, 'its body');
  const meta: CollectionMeta = {
    file: text(o, 'file', at, 'file'),
    rows_read: number(o, 'rows_read', at, 'rows_read', COUNT),
    events: number(o, 'events', at, 'events', COUNT),
    problems: number(o, 'problems', at, 'problems', COUNT),
    // An empty collection has no days and no box: null there is an honest answer.
    first_day: orNull(o, 'first_day', at, DAY),
    last_day: orNull(o, 'last_day', at, DAY),
    west: orNull(o, 'west', at, LNG),
    south: orNull(o, 'south', at, LAT),
    east: orNull(o, 'east', at, LNG),
    north: orNull(o, 'north', at, LAT),
    raw_from_zoom: number(o, 'raw_from_zoom', at, 'raw_from_zoom', { min: 0, max: 24, integer: true }),
  };
  if (meta.first_day !== null && meta.last_day !== null && meta.last_day < meta.first_day)
    fail(at, 'last_day', `before first_day (${meta.last_day} < ${meta.first_day})`);
  return meta;
}

export function checkCount(value: unknown, server: string): number {
  const at = { server, route: '/count' };
  return number(object(value, at, 'its body'), 'count', at, 'count', COUNT);
}

function checkEvent(value: unknown, at: Where, i: number): ServerEvent {
  const field = (key: string) => `events[${i}].${key}`;
  const o = object(value, at, `events[${i}]`);
  const endDate = o.end_date;
  if (endDate !== null && typeof endDate !== 'string') fail(at, field('end_date'), `neither text nor null (${describe(endDate)})`);
  const tags = list(o, 'tags', at, field('tags'), REPLY_LIMITS.tags);
  for (const [j, tag] of tags.entries())
    if (typeof tag !== 'string' || tag.length > 100) fail(at, `${field('tags')}[${j}]`, `not a short text (${describe(tag)})`);
  const event: ServerEvent = {
    id: number(o, 'id', at, field('id'), COUNT),
    row: number(o, 'row', at, field('row'), COUNT),
    date: text(o, 'date', at, field('date'), 100),
    end_date: endDate === null ? null : text(o, 'end_date', at, field('end_date'), 100),
    t0: number(o, 't0', at, field('t0'), DAY),
    t1: number(o, 't1', at, field('t1'), DAY),
    lng: number(o, 'lng', at, field('lng'), LNG),
    lat: number(o, 'lat', at, field('lat'), LAT),
    label: text(o, 'label', at, field('label')),
    source: text(o, 'source', at, field('source')),
    tags: tags as string[],
  };
  if (event.t1 < event.t0) fail(at, field('t1'), `before t0 (${event.t1} < ${event.t0})`);
  return event;
}

export function checkEventPage(value: unknown, server: string): EventPage {
  const at = { server, route: '/events' };
  const o = object(value, at, 'its body');
  const events = list(o, 'events', at, 'events', REPLY_LIMITS.events).map((e, i) => checkEvent(e, at, i));
  const next = o.next;
  if (next !== null && typeof next !== 'string') fail(at, 'next', `neither text nor null (${describe(next)})`);
  return { events, next: next === null ? null : text(o, 'next', at, 'next', REPLY_LIMITS.key) };
}

/** The cells of a level: [column, row, events] each, the column and row inside the level's grid. */
export function checkCells(value: unknown, server: string, level: number): [number, number, number][] {
  const at = { server, route: '/cells' };
  const cells = list(object(value, at, 'its body'), 'cells', at, 'cells', REPLY_LIMITS.cells);
  const edge = 2 ** level;
  return cells.map((cell, i) => {
    if (!Array.isArray(cell) || cell.length !== 3) return fail(at, `cells[${i}]`, `not [column, row, events] (${describe(cell)})`);
    const o = { c: cell[0], r: cell[1], n: cell[2] };
    return [
      number(o, 'c', at, `cells[${i}][0]`, { min: 0, max: edge - 1, integer: true }),
      number(o, 'r', at, `cells[${i}][1]`, { min: 0, max: edge - 1, integer: true }),
      number(o, 'n', at, `cells[${i}][2]`, { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true }),
    ];
  });
}
