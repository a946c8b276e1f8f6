// Which collection servers the page may ask for events without asking the reader first (issue 37).
// A link is written by someone else: it may name a server, never make the page call it. The
// page's own origin needs no question (it served the page); any other origin is asked about once
// and, once the reader has connected to it, kept in this browser's list (per origin, removable in
// the collection panel). Pure, but for the storage it is handed.

/** Where the origins the reader has connected to are kept (localStorage), as a JSON array. */
export const TRUSTED_KEY = 'iraq-war-atlas:trusted-servers';

/** The origin a server address reaches: a path ("/db") is the page's own. */
export function serverOrigin(base: string, pageOrigin: string): string {
  if (base.startsWith('/')) return pageOrigin;
  try {
    return new URL(base).origin;
  } catch {
    // validServer lets no such address through; an unreadable one is never the page's own.
    return base;
  }
}

/** Whether the page may ask `base` for events without a question: its own origin, or one the reader trusts. */
export function mayConnect(base: string, pageOrigin: string, trusted: readonly string[]): boolean {
  const origin = serverOrigin(base, pageOrigin);
  return origin === pageOrigin || trusted.includes(origin);
}

/** A web origin as URL writes it (scheme, host, port; nothing more), or null. */
function asOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

/** The trusted origins kept in `storage`; anything else found there (a hand edit, an older shape) is ignored. */
export function readTrusted(storage: Pick<Storage, 'getItem'> | null): string[] {
  try {
    const kept: unknown = JSON.parse(storage?.getItem(TRUSTED_KEY) ?? '[]');
    return Array.isArray(kept) ? [...new Set(kept.map(asOrigin).filter((o): o is string => o !== null))] : [];
  } catch {
    return [];
  }
}

/** Keeps the list; a storage that refuses (a private window) keeps nothing, and the page asks again next visit. */
export function writeTrusted(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, origins: readonly string[]): void {
  try {
    if (origins.length) storage?.setItem(TRUSTED_KEY, JSON.stringify(origins));
    else storage?.removeItem(TRUSTED_KEY);
  } catch {
    // Nothing to do: the list lasts for this visit.
  }
}
