// Every mention, quote and event passage as a W3C Web Annotation (issue 42), as Recogito exports
// them: JSON-LD with the Web Annotation context, the target a text with a TextQuoteSelector
// (exact, prefix, suffix) and a TextPositionSelector, the body the place's URI (purpose
// "identifying"), with the event's title or the quote's speaker as text and its date and tags as
// tags. The Web Annotation model
// counts positions in Unicode code points, not the UTF-16 units the atlas keeps: they are
// converted here. Pure.
import type { Atlas } from '../data/schema.ts';
import { placeUri } from './lpf.ts';

/** The Web Annotation context: written into the file, as the model asks, and never fetched. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/**
 * The dates as tags, as Recogito keeps what it has no field for: "said:2007-04" on a quote,
 * "date:../2008-01-30" on an event (EDTF), so the annotations load back (own/annotations-in.ts).
 */
export const SAID = 'said:';
export const DATE = 'date:';
const describing = (value: string) => ({ type: 'TextualBody', purpose: 'describing', format: 'text/plain', value });
const tag = (value: string) => ({ type: 'TextualBody', purpose: 'tagging', value });
/** How much text either side the quote selector keeps, in code points (as Hypothesis does). */
const AFFIX = 32;

/** The text's URI: the atlas page that opens it. */
export const textUri = (base: string, id: string): string => `${base}#doc=${encodeURIComponent(id)}`;

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'identifying' | 'describing' | 'highlighting';
  body: Record<string, string>[];
  target: {
    source: string;
    selector: [{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }, { type: 'TextPositionSelector'; start: number; end: number }];
  };
}

/** UTF-16 offsets → code point offsets, for one text. */
function codePoints(text: string): (utf16: number) => number {
  const at = new Int32Array(text.length + 1);
  let n = 0;
  let i = 0;
  for (const ch of text) {
    // A character outside the Basic Multilingual Plane is two UTF-16 units and one code point.
    at[i] = at[i + ch.length - 1] = n++;
    i += ch.length;
  }
  at[text.length] = n;
  return (utf16) => at[utf16];
}

export function annotations(atlas: Atlas, base: string, texts?: Set<string>): WebAnnotation[] {
  const out: WebAnnotation[] = [];
  for (const source of atlas.sources) {
    if (texts && !texts.has(source.id)) continue;
    const cp = codePoints(source.text);
    const chars = [...source.text];
    const target = (start: number, end: number): WebAnnotation['target'] => {
      const [s, e] = [cp(start), cp(end)];
      return {
        source: textUri(base, source.id),
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: chars.slice(s, e).join(''),
            prefix: chars.slice(Math.max(0, s - AFFIX), s).join(''),
            suffix: chars.slice(e, e + AFFIX).join(''),
          },
          { type: 'TextPositionSelector', start: s, end: e },
        ],
      };
    };
    const add = (kind: string, start: number, end: number, motivation: WebAnnotation['motivation'], body: Record<string, string>[]) =>
      out.push({
        '@context': ANNO_CONTEXT,
        id: `${base}#annotation=${kind}:${source.id}:${start}-${end}`,
        type: 'Annotation',
        motivation,
        body,
        target: target(start, end),
      });
    const place = (id: string) => ({ type: 'SpecificResource', purpose: 'identifying', source: placeUri(base, id) });
    for (const m of atlas.mentions) if (m.doc === source.id) add('mention', m.start, m.end, 'identifying', [place(m.placeId)]);
    for (const q of atlas.quotes)
      if (q.doc === source.id)
        add('quote', q.start, q.end, 'highlighting', [place(q.placeId), ...(q.speaker ? [describing(`Said by ${q.speaker}`)] : []), tag(`${SAID}${q.date}`)]);
    for (const e of atlas.events)
      for (const s of e.sources)
        if (s.doc === source.id)
          add(`event-${e.id}`, s.start, s.end, 'describing', [
            place(e.placeId),
            describing(e.title),
            tag(`${DATE}${e.date}`),
            ...e.tags.map(tag),
            ...(e.dateSource ? [{ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: e.dateSource.note }] : []),
          ]);
  }
  return out;
}
