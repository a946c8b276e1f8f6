// The page's composition root (issue 38): the shared objects are made here once, each provided by
// context to the panels that use it, and the link the page was opened with is read. App.svelte
// calls providePage and only lays out; a feature reaches what it needs with its getter
// (getView, getClock, getMapLink, getSelection, getImported, getServerAccess), not through props.
import type { Problem } from './lib/data/problem.ts';
import type { Atlas } from './lib/data/schema.ts';
import { Selection, setSelection } from './lib/explore/selection.ts';
import { ImportedState, setImported } from './lib/import/imported.svelte.ts';
import { MapLink, setMapLink } from './lib/map/map-link.svelte.ts';
import type { OwnText } from './lib/own/draft.ts';
import type { UnreadableKept } from './lib/own/kept.ts';
import { takeNotesFromReload } from './lib/own/reload.ts';
import { ServerAccess, setServerAccess } from './lib/server/access.svelte.ts';
import type { Known } from './lib/state/snapshot.ts';
import { syncUrl } from './lib/state/url-sync.svelte.ts';
import { parseView } from './lib/state/url.ts';
import { setView, ViewState } from './lib/state/view.svelte.ts';
import { Clock, setClock } from './lib/time/clock.svelte.ts';
import { PanelDay, setPanelDay } from './lib/time/panel-day.svelte.ts';
import { TourPlayer } from './lib/tour/player.svelte.ts';
import type { Tour } from './lib/tour/tour.ts';

/** What main.ts hands the page: the data, loaded and checked before it mounts. */
export interface PageProps {
  atlas: Atlas;
  problems: Problem[];
  tours: Tour[];
  known: Known;
  /** The data version, a content hash: printed on figures. */
  version: string;
  /** The atlas as shipped, without the reader's own texts (place files are written against it). */
  shipped: Atlas;
  /** The reader's own texts kept in this browser, and the ids of those in `atlas`. */
  ownTexts: OwnText[];
  own: Set<string>;
  /** Kept records this version could not read: listed in Your texts, never dropped. */
  unreadableTexts: UnreadableKept[];
  /** A tour a shared link carries, checked: offered to the reader, not played unasked (issue 41). */
  sharedTour: Tour | null;
}

/** What the link could not use, and what a reload was for: shown until dismissed. */
export class PageNotices {
  list = $state<string[]>([]);
}

/** Call once, in App's script: makes and provides the page's shared objects, and reads the link. */
export function providePage(atlas: Atlas, tours: Tour[], known: Known) {
  const view = setView(new ViewState());
  // Every change of the date goes through the clock (play, a chapter's run, a jump).
  const clock = setClock(
    new Clock(
      () => view.t,
      (t) => (view.t = t),
    ),
  );
  $effect(() => () => clock.stop());
  // The panels' day: the view's while still, a few times a second while playing.
  const panelDay = setPanelDay(new PanelDay(view.t));
  $effect(() => panelDay.follow(view.t, clock.playing));
  $effect(() => () => panelDay.dispose());
  const map = setMapLink(new MapLink());
  const player = new TourPlayer(tours, view, clock, (center, zoom) => map.flyTo(center, zoom));
  const access = setServerAccess(new ServerAccess(view));
  const selection = setSelection(new Selection(atlas, view, clock, map));
  const imported = setImported(new ImportedState(map));
  const notices = new PageNotices();

  const initial = parseView(location.hash, known);
  view.apply(initial.view);
  notices.list = [...initial.notices, ...takeNotesFromReload()];
  // A chapter opened by a link is shown as it is, without motion.
  if (view.tour && view.chapter !== null) player.show(view.chapter, true);
  const onpopstate = syncUrl(view, known, (read) => {
    // A link sets the date itself: whatever was moving it stops.
    clock.stop();
    // A link to a chapter names only the tour and chapter: the chapter supplies the rest.
    if (view.tour && view.chapter !== null) player.show(view.chapter, true);
    notices.list = read.notices;
  });
  return { view, clock, map, player, access, selection, imported, notices, onpopstate };
}
