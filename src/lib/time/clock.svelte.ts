// The clock: every change of the view's day goes through it, so play, a tour's run to a chapter's
// date and a jump from the slider know of each other (issue 13: a chapter opened while playing
// kept moving). It holds playing, speed and step; the day itself is the view state's.
import { createContext } from 'svelte';
import { LAST_DAY } from './window.ts';
import { RUN_MS, SLOW_FRAME_MS, speeds, stepFrom, type FrameTally, type Step } from './playback.ts';

/** The browser's frame clock; the tests pass their own. */
export interface Frames {
  request: (tick: (now: number) => void) => number;
  cancel: (id: number) => void;
  now: () => number;
}
const browserFrames: Frames = {
  request: (tick) => requestAnimationFrame(tick),
  cancel: (id) => cancelAnimationFrame(id),
  now: () => performance.now(),
};

export class Clock {
  playing = $state(false);
  speed = $state<number>(speeds[1].daysPerSecond);
  step = $state<Step>('day');
  /** Frames of the current play (or the last), counted once a second and when it stops. */
  frameTally = $state<FrameTally>({ frames: 0, late: 0 });
  #tally: FrameTally = { frames: 0, late: 0 };
  #frame = 0;
  #run = 0;

  constructor(
    private get: () => number,
    private set: (t: number) => void,
    private frames: Frames = browserFrames,
  ) {}

  /**
   * Advances the day from where it stands, a step at a time (day, week or calendar month), as fast
   * as the speed says, stopping at the last day. Stops a run. A jump while playing plays on from
   * the new day.
   */
  play(): void {
    this.#stopRun();
    if (this.get() >= LAST_DAY) return;
    this.playing = true;
    let anchor = this.get();
    let shown = anchor;
    let elapsedDays = 0;
    let n = 0;
    let step = this.step;
    let last = this.frames.now();
    let counted = last;
    this.frameTally = this.#tally = { frames: 0, late: 0 };
    const tick = (now: number) => {
      if (!this.playing) return;
      // A jump, or a new step size, plays on from the day shown.
      if (this.get() !== shown || this.step !== step) [anchor, shown, elapsedDays, n, step] = [this.get(), this.get(), 0, 0, this.step];
      const dt = now - last;
      last = now;
      this.#tally = { frames: this.#tally.frames + 1, late: this.#tally.late + (dt > SLOW_FRAME_MS ? 1 : 0) };
      if (now - counted >= 1000) [this.frameTally, counted] = [this.#tally, now];
      elapsedDays += (dt / 1000) * this.speed;
      while (stepFrom(anchor, step, n + 1) <= anchor + elapsedDays) n++;
      const next = Math.min(LAST_DAY, stepFrom(anchor, step, n));
      if (next !== shown) this.set((shown = next));
      if (next >= LAST_DAY) return this.pause();
      this.#frame = this.frames.request(tick);
    };
    this.#frame = this.frames.request(tick);
  }

  pause(): void {
    if (this.playing) this.frameTally = this.#tally;
    this.playing = false;
    this.frames.cancel(this.#frame);
  }

  /** The day set at once (the slider, a key, an event chosen): stops a run; play goes on from there. */
  jumpTo(t: number): void {
    this.#stopRun();
    this.set(t);
  }

  /** Runs the day to `t` over `ms` (a tour chapter), or at once with ms = 0. Pauses play. */
  runTo(t: number, ms = RUN_MS): void {
    this.pause();
    const run = ++this.#run;
    const from = this.get();
    if (ms <= 0 || from === t) return this.set(t);
    const started = performance.now();
    const step = (now: number) => {
      if (run !== this.#run) return;
      const k = Math.min(1, (now - started) / ms);
      this.set(Math.round(from + (t - from) * k));
      if (k < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  /** Stops everything: play and any run. */
  stop(): void {
    this.pause();
    this.#stopRun();
  }

  #stopRun(): void {
    this.#run++;
  }
}

export const [getClock, setClock] = createContext<Clock>();
