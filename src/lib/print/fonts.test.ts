import { describe, expect, it } from 'vitest';
import { readFigureFonts } from './tools-node.ts';

describe('figure fonts', () => {
  const fonts = readFigureFonts();

  it('measures each weight and script with its own face, whatever was measured before', () => {
    // Shapes are kept per face: a key that left out the face (or the weight) would hand the
    // semibold the regular's widths, or Latin glyphs to Arabic text.
    const regular = fonts.width('BAGHDAD', 12, 400);
    const semibold = fonts.width('BAGHDAD', 12, 600);
    expect(semibold).toBeGreaterThan(regular);
    expect(fonts.width('BAGHDAD', 12, 400)).toBe(regular);
    const [arabic] = fonts.runs('بغداد', 400);
    expect(arabic.face.rtl).toBe(true);
    expect(fonts.layout(arabic).glyphs.length).toBeGreaterThan(0);
  });

  it('gives the widths fontkit gives, run by run, at any size', () => {
    for (const text of ['Tal Afar', 'Sadr City (مدينة الصدر)', 'Ḥadītha', '2007']) {
      const direct = fonts.runs(text, 400).reduce((sum, run) => sum + (run.face.font.layout(run.text).advanceWidth / run.face.font.unitsPerEm) * 10, 0);
      expect(fonts.width(text, 10)).toBeCloseTo(direct, 9);
      expect(fonts.width(text, 20)).toBeCloseTo(2 * direct, 9);
    }
  });
});
