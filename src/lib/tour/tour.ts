// Tours are data (places/tours/<id>.json): an ordered list of chapters, each a view state plus the
// places and events to highlight, a short narrative in our own words, and quotes referenced as
// "<doc>@<start>" so their words always come from the place data, verbatim.
// Checking a tour file is check-tour.ts's, so the page's player does without the date grammar.
import type { Atlas, AtlasQuote } from '../data/schema.ts';
import type { LayerName, ViewSnapshot } from '../state/snapshot.ts';
import type { TimeMode } from '../time/window.ts';

export interface Chapter {
  id: string;
  title: string;
  narrative: string;
  /** The chapter's date (an EDTF day) and view. */
  date: string;
  t: number;
  mode: TimeMode;
  windowDays: number;
  layers: LayerName[];
  camera: [number, number, number];
  places: string[];
  events: string[];
  quotes: string[];
}

/** A text a tour quotes, named so that a copy of the atlas without it can say which is missing. */
export interface TourText {
  id: string;
  title: string;
}

export interface Tour {
  id: string;
  file: string;
  title: string;
  summary: string;
  chapters: Chapter[];
  /** The texts its quotes come from (a reader's tour records them; the shipped tour need not). */
  texts?: TourText[];
  /** A reader's own tour: kept in this browser, or opened from a shared link (issue 41). */
  own?: 'kept' | 'link';
}

/** A chapter as its file holds it: the day as an EDTF date, not yet read into the atlas's clock. */
export type ChapterFile = Omit<Chapter, 't'>;

/** A tour as its file holds it (places/tours/, a kept tour, a link's tour). */
export interface TourFile {
  id: string;
  title: string;
  summary: string;
  chapters: ChapterFile[];
  texts?: TourText[];
}

/** A played tour back as its file holds it (for Edit, Download tour and Share as link). */
export function tourJson(tour: { id: string; title: string; summary: string; chapters: Chapter[]; texts?: TourText[] }): TourFile {
  const file: TourFile = { id: tour.id, title: tour.title, summary: tour.summary, chapters: tour.chapters.map(({ t: _t, ...chapter }) => chapter) };
  return tour.texts ? { ...file, texts: tour.texts } : file;
}

/** The texts a tour's chapters quote, each with its title in `atlas`, in the order first quoted. */
export function quotedTexts(chapters: { quotes: string[] }[], atlas: Atlas): TourText[] {
  const ids = [...new Set(chapters.flatMap((c) => c.quotes.map((ref) => ref.split('@')[0])))];
  return ids.map((id) => ({ id, title: atlas.sources.find((s) => s.id === id)?.title ?? id }));
}

/** The quote a "<doc>@<start>" reference names. */
export function quoteByRef(atlas: Atlas, ref: string): AtlasQuote | undefined {
  const [doc, start] = ref.split('@');
  return atlas.quotes.find((q) => q.doc === doc && q.start === Number(start));
}

/** What a chapter sets of the view: its date, time mode, layers and camera. */
export const chapterView = (c: Chapter): Pick<ViewSnapshot, 't' | 'mode' | 'windowDays' | 'layers'> & { camera: [number, number, number] } => ({
  t: c.t,
  mode: c.mode,
  windowDays: c.windowDays,
  layers: [...c.layers],
  camera: c.camera,
});
