// "Load annotations" (issue 42): W3C Web Annotations of one of your texts (the atlas's own export,
// or a tool's in the same shape) added to it. Each is anchored by its selectors: the position
// (Unicode code points, as the model counts) where the quote selector's words stand there, else
// the one place in the text where the words stand with their prefix and suffix. An identifying
// annotation becomes a mention of its place, a highlighting one a quote (its date from a "said:"
// tag), a describing one an event (its title, "date:" tag and tags). What cannot be read is
// named by annotation and field and left out; the rest is added. Pure.
import type { Atlas } from '../data/schema.ts';
import { eventTags, type EventTag } from '../data/schema.ts';
import { DATE, SAID } from '../export/annotations.ts';
import { addEvent, addQuote, type OwnText } from './draft.ts';

export interface AnnotationsRead {
  own: OwnText;
  added: { mentions: number; quotes: number; events: number };
  /** Already in the text (the same words, place and kind): not added twice. */
  already: number;
  problems: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The annotations a file holds: a list (Recogito, the atlas), a collection's or page's items, or one annotation. */
function listOf(raw: unknown): unknown[] | null {
  if (Array.isArray(raw)) return raw;
  if (isObject(raw) && Array.isArray(raw.items)) return raw.items;
  if (isObject(raw) && isObject(raw.first) && Array.isArray(raw.first.items)) return raw.first.items;
  if (isObject(raw) && raw.type === 'Annotation') return [raw];
  return null;
}

/** Code points → UTF-16 offsets, for one text. */
function utf16Of(text: string): (codePoint: number) => number | undefined {
  const at: number[] = [];
  let i = 0;
  for (const ch of text) {
    at.push(i);
    i += ch.length;
  }
  at.push(text.length);
  return (cp) => at[cp];
}

/** Where the annotation's words are in the text (UTF-16 offsets), or why they cannot be found. */
function anchor(text: string, selectors: Json[], utf16: (cp: number) => number | undefined): { start: number; end: number } | string {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const exact = typeof quote?.exact === 'string' ? quote.exact : null;
  if (position && Number.isInteger(position.start) && Number.isInteger(position.end)) {
    const [start, end] = [utf16(position.start as number), utf16(position.end as number)];
    if (start !== undefined && end !== undefined && end > start && (exact === null || text.slice(start, end) === exact)) return { start, end };
  }
  if (!exact) return 'its TextQuoteSelector has no exact words, and its TextPositionSelector does not fit the text';
  const prefix = typeof quote?.prefix === 'string' ? quote.prefix : '';
  const suffix = typeof quote?.suffix === 'string' ? quote.suffix : '';
  const found: number[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1))
    if (text.slice(0, i).endsWith(prefix) && text.slice(i + exact.length).startsWith(suffix)) found.push(i);
  if (found.length === 1) return { start: found[0], end: found[0] + exact.length };
  return found.length
    ? `its words “${exact.slice(0, 60)}” stand ${found.length} times in the text with the same prefix and suffix`
    : `its words “${exact.slice(0, 60)}” are not in the text`;
}

const bodies = (a: Json): Json[] => (Array.isArray(a.body) ? a.body.filter(isObject) : isObject(a.body) ? [a.body] : []);
const tagValues = (a: Json) => bodies(a).flatMap((b) => (b.purpose === 'tagging' && typeof b.value === 'string' ? [b.value] : []));
const textOf = (a: Json, purpose: string) => bodies(a).find((b) => b.purpose === purpose && typeof b.value === 'string')?.value as string | undefined;

export function readAnnotations(raw: unknown, fileName: string, own: OwnText, shipped: Atlas, takenEventIds: Set<string>): AnnotationsRead | { error: string } {
  const list = listOf(raw);
  if (!list)
    return {
      error: `${fileName} holds no Web Annotations: expected a list of annotations (as "Download data → annotations" or Recogito gives), or a collection of them.`,
    };
  const id = own.entry.id;
  const places = new Set([...shipped.places.map((p) => p.id), ...Object.keys(own.places)]);
  const utf16 = utf16Of(own.text);
  const problems: string[] = [];
  const added = { mentions: 0, quotes: 0, events: 0 };
  let already = 0;
  let next = own;
  const taken = new Set(takenEventIds);
  list.forEach((a, i) => {
    const at = `${fileName}: annotation ${i + 1}`;
    if (!isObject(a) || a.type !== 'Annotation') return void problems.push(`${at}: not a Web Annotation (type "Annotation")`);
    const target = Array.isArray(a.target) ? a.target[0] : a.target;
    const source = isObject(target) && typeof target.source === 'string' ? target.source : '';
    const doc = /#doc=([^&]+)/.exec(source)?.[1];
    if (!doc || decodeURIComponent(doc) !== id) return void problems.push(`${at}: target.source "${source.slice(0, 120)}" is not this text (${id})`);
    const selectors = isObject(target)
      ? Array.isArray(target.selector)
        ? target.selector.filter(isObject)
        : isObject(target.selector)
          ? [target.selector]
          : []
      : [];
    const span = anchor(own.text, selectors, utf16);
    if (typeof span === 'string') return void problems.push(`${at}: target.selector: ${span}`);
    const placeUri = bodies(a).find((b) => b.purpose === 'identifying' && typeof b.source === 'string')?.source as string | undefined;
    const placeId = placeUri && /#place=([^&]+)/.exec(placeUri)?.[1];
    const place = placeId && decodeURIComponent(placeId);
    if (!place || !places.has(place))
      return void problems.push(`${at}: body: ${placeUri ? `"${placeUri}" is no place of the atlas or this text` : 'no identifying body naming a place'}`);
    const words = own.text.slice(span.start, span.end);
    try {
      if (a.motivation === 'highlighting') {
        const said = tagValues(a)
          .find((t) => t.startsWith(SAID))
          ?.slice(SAID.length);
        if (!said) return void problems.push(`${at}: body: a quote needs its date as a "${SAID}<EDTF>" tag`);
        const quotes = next.places[place]?.properties.quotes ?? [];
        if (quotes.some((q) => q.start === span.start && q.end === span.end)) return void already++;
        const speaker = textOf(a, 'describing')?.replace(/^Said by /, '') ?? null;
        next = addQuote(next, shipped, { placeId: place, start: span.start, end: span.end, speaker, date: said });
        added.quotes++;
      } else if (a.motivation === 'describing') {
        const date = tagValues(a)
          .find((t) => t.startsWith(DATE))
          ?.slice(DATE.length);
        const title = textOf(a, 'describing');
        if (!date || !title) return void problems.push(`${at}: body: an event needs its title (a describing body) and its date as a "${DATE}<EDTF>" tag`);
        const events = next.places[place]?.properties.events ?? [];
        if (events.some((e) => e.title === title && e.sources.some((s) => s.start === span.start && s.end === span.end))) return void already++;
        const tags = tagValues(a).filter((t): t is EventTag => (eventTags as readonly string[]).includes(t));
        const dateHow = textOf(a, 'commenting') ?? `Loaded from ${fileName}.`;
        next = addEvent(next, shipped, { placeId: place, start: span.start, end: span.end, title, date, dateHow, tags }, taken);
        for (const e of Object.values(next.places).flatMap((p) => p.properties.events)) taken.add(e.id);
        added.events++;
      } else {
        if (next.mentions.some((m) => m.start === span.start && m.end === span.end && m.placeId === place)) return void already++;
        next = { ...next, mentions: [...next.mentions, { start: span.start, end: span.end, placeId: place }].sort((x, y) => x.start - y.start) };
        added.mentions++;
      }
    } catch (error) {
      problems.push(`${at} (“${words.slice(0, 60)}”): ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { own: next, added, already, problems };
}
