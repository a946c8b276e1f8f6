// Entry: bundle the fonts, start the map's worker, receive the data and the tours (checked at
// build time; in `npm run dev`, here), offer the page API to scripts, and mount the app.
import '@fontsource/noto-sans/400.css';
// Figure titles and date stamps are set in the semibold; the PDF embeds the same face.
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-arabic/400.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { loadShipped } from 'virtual:shipped-atlas';
import { formatProblem } from './lib/data/problem.ts';
import type { FigureOptions } from './lib/print/options.ts';
import { hasOwnTexts } from './lib/own/count-key.ts';
import { takeSharedTour } from './lib/tour/shared-link.ts';
import { hasOwnTours } from './lib/tour/count-key.ts';
import { knownOf } from './lib/state/snapshot.ts';
import { useReaderLocale } from './lib/time/words.ts';
import { startMapWorker } from './lib/map/worker.ts';

// The map's worker starts now, while the data downloads and the panels are built (lib/map/worker.ts).
startMapWorker();

// Dates on screen in the reader's English (figures keep their own, fixed convention).
useReaderLocale(navigator.languages);

// The data comes in its own file beside the scripts; if it cannot be had, say so rather than leave
// a blank page.
const shipped = await loadShipped().catch((error: unknown) => {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The atlas could not load its data (${error instanceof Error ? error.message : String(error)}). Reload the page; if this persists, the atlas's files on this server are incomplete: build it again with npm run build.`;
  document.getElementById('app')!.replaceChildren(message);
  throw error;
});
const { tours, version } = shipped;
// The reader's own texts, kept in this browser, laid over the shipped atlas (none: nothing loads).
const stored = hasOwnTexts() ? await import('./lib/own/stored.ts').then((m) => m.withStoredTexts(shipped.atlas)) : null;
const atlas = stored?.atlas ?? shipped.atlas;
// The reader's own tours (issue 41): kept in this browser, and one a shared link carries. The link's
// tour is taken out of the address before the view reads it, and is only offered, never played
// unasked. Their code loads only when there is one.
const shared = takeSharedTour(location.hash);
if (shared.value !== null) history.replaceState(history.state, '', `${location.pathname}${location.search}${shared.rest ? `#${shared.rest}` : ''}`);
const own =
  hasOwnTours() || shared.value !== null
    ? await import('./lib/tour/kept-tours.ts').then(async (m) => {
        const kept = hasOwnTours() ? await m.keptTours(atlas) : { tours: [], problems: [] };
        const link = shared.value === null ? null : m.sharedTour(shared.value, atlas);
        return { tours: kept.tours, problems: [...kept.problems, ...(link?.problems ?? [])], fromLink: link?.tour ?? null };
      })
    : { tours: [], problems: [], fromLink: null };
const allTours = [...tours, ...own.tours];
const problems = [...shipped.problems, ...(stored?.problems ?? []), ...own.problems];
// Warn rather than error: a data problem is shown in the page and must not read as a crash.
for (const p of problems) console.warn(formatProblem(p));
const known = knownOf(atlas, allTours);

// For scripts that drive the page (the tests compare its bytes with `npm run figure`'s). The
// figure code loads on first use, as it does for the print dialog.
Object.assign(window, {
  iraqAtlas: {
    figure: async (options: FigureOptions) => (await import('./lib/print/page-api.ts')).figure({ atlas, known, tours: allTours, version }, options),
  },
});

mount(App, {
  target: document.getElementById('app')!,
  props: {
    atlas,
    problems,
    tours: allTours,
    sharedTour: own.fromLink,
    known,
    version,
    shipped: shipped.atlas,
    own: stored?.own ?? new Set<string>(),
    ownTexts: stored?.texts ?? [],
    unreadableTexts: stored?.unreadable ?? [],
  },
});
