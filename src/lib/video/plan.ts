// A video, frame by frame, in plain data: each frame's view and words, for a date range or a tour.
// Pure, so the print dialog, `npm run figure` and the tests lay out the same frames; frames.ts
// draws each one with the figure scene.
//
// A range video advances the date on every frame, evenly from the first day to the last. A tour
// video holds each chapter for its seconds; from the second chapter on, its first `runMs` (the
// tour player's RUN_MS, passed in so this module stays out of the page's first load) carry the
// camera and the date from the chapter before.
import { mercatorUnit, unmercator } from '../look/mercator.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import { FIRST_DAY, LAST_DAY } from '../time/window.ts';
import { isoDay } from '../time/day.ts';
import { chapterView, type Tour } from '../tour/tour.ts';

export interface VideoSize {
  width: number;
  height: number;
}

/** The named frame sizes; any other is written `WxHpx`. */
export const videoSizes = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
  '4k': { width: 3840, height: 2160 },
} as const satisfies Record<string, VideoSize>;
export type VideoSizeName = keyof typeof videoSizes;

/** Encoders take even sizes (4:2:0 chroma is subsampled by two); 4096 px is the largest that every codec here takes. */
const MIN_SIDE = 128;
const MAX_SIDE = 4096;

export function parseVideoSize(text: string): VideoSize | { error: string } {
  const named = videoSizes[text.trim().toLowerCase() as VideoSizeName];
  if (named) return { ...named };
  const m = /^(\d+)x(\d+)px$/.exec(text.trim());
  if (!m) return { error: `"${text}" is not a frame size: write width x height in pixels (1920x1080px), or ${Object.keys(videoSizes).join(', ')}.` };
  const [width, height] = [Number(m[1]), Number(m[2])];
  const bad = [width, height].find((n) => n % 2 || n < MIN_SIDE || n > MAX_SIDE);
  if (bad !== undefined) return { error: `${width} × ${height} px: each side must be an even number of pixels from ${MIN_SIDE} to ${MAX_SIDE}.` };
  return { width, height };
}

export const MAX_FPS = 60;
export const MAX_SECONDS = 600;

export interface Timing {
  seconds: number;
  fps: number;
}

/** The number of frames, or what to change. */
export function frameCount({ seconds, fps }: Timing): number | { error: string } {
  if (!(Number.isInteger(fps) && fps >= 1 && fps <= MAX_FPS)) return { error: `${fps} frames a second: give a whole number from 1 to ${MAX_FPS}.` };
  if (!(seconds > 0 && seconds <= MAX_SECONDS)) return { error: `${seconds} seconds: give a length above 0 and at most ${MAX_SECONDS}.` };
  const frames = Math.round(seconds * fps);
  return frames >= 2 ? frames : { error: `${seconds} s at ${fps} frames a second is ${frames} frame: a video needs two at least.` };
}

/** What one frame shows. */
export interface Still {
  view: ViewSnapshot;
  title: string;
  /** A band of words under the map (a tour chapter's narrative), or none. */
  caption?: string;
}

export interface VideoPlan {
  frames: number;
  fps: number;
  /** The frame's still; frames are numbered from 0. */
  still: (i: number) => Still;
}

/**
 * The date advancing evenly from `from` to `to`, a new day on every frame (so the range must have
 * at least as many days as the video has frames), everything else as in `base`.
 */
export function rangePlan(base: ViewSnapshot, from: number, to: number, timing: Timing, title: string): VideoPlan | { error: string } {
  const frames = frameCount(timing);
  if (typeof frames !== 'number') return frames;
  for (const [name, t] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!(Number.isInteger(t) && t >= FIRST_DAY && t <= LAST_DAY))
      return { error: `--${name}: ${isoDay(t)} is outside the atlas's span, ${isoDay(FIRST_DAY)} to ${isoDay(LAST_DAY)}.` };
  }
  if (to <= from) return { error: `--to (${isoDay(to)}) must come after --from (${isoDay(from)}).` };
  const days = to - from + 1;
  if (days < frames)
    return {
      error: `${isoDay(from)} to ${isoDay(to)} is ${days} days, fewer than the video's ${frames} frames, and each frame shows a new day: make the video shorter, lower the frame rate, or widen the range.`,
    };
  return {
    frames,
    fps: timing.fps,
    still: (i) => ({ view: { ...base, t: from + Math.round((i * (to - from)) / (frames - 1)) }, title }),
  };
}

/** Smooth start and stop, as a flight eases. */
const ease = (k: number) => (k < 0.5 ? 2 * k * k : 1 - 2 * (1 - k) * (1 - k));

/**
 * Between two cameras, `k` of the way: the centre in Web Mercator, the zoom linear, dipping at
 * the middle by up to two levels on long moves so the way between is seen (as a flight does).
 */
export function cameraBetween(a: [number, number, number], b: [number, number, number], k: number): [number, number, number] {
  // The ends exactly, not as they come back through the projection.
  if (k <= 0) return a;
  if (k >= 1) return b;
  const e = ease(k);
  const [ax, ay] = mercatorUnit(a[0], a[1]);
  const [bx, by] = mercatorUnit(b[0], b[1]);
  // How far apart, in screens of 1000 px at the lower zoom: a short hop does not zoom out.
  const screens = (Math.hypot(bx - ax, by - ay) * 512 * 2 ** Math.min(a[2], b[2])) / 1000;
  const dip = Math.min(2, Math.log2(1 + screens)) * Math.sin(Math.PI * e);
  const [lng, lat] = unmercator((ax + (bx - ax) * e) * 512, (ay + (by - ay) * e) * 512, 0);
  return [lng, lat, a[2] + (b[2] - a[2]) * e - dip];
}

/**
 * A tour, chapter after chapter: each held for `secondsPerChapter`, its title on every frame of it
 * and, with `captions` (the default), its number and narrative in a band under the map.
 */
export function tourPlan(
  tour: Tour,
  base: ViewSnapshot,
  secondsPerChapter: number,
  fps: number,
  runMs: number,
  captions = true,
): VideoPlan | { error: string } {
  const perChapter = frameCount({ seconds: secondsPerChapter, fps });
  if (typeof perChapter !== 'number') return { error: `Each chapter's length: ${perChapter.error}` };
  const frames = perChapter * tour.chapters.length;
  if (frames / fps > MAX_SECONDS)
    return { error: `${tour.chapters.length} chapters × ${secondsPerChapter} s is over ${MAX_SECONDS} s: give each chapter less time.` };
  // The run between chapters takes the player's time, or a third of a short chapter.
  const runFrames = Math.min(Math.round((runMs / 1000) * fps), Math.floor(perChapter / 3));
  // A chapter always has a camera (tour.ts checks it).
  const views = tour.chapters.map((c) => ({ ...base, ...chapterView(c), tour: tour.id }));
  return {
    frames,
    fps,
    still: (i) => {
      const n = Math.min(tour.chapters.length - 1, Math.floor(i / perChapter));
      const chapter = tour.chapters[n];
      const into = i - n * perChapter;
      let view: ViewSnapshot = { ...views[n], chapter: n };
      if (n > 0 && into < runFrames) {
        const k = into / runFrames;
        const before = views[n - 1];
        view = { ...view, t: Math.round(before.t + (view.t - before.t) * k), camera: cameraBetween(before.camera, chapterView(chapter).camera, k) };
      }
      return { view, title: chapter.title, ...(captions ? { caption: `${n + 1} of ${tour.chapters.length}. ${chapter.narrative}` } : {}) };
    },
  };
}
