import { describe, expect, it } from 'vitest';
import { PbfReader } from 'pbf';
import { readFigureFonts } from '../print/tools-node.ts';
import { GLYPH_BASELINE, glyphAdvance, glyphRange, leadLinePixels, leadLineWidth, sdfGlyph, type LeadLinePixels } from './glyph-ranges.ts';
import { LEAD_LINE } from '../look/lead-line.ts';
import { leadLabels } from '../look/leads.ts';

const fonts = readFigureFonts();

interface ReadGlyph {
  id: number;
  bitmap: Uint8Array<ArrayBufferLike>;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}
interface ReadStack {
  name: string;
  range: string;
  glyphs: ReadGlyph[];
}

function readGlyph(tag: number, g: ReadGlyph, pbf?: PbfReader) {
  if (!pbf) return;
  if (tag === 1) g.id = pbf.readVarint();
  else if (tag === 2) g.bitmap = pbf.readBytes();
  else if (tag === 3) g.width = pbf.readVarint();
  else if (tag === 4) g.height = pbf.readVarint();
  else if (tag === 5) g.left = pbf.readSVarint();
  else if (tag === 6) g.top = pbf.readSVarint();
  else if (tag === 7) g.advance = pbf.readVarint();
}

function readStack(tag: number, stack: ReadStack, pbf?: PbfReader) {
  if (!pbf) return;
  if (tag === 1) stack.name = pbf.readString();
  else if (tag === 2) stack.range = pbf.readString();
  else if (tag === 3) stack.glyphs.push(pbf.readMessage(readGlyph, { id: 0, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance: 0 }));
}

/** The glyph range read back as MapLibre reads it (style/parse_glyph_pbf.ts: fontstacks, then glyphs). */
function readRange(bytes: Uint8Array): ReadStack {
  const stack: ReadStack = { name: '', range: '', glyphs: [] };
  new PbfReader(bytes).readFields((tag, s, pbf) => tag === 1 && pbf?.readMessage(readStack, s), stack);
  return stack;
}

describe('the glyph ranges the map reads its labels from', () => {
  it('hold each glyph of the range the font has, as MapLibre parses them', () => {
    const { name, range, glyphs } = readRange(glyphRange(fonts, 'Noto Sans', 0));
    expect(name).toBe('Noto Sans');
    expect(range).toBe('0-255');
    const byId = new Map(glyphs.map((g) => [g.id, g]));
    for (const c of 'BASRA Fallujah–'.replace('–', '')) expect(byId.has(c.codePointAt(0)!)).toBe(true);
    // The bitmap is the glyph with a 3 px border on each side, a byte a pixel.
    const a = byId.get('A'.codePointAt(0)!)!;
    expect(a.bitmap.length).toBe((a.width + 6) * (a.height + 6));
    expect(a.advance).toBe(glyphAdvance(fonts, 'A'));
  });

  it('are distance fields: the edge at 192, inside higher, outside lower, the border empty', () => {
    const o = sdfGlyph(fonts, 'O'.codePointAt(0)!)!;
    const w = o.width + 6;
    const at = (column: number, row: number) => o.bitmap[row * w + column];
    const middleRow = Math.floor((o.height + 6) / 2);
    // Across the O's middle: outside (low), its left stroke (above 192), its hole (below 192).
    expect(at(0, middleRow)).toBeLessThan(150);
    const row = [...Array(w).keys()].map((c) => at(c, middleRow));
    const firstInk = row.findIndex((v) => v >= 192);
    expect(firstInk).toBeGreaterThan(2);
    expect(row[Math.floor(w / 2)]).toBeLessThan(192);
    // `top` is the ink's top above the baseline less the baseline's depth: Noto Sans's capitals
    // stand 0.714 em, 17.1 px at 24 px, so their top row is the 18th.
    const h = sdfGlyph(fonts, 'H'.codePointAt(0)!)!;
    expect(h.top + GLYPH_BASELINE).toBe(18);
  });

  it('give a space its advance and no bitmap', () => {
    const space = sdfGlyph(fonts, 32)!;
    expect(space.bitmap.length).toBe(0);
    expect(space.advance).toBeGreaterThan(4);
  });
});

describe("the leads' words under the names (look/lead-line.ts)", () => {
  const width = leadLineWidth(fonts);
  const image = (p: LeadLinePixels) => {
    const full = new Uint8Array(width * LEAD_LINE.height);
    for (let y = 0; y < LEAD_LINE.height; y++) full.set(p.data.subarray(y * p.width, (y + 1) * p.width), y * width + p.x);
    return full;
  };

  it("are each glyph's field at its pen position on the line's baseline, as MapLibre places a glyph", () => {
    const full = image(leadLinePixels(fonts, 'UK-led', width));
    // The H-high capitals: U's ink (field ≥ 192) starts on the row the baseline less its 18 px puts it.
    const u = sdfGlyph(fonts, 'U'.codePointAt(0)!)!;
    const rows = [...Array(LEAD_LINE.height).keys()].filter((y) => [...Array(width).keys()].some((x) => full[y * width + x] >= 192));
    expect(rows[0]).toBe(LEAD_LINE.baseline - (u.top + GLYPH_BASELINE));
    // And the whole of U's own field is in the image, the words' first glyph.
    const w = u.width + 6;
    const column0 = [...Array(width).keys()].find((x) => [...Array(LEAD_LINE.height).keys()].some((y) => full[y * width + x] > 0))!;
    const row0 = LEAD_LINE.baseline - (u.top + GLYPH_BASELINE) - 3;
    for (const [c, r] of [
      [w >> 1, 3],
      [3, (u.height + 6) >> 1],
    ])
      expect(full[(row0 + r) * width + column0 + c]).toBe(u.bitmap[r * w + c]);
  });

  it('are centred in an image the widest fits, and refuse words wider than it', () => {
    for (const text of Object.values(leadLabels)) {
      const p = leadLinePixels(fonts, text, width);
      const [left, right] = [p.x, width - p.x - p.width];
      expect(Math.abs(left - right), text).toBeLessThanOrEqual(2);
    }
    // The widest fills it but for its glyphs' side bearings.
    const widest = leadLinePixels(fonts, leadLabels.unknown, width);
    expect(widest.x).toBeLessThanOrEqual(3);
    expect(width - widest.x - widest.width).toBeLessThanOrEqual(3);
    expect(() => leadLinePixels(fonts, 'lead: no data at all', width)).toThrow(/do not fit the lead line's image/);
  });
});
