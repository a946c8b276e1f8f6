// The words that go with a figure, all from what it shows (never from what it could show):
//   - the credit line printed on the figure: the texts' short names, the layers' sources, the
//     projection and the data version;
//   - the full caption, for the manuscript (written beside the figure as <out>.caption.txt):
//     each text cited in full, each control and displacement source by outlet, title and address;
//   - (the alt text, a plain description of the view stored in the file, is alt-text.ts's).
import { isPassage, type Atlas, type SourceText, type WebSource } from '../data/schema.ts';
import { citeName } from '../data/web-sources.ts';
import { densityClasses, FIGURE_CELL_MM } from '../look/density.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import { controlAt, displacementAt } from '../time/questions.ts';
import { humanDate } from '../time/window.ts';
import { FIGURE_LOCALE } from '../time/words.ts';

/** What the laid-out figure draws, found from its items (scene.ts). */
export interface Shown {
  events: Set<string>;
  places: Set<string>;
  governorates: Set<string>;
  /** Imported points binned into dots: [points, dots, cell size in mm]. */
  binned: [number, number, number] | null;
  /** Imported points drawn as density: how many, in how many squares (all panels). */
  density: { points: number; cells: number } | null;
  /** A served collection's cells drawn (all panels): events counted, squares, the grid's zooms, each panel's square width in mm. */
  served: { events: number; cells: number; levels: number[]; mm: number[] } | null;
}

export interface Words {
  credit: string;
  caption: string;
  alt: string;
}

const panelLetter = (i: number) => `(${String.fromCharCode(97 + i)})`;

export const when = (view: ViewSnapshot): string =>
  view.mode === 'window' ? `events of the ${view.windowDays} days to ${humanDate(view.t, FIGURE_LOCALE)}` : `events up to ${humanDate(view.t, FIGURE_LOCALE)}`;

/** The date a panel shows, as its date stamp says it. */
export const dateLabel = (view: ViewSnapshot): string =>
  view.mode === 'window' ? `${view.windowDays} days to ${humanDate(view.t, FIGURE_LOCALE)}` : `up to ${humanDate(view.t, FIGURE_LOCALE)}`;

/** A text in a few words: its author's surname, or its outlet, or its title; and its year; marked if a reader's own. */
export function shortName(s: SourceText): string {
  const who = s.author ? s.author.split(' ').at(-1)! : (s.outlet ?? `“${s.title}”`);
  return `${who} ${s.date.slice(0, 4)}${s.own ? ' (reader’s own text)' : ''}`;
}

/** The texts cited by the events the figure draws, in the atlas's order. */
export function textsShown(atlas: Atlas, shown: Shown): SourceText[] {
  const docs = new Set(atlas.events.filter((e) => shown.events.has(e.id)).flatMap((e) => e.sources.map((s) => s.doc)));
  return atlas.sources.filter((s) => docs.has(s.id));
}

/** Each source once, as `Outlet, “Title” (address)`, in first-seen order. */
const citeSources = (sources: WebSource[]) => [...new Map(sources.map((s) => [s.url, s])).values()].map((s) => `${citeName(s)} (${s.url})`).join('; ');

/** The credit line and the caption (the alt text is written from the laid-out scene: alt-text.ts). */
export function figureWords(
  atlas: Atlas,
  views: ViewSnapshot[],
  shown: Shown,
  version: string,
  importedName?: string,
  servedName?: string,
): Omit<Words, 'alt'> {
  const multi = views.length > 1;
  const shows = (layer: string) => views.some((v) => v.layers.includes(layer as never));
  const texts = textsShown(atlas, shown);
  const governorates = atlas.governorates.features.map((g) => g.properties).filter((g) => shown.governorates.has(g.id));
  const whenAll = multi ? views.map((v, i) => `${panelLetter(i)} ${dateLabel(v)}`).join('; ') : when(views[0]);

  const sentences = [`Iraq, ${whenAll}.`];
  if (shows('events'))
    sentences.push(
      texts.length
        ? `Events (${shown.events.size}) from: ${texts.map((s) => s.credit.replace(/\.$/, '')).join('; ')}.`
        : 'No events from the texts fall in view.',
    );
  if (importedName) {
    const binned = shown.binned
      ? ` ${shown.binned[0].toLocaleString('en-GB')} imported points in view are drawn as ${shown.binned[1].toLocaleString('en-GB')} dots, one per occupied cell ${shown.binned[2].toFixed(1)} mm across.`
      : '';
    const density = shown.density
      ? ` Drawn as density: the ${shown.density.points.toLocaleString('en-GB')} imported events in view counted in ${FIGURE_CELL_MM} mm squares (${shown.density.cells.toLocaleString('en-GB')} occupied), each coloured by its count: ${densityClasses.map((c) => c.label).join(', ')}.`
      : '';
    sentences.push(`Imported events: ${importedName} (the reader's own file, not checked by the atlas).${binned}${density}`);
  }
  if (servedName) sentences.push(servedSentence(servedName, shown.served));
  if (shows('control')) {
    const cited = views
      .filter((v) => v.layers.includes('control'))
      .flatMap((v) => governorates.flatMap((g) => controlAt(atlas.control, g.id, v.t)?.source ?? []));
    sentences.push(`Province control: ${cited.length ? citeSources(cited) : 'no data for the governorates in view'}.`);
  }
  if (shows('displacement')) {
    const found = views
      .filter((v) => v.layers.includes('displacement'))
      .flatMap((v) => governorates.map((g) => ({ g, r: displacementAt(atlas.displacement, g.id, v.t, 'idps-since-2006') })));
    const cited = found.flatMap(({ r }) => (r && !isPassage(r.source) ? [r.source] : []));
    const missing = [...new Set(found.filter(({ r }) => r?.value == null).map(({ g }) => g.name))];
    sentences.push(
      `Displacement (people displaced since February 2006): ${cited.length ? citeSources(cited) : 'no figures'}${missing.length ? `; no data for ${missing.join(', ')}` : ''}.`,
    );
  }
  const base = [
    'governorates and countries, Natural Earth (public domain)',
    ...(shows('context') ? ['rivers, lakes and coast, GSHHG (LGPL)'] : []),
    'places, GeoNames (CC BY 4.0) and the sources cited per place',
  ];
  sentences.push(`Base map: ${base.join('; ')}. Projection: Web Mercator. Iraq War Atlas, data version ${version}.`);

  const themes = [shows('control') ? 'control' : '', shows('displacement') ? 'displacement' : ''].filter(Boolean);
  const credit = [
    shows('events') && texts.length ? `Texts: ${texts.map(shortName).join('; ')}.` : '',
    importedName ? `Imported: ${importedName}.` : '',
    servedName ? `Served: ${servedName}.` : '',
    `Map: Natural Earth${shows('context') ? ', GSHHG' : ''}, GeoNames${themes.length ? `; ${themes.join(' and ')} sources in the caption` : ''}. Web Mercator. Iraq War Atlas, data ${version}.`,
  ]
    .filter(Boolean)
    .join(' ');

  return { credit, caption: sentences.join(' ') };
}

/** What the squares of a served collection are, and how many events they hold. */
function servedSentence(name: string, drawn: Shown['served']): string {
  const lead = `Served collection: ${name} (loaded with the atlas's server mode by the browser import's row rules, not checked by the atlas).`;
  if (!drawn) return `${lead} None of its events falls in view.`;
  const mm = [...new Set(drawn.mm.map((v) => v.toFixed(1)))];
  const levels = drawn.levels.join(' and ');
  return (
    `${lead} Its ${drawn.events.toLocaleString('en-GB')} events in view counted by the server in the cells of the Web Mercator grid at zoom ${levels}, ` +
    `squares ${mm.join(' and ')} mm wide here (${drawn.cells.toLocaleString('en-GB')} occupied; a square cut by the frame is counted whole), ` +
    `each coloured by its count: ${densityClasses.map((c) => c.label).join(', ')}.`
  );
}

export { panelLetter };
