// An indexed (palette) PNG of an opaque picture: its 256 most frequent colours, every other pixel
// given the nearest of them. The opening picture's land, water, borders and patterns are a few
// dozen colours and their antialiased edges: indexed, its PNG is a third of the full-colour one.
// https://www.w3.org/TR/png-3/ (IHDR colour type 3, PLTE, IDAT, IEND)
import { deflateSync } from 'node:zlib';
import { chunk } from '../lib/print/png.ts';

/** RGBA pixels (alpha ignored: the picture is opaque) → an indexed PNG. */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const counts = new Map<number, number>();
  for (let i = 0; i < rgba.length; i += 4) {
    const key = (rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const palette = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 256)
    .map(([key]) => key);
  const index = new Map(palette.map((key, i) => [key, i]));
  const nearest = (key: number) => {
    let [best, bestDistance] = [0, Infinity];
    palette.forEach((p, i) => {
      const d = ((p >> 16) - (key >> 16)) ** 2 + (((p >> 8) & 255) - ((key >> 8) & 255)) ** 2 + ((p & 255) - (key & 255)) ** 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    index.set(key, best);
    return best;
  };
  // Each row: filter type 0 (none), then one index a pixel.
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const key = (rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2];
      rows[y * (width + 1) + 1 + x] = index.get(key) ?? nearest(key);
    }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.from(palette.flatMap((key) => [key >> 16, (key >> 8) & 255, key & 255]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
