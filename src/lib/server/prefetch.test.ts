import { afterEach, describe, expect, it, vi } from 'vitest';
import { predictedDay, TilePrefetch, tileUrl } from './prefetch.ts';
import { windowedTile } from './collection.ts';

describe('predictedDay', () => {
  it('goes as far again, the same way', () => {
    expect(predictedDay(400, 430, 78, 3273)).toBe(460);
    expect(predictedDay(430, 400, 78, 3273)).toBe(370);
    expect(predictedDay(1000, 1001, 78, 3273)).toBe(1002);
  });

  it('predicts nothing after no move of the date, or past either end', () => {
    expect(predictedDay(430, 430, 78, 3273)).toBeNull();
    expect(predictedDay(3200, 3250, 78, 3273)).toBeNull();
    expect(predictedDay(120, 90, 78, 3273)).toBeNull();
  });
});

describe('TilePrefetch', () => {
  const asked: { url: string; signal: AbortSignal }[] = [];
  vi.stubGlobal('fetch', (url: string, init: { signal: AbortSignal }) => {
    asked.push({ url, signal: init.signal });
    return Promise.resolve(new Response(new ArrayBuffer(4)));
  });
  afterEach(() => void asked.splice(0));
  const base = 'http://127.0.0.1:8090';
  const tiles = [
    { z: 6, x: 39, y: 25 },
    { z: 6, x: 40, y: 25 },
  ];

  it('asks for each tile with the window, as the map will (collection.ts windowedTile)', () => {
    new TilePrefetch().ask(base, tiles, 'from=2005-08-01&to=2005-10-30');
    expect(asked.map((a) => a.url)).toEqual(tiles.map(({ z, x, y }) => windowedTile(`${base}/${z}/${x}/${y}.pbf`, base, 'from=2005-08-01&to=2005-10-30')));
    expect(tileUrl(base, tiles[0], 'to=2005-10-30')).toBe(`${base}/6/39/25.pbf?to=2005-10-30`);
  });

  it('asks once per window, keeps what the window came to, and stops what it did not', () => {
    const prefetch = new TilePrefetch();
    prefetch.ask(base, tiles, 'to=2005-10-30');
    prefetch.ask(base, tiles, 'to=2005-10-30');
    expect(asked).toHaveLength(2);
    prefetch.settle('to=2005-10-30');
    expect(asked.every((a) => !a.signal.aborted)).toBe(true);
    prefetch.ask(base, tiles, 'to=2005-11-29');
    expect(asked).toHaveLength(4);
    prefetch.settle('to=2006-01-01');
    expect(asked.map((a) => a.signal.aborted)).toEqual([true, true, true, true]);
    // Stopped, the same window may be asked again.
    prefetch.ask(base, tiles, 'to=2005-11-29');
    expect(asked).toHaveLength(6);
  });
});
