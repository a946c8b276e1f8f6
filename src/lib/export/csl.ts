// The atlas's citations as CSL-JSON items (issue 42), the data Citation.js formats (cite.ts) and
// reference managers read: the texts, the web sources the layers cite, a view of the atlas, a
// quote. A text's date is its EDTF date read into CSL's date-parts (a month stays a month, an
// interval a range, "~" circa); an author or outlet the text does not name is left out. Pure.
import type { Atlas, SourceText } from '../data/schema.ts';

export interface CslDate {
  'date-parts': number[][];
  circa?: boolean;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: ({ family: string; given?: string } | { literal: string })[];
  issued?: CslDate;
  accessed?: CslDate;
  'container-title'?: string;
  publisher?: string;
  genre?: string;
  version?: string;
  URL?: string;
  note?: string;
  /** Where a talk was given (CSL's `event`). */
  event?: string;
}

const cslType: Record<SourceText['genre'], string> = {
  transcript: 'speech',
  'news report': 'article-newspaper',
  editorial: 'article-newspaper',
  'blog post': 'post-weblog',
  'book chapter': 'chapter',
  report: 'report',
  letter: 'personal_communication',
  other: 'document',
};

/** An EDTF date (a day, month or year; an interval; "~" or "?" for approximate) as CSL date-parts; undefined if it is none of these. */
export function cslDate(edtf: string): CslDate | undefined {
  const parts = (one: string) => (/^\d{4}(-\d{2}){0,2}$/.test(one) ? one.split('-').map(Number) : null);
  const circa = /[~?%]/.test(edtf);
  const bare = edtf.replace(/[~?%]/g, '');
  const ends = bare.includes('/') ? bare.split('/') : [bare];
  const read = ends.map(parts);
  if (read.some((p) => p === null)) return undefined;
  // An interval is written as what both ends share ("2011-10-21/2011-12-31" is 2011): BibTeX and
  // RIS keep only the first date of a range, which would state a day the text does not give.
  const [from, to] = read as number[][];
  const shared = to ? from.slice(0, from.findIndex((n, i) => n !== to[i]) === -1 ? from.length : from.findIndex((n, i) => n !== to[i])) : from;
  return { 'date-parts': shared.length ? [shared] : [[from[0]], [to[0]]], ...(circa ? { circa: true } : {}) };
}

/**
 * For BibTeX and RIS, which cannot say "circa": an approximate date is given as its year alone, so
 * "about 31 May 2007" is not written as the day 31 May (the note keeps the text's own words).
 */
export const withoutCirca = (item: CslItem): CslItem =>
  item.issued?.circa ? { ...item, issued: { 'date-parts': item.issued['date-parts'].map((d) => d.slice(0, 1)) } } : item;

/** "Jonathan Steele" → family Steele, given Jonathan; a name of one word is a literal. */
export function cslName(name: string): { family: string; given?: string } | { literal: string } {
  const words = name.trim().split(/\s+/);
  return words.length < 2 ? { literal: name.trim() } : { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

export function textItem(text: SourceText): CslItem {
  const container = text.genre === 'transcript' ? 'publisher' : 'container-title';
  return {
    id: text.id,
    type: cslType[text.genre],
    title: text.title,
    ...(text.author ? { author: [cslName(text.author)] } : {}),
    ...(cslDate(text.date) ? { issued: cslDate(text.date) } : {}),
    ...(text.outlet ? { [container]: text.outlet } : {}),
    ...(text.outlet && text.genre === 'transcript' ? { event: text.outlet } : {}),
    ...(text.genre === 'transcript' ? { genre: 'Meeting transcript' } : {}),
    ...(text.url ? { URL: text.url } : {}),
    note: text.own ? `${text.credit} A reader's own text, kept in their browser.` : text.credit,
  };
}

/** Every address the thematic layers and the dates cite (geo/control.json, geo/displacement.json, events' dateSource), once each. */
export function webSources(atlas: Atlas): { url: string; notes: string[] }[] {
  const found = new Map<string, string[]>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.url === 'string' && /^https?:\/\//.test(o.url)) {
        const notes = found.get(o.url) ?? [];
        if (typeof o.note === 'string' && !notes.includes(o.note)) notes.push(o.note);
        found.set(o.url, notes);
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(atlas.control);
  walk(atlas.displacement);
  walk(atlas.events.map((e) => e.dateSource));
  return [...found].map(([url, notes]) => ({ url, notes }));
}

/**
 * A web source as a CSL item. The atlas keeps its address and what it was cited for, not its
 * title or author: the title is the address's host and path (what the reader will see), never a
 * title from memory.
 */
export function webItem(source: { url: string; notes: string[] }, i: number): CslItem {
  const url = new URL(source.url);
  return {
    id: `web-${i + 1}`,
    type: 'webpage',
    title: `${url.host}${url.pathname === '/' ? '' : url.pathname}`,
    'container-title': url.host,
    URL: source.url,
    ...(source.notes.length ? { note: `Cited by the Iraq War Atlas for: ${source.notes[0]}` } : {}),
  };
}

export function textItems(atlas: Atlas, texts?: Set<string>, withWebSources = false): CslItem[] {
  const items = atlas.sources.filter((s) => !texts || texts.has(s.id)).map(textItem);
  return withWebSources ? [...items, ...webSources(atlas).map(webItem)] : items;
}
