// The serve command's tile cache: a tile asked for by many at once is drawn once, kept within a
// budget, least recently used out first.
import { describe, expect, it } from 'vitest';
import { TileCache } from './tile-cache.ts';

describe('the tile cache', () => {
  it('draws a tile asked for twenty times at once only once, and answers all twenty with it', async () => {
    const cache = new TileCache();
    let draws = 0;
    const draw = async () => {
      draws++;
      await new Promise((r) => setTimeout(r, 20));
      return Buffer.from('tile');
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get('w 8/1/2', draw)));
    expect(draws).toBe(1);
    expect(answers.every((a) => a.toString() === 'tile')).toBe(true);
    expect([cache.draws, cache.hits]).toEqual([1, 19]);
    // Another window of the same tile is another tile.
    await cache.get('w2 8/1/2', draw);
    expect(draws).toBe(2);
  });

  it('keeps no more than its budget, letting the least recently used go first', async () => {
    const cache = new TileCache(10);
    const tile = (s: string) => async () => Buffer.from(s);
    await cache.get('a', tile('aaaa'));
    await cache.get('b', tile('bbbb'));
    await cache.get('a', tile('never'));
    await cache.get('c', tile('cccc')); // 12 bytes: b, the least recently used, goes
    let drawn = '';
    await cache.get('b', async () => Buffer.from((drawn = 'BBBB')));
    expect(drawn).toBe('BBBB');
    // b back in pushed out a, now the least recently used; c stays.
    expect((await cache.get('c', tile('never'))).toString()).toBe('cccc');
    expect((await cache.get('a', tile('AAAA'))).toString()).toBe('AAAA');
  });

  it('does not keep a drawing that failed: the next reader draws again', async () => {
    const cache = new TileCache();
    await expect(cache.get('k', async () => Promise.reject(new Error('timeout')))).rejects.toThrow('timeout');
    expect((await cache.get('k', async () => Buffer.from('ok'))).toString()).toBe('ok');
  });
});
