// What a click on one of a reader's imported events shows: its label, its date in words, its
// source, and the row (or feature) of the file it came from, in a popup, one at a time. Built as
// DOM text, never as HTML: the file's cells are the reader's and could hold markup.
import * as maplibregl from 'maplibre-gl';
import { stringAt, type ImportedSet } from '../import/events.ts';
import type { RecordUnit } from '../import/rows.ts';
import { isoDay } from '../time/day.ts';
import { dateInWords } from '../time/words.ts';
import { importedEventAt, type MapClock } from './imported-layer.ts';

export function importedEventNode(set: ImportedSet, i: number, unit: RecordUnit): HTMLElement {
  const node = document.createElement('div');
  node.className = 'imported-event';
  const line = (tag: 'strong' | 'span', text: string) => {
    const el = document.createElement(tag);
    el.textContent = text;
    node.append(el, document.createElement('br'));
  };
  const [t0, t1] = [set.t0[i], set.t1[i]];
  const [label, source] = [stringAt(set.labels, i), stringAt(set.sources, i)];
  line('strong', label || '(no label)');
  line('span', dateInWords(t0 === t1 ? isoDay(t0) : `${isoDay(t0)}/${isoDay(t1)}`));
  line('span', source ? `Source: ${source}` : 'Source: none given');
  line('span', `${set.name}, ${unit} ${set.rows[i]}`);
  node.lastChild?.remove();
  return node;
}

/** The popup of the reader's event a click or tap finds (imported-layer.ts picks it), one at a time. */
export class ImportedPopup {
  #popup: maplibregl.Popup | null = null;

  /** Opens on the reader's event under `at`, shown on the clock's date, if there is one; says whether there was. */
  openAt(map: maplibregl.Map, set: ImportedSet | null, at: maplibregl.LngLat, clock: MapClock, unit: RecordUnit): boolean {
    const i = importedEventAt(map, set, at, clock);
    if (!set || i < 0) return false;
    this.#popup?.remove();
    this.#popup = new maplibregl.Popup({ maxWidth: '18rem' })
      .setLngLat([set.lngLat[2 * i], set.lngLat[2 * i + 1]])
      .setDOMContent(importedEventNode(set, i, unit))
      .addTo(map);
    return true;
  }
}
