// The place selected, and the way to it (issue 38: out of App): a place flies the map to it, a
// governorate with no place of its own is selected by its id, an event jumps the clock to its day
// and selects its place. Closing gives focus back to what opened the place (a list entry, the
// search box, the map), so a keyboard reader never lands on <body>. No runes of its own: what
// it reads (the view) is reactive already.
import { createContext, tick } from 'svelte';
import type { Atlas, AtlasEvent } from '../data/schema.ts';
import type { MapCalls } from '../map/map-link.svelte.ts';
import { zoomForKind, zoomForPlace } from '../map/zoom.ts';
import type { ViewState } from '../state/view.svelte.ts';
import type { Clock } from '../time/clock.svelte.ts';
import { anchorDay } from '../time/window.ts';
import { returnFocus } from '../ui/focus.ts';

export class Selection {
  private placesById: ReadonlyMap<string, Atlas['places'][number]>;
  private governoratesById: ReadonlyMap<string, Atlas['governorates']['features'][number]>;
  /** What had focus when a place was chosen, to go back to on closing it. */
  private opener: Element | null = null;

  constructor(
    atlas: Atlas,
    private view: ViewState,
    private clock: Clock,
    private map: Pick<MapCalls, 'flyTo'>,
  ) {
    this.placesById = new Map(atlas.places.map((p) => [p.id, p]));
    this.governoratesById = new Map(atlas.governorates.features.map((g) => [g.properties.id, g]));
  }

  get place() {
    return this.view.place ? (this.placesById.get(this.view.place) ?? null) : null;
  }

  get governorate() {
    return this.view.place ? (this.governoratesById.get(this.view.place) ?? null) : null;
  }

  /** A place, or a governorate with no place of its own (by its id). */
  select = (id: string): void => {
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest('.panel')) this.opener = active;
    const place = this.placesById.get(id);
    const governorate = this.governoratesById.get(id);
    if (place) this.map.flyTo(place.anchor, zoomForPlace(place));
    else if (governorate) this.map.flyTo(governorate.properties.label, zoomForKind.governorate);
    else return;
    this.view.place = id;
  };

  close = (): void => {
    this.view.place = null;
    tick().then(() => returnFocus(this.opener, '.map canvas'));
  };

  /** An event: the clock to its day on the slider (its first, or the bound of an open start), and its place selected. */
  showEvent = (event: AtlasEvent): void => {
    this.clock.jumpTo(anchorDay(event));
    this.select(event.placeId);
  };
}

export const [getSelection, setSelection] = createContext<Selection>();
