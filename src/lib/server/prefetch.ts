// The next step's tiles, asked for ahead. On the map, most of what a slider step over a served
// collection costs beyond a repaint is waiting for PostgreSQL to draw its tiles (README, the
// server mode). A reader moves on as they moved last: the arrow key a day at a time, Page Down a
// month, play by its step. So once the map is still after a move of the date, the tiles in view
// are asked for the window one more such move away. The browser keeps them (the server marks each
// tile with the collection's load, serve.ts), and when the move comes, MapLibre's requests for
// them are answered from there after a 304. A move elsewhere stops what was asked ahead.

/** The day the reader is likely to move to next: as far again, the same way; null after no move, or past an end. */
export function predictedDay(previous: number, current: number, first: number, last: number): number | null {
  const next = current + (current - previous);
  return next === current || next < first || next > last ? null : next;
}

/** A tile's URL as the map asks for it: the server's template filled in, and the window's query. */
export const tileUrl = (base: string, { z, x, y }: { z: number; x: number; y: number }, query: string) => `${base}/${z}/${x}/${y}.pbf?${query}`;

export class TilePrefetch {
  #query: string | null = null;
  #controller: AbortController | null = null;

  /** Asks for the tiles of the window `query` ahead; anything asked for another window is stopped. */
  ask(base: string, tiles: { z: number; x: number; y: number }[], query: string): void {
    if (this.#query === query) return;
    this.#stop();
    this.#query = query;
    this.#controller = new AbortController();
    const { signal } = this.#controller;
    for (const tile of tiles) {
      // Its body is read to the end, so the browser stores the whole tile. A failure is left to
      // the map: it asks again when the step comes, and says so there if it fails again.
      fetch(tileUrl(base, tile, query), { signal })
        .then((r) => r.arrayBuffer())
        .catch(() => {});
    }
  }

  /** The window is now `query`: tiles asked ahead for any other are no longer wanted. */
  settle(query: string | null): void {
    if (this.#query !== query) this.#stop();
  }

  #stop(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.#query = null;
  }
}
