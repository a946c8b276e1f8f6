// The words printed under a figure, and the data version they end with.
import type { Atlas } from '../data/schema.ts';
import type { ViewSnapshot } from '../state/url.ts';
import { humanDate } from '../time/window.ts';

/** The words printed under a figure: what it shows, when, from which texts and datasets. */
export function autoCaption(atlas: Atlas, views: ViewSnapshot[], dataVersion: string, importedName?: string): string {
  const view = views[0];
  const when = views.length > 1
    ? `${views.length} panels, ${humanDate(Math.min(...views.map((v) => v.t)))} to ${humanDate(Math.max(...views.map((v) => v.t)))}`
    : view.mode === 'window' ? `events of the ${view.windowDays} days to ${humanDate(view.t)}` : `events up to ${humanDate(view.t)}`;
  const chosen = new Set(views.flatMap((v) => v.texts));
  const texts = atlas.sources.filter((s) => !chosen.size || chosen.has(s.id));
  const shows = (layer: string) => views.some((v) => v.layers.includes(layer as never));
  const layers = [
    'governorates and countries: Natural Earth (public domain)',
    ...(shows('context') ? ['rivers, lakes and coast: GSHHG (LGPL)'] : []),
    'places: GeoNames (CC BY 4.0) and cited sources',
    ...(importedName ? [`imported events: ${importedName} (the reader's own file, not checked by the atlas)`] : []),
    ...(shows('control') ? ['province control: geo/control.json (sources per period)'] : []),
    ...(shows('displacement') ? ['displacement: geo/displacement.json (IOM, UNHCR, IDMC; partial coverage)'] : []),
  ];
  return `Iraq, ${when}. Texts: ${texts.map((s) => s.credit).join(' ')} Data: ${layers.join('; ')}. Iraq War Atlas, data version ${dataVersion}.`;
}

/** A short content hash of the data the figure was drawn from, so a figure can be traced to its data. */
export async function dataVersion(files: Record<string, string>[]): Promise<string> {
  const text = files.flatMap((f) => Object.keys(f).sort().map((k) => `${k}\n${f[k]}`)).join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
