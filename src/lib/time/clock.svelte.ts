// The play clock: advances the view's day while playing. It holds playing and speed, nothing else;
// the day itself is the view state's, so one clock drives map, panels and slider together.
import { LAST_DAY } from './window.ts';

export const speeds = [
  { label: '1 week a second', daysPerSecond: 7 },
  { label: '1 month a second', daysPerSecond: 30 },
  { label: '1 year a second', daysPerSecond: 365 },
] as const;

export class Clock {
  playing = $state(false);
  speed = $state<number>(speeds[1].daysPerSecond);
  #frame = 0;

  /** Starts advancing `get()`/`set()` from where it stands, stopping at the last day. */
  play(get: () => number, set: (t: number) => void): void {
    if (get() >= LAST_DAY) return;
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
        const next = Math.min(LAST_DAY, get() + whole);
        set(next);
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
}
