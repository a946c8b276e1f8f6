// A reader's own tour (issue 41): chapters from views, moved and checked as the shipped tour is;
// a shared link carries the whole tour and gives back exactly it, or says it is damaged.
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { defaultView } from '../state/snapshot.ts';
import { dayFromIso } from '../time/day.ts';
import { checkOwnTour, sharedTour } from './kept-tours.ts';
import { chapterFromView, freeTourId, moveChapter, moveChapterTo, readShared, refusal, shareFragment } from './own-tour.ts';
import { readTourFile } from './read-tour-file.ts';
import { quotedTexts, tourJson, type TourFile } from './tour.ts';
import { strToU8, zipSync } from 'fflate';
import { takeSharedTour } from './shared-link.ts';

const { atlas } = loadAtlas(readRawFiles());
const view = (iso: string, place: string | null = null) => ({ ...defaultView, t: dayFromIso(iso), place, layers: ['events' as const, 'control' as const] });

function threeChapters(): TourFile {
  const chapters = [
    chapterFromView(view('2003-04-28', 'fallujah'), [43.786, 33.349, 9], 'Fallujah, April 2003', 'The school.', []),
    chapterFromView(view('2006-11-20', 'IQ-AR'), [44.01, 36.19, 7], 'Erbil', 'The Korean division.', ['fallujah-april-2003']),
    chapterFromView(view('2007-12-16'), [47.75, 30.5, 8], 'Basra handed over', 'British forces leave.', ['fallujah-april-2003', 'erbil']),
  ];
  return { id: 'my-tour', title: 'My tour', summary: 'Three views.', chapters };
}

describe('your own tour', () => {
  it('makes a chapter of a view as a permalink keeps it: day, window, layers, camera, the place selected', () => {
    const [first, second] = threeChapters().chapters;
    expect(first).toEqual({
      id: 'fallujah-april-2003',
      title: 'Fallujah, April 2003',
      narrative: 'The school.',
      date: '2003-04-28',
      mode: 'window',
      windowDays: 90,
      layers: ['events', 'control'],
      camera: [43.786, 33.349, 9],
      places: ['fallujah'],
      events: [],
      quotes: [],
    });
    // A governorate is selected by its id, but a chapter rings places only.
    expect(second.places).toEqual([]);
    expect(refusal({ ...view('2006-11-20'), tags: ['bombing'] })).toMatch(/filters the events/);
    expect(refusal(view('2006-11-20'))).toBeNull();
  });

  it('is checked as a tour file is, its problems named by chapter and field', () => {
    expect(checkOwnTour(threeChapters(), atlas, 'kept')).toMatchObject({ problems: [], tour: { id: 'my-tour', own: 'kept' } });
    const broken = threeChapters();
    broken.chapters[1].date = '2013-01-01';
    broken.chapters[2].quotes = ['steele-2008@1'];
    const { problems } = checkOwnTour(broken, atlas, 'kept');
    expect(problems.map((p) => p.path)).toEqual(['chapters[1].date', 'chapters[2].quotes[0]']);
  });

  it('moves a chapter up or down, and not past either end', () => {
    const ids = (t: TourFile['chapters']) => t.map((c) => c.id);
    const chapters = threeChapters().chapters;
    expect(ids(moveChapter(chapters, 2, -1))).toEqual(['fallujah-april-2003', 'basra-handed-over', 'erbil']);
    expect(moveChapter(chapters, 0, -1)).toBe(chapters);
    // A drag takes the chapter out and puts it in where it is dropped, the others keeping their order.
    expect(ids(moveChapterTo(chapters, 2, 0))).toEqual(['basra-handed-over', 'fallujah-april-2003', 'erbil']);
    expect(ids(moveChapterTo(chapters, 0, 2))).toEqual(['erbil', 'basra-handed-over', 'fallujah-april-2003']);
    expect(moveChapterTo(chapters, 1, 3)).toBe(chapters);
    expect(freeTourId('My tour', ['my-tour'])).toBe('my-tour-2');
  });

  it('travels whole in a link, and a damaged link says so', () => {
    const tour = threeChapters();
    const fragment = shareFragment(tour);
    expect(fragment).toMatch(/^tourdata=[A-Za-z0-9_-]+$/);
    const { value, rest } = takeSharedTour(`#t=2006-11-14&${fragment}`);
    expect(rest).toBe('t=2006-11-14');
    expect(readShared(value!)).toEqual({ ok: true, raw: tour });
    const played = sharedTour(value!, atlas);
    expect(played.tour && tourJson(played.tour)).toEqual(tour);
    expect(played.tour?.own).toBe('link');
    expect(sharedTour(value!.slice(0, 40), atlas).problems[0].message).toMatch(/damaged/);
  });
});

describe('the texts a tour needs', () => {
  it('are recorded by id and title, and a copy without one names it when the tour is opened', async () => {
    const { salvageTour } = await import('./kept-tours.ts');
    const tour = threeChapters();
    const quote = atlas.quotes[0];
    tour.chapters[0].quotes = [`${quote.doc}@${quote.start}`];
    const title = atlas.sources.find((s) => s.id === quote.doc)!.title;
    expect(quotedTexts(tour.chapters, atlas)).toEqual([{ id: quote.doc, title }]);
    // The same tour quoting a reader's text this browser does not have.
    tour.chapters[1].quotes = ['my-dispatch-2016@40'];
    tour.texts = [...quotedTexts(tour.chapters, atlas).slice(0, 1), { id: 'my-dispatch-2016', title: 'My dispatch from Mosul' }];
    const opened = salvageTour(tour, atlas, 'link');
    expect(opened.problems).toEqual([
      expect.objectContaining({
        path: 'chapters[1].quotes[0]',
        message: expect.stringContaining('“My dispatch from Mosul” (my-dispatch-2016), which this atlas does not have'),
      }),
    ]);
    expect(opened.tour?.chapters[0].quotes).toHaveLength(1);
    expect(opened.tour?.texts).toEqual(tour.texts);
    expect(tourJson(opened.tour!).texts).toEqual(tour.texts);
  });
});

describe('Load tour', () => {
  const json = strToU8(JSON.stringify(threeChapters()));
  it('reads a tour file, or the tour out of the zip Download tour makes (its other entries not inflated)', () => {
    expect(readTourFile(json, 'my-tour.json')).toEqual({ ok: true, raw: threeChapters() });
    const zip = zipSync({ 'places/tours/my-tour.json': json, 'places/sources/mine.txt': strToU8('words'), '../escape.json': json });
    expect(readTourFile(zip, 'my-tour-with-texts.zip')).toEqual({ ok: true, raw: threeChapters() });
  });
  it('names the file and what is wrong with it', () => {
    expect(readTourFile(strToU8('{"id":'), 'broken.json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^broken.json is not a tour file: not JSON/),
    });
    expect(readTourFile(zipSync({ 'places/sources/mine.txt': strToU8('words') }), 'texts.zip')).toMatchObject({
      ok: false,
      message: expect.stringContaining('texts.zip holds no tour'),
    });
  });
});

describe('a tour file with problems', () => {
  it('opens with what can be kept: an unknown quote left out of its chapter, a chapter with a wrong view left out, each named', async () => {
    const { salvageTour } = await import('./kept-tours.ts');
    const tour = threeChapters();
    tour.chapters[0].quotes = ['a-text-this-browser-lacks@120'];
    tour.chapters[1].camera = [400, 0, 5];
    const { tour: kept, problems } = salvageTour(tour, atlas, 'kept');
    expect(kept?.chapters.map((c) => [c.id, c.quotes])).toEqual([
      ['fallujah-april-2003', []],
      ['basra-handed-over', []],
    ]);
    expect(problems.map((p) => [p.path, p.message.replace(/^.*; /, '')])).toEqual([
      ['chapters[0].quotes[0]', 'left out of the chapter'],
      ['chapters[1].camera', 'the chapter is left out'],
    ]);
    // A tour whose own fields are wrong is not opened.
    expect(salvageTour({ ...threeChapters(), title: '' }, atlas, 'kept').tour).toBeNull();
  });
});
