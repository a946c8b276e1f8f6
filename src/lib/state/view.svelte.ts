// The one view state (docs/architecture.md): time, window, camera, layers, filters, selection, open text.
// The same object is a permalink (url.ts), and later a tour chapter and a figure's input.
import { createContext } from 'svelte';
import type { TimeMode } from '../time/window.ts';
import { defaultView, type LayerName, type ViewSnapshot } from './snapshot.ts';

export class ViewState {
  t = $state(defaultView.t);
  mode = $state<TimeMode>(defaultView.mode);
  windowDays = $state(defaultView.windowDays);
  camera = $state.raw<[number, number, number] | null>(defaultView.camera);
  layers = $state<LayerName[]>([...defaultView.layers]);
  texts = $state<string[]>([]);
  tags = $state<string[]>([]);
  place = $state<string | null>(null);
  doc = $state<string | null>(null);
  passage = $state.raw<[number, number] | null>(null);
  tour = $state<string | null>(null);
  chapter = $state<number | null>(null);
  db = $state<string | null>(null);

  snapshot(): ViewSnapshot {
    return {
      t: this.t,
      mode: this.mode,
      windowDays: this.windowDays,
      camera: this.camera,
      layers: [...this.layers],
      texts: [...this.texts],
      tags: [...this.tags],
      place: this.place,
      doc: this.doc,
      passage: this.passage,
      tour: this.tour,
      chapter: this.chapter,
      db: this.db,
    };
  }

  apply(v: ViewSnapshot): void {
    this.set(v);
  }

  /** Sets the fields a partial view names (a tour chapter's, say), and leaves the rest. */
  set(v: Partial<ViewSnapshot>): void {
    if (v.t !== undefined) this.t = v.t;
    if (v.mode !== undefined) this.mode = v.mode;
    if (v.windowDays !== undefined) this.windowDays = v.windowDays;
    if (v.camera !== undefined) this.camera = v.camera;
    if (v.layers !== undefined) this.layers = [...v.layers];
    if (v.texts !== undefined) this.texts = [...v.texts];
    if (v.tags !== undefined) this.tags = [...v.tags];
    if (v.place !== undefined) this.place = v.place;
    if (v.doc !== undefined) this.doc = v.doc;
    if (v.passage !== undefined) this.passage = v.passage;
    if (v.tour !== undefined) this.tour = v.tour;
    if (v.chapter !== undefined) this.chapter = v.chapter;
    if (v.db !== undefined) this.db = v.db;
  }

  shows(layer: LayerName): boolean {
    return this.layers.includes(layer);
  }

  toggle(layer: LayerName): void {
    this.layers = this.shows(layer) ? this.layers.filter((l) => l !== layer) : [...this.layers, layer];
  }

  /** Opens a text in the reader, with a passage highlighted; null closes the reader. */
  read(doc: string | null, passage: [number, number] | null = null): void {
    this.doc = doc;
    this.passage = passage;
  }
}

export const [getView, setView] = createContext<ViewState>();
