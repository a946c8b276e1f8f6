// The leads' words under the governorates' names (look/lead-line.ts): one map image per governorate,
// added when the label layer first asks for it, whose pixels are the words of the lead on the
// slider's date, or nothing. A lead that changes rewrites those pixels (updateImage, the same
// size): the label keeps its layout, and the words change in the frame the pattern does.
import type * as maplibregl from 'maplibre-gl';
import type { LeadOrGap } from '../look/leads.ts';
import type { LeadLineImages } from './lead-lines-file.ts';
import { leadLineImage } from '../look/lead-line.ts';

/** The leads' words beside the glyph ranges (src/build/glyph-ranges.ts writes it; lead-lines-file.ts reads it). */
export const LEAD_LINES_FILE = 'lead-lines.json';

export class LeadLines {
  readonly #map: maplibregl.Map;
  readonly #images: Promise<LeadLineImages | null>;
  /** Each governorate's lead as last shown (null: none), kept before its image exists too. */
  readonly #shown = new Map<string, LeadOrGap | null>();
  #read: LeadLineImages | null = null;

  /** Reads the file at `url` now; a fault is said through onError and the names stay without leads. */
  constructor(map: maplibregl.Map, url: string, onError: (error: Error) => void) {
    this.#map = map;
    // Its reader is asked for beside the file: a visitor's first load carries neither.
    const reader = import('./lead-lines-file.ts');
    this.#images = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: the server answered ${response.status}; the governorates' names are drawn without their leads.`);
        return response.json();
      })
      .then(async (json) => (this.#read = (await reader).readLeadLines(json, url)))
      .catch((error: Error) => {
        onError(error);
        return null;
      });
  }

  #pixels(images: LeadLineImages, lead: LeadOrGap | null | undefined) {
    return { width: images.width, height: images.height, data: lead ? images.lines[lead] : images.blank };
  }

  /**
   * For the map's missing-image resolver: a governorate's image, added once the file is read (the
   * layout waits for it), with the words of its lead as last shown. Null for an image not ours.
   */
  provide(id: string): Promise<void> | null {
    const governorate = id.startsWith(leadLineImage('')) ? id.slice(leadLineImage('').length) : null;
    if (governorate === null) return null;
    return this.#images.then((images) => {
      if (images && !this.#map.hasImage(id)) this.#map.addImage(id, this.#pixels(images, this.#shown.get(governorate)), { sdf: true });
    });
  }

  /** The lead under a governorate's name: its image rewritten only when the lead changes. */
  show(governorate: string, lead: LeadOrGap | null): void {
    if (this.#shown.has(governorate) && this.#shown.get(governorate) === lead) return;
    this.#shown.set(governorate, lead);
    const id = leadLineImage(governorate);
    if (!this.#read || !this.#map.hasImage(id)) return;
    this.#map.updateImage(id, this.#pixels(this.#read, lead));
    // updateImage alone asks for no frame; a step's other writes usually do, a lead alone would not.
    this.#map.triggerRepaint();
  }
}
