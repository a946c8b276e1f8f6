// The view state ⇄ the address bar: every change writes the link; a change a reader would want
// to step back over (a place, a text, the layers, the filters, the mode, a tour chapter) adds a
// history entry, while scrubbing the slider or panning replaces the current one. Back and forward
// read the link again. url.ts is the codec; this is the wiring.
import { formatView, parseView } from './url.ts';
import { type Known } from './snapshot.ts';
import type { ViewState } from './view.svelte.ts';

export interface LinkRead {
  notices: string[];
}

/**
 * Starts writing the view into the link (call during a component's setup: it makes an effect),
 * and returns what to do on popstate: `onlink` runs after a link is read into the view.
 */
export function syncUrl(view: ViewState, known: Known, onlink: (read: LinkRead) => void): () => void {
  const discrete = () => JSON.stringify([view.place, view.doc, view.passage, view.layers, view.texts, view.tags, view.mode, view.tour, view.chapter, view.db]);
  let lastDiscrete = discrete();
  let replaceTimer: ReturnType<typeof setTimeout> | undefined;

  $effect(() => {
    const hash = formatView(view.snapshot());
    const key = discrete();
    if (hash === location.hash) return;
    clearTimeout(replaceTimer);
    if (key !== lastDiscrete) {
      lastDiscrete = key;
      history.pushState(null, '', hash);
    } else {
      // Browsers throttle history calls, so the current entry is replaced at most every 300 ms.
      replaceTimer = setTimeout(() => history.replaceState(null, '', hash), 300);
    }
  });

  return () => {
    const parsed = parseView(location.hash, known);
    view.apply(parsed.view);
    onlink({ notices: parsed.notices });
    lastDiscrete = discrete();
  };
}
