// MapLibre's worker, started while the page's scripts run rather than when the map is made (issue 16).
//
// The map sends each source's data to the worker as its style loads, and then draws its first
// frame, whose first shader program takes 150–300 ms to link in software WebGL, the page's main
// thread blocked meanwhile. A worker made with the map was still starting then, and a trace showed
// it idle until that link was done: the data reached it only afterwards. Started here, it is ready
// when the style loads and lays the data out during the link (cold load: about 100–170 ms sooner,
// npm run bench -- load).
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

/** What MapLibre reports as an error: an Error, or at least its message. */
export type MapError = maplibregl.ErrorEvent['error'];

let started = false;
let failure: MapError | null = null;
const failureListeners = new Set<(error: MapError) => void>();

/** Points MapLibre at the bundled worker and starts it. Safe to call again: the worker is made once. */
export function startMapWorker(): void {
  if (started) return;
  started = true;
  maplibregl.setWorkerUrl(workerUrl);
  maplibregl.prewarm();
  // A worker that cannot load says so once, to whoever listens at that moment. Made with the map,
  // the map heard it; made here, it can fail before the map exists (the data still downloading),
  // and only the global dispatcher, which listens as soon as the worker is made, is sure to hear.
  maplibregl.getGlobalDispatcher().on('error', (event: maplibregl.ErrorEvent) => {
    failure ??= event.error;
    for (const listener of failureListeners) listener(event.error);
  });
}

/**
 * Calls `listener` when MapLibre's worker fails to load, at once if it already has. The failure is
 * not logged here: listening takes MapLibre's own report away, so the listener reports it.
 * Returns a function that stops listening.
 */
export function onMapWorkerFailure(listener: (error: MapError) => void): () => void {
  if (failure) listener(failure);
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}
