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

export interface Tour {
  id: string;
  file: string;
  title: string;
  summary: string;
  chapters: Chapter[];
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
}

/** A played tour back as its file holds it (for Edit, Download tour and Share as link). */
export function tourJson(tour: { id: string; title: string; summary: string; chapters: Chapter[] }): TourFile {
  return { id: tour.id, title: tour.title, summary: tour.summary, chapters: tour.chapters.map(({ t: _t, ...chapter }) => chapter) };
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
