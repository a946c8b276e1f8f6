// What play is made of, apart from the clock that runs it (clock.svelte.ts): speeds, the step
// each move takes, and the frame pace it aims at. Plain TypeScript, so the bench can read it too.
import { addMonths } from './window.ts';

export const speeds = [
  { label: '1 week a second', daysPerSecond: 7 },
  { label: '1 month a second', daysPerSecond: 30 },
  { label: '1 year a second', daysPerSecond: 365 },
] as const;

/** The typed speed's bounds, in days a second: from a day in ten seconds to ten years a second. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 3650;
export const validSpeed = (daysPerSecond: number): boolean => Number.isFinite(daysPerSecond) && daysPerSecond >= MIN_SPEED && daysPerSecond <= MAX_SPEED;

/** How far each move of the date goes while playing: sparse data reads better a week or a month at a time. */
export const steps = [
  { id: 'day', label: 'a day' },
  { id: 'week', label: 'a week' },
  { id: 'month', label: 'a month' },
] as const;
export type Step = (typeof steps)[number]['id'];

/** The day `n` steps after `from`; months by the calendar, from `from`'s day (31 January, 28 February, 31 March). */
export function stepFrom(from: number, step: Step, n: number): number {
  if (step === 'month') return addMonths(from, n);
  return from + n * (step === 'week' ? 7 : 1);
}

/** How long a tour takes to run the date to a chapter's, so the reader sees it pass (a tour video too). */
export const RUN_MS = 1500;

/** Play aims at 30 frames a second; a frame later than this counts as dropped. */
export const SLOW_FRAME_MS = 1000 / 30 + 1000 / 60;

/** Frames while playing, so the slider can say when the machine cannot keep up. */
export interface FrameTally {
  frames: number;
  late: number;
}
