// The reader's own tours on the page (issue 41): which tour the editor has open (Your tours opens
// it, the editor beside the guided tour shows it), and how a tour kept or loaded is played.
import type { TourFile } from './tour.ts';

class TourDesk {
  /** The editor's tour: a kept one to edit, `{ tour: null }` for a new one, or null when closed. Raw: the editor clones it. */
  editing = $state.raw<{ tour: TourFile | null } | null>(null);
}

export const tourDesk = new TourDesk();

/** A tour kept or loaded: the page reloads playing it, so every view is built with it. */
export function playKept(id: string): void {
  location.hash = `tour=${encodeURIComponent(id)}&chapter=1`;
  location.reload();
}
