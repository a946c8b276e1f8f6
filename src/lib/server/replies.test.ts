// A collection server's replies are checked before use (issue 37): a reply that fails names the
// server, the route and the field; thousands of generated replies never throw anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCells, checkCount, checkEventPage, checkMeta, ReplyError } from './replies.ts';

const server = 'http://127.0.0.1:8080';
const meta = {
  file: 'events.csv',
  rows_read: 20000,
  events: 19990,
  problems: 10,
  first_day: 0,
  last_day: 3000,
  west: 38.8,
  south: 29,
  east: 48.6,
  north: 37.4,
  raw_from_zoom: 9,
  longest_span: 30,
};
const event = { id: 1, row: 2, date: '2006-11-14', end_date: null, t0: 1413, t1: 1413, lng: 44.4, lat: 33.3, label: 'A', source: 'B', tags: ['violence'] };

describe('a collection server’s replies', () => {
  it('passes what the server sends', () => {
    expect(checkMeta(meta, server)).toMatchObject({ file: 'events.csv', events: 19990 });
    expect(checkMeta({ ...meta, first_day: null, last_day: null, west: null }, server).first_day).toBeNull();
    expect(checkCount({ count: 12 }, server)).toBe(12);
    expect(checkEventPage({ events: [event], next: '1413:1' }, server).events[0].label).toBe('A');
    expect(checkCells({ level: 6, cells: [[39, 25, 4]] }, server, 6)).toEqual([[39, 25, 4]]);
  });

  it.each([
    ['a list for the meta', () => checkMeta([], server), '/meta', 'its body'],
    ['a count as text', () => checkCount({ count: '12' }, server), '/count', 'count'],
    ['a negative count', () => checkCount({ count: -1 }, server), '/count', 'count'],
    ['a missing file name', () => checkMeta({ ...meta, file: undefined }, server), '/meta', 'file'],
    ['a huge label', () => checkEventPage({ events: [{ ...event, label: 'x'.repeat(5000) }], next: null }, server), '/events', 'events[0].label'],
    ['a longitude off the globe', () => checkEventPage({ events: [{ ...event, lng: 400 }], next: null }, server), '/events', 'events[0].lng'],
    ['an end before the start', () => checkEventPage({ events: [{ ...event, t1: 3 }], next: null }, server), '/events', 'events[0].t1'],
    ['a next key that is an object', () => checkEventPage({ events: [], next: {} }, server), '/events', 'next'],
    ['a cell outside its grid', () => checkCells({ cells: [[64, 0, 1]] }, server, 6), '/cells', 'cells[0][0]'],
    ['too many events', () => checkEventPage({ events: Array(1001).fill(event), next: null }, server), '/events', 'events'],
  ])('refuses %s, naming the server, the route and the field', (_, check, route, field) => {
    let thrown: unknown;
    try {
      check();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ReplyError);
    expect(thrown).toMatchObject({ server, route, field });
    expect((thrown as Error).message).toContain(server);
    expect((thrown as Error).message).toContain(route);
    expect((thrown as Error).message).toContain(field);
  });

  it('never throws anything but a ReplyError, and never passes a malformed value (fuzzed)', () => {
    const checks = [
      (v: unknown) => checkMeta(v, server),
      (v: unknown) => checkCount(v, server),
      (v: unknown) => checkEventPage(v, server),
      (v: unknown) => checkCells(v, server, 8),
    ];
    // Replies near the right shape (each field swapped for anything), and anything at all.
    const nearMeta = fc.record(Object.fromEntries(Object.keys(meta).map((k) => [k, fc.oneof(fc.constant(meta[k as keyof typeof meta]), fc.anything())])));
    const nearEvent = fc.record(Object.fromEntries(Object.keys(event).map((k) => [k, fc.oneof(fc.constant(event[k as keyof typeof event]), fc.anything())])));
    const reply = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      nearMeta,
      fc.record({ count: fc.anything() }),
      fc.record({ events: fc.array(nearEvent, { maxLength: 3 }), next: fc.oneof(fc.constant(null), fc.string(), fc.anything()) }),
      fc.record({ cells: fc.array(fc.array(fc.oneof(fc.integer({ min: -2, max: 300 }), fc.anything()), { maxLength: 4 }), { maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(reply, fc.integer({ min: 0, max: 3 }), (value, which) => {
        try {
          const passed = checks[which](value);
          // What passes is what the page may use: JSON numbers are finite, texts short.
          expect(JSON.stringify(passed)).not.toMatch(/null,null|NaN|Infinity/);
        } catch (e) {
          if (!(e instanceof ReplyError)) throw e;
          expect(e.message).toMatch(/^The collection server at http:\/\/127\.0\.0\.1:8080 answered \/\w+ with \S/);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
