import { describe, expect, it } from 'vitest';
import { clipLine, clipRing, type XY } from './clip.ts';

const frame = { x0: 0, y0: 0, x1: 10, y1: 10 };
const areaOf = (ring: XY[]) => Math.abs(ring.reduce((s, p, i) => s + p[0] * ring[(i + 1) % ring.length][1] - ring[(i + 1) % ring.length][0] * p[1], 0)) / 2;

describe('clipping to the map frame', () => {
  it('cuts a ring to the part inside, keeps one inside whole, and drops one outside', () => {
    const across: XY[] = [
      [5, 5],
      [15, 5],
      [15, 15],
      [5, 15],
    ];
    const cut = clipRing(across, frame);
    expect(areaOf(cut)).toBeCloseTo(25);
    expect(cut.every(([x, y]) => x >= 0 && x <= 10 && y >= 0 && y <= 10)).toBe(true);
    expect(
      clipRing(
        [
          [1, 1],
          [2, 1],
          [2, 2],
        ],
        frame,
      ),
    ).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
    ]);
    expect(
      clipRing(
        [
          [11, 11],
          [12, 11],
          [12, 12],
        ],
        frame,
      ),
    ).toEqual([]);
  });

  it('a ring around the whole frame becomes the frame', () => {
    expect(
      areaOf(
        clipRing(
          [
            [-5, -5],
            [15, -5],
            [15, 15],
            [-5, 15],
          ],
          frame,
        ),
      ),
    ).toBeCloseTo(100);
  });

  it('cuts a line into the pieces inside, with no segment along the frame', () => {
    // In, out across the top, and back in: two pieces.
    const pieces = clipLine(
      [
        [2, 2],
        [2, -5],
        [8, -5],
        [8, 2],
      ],
      frame,
    );
    expect(pieces).toEqual([
      [
        [2, 2],
        [2, 0],
      ],
      [
        [8, 0],
        [8, 2],
      ],
    ]);
    expect(
      clipLine(
        [
          [-1, 5],
          [11, 5],
        ],
        frame,
      ),
    ).toEqual([
      [
        [0, 5],
        [10, 5],
      ],
    ]);
    expect(
      clipLine(
        [
          [20, 20],
          [30, 30],
        ],
        frame,
      ),
    ).toEqual([]);
    expect(
      clipLine(
        [
          [1, 1],
          [2, 2],
          [3, 1],
        ],
        frame,
      ),
    ).toEqual([
      [
        [1, 1],
        [2, 2],
        [3, 1],
      ],
    ]);
  });
});
