// Which servers a link may make the page contact without asking (issue 37): its own origin only,
// and the origins the reader has connected to before.
import { describe, expect, it } from 'vitest';
import { mayConnect, readTrusted, serverOrigin, TRUSTED_KEY, writeTrusted } from './trust.ts';

const page = 'http://127.0.0.1:4173';

/** A Storage-shaped map, as localStorage is. */
function memory(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

describe('which collection servers the page may ask without a question', () => {
  it('takes a path as the page’s own origin, and a full address as its own origin', () => {
    expect(serverOrigin('/db', page)).toBe(page);
    expect(serverOrigin('http://host.example:8080/some/path', page)).toBe('http://host.example:8080');
  });

  it('asks about every other origin, a port or a scheme apart included', () => {
    expect(mayConnect('/db', page, [])).toBe(true);
    expect(mayConnect(`${page}/db`, page, [])).toBe(true);
    expect(mayConnect('http://127.0.0.1:8080', page, [])).toBe(false);
    expect(mayConnect('https://127.0.0.1:4173', page, [])).toBe(false);
    expect(mayConnect('http://localhost:4173', page, [])).toBe(false);
    // A look-alike address that starts with the page's own is another origin.
    expect(mayConnect('http://127.0.0.1:41730', page, [])).toBe(false);
  });

  it('connects without asking to an origin the reader trusts, whatever its path', () => {
    expect(mayConnect('http://127.0.0.1:8080/collection', page, ['http://127.0.0.1:8080'])).toBe(true);
    expect(mayConnect('http://127.0.0.1:8081', page, ['http://127.0.0.1:8080'])).toBe(false);
  });

  it('keeps the list in storage and reads back only origins from it', () => {
    const storage = memory();
    writeTrusted(storage, ['http://127.0.0.1:8080', 'https://data.example.org']);
    expect(readTrusted(storage)).toEqual(['http://127.0.0.1:8080', 'https://data.example.org']);
    writeTrusted(storage, []);
    expect(storage.items.has(TRUSTED_KEY)).toBe(false);
    // A hand edit or an older shape: what is not an origin is ignored, the rest kept.
    const edited = memory({ [TRUSTED_KEY]: JSON.stringify(['http://127.0.0.1:8080', 'http://x.org/path', 'javascript:alert(1)', 7, null]) });
    expect(readTrusted(edited)).toEqual(['http://127.0.0.1:8080']);
    expect(readTrusted(memory({ [TRUSTED_KEY]: '{not json' }))).toEqual([]);
    expect(readTrusted(null)).toEqual([]);
  });
});
