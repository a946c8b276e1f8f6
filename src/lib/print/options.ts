// What a figure is asked for, in plain data (the dialog, `npm run figure` and batch files all
// speak it), and how it becomes a FigureSpec: links parsed, defaults filled, caption written.
import type { Atlas } from '../data/schema.ts';
import { palettes, type PaletteName } from '../map/style/palette.ts';
import { linkKeys, parseView, type Known, type ViewSnapshot } from '../state/url.ts';
import { humanDate } from '../time/window.ts';
import { isoDay } from '../time/instant.ts';
import type { Format } from './figure.ts';
import type { Furniture, PageSize } from './page.ts';
import { autoCaption } from './caption.ts';
import type { FigureSpec } from './scene.ts';

export interface FigureOptions {
  /** One permalink (or just its #hash) per panel. */
  links: string[];
  columns?: number;
  page: PageSize;
  format: Format;
  palette?: PaletteName;
  title?: string;
  /** Replaces the automatic caption. */
  caption?: string;
  furniture?: Partial<Furniture>;
}

/** Everything on, except the inset, which helps only when the figure shows part of Iraq. */
export function defaultFurniture(views: ViewSnapshot[]): Furniture {
  return { title: true, legend: true, scaleBar: true, northArrow: true, dateStamp: true, inset: views.some((v) => v.camera !== null), caption: true, arabicNames: false };
}

export function defaultTitle(views: ViewSnapshot[]): string {
  if (views.length === 1) return `Iraq, ${humanDate(views[0].t)}`;
  const years = views.map((v) => isoDay(v.t).slice(0, 4));
  return `Iraq, ${years[0]}–${years.at(-1)}`;
}

/** The link's hash: a whole permalink, or the part after # (with or without the #). */
export const hashOf = (link: string): string => (link.includes('#') ? link.slice(link.indexOf('#')) : `#${link}`);

/** A spec, or an error naming the link and what is wrong with it. */
export function specFromOptions(atlas: Atlas, known: Known, version: string, options: FigureOptions): FigureSpec {
  if (!options.links.length) throw new Error('No view given: pass a permalink (--url) or, in a batch file, "url" or "panels".');
  const views = options.links.map((link, i) => {
    const hash = hashOf(link);
    // A script's typo (camera= for c=) must not pass silently as the default view.
    const unknown = [...new URLSearchParams(hash.slice(1)).keys()].filter((k) => !(linkKeys as readonly string[]).includes(k));
    const { view, notices } = parseView(hash, known);
    if (unknown.length) notices.push(`It has ${unknown.map((k) => `"${k}"`).join(', ')}, which a link does not use (the keys are ${linkKeys.join(', ')}).`);
    if (notices.length) throw new Error(`${options.links.length > 1 ? `Panel ${i + 1}: ` : ''}the permalink "${link}" is malformed: ${notices.join(' ')} Copy the link again from the atlas's address bar.`);
    return view;
  });
  const palette = palettes[options.palette ?? 'colour'];
  if (!palette) throw new Error(`Unknown colours "${options.palette}": use ${Object.keys(palettes).join(' or ')}.`);
  return {
    page: options.page,
    panels: views,
    columns: options.columns,
    title: options.title ?? defaultTitle(views),
    caption: options.caption ?? autoCaption(atlas, views, version),
    furniture: { ...defaultFurniture(views), ...options.furniture },
    palette,
  };
}
