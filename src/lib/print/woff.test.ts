import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { faceFiles } from './fonts.ts';
import { unwrapWoff, unwrapWoffAsync } from './woff.ts';

const require = createRequire(import.meta.url);
const inflate = (data: Uint8Array) => new Uint8Array(inflateSync(data));

describe('unwrapWoff', () => {
  it('gives each face as the font it wraps: the same glyphs, widths and outlines as fontkit reads from the WOFF', () => {
    for (const face of faceFiles) {
      const woff = new Uint8Array(readFileSync(require.resolve(face.file)));
      const sfnt = unwrapWoff(woff, inflate);
      // An SFNT begins with its version (TrueType's 0x00010000 or 'OTTO'), not 'wOFF'.
      expect(String.fromCharCode(...sfnt.subarray(0, 4)), face.file).not.toBe('wOFF');
      const [wrapped, plain] = [woff, sfnt].map((bytes) => create(Buffer.from(bytes)) as Font);
      expect(plain.numGlyphs).toBe(wrapped.numGlyphs);
      const text = face.rtl ? 'مدينة الصدر' : 'Tal Afar, Ḥadītha 2007';
      const [a, b] = [wrapped, plain].map((font) => font.layout(text));
      expect(b.advanceWidth).toBe(a.advanceWidth);
      expect(b.glyphs.map((g) => g.path.toSVG())).toEqual(a.glyphs.map((g) => g.path.toSVG()));
    }
  });

  it("gives the same bytes with an inflate that answers later (the page's)", async () => {
    const woff = new Uint8Array(readFileSync(require.resolve(faceFiles[0].file)));
    expect(await unwrapWoffAsync(woff, async (data) => inflate(data))).toEqual(unwrapWoff(woff, inflate));
  });

  it('leaves a font that is not WOFF as it is, and refuses a table that inflates to the wrong size', () => {
    const other = new Uint8Array([0, 1, 0, 0, 0, 0]);
    expect(unwrapWoff(other, inflate)).toBe(other);
    const woff = new Uint8Array(readFileSync(require.resolve(faceFiles[0].file)));
    expect(() => unwrapWoff(woff, (data) => inflate(data).subarray(1))).toThrow(/inflates to \d+ bytes, not \d+/);
  });
});
