// "Cite this view" and a quote's "Cite" (issue 42): the CSL items for what is on screen, named in
// words a reader can check against the map (the day, the window, the layers), with the data
// version, the permalink and the day it was accessed. Pure.
import type { SourceText } from '../data/schema.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import { dateInWords } from '../time/words.ts';
import { isoDay } from '../time/day.ts';
import { paragraphAt } from '../data/paragraph.ts';
import { textItem, type CslItem } from './csl.ts';

export const ATLAS_TITLE = 'Iraq War Atlas';
export const ATLAS_AUTHOR = 'Iraq War Atlas contributors';

const layerWords: Record<string, string> = {
  events: 'events',
  control: 'province control',
  displacement: 'displacement',
  context: 'context',
};

/** The view in words: "16 December 2007, events in the 90 days to that day; layers: events, province control". */
export function viewWords(view: ViewSnapshot): string {
  const day = dateInWords(isoDay(view.t));
  const when = view.mode === 'window' ? `${day}, events in the ${view.windowDays} days to that day` : `${day}, every event up to that day`;
  const layers = view.layers.map((l) => layerWords[l] ?? l).join(', ');
  return `${when}; layers: ${layers || 'none'}`;
}

const dateParts = (d: Date) => ({ 'date-parts': [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] });

export function viewItem(view: ViewSnapshot, version: string, permalink: string, accessed: Date): CslItem {
  return {
    id: 'iraq-war-atlas-view',
    type: 'dataset',
    title: `${ATLAS_TITLE}: ${viewWords(view)}`,
    author: [{ literal: ATLAS_AUTHOR }],
    genre: 'Interactive map',
    version,
    URL: permalink,
    accessed: dateParts(accessed),
  };
}

/** A quote's citation: its text's item, with the paragraph the quote is in. */
export function quoteItem(text: SourceText, start: number): CslItem & { locator: string; label: 'paragraph' } {
  return { ...textItem(text), locator: String(paragraphAt(text.text, start)), label: 'paragraph' };
}
