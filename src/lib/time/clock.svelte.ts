// The clock: every change of the view's day goes through it, so play, a tour's run to a chapter's
// date and a jump from the slider know of each other (issue 13: a chapter opened while playing
// kept moving). It holds playing and speed; the day itself is the view state's.
import { createContext } from 'svelte';
import { LAST_DAY } from './window.ts';

export const speeds = [
  { label: '1 week a second', daysPerSecond: 7 },
  { label: '1 month a second', daysPerSecond: 30 },
  { label: '1 year a second', daysPerSecond: 365 },
] as const;

/** How long a tour takes to run the date to a chapter's, so the reader sees it pass. */
export const RUN_MS = 1500;

export class Clock {
  playing = $state(false);
  speed = $state<number>(speeds[1].daysPerSecond);
  #frame = 0;
  #run = 0;

  constructor(
    private get: () => number,
    private set: (t: number) => void,
  ) {}

  /** Advances the day from where it stands, stopping at the last day. Stops a run. */
  play(): void {
    this.#stopRun();
    if (this.get() >= LAST_DAY) return;
    this.playing = true;
    let last = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      if (!this.playing) return;
      carry += ((now - last) / 1000) * this.speed;
      last = now;
      const whole = Math.floor(carry);
      if (whole > 0) {
        carry -= whole;
        const next = Math.min(LAST_DAY, this.get() + whole);
        this.set(next);
        if (next >= LAST_DAY) return this.pause();
      }
      this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.#frame);
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
