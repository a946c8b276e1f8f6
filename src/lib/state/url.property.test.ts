// The link's codec under generated input (issue 37): thousands of views written and read back
// unchanged, and thousands of arbitrary hashes read without a throw, each refusal naming its part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_DAY, LAST_DAY, timeModes } from '../time/window.ts';
import { layerNames, type ViewSnapshot } from './snapshot.ts';
import { formatView, linkCamera, linkKeys, parseView } from './url.ts';

const known = {
  places: new Set(['fallujah', 'basra', 'IQ-BG']),
  texts: new Set(['steele-2008', 'cockburn-2006']),
  tags: new Set(['violence', 'displacement']),
  tours: new Map([['iraq-2003-2011', 15]]),
};

const subset = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length });

const view: fc.Arbitrary<ViewSnapshot> = fc
  .record({
    t: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    mode: fc.constantFrom(...timeModes),
    windowDays: fc.integer({ min: 1, max: 3650 }),
    camera: fc.option(
      fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -85, max: 85, noNaN: true }), fc.double({ min: 0, max: 22, noNaN: true })),
    ),
    layers: subset(layerNames),
    texts: subset([...known.texts]),
    tags: subset([...known.tags]),
    place: fc.option(fc.constantFrom(...known.places)),
    doc: fc.option(fc.constantFrom(...known.texts)),
    passage: fc.option(fc.tuple(fc.nat({ max: 200_000 }), fc.integer({ min: 1, max: 5000 }))),
    tour: fc.option(fc.constant('iraq-2003-2011')),
    chapter: fc.integer({ min: 0, max: 14 }),
    db: fc.option(fc.oneof(fc.constantFrom('/db', '/collection/db'), fc.webUrl({ withQueryParameters: false, withFragments: false }))),
  })
  .map((v) => ({
    ...v,
    // What a link can hold: the camera as it rounds it, a passage only in an open text, a chapter only in a tour.
    camera: v.camera && linkCamera(v.camera),
    passage: v.doc && v.passage ? ([v.passage[0], v.passage[0] + v.passage[1]] as [number, number]) : null,
    chapter: v.tour ? v.chapter : null,
    db: v.db && v.db.replace(/\/+$/, ''),
  }))
  // A web address ending in a dot or holding odd characters may not be one URL reads back the same: only those that are.
  .filter((v) => v.db === null || v.db.startsWith('/') || (URL.canParse(v.db) && !/[\s#?]/.test(v.db)));

describe('the link under generated input', () => {
  it('reads back every view it writes, with no notice', () => {
    fc.assert(
      fc.property(view, (v) => {
        const read = parseView(formatView(v), known);
        expect(read.notices).toEqual([]);
        expect(read.view).toEqual({ ...v, camera: v.camera && linkCamera(v.camera) });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any hash without throwing, and names the part of each refusal', () => {
    // Values near what links hold (known names, repeated or misspelt; numbers with dashes and
    // commas; dates of any precision), and any text at all.
    const tokens = [...layerNames, ...known.places, ...known.texts, ...known.tags, 'event', 'iraq-2003-2011', '-', ',', '2007', '2007-12', '2007-12-01'];
    const near = fc
      .array(fc.oneof(fc.constantFrom(...tokens), fc.integer({ min: -10, max: 300_000 }).map(String)), { maxLength: 5 })
      .chain((ts) => fc.constantFrom(ts.join(','), ts.join('-'), ts.join('')));
    const value = fc.oneof(near, fc.string(), fc.string({ unit: 'binary', maxLength: 80 }));
    const parts = fc.array(fc.tuple(fc.constantFrom(...linkKeys, 'other'), value), { maxLength: 6 });
    const hash = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      parts.map((ps) => `#${ps.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`),
    );
    fc.assert(
      fc.property(hash, (h) => {
        const { view: read, notices } = parseView(h, known);
        for (const notice of notices)
          expect(notice).toMatch(
            /^The link's (date|time mode|window|map position|layers|text filter|tag filter|place|text|passage|tour|chapter|collection server) /,
          );
        // Whatever the link said, the view is one the page can show.
        expect(read.t).toBeGreaterThanOrEqual(FIRST_DAY);
        expect(read.t).toBeLessThanOrEqual(LAST_DAY);
        expect(read.layers.every((l) => layerNames.includes(l))).toBe(true);
        expect(new Set(read.layers).size).toBe(read.layers.length);
        if (read.passage) expect(read.passage[1]).toBeGreaterThan(read.passage[0]);
        // And what it writes reads back the same.
        expect(parseView(formatView(read), known).view).toEqual(read);
      }),
      { numRuns: 3000 },
    );
  });
});
