// The leads' line patterns as the rasterizer is given them (patternLines): the tile's lines, as
// bands as wide as their stroke, at the tile's places, cut to the area.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { patternLines, tiles } from './patterns.ts';
import { writeSvg } from './svg.ts';
import type { Scene } from './scene.ts';
import type { FigureFonts } from './fonts.ts';

type XY = [number, number];
const ringsOf = (d: string): XY[][] =>
  d
    .split('Z')
    .filter(Boolean)
    .map((ring) =>
      ring
        .replace(/^M/, '')
        .split('L')
        .map((p) => p.split(' ').map(Number) as XY),
    );
const signedArea = (ring: XY[]) => ring.reduce((sum, [x0, y0], i) => sum + (x0 * ring[(i + 1) % ring.length][1] - ring[(i + 1) % ring.length][0] * y0), 0) / 2;
const area = (d: string) => ringsOf(d).reduce((sum, ring) => sum + signedArea(ring), 0);
/** A rectangle as areaPath() writes one; reversed, it is a hole in a ring drawn the other way. */
const box = (x0: number, y0: number, x1: number, y1: number, reversed = false) => {
  const ring: XY[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  return `${(reversed ? ring.reverse() : ring).map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join('')}Z`;
};

const step = tiles.horizontal.step;
const half = 'lines' in tiles.horizontal.shape ? tiles.horizontal.shape.width / 2 : 0;

describe('a line pattern drawn as its lines', () => {
  it('puts a level line across the area at each tile row, as wide as its stroke', () => {
    const d = patternLines(box(0, 0, 20, 20), 'horizontal')!;
    const bands = ringsOf(d);
    expect(bands).toHaveLength(4);
    bands.forEach((band, k) => {
      const centre = step / 2 + k * step;
      for (const [x, y] of band) {
        expect(Math.abs(y - centre)).toBeLessThanOrEqual(half + 1e-9);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(20);
      }
      expect(Math.abs(signedArea(band))).toBeCloseTo(20 * 2 * half, 6);
    });
  });

  it('leaves a hole empty: its bands keep the hole ring’s own winding', () => {
    // Rows at 2.5, 7.5, 12.5 and 17.5; the hole (5–15 a side) takes the middle two over 10 units.
    const d = patternLines(box(0, 0, 20, 20) + box(5, 5, 15, 15, true), 'horizontal')!;
    expect(Math.abs(area(d))).toBeCloseTo((4 * 20 - 2 * 10) * 2 * half, 6);
  });

  it('puts upright lines at each tile column', () => {
    for (const band of ringsOf(patternLines(box(0, 0, 20, 20), 'vertical')!)) {
      const xs = band.map(([x]) => x);
      const centre = (Math.min(...xs) + Math.max(...xs)) / 2;
      expect(Math.abs(((centre - step / 2) / step) % 1)).toBeLessThan(1e-9);
      expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(2 * half, 9);
    }
  });

  it('runs the diagonal lines through the tiles’ corners, step/√2 apart, covering the share a tile’s line covers', () => {
    const d = patternLines(box(0, 0, 100, 100), 'diagonal')!;
    for (const band of ringsOf(d)) {
      const across = band.map(([x, y]) => (x + y) / Math.SQRT2);
      const centre = Math.round((Math.min(...across) + Math.max(...across)) / 2 / (step / Math.SQRT2)) * (step / Math.SQRT2);
      // The path data is written to 0.01 of a unit.
      for (const v of across) expect(Math.abs(v - centre)).toBeLessThanOrEqual(half + 0.01);
    }
    expect(Math.abs(area(d)) / (100 * 100)).toBeCloseTo((2 * half) / (step / Math.SQRT2), 2);
  });

  it('covers exactly the rows’ overlap with any rectangle', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 40, noNaN: true }),
        fc.double({ min: 0.01, max: 40, noNaN: true }),
        (...generated) => {
          // As areaPath() writes them: to 0.01 of a unit.
          const [x, y, width, height] = generated.map((v) => Math.round(v * 100) / 100);
          fc.pre(width > 0 && height > 0);
          let expected = 0;
          for (let k = Math.floor((y - step) / step); k <= Math.ceil((y + height) / step); k++) {
            const centre = step / 2 + k * step;
            expected += Math.max(0, Math.min(y + height, centre + half) - Math.max(y, centre - half)) * width;
          }
          const d = patternLines(box(x, y, x + width, y + height), 'horizontal')!;
          // Each band's corners are written to 0.01 of a unit too.
          expect(Math.abs(Math.abs(area(d)) - expected)).toBeLessThan(0.01 * (width + 2 * half) * (height / step + 2));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves dots to their tile, and path data other than an area’s to the pattern', () => {
    expect(patternLines(box(0, 0, 20, 20), 'dots')).toBeNull();
    expect(patternLines('M0 0Q10 10 20 0Z', 'horizontal')).toBeNull();
  });

  it('is what the rasterizer is given, while the .svg keeps its <pattern>; an outline is drawn over the lines', () => {
    const scene = {
      width: 20,
      height: 20,
      panels: [],
      furniture: [
        {
          kind: 'path',
          d: box(0, 0, 20, 20),
          paint: { pattern: { kind: 'horizontal', colour: '#7a5a38' }, fillOpacity: 0.55, stroke: '#a39d8f', strokeWidth: 1 },
        },
      ],
    } as unknown as Scene;
    const fonts = { faces: [] } as unknown as FigureFonts;
    const meta = { widthMm: 10, heightMm: 10, title: 't', description: 'd' };
    const forPng = writeSvg(scene, meta, fonts, 'outlines');
    expect(forPng).not.toContain('url(#');
    expect(forPng).toContain('fill="#7a5a38" fill-opacity="0.55"');
    expect(forPng).toMatch(/fill="none" stroke="#a39d8f"/);
    expect(writeSvg(scene, meta, fonts, 'text')).toContain('fill="url(#pattern0)" fill-opacity="0.55" stroke="#a39d8f"');
  });
});
