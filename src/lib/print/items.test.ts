import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmt } from './items.ts';

describe('fmt', () => {
  it('writes what String(Math.round(v * 100) / 100) writes, for any coordinate', () => {
    // The figure's bytes are compared across machines and against earlier figures: the fast path
    // must not change a single character (a lost leading zero in ".05", a "-0", a trailing "0").
    const reference = (v: number) => String(Math.round(v * 100) / 100);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => fmt(v) === reference(v)),
      { numRuns: 20_000 },
    );
    for (const v of [0, -0, 0.005, -0.005, 0.05, -0.05, 0.1, 1.005, 2.675, -0.004, 99.995, -99.995, 100, 1e6 + 0.125])
      expect(fmt(v), String(v)).toBe(reference(v));
  });
});
