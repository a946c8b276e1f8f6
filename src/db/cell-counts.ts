// The counts kept ahead for the tiles (atlas.cell_days, atlas.cell_months in schema.sql), and the
// zoom where tiles turn to points, counted by the loader. PostgreSQL counted them after the copy,
// in six passes over the events and their pyramids: 29 of the 84 s the build took at 10,000,000
// events. Here each event leaves one number as it goes by: its zoom-16 tile and its day of start,
// which sort in the order of every level's (cell, day). Sorted once (1.3 s at 10,000,000), while
// PostgreSQL builds the events' indexes, every level is a pass down the sorted numbers, its rows
// coming out in the order of the index on them. (Counting into Maps as the rows went by cost the
// loader's main thread 14 s at 10,000,000 events, taken from the copy's two busy cores.)
import { FIRST_DAY as FIRST, LAST_DAY as LAST, monthOf } from './calendar.ts';

/** The deepest levels counted ahead: monthly counts to zoom-8 tiles, daily ones to zoom 4. */
const MONTH_TOP = 8;
const DAY_TOP = 4;
/** The zoom of the tiles in the keys: cells of every level counted ahead are made of them. */
const TILE_TOP = 16;

/** A key is tile × DAY_SPAN + (day − FIRST): 32 + 14 bits, exact in a double. */
const DAY_SPAN = 2 ** 14;
if (LAST - FIRST >= DAY_SPAN) throw new Error('cell-counts: the atlas’s days no longer fit the keys');

/** How far the counts go: the zoom tiles turn to points, and the levels counted ahead (-1: none). */
export interface CountLevels {
  rawFromZoom: number;
  pyramidLevel: number;
  dayLevel: number;
}

/** One level's rows, (cell, time, n), in the order of its index: by cell, then time. */
interface Rows {
  cells: Float64Array;
  times: Int32Array;
  ns: Int32Array;
  length: number;
}

/**
 * Items 0..n-1, in runs of the same cell (cellOf is monotone in i), counted by time: a cell's
 * counts gather in an array indexed by time − first, whose touched slots are written out in
 * order, then cleared.
 */
function countRuns(
  n: number,
  cellOf: (i: number) => number,
  timeOf: (i: number) => number,
  weightOf: (i: number) => number,
  first: number,
  last: number,
): Rows {
  const rows: Rows = { cells: new Float64Array(n), times: new Int32Array(n), ns: new Int32Array(n), length: 0 };
  const counts = new Int32Array(last - first + 1);
  const touched: number[] = [];
  for (let i = 0; i < n;) {
    const cell = cellOf(i);
    for (; i < n && cellOf(i) === cell; i++) {
      const slot = timeOf(i) - first;
      if (counts[slot] === 0) touched.push(slot);
      counts[slot] += weightOf(i);
    }
    touched.sort((a, b) => a - b);
    for (const slot of touched) {
      rows.cells[rows.length] = cell;
      rows.times[rows.length] = slot + first;
      rows.ns[rows.length++] = counts[slot];
      counts[slot] = 0;
    }
    touched.length = 0;
  }
  return rows;
}

/** Levels 0..top as COPY text (level, cell, time, n), 50,000 lines a batch, in the index's order. */
function* copyText(levels: Rows[]): Generator<string> {
  let text = '';
  let lines = 0;
  for (let level = 0; level < levels.length; level++) {
    const { cells, times, ns, length } = levels[level];
    for (let i = 0; i < length; i++) {
      text += `${level}\t${cells[i]}\t${times[i]}\t${ns[i]}\n`;
      if (++lines % 50_000 === 0) {
        yield text;
        text = '';
      }
    }
  }
  if (text) yield text;
}

export class CellCounts {
  private chunks: Float64Array[] = [];
  private chunk = new Float64Array(1 << 16);
  private filled = 0;
  private sortedKeys: Float64Array | null = null;

  /** One event: its Morton code (zoom 20) and its first day. */
  add(m: number, t0: number) {
    if (this.filled === this.chunk.length) {
      this.chunks.push(this.chunk);
      this.chunk = new Float64Array(this.chunk.length);
      this.filled = 0;
    }
    this.chunk[this.filled++] = Math.floor(m / 4 ** (20 - TILE_TOP)) * DAY_SPAN + (t0 - FIRST);
    this.sortedKeys = null;
  }

  /** Every key, sorted: what each level below is counted from. */
  private keys(): Float64Array {
    if (this.sortedKeys) return this.sortedKeys;
    const keys = new Float64Array(this.chunks.length * this.chunk.length + this.filled);
    this.chunks.forEach((chunk, i) => keys.set(chunk, i * chunk.length));
    keys.set(this.chunk.subarray(0, this.filled), this.chunks.length * this.chunk.length);
    return (this.sortedKeys = keys.sort());
  }

  /** The most events any tile at zoom z holds (a tile is a run of the sorted keys). */
  private densest(z: number): number {
    const keys = this.keys();
    const per = DAY_SPAN * 4 ** (TILE_TOP - z);
    let most = 0;
    for (let i = 0; i < keys.length;) {
      const tile = Math.floor(keys[i] / per);
      let j = i + 1;
      while (j < keys.length && Math.floor(keys[j] / per) === tile) j++;
      most = Math.max(most, j - i);
      i = j;
    }
    return most;
  }

  /**
   * Where tiles turn to points: the first zoom whose densest tile holds at most rawLimit events
   * (17 if none does); and the levels counted ahead, which stop a zoom short of it (deeper, the
   * counts would be nearly as many rows as the events). A tile holds all its children's events,
   * so the densest tile shrinks as the zoom grows: the zoom is found by halving 0..17.
   */
  levels(rawLimit: number): CountLevels {
    let [lo, hi] = [0, TILE_TOP + 1];
    while (lo < hi) {
      const z = (lo + hi) >> 1;
      if (this.densest(z) <= rawLimit) hi = z;
      else lo = z + 1;
    }
    const pyramidLevel = Math.min(lo - 1, MONTH_TOP);
    return { rawFromZoom: lo, pyramidLevel, dayLevel: Math.min(pyramidLevel, DAY_TOP) };
  }

  /** The rows of atlas.cell_days (level, c, day, n), levels 0 to dayLevel. */
  dayRows(dayLevel: number): Generator<string> {
    return copyText(this.pyramid(dayLevel, (day) => day, FIRST, LAST));
  }

  /** The rows of atlas.cell_months (level, c, month, n), levels 0 to pyramidLevel. */
  monthRows(pyramidLevel: number): Generator<string> {
    return copyText(this.pyramid(pyramidLevel, monthOf, monthOf(FIRST), monthOf(LAST)));
  }

  /**
   * Levels 0..top by time (timeOf: a day → a day or a month, first..last): the top one counted
   * from the sorted keys (a cell, zoom top + 6, is a run of them), each coarser one from the rows
   * of the level below it (its cells are theirs >> 2, runs too).
   */
  private pyramid(top: number, timeOf: (day: number) => number, first: number, last: number): Rows[] {
    const keys = this.keys();
    const per = DAY_SPAN * 4 ** (TILE_TOP - top - 6);
    const levels: Rows[] = [];
    if (top < 0) return levels;
    levels[top] = countRuns(
      keys.length,
      (i) => Math.floor(keys[i] / per),
      (i) => timeOf((keys[i] % DAY_SPAN) + FIRST),
      () => 1,
      first,
      last,
    );
    for (let level = top - 1; level >= 0; level--) {
      const below = levels[level + 1];
      levels[level] = countRuns(
        below.length,
        (i) => Math.floor(below.cells[i] / 4),
        (i) => below.times[i],
        (i) => below.ns[i],
        first,
        last,
      );
    }
    return levels;
  }
}
