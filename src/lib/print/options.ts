// What a figure is asked for, in plain data (the dialog, `npm run figure` and batch files all
// speak it), and how it becomes a FigureSpec: links parsed with the atlas's own url.ts, tour
// chapters drawn as the chapter shows, defaults filled. Whatever would draw a figure other than
// the one asked for is refused with what to change.
import type { Atlas } from '../data/schema.ts';
import { palettes, type PaletteName } from '../look/palette.ts';
import { linkKeys, parseView } from '../state/url.ts';
import { defaultView, type Known, type ViewSnapshot } from '../state/snapshot.ts';
import { chapterView, type Tour } from '../tour/tour.ts';
import { humanDate } from '../time/window.ts';
import { FIGURE_LOCALE } from '../time/words.ts';
import { isoDay } from '../time/day.ts';
import type { Format } from './figure.ts';
import type { Furniture, PageSize } from './page.ts';
import type { FigureSpec } from './scene.ts';

export interface FigureOptions {
  /** One permalink (or just its #hash) per panel; none for the atlas's opening view. */
  links: string[];
  columns?: number;
  page: PageSize;
  format: Format;
  palette?: PaletteName;
  title?: string;
  /** Replaces the automatic caption / alt text. */
  caption?: string;
  alt?: string;
  furniture?: Partial<Furniture>;
}

/** What a figure is drawn from besides its options. */
export interface FigureContext {
  atlas: Atlas;
  known: Known;
  tours: Tour[];
  version: string;
}

/** A short credit line under the map, no caption on the page (it belongs to the manuscript); the inset only for part of Iraq. */
export function defaultFurniture(views: ViewSnapshot[]): Furniture {
  return {
    title: true,
    legend: true,
    scaleBar: true,
    northArrow: true,
    dateStamp: true,
    inset: views.some((v) => v.camera !== null),
    credit: true,
    caption: false,
    arabicNames: false,
  };
}

export function defaultTitle(views: ViewSnapshot[], chapterTitle?: string): string {
  if (views.length === 1) return chapterTitle ?? `Iraq, ${humanDate(views[0].t, FIGURE_LOCALE)}`;
  const years = views.map((v) => isoDay(v.t).slice(0, 4));
  return `Iraq, ${years[0]}–${years.at(-1)}`;
}

/** The link's hash: a whole permalink, or the part after # (with or without the #). */
export const hashOf = (link: string): string => (link.includes('#') ? link.slice(link.indexOf('#')) : `#${link}`);

/** A link's view, or an error naming the link and what is wrong with it. A tour chapter's link draws the chapter. */
export function viewFromLink(ctx: FigureContext, link: string, where: string): { view: ViewSnapshot; chapterTitle?: string } {
  if (!link.trim()) throw new Error(`${where}the permalink is empty: copy one from the atlas's address bar, or leave it out for the atlas's opening view.`);
  const hash = hashOf(link);
  // A script's typo (camera= for c=) must not pass silently as the default view.
  const unknown = [...new URLSearchParams(hash.slice(1)).keys()].filter((k) => !(linkKeys as readonly string[]).includes(k));
  const { view, notices } = parseView(hash, ctx.known);
  if (unknown.length) notices.push(`It has ${unknown.map((k) => `"${k}"`).join(', ')}, which a link does not use (the keys are ${linkKeys.join(', ')}).`);
  if (notices.length) throw new Error(`${where}the permalink "${link}" is malformed: ${notices.join(' ')} Copy the link again from the atlas's address bar.`);
  const chapter = view.tour && view.chapter !== null ? ctx.tours.find((t) => t.id === view.tour)?.chapters[view.chapter] : undefined;
  return chapter ? { view: { ...view, ...chapterView(chapter) }, chapterTitle: chapter.title } : { view };
}

export function specFromOptions(ctx: FigureContext, options: FigureOptions): FigureSpec {
  const read = options.links.length
    ? options.links.map((link, i) => viewFromLink(ctx, link, options.links.length > 1 ? `Panel ${i + 1}: ` : ''))
    : [{ view: structuredClone(defaultView) }];
  const views = read.map((r) => r.view);
  const palette = palettes[options.palette ?? 'colour'];
  if (!palette) throw new Error(`Unknown colours "${options.palette}": use ${Object.keys(palettes).join(' or ')}.`);
  return {
    page: options.page,
    panels: views,
    columns: options.columns,
    title: options.title ?? defaultTitle(views, read.length === 1 ? read[0].chapterTitle : undefined),
    caption: options.caption,
    alt: options.alt,
    furniture: { ...defaultFurniture(views), ...options.furniture },
    palette,
    version: ctx.version,
  };
}
