// The slider's window as a collection server is asked for it (issue 19), kept apart from the
// requests and their checks (collection.ts): the map and the page's shell need these at the
// first load, while the code that fetches and checks replies loads only with the server's panel
// or a figure of the served collection. The window is in the same terms as the shipped events
// (time/window.ts): in window mode the days t - windowDays .. t, in cumulative mode everything
// begun by t.
import { isoDay } from '../time/day.ts';
import type { TimeMode } from '../time/window.ts';

/** The query every request shares: the window as ISO days (from absent in cumulative mode), and the tags. */
export function windowQuery(t: number, mode: TimeMode, windowDays: number, tags: string[] = []): string {
  const params = new URLSearchParams();
  if (mode === 'window') params.set('from', isoDay(t - windowDays));
  params.set('to', isoDay(t));
  if (tags.length) params.set('tags', tags.join(','));
  return params.toString().replace(/%2C/g, ',');
}

/** The tile URL template MapLibre fills in; the window's query is added to each request (windowedTile). */
export const tileTemplate = (base: string) => `${base}/{z}/{x}/{y}.pbf`;

/** A tile URL of the server at `base` with the window's query added; any other URL as it is. */
export function windowedTile(url: string, base: string, query: string): string {
  return url.startsWith(`${base}/`) && url.endsWith('.pbf') ? `${url}?${query}` : url;
}
