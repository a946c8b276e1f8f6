// Imported events as columns of numbers, ready for the GPU: Web Mercator x and y in 0..1 (as
// MapLibre's custom layers take them), and first and last day. Built row by row in growable
// typed arrays, then handed over without copying (transferable buffers). Labels and sources are
// packed into one string each (PackedStrings): 2,000,000 separate strings, even empty ones, cost
// the page a pause of a few hundred milliseconds to receive from the worker.
import type { ImportedRow } from './rows.ts';
import { mercatorUnit } from '../look/mercator.ts';

/** Many short strings as one, with where each ends: one string and one transferable array to send. */
export interface PackedStrings {
  text: string;
  ends: Uint32Array;
}

/** The i-th string of a packed column. */
export const stringAt = (p: PackedStrings, i: number): string => p.text.slice(i ? p.ends[i - 1] : 0, p.ends[i]);

/** Every string of a packed column (for tests and small sets). */
export const unpack = (p: PackedStrings): string[] => Array.from(p.ends, (_, i) => stringAt(p, i));

/** Strings appended one by one, packed at the end. */
class StringPacker {
  private parts: string[] = [];
  private length = 0;
  ends = new Uint32Array(1024);
  push(i: number, value: string) {
    if (i === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    if (value) this.parts.push(value);
    this.length += value.length;
    this.ends[i] = this.length;
  }
  finish(n: number): PackedStrings {
    return { text: this.parts.join(''), ends: this.ends.slice(0, n) };
  }
}

export interface ImportedSet {
  name: string;
  count: number;
  x: Float32Array;
  y: Float32Array;
  t0: Float32Array;
  t1: Float32Array;
  labels: PackedStrings;
  sources: PackedStrings;
  lngLat: Float64Array;
  /** Each event's spreadsheet row (header = 1) or GeoJSON feature index. */
  rows: Int32Array;
}

export class EventColumns {
  count = 0;
  private capacity = 1024;
  x = new Float32Array(this.capacity);
  y = new Float32Array(this.capacity);
  t0 = new Float32Array(this.capacity);
  t1 = new Float32Array(this.capacity);
  lngLat = new Float64Array(this.capacity * 2);
  rows = new Int32Array(this.capacity);
  private labels = new StringPacker();
  private sources = new StringPacker();

  push(e: ImportedRow): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    [this.x[i], this.y[i]] = mercatorUnit(e.lng, e.lat);
    this.t0[i] = e.t0;
    this.t1[i] = e.t1;
    this.lngLat[2 * i] = e.lng;
    this.lngLat[2 * i + 1] = e.lat;
    this.rows[i] = e.row;
    this.labels.push(i, e.label);
    this.sources.push(i, e.source);
  }

  private grow() {
    this.capacity *= 2;
    const grown = <T extends Float32Array | Float64Array | Int32Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.x = grown(this.x, this.capacity);
    this.y = grown(this.y, this.capacity);
    this.t0 = grown(this.t0, this.capacity);
    this.t1 = grown(this.t1, this.capacity);
    this.lngLat = grown(this.lngLat, this.capacity * 2);
    this.rows = grown(this.rows, this.capacity);
  }

  /** The filled part, trimmed to size. */
  finish(name: string): ImportedSet {
    const n = this.count;
    return {
      name,
      count: n,
      x: this.x.slice(0, n),
      y: this.y.slice(0, n),
      t0: this.t0.slice(0, n),
      t1: this.t1.slice(0, n),
      lngLat: this.lngLat.slice(0, 2 * n),
      rows: this.rows.slice(0, n),
      labels: this.labels.finish(n),
      sources: this.sources.finish(n),
    };
  }
}
