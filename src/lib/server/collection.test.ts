// What the map asks a collection server for: the window as a query, added to that server's tile
// requests only (the map's transformRequest), so that a new window reloads the same tiles.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../time/day.ts';
import { fetchMeta } from './collection.ts';
import { tileTemplate, windowedTile, windowQuery } from './window-query.ts';

describe('the window on the server’s tiles', () => {
  const base = 'http://127.0.0.1:7800';
  const query = windowQuery(dayFromIso('2006-11-15'), 'window', 365, ['violence', 'occupation']);

  it('asks for the window as ISO days and the tags as one list', () => {
    expect(query).toBe('from=2005-11-15&to=2006-11-15&tags=violence,occupation');
    expect(windowQuery(dayFromIso('2006-11-15'), 'cumulative', 365)).toBe('to=2006-11-15');
  });

  it('adds it to the server’s tiles and to nothing else', () => {
    const tile = tileTemplate(base).replace('{z}/{x}/{y}', '6/39/25');
    expect(windowedTile(tile, base, query)).toBe(`${base}/6/39/25.pbf?${query}`);
    // Another server whose address begins with this one's, and the server's other paths, are left alone.
    expect(windowedTile('http://127.0.0.1:78000/6/39/25.pbf', base, query)).toBe('http://127.0.0.1:78000/6/39/25.pbf');
    expect(windowedTile(`${base}/meta`, base, query)).toBe(`${base}/meta`);
    expect(windowedTile('http://127.0.0.1:4173/assets/atlas.json', base, query)).toBe('http://127.0.0.1:4173/assets/atlas.json');
  });
});

describe('a server that does not answer', () => {
  it('is given up on after the timeout, with a sentence naming it and the route', async () => {
    const { createServer } = await import('node:http');
    // Accepts the connection and never answers.
    const silent = createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const base = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      await expect(fetchMeta(base, 200)).rejects.toThrow(`The collection server at ${base} did not answer /meta within 0.2 s.`);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
