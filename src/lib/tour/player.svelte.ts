// Plays a tour: a chapter is a partial view (tour.ts chapterView) set on the view state, its date
// run by the clock and its camera flown to, or both at once when motion is reduced or the chapter
// comes from a link. Remembers the chapter a reader stepped out of, for "Back to the tour".
import type { Clock } from '../time/clock.svelte.ts';
import { RUN_MS } from '../time/playback.ts';
import type { ViewState } from '../state/view.svelte.ts';
import { chapterView, type Tour } from './tour.ts';

export class TourPlayer {
  /** The chapter left by "Explore from here". */
  left = $state<{ tour: string; chapter: number } | null>(null);
  /** The shipped tours, the reader's own, and one a link carried once the reader chose to play it. */
  tours = $state.raw<Tour[]>([]);

  constructor(
    tours: Tour[],
    private view: ViewState,
    private clock: Clock,
    private flyTo: (center: [number, number], zoom: number) => void,
  ) {
    this.tours = tours;
  }

  /** A tour to play that the page did not load with (a shared link's), replacing one of its id. */
  add(tour: Tour): void {
    this.tours = [...this.tours.filter((t) => t.id !== tour.id), tour];
  }

  /** The tour being played, from the view state (so a template reading it follows the view). */
  get tour(): Tour | null {
    return this.view.tour ? (this.tours.find((t) => t.id === this.view.tour) ?? null) : null;
  }

  get chapter() {
    const tour = this.tour;
    return tour && this.view.chapter !== null ? tour.chapters[this.view.chapter] : null;
  }

  /** Sets the view to a chapter: its layers and mode at once, the camera and the date in motion. */
  show(index: number, instant = false): void {
    const next = this.tour?.chapters[index];
    if (!next) return;
    const still = instant || matchMedia('(prefers-reduced-motion: reduce)').matches;
    const { t, camera, ...rest } = chapterView(next);
    this.view.set({ ...rest, chapter: index, place: null, doc: null, passage: null });
    if (still) this.view.camera = camera;
    else this.flyTo([camera[0], camera[1]], camera[2]);
    this.clock.runTo(t, still ? 0 : RUN_MS);
  }

  start(id: string): void {
    this.view.tour = id;
    this.left = null;
    this.show(0);
  }

  exploreFromHere(): void {
    if (this.view.tour && this.view.chapter !== null) this.left = { tour: this.view.tour, chapter: this.view.chapter };
    this.view.set({ tour: null, chapter: null });
  }

  backToTour(): void {
    if (!this.left) return;
    this.view.tour = this.left.tour;
    this.show(this.left.chapter);
    this.left = null;
  }
}
