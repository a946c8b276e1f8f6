// A reader's own tour (issue 41), in the format of places/tours/<id>.json so the same checks
// (tour.ts checkTour), the same player and the same handout serve it: made chapter by chapter
// from the views the reader sets, each captured as a permalink captures it. Shared as a link, the
// whole tour rides compressed in the address fragment, and is checked exactly as a file is. Pure.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { kebabCase } from '../data/check.ts';
import { freeId } from '../data/free-id.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import { isoDay } from '../time/day.ts';
import { SHARED_KEY } from './shared-link.ts';
import type { ChapterFile, TourFile } from './tour.ts';

/** A tour's or a chapter's kebab-case id from words, not one of `taken`. */
export const freeTourId = (words: string, taken: Iterable<string>): string => freeId(words, new Set(taken), 'tour');

/**
 * A chapter from the view on screen, as a permalink captures it: its day, window or cumulative,
 * window, layers and camera, and the place selected (ringed). Filters are not kept: a chapter has
 * no field for them, and a chapter that silently dropped them would show more than the reader saw,
 * so a view with filters is refused with the reason (`refusal`).
 */
export function chapterFromView(
  view: ViewSnapshot,
  camera: [number, number, number],
  title: string,
  narrative: string,
  takenIds: Iterable<string>,
): ChapterFile {
  return {
    id: freeTourId(title || isoDay(view.t), takenIds),
    title,
    narrative,
    date: isoDay(view.t),
    mode: view.mode,
    windowDays: view.windowDays,
    layers: [...view.layers],
    camera: camera.map((n, i) => Number(n.toFixed(i === 2 ? 2 : 4))) as [number, number, number],
    places: view.place && !/^IQ-/.test(view.place) ? [view.place] : [],
    events: [],
    quotes: [],
  };
}

/** Why a view cannot be a chapter, or null when it can. */
export function refusal(view: ViewSnapshot): string | null {
  if (view.texts.length || view.tags.length)
    return 'This view filters the events by text or tag, which a chapter cannot keep: clear the filters (Layers) and add it again.';
  return null;
}

/** The chapters with chapter `from` taken out and put in at `to` (a drag); the same array if either is out of range or they are equal. */
export function moveChapterTo(chapters: ChapterFile[], from: number, to: number): ChapterFile[] {
  if (from === to || from < 0 || to < 0 || from >= chapters.length || to >= chapters.length) return chapters;
  const next = [...chapters];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
}

/** The chapters with chapter i moved by `by` places (-1 up, +1 down); unchanged at the ends. */
export const moveChapter = (chapters: ChapterFile[], i: number, by: -1 | 1): ChapterFile[] => moveChapterTo(chapters, i, i + by);

/** The tour's file, as places/tours/<id>.json is written. */
export const tourFileText = (tour: TourFile): string => `${JSON.stringify(tour, null, 2)}\n`;

/** Longer links are cut by some mail programs and chat apps: past this, the file is offered instead. */
export const MAX_LINK_CHARS = 8_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
const fromBase64Url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)), (c) => c.charCodeAt(0));

/** The fragment ("tourdata=…") that carries the tour, compressed. */
export const shareFragment = (tour: TourFile): string => `${SHARED_KEY}=${toBase64Url(deflateSync(strToU8(JSON.stringify(tour)), { level: 9 }))}`;

/** The tour a fragment's value carries, as JSON to be checked, or why it cannot be read. */
export function readShared(value: string): { ok: true; raw: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, raw: JSON.parse(strFromU8(inflateSync(fromBase64Url(value)))) };
  } catch {
    return { ok: false, error: 'the tour in this link is damaged (cut short, or not a tour): ask for the link again, or for the tour file' };
  }
}

export const isTourId = (id: string): boolean => kebabCase.test(id);

/** The address that opens the tour in any copy of the atlas at `base` (its page, no fragment). */
export const shareLink = (tour: TourFile, base: string): string => `${base}#${shareFragment(tour)}`;
