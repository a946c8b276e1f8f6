// The leads' words under the names: the file the build writes is read back whole, a broken one is
// refused naming its field, and the map's images change only when a governorate's lead does.
import type * as maplibregl from 'maplibre-gl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFigureFonts } from '../print/tools-node.ts';
import { leadLineImages } from './glyph-ranges.ts';
import { readLeadLines, type LeadLinesFile } from './lead-lines-file.ts';
import { LeadLines } from './lead-lines.ts';
import { leadLineImage } from '../look/lead-line.ts';

const built = leadLineImages(readFigureFonts());
const file: LeadLinesFile = {
  width: built.width,
  height: built.height,
  lines: Object.fromEntries(
    Object.entries(built.lines).map(([lead, l]) => [lead, { x: l.x, width: l.width, data: Buffer.from(l.data).toString('base64') }]),
  ) as LeadLinesFile['lines'],
};

describe('the lead lines file', () => {
  it("reads back each lead's field where the build put it, in the alpha channel", () => {
    const read = readLeadLines(JSON.parse(JSON.stringify(file)), 'lead-lines.json');
    const uk = built.lines.uk;
    // A pixel inside the words' columns, on the baseline's row, and one left of them.
    const row = 20;
    const inside = Array.from({ length: uk.width }, (_, x) => uk.data[row * uk.width + x]);
    const x = inside.indexOf(Math.max(...inside));
    expect(read.lines.uk[(row * read.width + uk.x + x) * 4 + 3]).toBe(inside[x]);
    if (uk.x > 0) expect(read.lines.uk[(row * read.width + uk.x - 1) * 4 + 3]).toBe(0);
    expect(read.blank.every((b) => b === 0)).toBe(true);
  });

  const broken: [string, (f: LeadLinesFile) => unknown, RegExp][] = [
    ['not an object', () => 'lead lines', /lead-lines\.json: the file is not a JSON object/],
    ['a width of no size', (f) => ({ ...f, width: 0 }), /: width is not a whole number/],
    ['a lead missing', (f) => ({ ...f, lines: { ...f.lines, kr: undefined } }), /: lines\.kr is missing/],
    ['words past the image', (f) => ({ ...f, lines: { ...f.lines, us: { ...f.lines.us, x: f.width - 1 } } }), /: lines\.us\.x, width do not lie inside/],
    ['bytes short', (f) => ({ ...f, lines: { ...f.lines, pl: { ...f.lines.pl, data: f.lines.pl.data.slice(0, 40) } } }), /: lines\.pl\.data is not \d+ bytes/],
    ['not base64', (f) => ({ ...f, lines: { ...f.lines, uk: { ...f.lines.uk, data: '<svg>' } } }), /: lines\.uk\.data is not/],
  ];
  for (const [what, make, message] of broken)
    it(`refuses a file with ${what}, naming the field`, () => {
      expect(() => readLeadLines(make(file), 'lead-lines.json')).toThrow(message);
    });
});

/** A map that keeps images as MapLibre does and counts what is written to them. */
function fakeMap() {
  const images = new Map<string, Uint8Array>();
  const written: string[] = [];
  const map = {
    hasImage: (id: string) => images.has(id),
    addImage: (id: string, image: { data: Uint8Array }, options: { sdf?: boolean }) => {
      expect(options.sdf).toBe(true);
      images.set(id, image.data);
    },
    updateImage: (id: string, image: { data: Uint8Array }) => {
      written.push(id);
      images.set(id, image.data);
    },
    triggerRepaint: () => {},
  };
  return { map: map as unknown as maplibregl.Map, images, written };
}

const alpha = (rgba: Uint8Array) => rgba.filter((_, i) => i % 4 === 3);

describe('the lead lines on the map', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("adds a governorate's image with its lead's words once the file is read, and rewrites it only when its lead changes", async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(file)));
    const { map, images, written } = fakeMap();
    const errors: Error[] = [];
    const lines = new LeadLines(map, 'glyphs/lead-lines.json', (e) => errors.push(e));
    lines.show('IQ-BA', 'uk');
    await lines.provide(leadLineImage('IQ-BA'));
    expect(lines.provide('lead_uk')).toBeNull();
    const read = readLeadLines(file, 'x');
    expect(alpha(images.get(leadLineImage('IQ-BA'))!)).toEqual(alpha(read.lines.uk));

    lines.show('IQ-BA', 'uk');
    expect(written).toEqual([]);
    lines.show('IQ-BA', null);
    expect(written).toEqual([leadLineImage('IQ-BA')]);
    expect(alpha(images.get(leadLineImage('IQ-BA'))!).every((b) => b === 0)).toBe(true);
    lines.show('IQ-BA', 'unknown');
    expect(alpha(images.get(leadLineImage('IQ-BA'))!)).toEqual(alpha(read.lines.unknown));
    expect(errors).toEqual([]);
  });

  it('says why when the file cannot be had, and leaves the names without leads', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    const { map, images } = fakeMap();
    const errors: Error[] = [];
    const lines = new LeadLines(map, 'glyphs/lead-lines.json', (e) => errors.push(e));
    await lines.provide(leadLineImage('IQ-BA'));
    expect(images.size).toBe(0);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/glyphs\/lead-lines\.json: the server answered 404/)]);
  });
});
