import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { planPixels, presetById, pxFromMm, pxFromPt, scaleBarMetres } from './page.ts';
import { readPngDpi, readPngText, setPngMeta } from './png.ts';

describe('page maths', () => {
  it('gives the exact pixel size: mm × DPI ÷ 25.4, rounded', () => {
    expect(pxFromMm(174, 600)).toBe(4110);
    expect(pxFromMm(85, 300)).toBe(1004);
    expect(planPixels({ widthMm: 210, heightMm: 297, dpi: 300 })).toEqual({ ok: true, plan: { width: 2480, height: 3508, pixelRatio: 3.125 } });
  });

  it('sets type in points, so 10 pt is 10/72 inch at any DPI', () => {
    expect(pxFromPt(10, 72)).toBe(10);
    expect(pxFromPt(10, 600)).toBeCloseTo(83.33, 2);
  });

  it('allows 174 mm at 600 DPI, and says what to change when a page is too large', () => {
    expect(planPixels({ widthMm: 174, heightMm: 120, dpi: 600 }).ok).toBe(true);
    const tooBig = planPixels({ widthMm: 420, heightMm: 297, dpi: 600 });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.error).toMatch(/over this renderer's 8192 px limit: lower the DPI to 495 or less/);
  });

  it('names an unknown preset and lists the known ones', () => {
    expect(presetById('a5')).toEqual({ error: expect.stringMatching(/Unknown page preset "a5": use one of journal-1col/) });
  });
});

/** A minimal valid PNG (1×1, grey) built here, so the test depends on no image library. */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Uint8Array) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const idat = deflateSync(Buffer.from([0, 128]));
  return new Uint8Array(
    Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array())]),
  );
}

describe('PNG resolution', () => {
  it('records the DPI in a pHYs chunk, replacing an earlier one', () => {
    const png = tinyPng();
    expect(readPngDpi(png)).toEqual({ width: 1, height: 1, dpi: null });
    const at300 = setPngMeta(png, { dpi: 300 });
    expect(readPngDpi(at300)).toEqual({ width: 1, height: 1, dpi: 300 });
    const at600 = setPngMeta(at300, { dpi: 600 });
    expect(readPngDpi(at600).dpi).toBe(600);
    expect(at600.length).toBe(at300.length);
  });

  it('records a title and description as UTF-8 iTXt, replacing earlier ones', () => {
    const png = setPngMeta(tinyPng(), { dpi: 300, text: { Title: 'Iraq, 16 December 2007', Description: 'Map of أربيل – “quoted”' } });
    expect(readPngText(png)).toEqual({ Title: 'Iraq, 16 December 2007', Description: 'Map of أربيل – “quoted”' });
    expect(readPngText(setPngMeta(png, { dpi: 300, text: { Description: 'new' } }))).toEqual({ Description: 'new' });
  });
});

describe('scale bar', () => {
  it('picks the longest round distance that fits', () => {
    expect(scaleBarMetres(260_000)).toBe(200_000);
    expect(scaleBarMetres(49_000)).toBe(20_000);
    expect(scaleBarMetres(5_000)).toBe(5_000);
  });
});
