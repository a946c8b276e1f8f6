import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { formatProblem } from '../data/problem.ts';
import { checkTour, loadTours } from './check-tour.ts';
import { quoteByRef } from './tour.ts';

const files = readRawFiles();
const { atlas } = loadAtlas(files);
const raw = JSON.parse(files.tours['places/tours/iraq-2003-2011.json']);
const file = 'places/tours/iraq-2003-2011.json';

describe('tours', () => {
  it('loads the default tour: 12–16 chapters in time order, every reference resolved', () => {
    const { tours, problems } = loadTours(files, atlas);
    expect(problems.map(formatProblem)).toEqual([]);
    const [tour] = tours;
    expect(tour.chapters.length).toBeGreaterThanOrEqual(12);
    expect(tour.chapters.length).toBeLessThanOrEqual(16);
    for (const c of tour.chapters) for (const ref of c.quotes) expect(quoteByRef(atlas, ref)).toBeDefined();
  });

  it('takes quotes from the place data, so their words stay verbatim', () => {
    const quote = quoteByRef(atlas, raw.chapters[1].quotes[0])!;
    const text = atlas.sources.find((s) => s.id === quote.doc)!.text;
    expect(text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it.each([
    ['a place that does not exist', (c: any) => (c.places[0] = 'atlantis'), 'chapters[0].places[0]'],
    ['an event that does not exist', (c: any) => (c.events[0] = 'nothing-happened'), 'chapters[0].events[0]'],
    ['a quote reference that names no quote', (c: any) => (c.quotes = ['steele-2008@1']), 'chapters[0].quotes[0]'],
    ['a date outside the slider', (c: any) => (c.date = '2012-01-01'), 'chapters[0].date'],
    ['a layer that does not exist', (c: any) => (c.layers = ['events', 'bombs']), 'chapters[0].layers'],
  ])('reports %s', (_what, edit, path) => {
    const broken = structuredClone(raw);
    edit(broken.chapters[0]);
    const { tour, problems } = checkTour(file, broken, atlas);
    expect(tour).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ file, feature: 'iraq-2003-2011', path }));
  });
});
