// Whether the page is connected to the collection server the view names (issue 37). The view's
// `db` is what the link (or the reader) asked for; `connected` is what the page may send requests
// to. They differ while a link names a server on another origin that the reader has not agreed
// to: until **Connect**, nothing at all goes to it (no meta, no count, no tile, no figure cells).
import { createContext } from 'svelte';
import type { ViewState } from '../state/view.svelte.ts';
import { mayConnect, readTrusted, serverOrigin, writeTrusted } from './trust.ts';

function localStore(): Storage | null {
  try {
    return localStorage;
  } catch {
    // A browser that refuses storage: trust lasts for the visit.
    return null;
  }
}

export class ServerAccess {
  /** Origins the reader has connected to, kept in this browser. */
  trusted = $state<string[]>([]);
  /** An origin the reader said "Not now" to, this visit: not asked again until the link changes. */
  declined = $state<string | null>(null);
  /** Tiles of the server MapLibre could not read, this connection: counted, never thrown (issue 37). */
  tileFailures = $state(0);
  lastTileFailure = $state('');

  constructor(
    private view: ViewState,
    readonly pageOrigin: string = location.origin,
    private storage: Storage | null = localStore(),
  ) {
    this.trusted = readTrusted(storage);
  }

  /** The origin the view's server is on, or null when it names none. */
  get origin(): string | null {
    return this.view.db ? serverOrigin(this.view.db, this.pageOrigin) : null;
  }

  /** The server the page may send requests to: the view's, once allowed; else null. */
  get connected(): string | null {
    const base = this.view.db;
    return base && mayConnect(base, this.pageOrigin, this.trusted) ? base : null;
  }

  /** The origin the page is asking the reader about, or null. */
  get asking(): string | null {
    return this.view.db && !this.connected && this.origin !== this.declined ? this.origin : null;
  }

  /** The reader agrees: the view's server's origin is kept as trusted, and the page connects. */
  connect(base: string | null = this.view.db): void {
    if (!base) return;
    this.view.db = base;
    const origin = serverOrigin(base, this.pageOrigin);
    this.declined = null;
    this.tileFailures = 0;
    this.lastTileFailure = '';
    if (origin === this.pageOrigin || this.trusted.includes(origin)) return;
    this.trusted = [...this.trusted, origin];
    writeTrusted(this.storage, this.trusted);
  }

  notNow(): void {
    this.declined = this.origin;
  }

  /** Takes an origin off the list; if the page is connected to it, it stops asking it at once. */
  forget(origin: string): void {
    this.trusted = this.trusted.filter((o) => o !== origin);
    writeTrusted(this.storage, this.trusted);
  }

  disconnect(): void {
    this.view.db = null;
    this.declined = null;
    this.tileFailures = 0;
    this.lastTileFailure = '';
  }

  tileFailed(message: string): void {
    this.tileFailures++;
    this.lastTileFailure = message;
  }
}

export const [getServerAccess, setServerAccess] = createContext<ServerAccess>();
