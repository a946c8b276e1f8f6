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
import { leadLabels, type LeadOrGap } from '../look/leads.ts';
import { GOVERNORATE_LETTER_SPACING, LEAD_LINE } from '../look/lead-line.ts';

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

/** A lead's words in its image (look/lead-line.ts): the columns from x, width wide, the image's height tall, a byte a pixel. */
export interface LeadLinePixels {
  x: number;
  width: number;
  data: Uint8Array;
}

/** The pen positions of a line's glyphs, in glyph units from its start, and its advance (the spacing after each glyph but the last). */
function penPositions(fonts: FigureFonts, text: string): { pens: number[]; width: number } {
  const spacing = GOVERNORATE_LETTER_SPACING * EM;
  const pens: number[] = [];
  let x = 0;
  for (const c of text) {
    pens.push(x);
    x += glyphAdvance(fonts, c) + spacing;
  }
  return { pens, width: Math.max(0, x - spacing) };
}

/** The lead lines' image width: the widest lead's words and the field's border each side, in whole pixels. */
export function leadLineWidth(fonts: FigureFonts): number {
  return Math.ceil(Math.max(...Object.values(leadLabels).map((text) => penPositions(fonts, text).width))) + 2 * BORDER;
}

/**
 * A lead's words as one distance field, centred in the lead line's image: each glyph's field placed
 * at its pen position, as MapLibre places a glyph's quad (its bitmap from left − border, its top
 * border + top + baseline above the line's baseline), the nearer ink kept where two fields meet.
 */
export function leadLinePixels(fonts: FigureFonts, text: string, imageWidth: number): LeadLinePixels {
  const { pens, width } = penPositions(fonts, text);
  if (width + 2 * BORDER > imageWidth)
    throw new Error(`The lead's words "${text}" (${width.toFixed(1)} units) do not fit the lead line's image (${imageWidth} px).`);
  const start = (imageWidth - width) / 2;
  const image = new Uint8Array(imageWidth * LEAD_LINE.height);
  [...text].forEach((c, i) => {
    const glyph = sdfGlyph(fonts, c.codePointAt(0)!);
    if (!glyph?.bitmap.length) return;
    const [w, h] = [glyph.width + 2 * BORDER, glyph.height + 2 * BORDER];
    const column0 = Math.round(start + pens[i] + glyph.left - BORDER);
    const row0 = LEAD_LINE.baseline - (glyph.top + GLYPH_BASELINE) - BORDER;
    for (let row = 0; row < h; row++)
      for (let column = 0; column < w; column++) {
        const [x, y] = [column0 + column, row0 + row];
        if (x < 0 || y < 0 || x >= imageWidth || y >= LEAD_LINE.height) continue;
        image[y * imageWidth + x] = Math.max(image[y * imageWidth + x], glyph.bitmap[row * w + column]);
      }
  });
  // Only the columns that hold some of the field: the map's image is cleared around them.
  let [first, last] = [imageWidth, -1];
  for (let x = 0; x < imageWidth; x++)
    for (let y = 0; y < LEAD_LINE.height; y++)
      if (image[y * imageWidth + x]) {
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
  if (last < first) return { x: 0, width: 0, data: new Uint8Array(0) };
  const data = new Uint8Array((last - first + 1) * LEAD_LINE.height);
  for (let y = 0; y < LEAD_LINE.height; y++) data.set(image.subarray(y * imageWidth + first, y * imageWidth + last + 1), y * (last - first + 1));
  return { x: first, width: last - first + 1, data };
}

/** Every lead's words, for the map (src/build/glyph-ranges.ts writes them beside the glyph ranges). */
export function leadLineImages(fonts: FigureFonts): { width: number; height: number; lines: Record<LeadOrGap, LeadLinePixels> } {
  const width = leadLineWidth(fonts);
  const lines = Object.fromEntries(Object.entries(leadLabels).map(([lead, text]) => [lead, leadLinePixels(fonts, text, width)]));
  return { width, height: LEAD_LINE.height, lines: lines as Record<LeadOrGap, LeadLinePixels> };
}
