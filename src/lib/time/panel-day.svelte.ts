// The day the side panels show (issue 44): the view's day, but while the clock plays no more than
// PANEL_MS apart, and the day it stops on at once. The map, the slider and its date follow every
// frame; the event list, the counts and the cards (text the page lays out and draws again each
// time it changes) a few times a second. In software WebGL a played frame spent its time drawing
// the page, not running its scripts (a profile of three played seconds: 3.1 s of 4.2 idle on the
// main thread), and each panel redrawn was more of that drawing.
import { createContext } from 'svelte';

/** At most four updates a second while playing: the list still reads as following the date. */
export const PANEL_MS = 250;

export class PanelDay {
  t = $state(0);
  #latest: number;
  #shown = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    t: number,
    private now: () => number = () => performance.now(),
  ) {
    this.t = this.#latest = t;
  }

  /** Told the view's day on every change of it or of play (page.svelte.ts's effect). */
  follow(t: number, playing: boolean): void {
    this.#latest = t;
    if (!playing) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      return this.#show();
    }
    const wait = this.#shown + PANEL_MS - this.now();
    if (wait <= 0) this.#show();
    else this.#timer ??= setTimeout(() => this.#show(), wait);
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #show(): void {
    this.#timer = undefined;
    this.t = this.#latest;
    this.#shown = this.now();
  }
}

export const [getPanelDay, setPanelDay] = createContext<PanelDay>();
