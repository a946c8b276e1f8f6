// Imported events as columns of numbers, ready for the GPU: Web Mercator x and y in 0..1 (as
// MapLibre's custom layers take them), and first and last day. Built row by row in growable
// typed arrays, then handed over without copying (transferable buffers).
import type { ImportedRow } from './rows.ts';
import { mercatorUnit } from '../map/mercator.ts';

export interface ImportedSet {
  name: string;
  count: number;
  x: Float32Array;
  y: Float32Array;
  t0: Float32Array;
  t1: Float32Array;
  labels: string[];
  sources: string[];
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
  labels: string[] = [];
  sources: string[] = [];

  push(e: ImportedRow): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    [this.x[i], this.y[i]] = mercatorUnit(e.lng, e.lat);
    this.t0[i] = e.t0;
    this.t1[i] = e.t1;
    this.lngLat[2 * i] = e.lng;
    this.lngLat[2 * i + 1] = e.lat;
    this.rows[i] = e.row;
    this.labels.push(e.label);
    this.sources.push(e.source);
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
      labels: this.labels,
      sources: this.sources,
    };
  }
}
