// A reader's own events on the map (issue 38: out of App): the set read, whether it is shown, and
// how it is drawn. Kept for this visit only: not in the link, and the file never leaves the browser.
import { createContext } from 'svelte';
import { DENSE_OVER, type ImportedStyle } from '../look/density.ts';
import type { MapCalls } from '../map/map-link.svelte.ts';
import type { ImportResult } from './read.ts';

export class ImportedState {
  result = $state.raw<ImportResult | null>(null);
  shown = $state(true);
  /** Whether this browser's WebGL can draw density; asked of the map when a set comes. */
  densityAvailable = $state(true);
  style = $state<ImportedStyle>('dots');

  constructor(private map: Pick<MapCalls, 'densityAvailable'>) {}

  /** The set the map and figures draw: none while it is hidden. */
  get set() {
    return this.result && this.shown ? this.result.set : null;
  }

  /** A new set (or none): a dense one is drawn as density unless the reader asks for dots. */
  show(result: ImportResult | null): void {
    this.result = result;
    if (result) this.densityAvailable = this.map.densityAvailable();
    this.style = result && this.densityAvailable && result.set.count > DENSE_OVER ? 'density' : 'dots';
  }
}

export const [getImported, setImported] = createContext<ImportedState>();
