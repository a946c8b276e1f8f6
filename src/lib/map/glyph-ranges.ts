// The map's label glyphs, prepared at build time (issue 44): signed distance fields of Noto Sans
// in MapLibre's glyph ranges (256 code points a file, the format of mapbox/glyph-pbf and
// node-fontnik), served from the page's own origin. Without them MapLibre drew every glyph of the
// first screen's labels with the browser's canvas (TinySDF) on the main thread as the map loaded.
//
// A glyph is drawn at MapLibre's 24 px em with a 3 px border; each pixel holds its distance from
// the outline, 8 px to the full range, the edge at 192 (fontnik's cutoff of 0.25: MapLibre's SDF
// shader draws the fill at 0.75 and widens the halo from there). Computed from the outline itself,
// not from a raster. Arabic never comes from a glyph range: MapLibre shapes it with the browser.
// https://github.com/mapbox/node-fontnik · https://github.com/mapbox/glyph-pbf-composite
import type { Font } from 'fontkit';
import type { FigureFonts } from '../print/fonts.ts';

/** MapLibre's em, border, and the distance the field spans. */
const EM = 24;
const BORDER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;
/**
 * Where MapLibre puts a glyph's baseline below its shaped position, in em units: its local glyphs'
 * 27.5 (glyph_manager.ts's topAdjustment), to the whole unit a glyph range's `top` can say. The
 * opening picture sets its labels on the same baseline (lib/opening/draw.ts).
 */
export const GLYPH_BASELINE = 27;

/** The ranges shipped: Latin, Latin Extended-A and -B, Latin Extended Additional, punctuation. */
export const GLYPH_RANGES = [0, 1, 2, 30, 32];

/** The face of Noto Sans (regular) that has a code point, or null. */
function fontFor(fonts: FigureFonts, codePoint: number): Font | null {
  const face = fonts.faces.find((f) => f.weight === 400 && !f.rtl && f.font.hasGlyphForCodePoint(codePoint));
  return face?.font ?? null;
}

/** A glyph's advance in MapLibre's em units, as the glyph range says it: a whole number. */
export function glyphAdvance(fonts: FigureFonts, char: string): number {
  const font = fontFor(fonts, char.codePointAt(0)!);
  return font ? Math.round((font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth * EM) / font.unitsPerEm) : 0;
}

type Segment = [number, number, number, number];

/** The outline as line segments in px (y up), curves cut into short straight pieces. */
function outline(font: Font, codePoint: number): Segment[] {
  const scale = EM / font.unitsPerEm;
  const segments: Segment[] = [];
  let [x, y, sx, sy] = [0, 0, 0, 0];
  const lineTo = (nx: number, ny: number) => {
    if (nx !== x || ny !== y) segments.push([x, y, nx, ny]);
    [x, y] = [nx, ny];
  };
  for (const { command, args } of font.glyphForCodePoint(codePoint).path.commands) {
    const a = args.map((v) => v * scale);
    if (command === 'moveTo') {
      if (x !== sx || y !== sy) lineTo(sx, sy);
      [x, y, sx, sy] = [a[0], a[1], a[0], a[1]];
    } else if (command === 'lineTo') lineTo(a[0], a[1]);
    else if (command === 'quadraticCurveTo') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        lineTo((1 - t) ** 2 * x0 + 2 * (1 - t) * t * a[0] + t * t * a[2], (1 - t) ** 2 * y0 + 2 * (1 - t) * t * a[1] + t * t * a[3]);
      }
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= 12; i++) {
        const t = i / 12;
        const [p, q, r, s] = [(1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t ** 3];
        lineTo(p * x0 + q * a[0] + r * a[2] + s * a[4], p * y0 + q * a[1] + r * a[3] + s * a[5]);
      }
    } else if (command === 'closePath') lineTo(sx, sy);
  }
  if (x !== sx || y !== sy) lineTo(sx, sy);
  return segments;
}

/** Distance from a point to the outline, negative inside (non-zero winding). */
function signedDistance(px: number, py: number, segments: Segment[]): number {
  let min = Infinity;
  let winding = 0;
  for (const [x0, y0, x1, y1] of segments) {
    const [dx, dy] = [x1 - x0, y1 - y0];
    const t = Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy || 1)));
    min = Math.min(min, (x0 + t * dx - px) ** 2 + (y0 + t * dy - py) ** 2);
    if (y0 <= py !== y1 <= py) {
      const cross = (x1 - x0) * (py - y0) - (px - x0) * (y1 - y0);
      if (y1 > y0 ? cross > 0 : cross < 0) winding += y1 > y0 ? 1 : -1;
    }
  }
  return (winding !== 0 ? -1 : 1) * Math.sqrt(min);
}

export interface Glyph {
  id: number;
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

export function sdfGlyph(fonts: FigureFonts, codePoint: number): Glyph | null {
  const font = fontFor(fonts, codePoint);
  if (!font) return null;
  const advance = glyphAdvance(fonts, String.fromCodePoint(codePoint));
  const segments = outline(font, codePoint);
  if (!segments.length) return { id: codePoint, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: GLYPH_BASELINE, advance };
  const xs = segments.flatMap((s) => [s[0], s[2]]);
  const ys = segments.flatMap((s) => [s[1], s[3]]);
  const [left, right, bottom, top] = [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs)), Math.floor(Math.min(...ys)), Math.ceil(Math.max(...ys))];
  const [width, height] = [right - left, top - bottom];
  const [w, h] = [width + 2 * BORDER, height + 2 * BORDER];
  const bitmap = new Uint8Array(w * h);
  for (let row = 0; row < h; row++)
    for (let column = 0; column < w; column++) {
      const d = signedDistance(left - BORDER + column + 0.5, top + BORDER - row - 0.5, segments);
      bitmap[row * w + column] = Math.max(0, Math.min(255, Math.round(255 - 255 * (d / RADIUS + CUTOFF))));
    }
  // `top`: the ink's top above the position MapLibre shapes the glyph at, less the baseline's depth.
  return { id: codePoint, bitmap, width, height, left, top: top - GLYPH_BASELINE, advance };
}

/** Protocol Buffers, the little of them a glyph range needs (glyphs.proto: fontstack name, range, glyphs). */
class Writer {
  bytes: number[] = [];
  varint(v: number) {
    while (v > 127) {
      this.bytes.push((v & 127) | 128);
      v = Math.floor(v / 128);
    }
    this.bytes.push(v);
  }
  key(field: number, wire: number) {
    this.varint((field << 3) | wire);
  }
  uint(field: number, v: number) {
    this.key(field, 0);
    this.varint(v);
  }
  sint(field: number, v: number) {
    this.key(field, 0);
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  bytesField(field: number, b: Uint8Array | number[]) {
    this.key(field, 2);
    this.varint(b.length);
    for (const x of b) this.bytes.push(x);
  }
}

/** One glyph range file: `{fontstack}/{start}-{end}.pbf`. */
export function glyphRange(fonts: FigureFonts, fontstack: string, range: number): Uint8Array {
  const stack = new Writer();
  stack.bytesField(1, [...new TextEncoder().encode(fontstack)]);
  stack.bytesField(2, [...new TextEncoder().encode(`${range * 256}-${range * 256 + 255}`)]);
  for (let codePoint = range * 256; codePoint < range * 256 + 256; codePoint++) {
    const glyph = sdfGlyph(fonts, codePoint);
    if (!glyph) continue;
    const g = new Writer();
    g.uint(1, glyph.id);
    if (glyph.bitmap.length) g.bytesField(2, glyph.bitmap);
    g.uint(3, glyph.width);
    g.uint(4, glyph.height);
    g.sint(5, glyph.left);
    g.sint(6, glyph.top);
    g.uint(7, glyph.advance);
    stack.bytesField(3, g.bytes);
  }
  const file = new Writer();
  file.bytesField(1, stack.bytes);
  return new Uint8Array(file.bytes);
}
