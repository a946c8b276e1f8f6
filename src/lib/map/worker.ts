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

/** Points MapLibre at the bundled worker and starts it. Safe to call again: the worker is made once. */
export function startMapWorker(): void {
  maplibregl.setWorkerUrl(workerUrl);
  maplibregl.prewarm();
}
