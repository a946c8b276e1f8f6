// Tiles drawn once for everyone who asks for them (issue 37). A class following one tour, or
// twenty readers stepping the slider together, ask for the same tiles of the same windows within
// milliseconds of each other: the first request draws the tile, the others wait for that drawing
// (never a second one), and later ones get it from memory until the budget pushes it out, least
// recently used first. The key names the load (serve.ts's ETag), so a new load is never served
// from a kept tile.
export class TileCache {
  private kept = new Map<string, Buffer>();
  private drawing = new Map<string, Promise<Buffer>>();
  private bytes = 0;
  /** Tiles answered from memory or from a drawing already under way, and tiles drawn. */
  hits = 0;
  draws = 0;

  constructor(private budget = 64 * 1024 * 1024) {}

  async get(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
    const kept = this.kept.get(key);
    if (kept) {
      // Most recently used last: a Map iterates in insertion order.
      this.kept.delete(key);
      this.kept.set(key, kept);
      this.hits++;
      return kept;
    }
    const under = this.drawing.get(key);
    if (under) {
      this.hits++;
      return under;
    }
    this.draws++;
    const drawn = draw().finally(() => this.drawing.delete(key));
    this.drawing.set(key, drawn);
    const tile = await drawn;
    this.keep(key, tile);
    return tile;
  }

  private keep(key: string, tile: Buffer) {
    if (tile.length > this.budget || this.kept.has(key)) return;
    this.kept.set(key, tile);
    this.bytes += tile.length;
    for (const [old, body] of this.kept) {
      if (this.bytes <= this.budget) break;
      this.kept.delete(old);
      this.bytes -= body.length;
    }
  }
}

/** One answer for every caller that asks while it is being found; the next caller after it asks again. */
export class Shared<T> {
  private pending: Promise<T> | null = null;
  constructor(private find: () => Promise<T>) {}
  read(): Promise<T> {
    return (this.pending ??= this.find().finally(() => (this.pending = null)));
  }
}
