// "Named in" (issue 40): every text that names a place, with each mention, whether or not an event
// or quote is attached there, as Recogito's first view of a place is every passage naming it. A
// place's mentions are the atlas's mention index (data/mentions.ts, the reader's own texts
// included); a governorate with no place of its own is looked for by its name in each text. Pure.
import { findName, fold } from '../data/mentions.ts';
import type { Atlas, GovernorateFeature, SourceText } from '../data/schema.ts';

export interface MentionInContext {
  start: number;
  end: number;
  /** Up to 40 characters either side, on one line, for the reader to tell mentions apart. */
  before: string;
  words: string;
  after: string;
}

export interface NamedIn {
  source: SourceText;
  mentions: MentionInContext[];
}

const AROUND = 40;

function inContext(text: string, start: number, end: number): MentionInContext {
  const line = (s: string) => s.replace(/\s+/g, ' ');
  return {
    start,
    end,
    before: `${start > AROUND ? '…' : ''}${line(text.slice(Math.max(0, start - AROUND), start)).trimStart()}`,
    words: text.slice(start, end),
    after: `${line(text.slice(end, end + AROUND)).trimEnd()}${end + AROUND < text.length ? '…' : ''}`,
  };
}

/** The texts that name a place, in the atlas's order of texts, each with its mentions in the text's order. */
export function namedIn(atlas: Atlas, placeId: string): NamedIn[] {
  return atlas.sources.flatMap((source) => {
    const mentions = atlas.mentions
      .filter((m) => m.placeId === placeId && m.doc === source.id)
      .sort((a, b) => a.start - b.start)
      .map((m) => inContext(source.text, m.start, m.end));
    return mentions.length ? [{ source, mentions }] : [];
  });
}

/**
 * The texts that name a governorate with no place of its own, by its English and Arabic names.
 * Not by its other names: Natural Earth's include its capital's (Ramadi for Anbar, Kut for Wasit),
 * which name the town, not the governorate. Nor where the mention index gives the words to a
 * place: "Baghdad" in the texts is the city, not the governorate of the same name.
 */
export function governorateNamedIn(atlas: Atlas, governorate: GovernorateFeature): NamedIn[] {
  const names = [governorate.properties.name, governorate.properties.nameAr].filter((n): n is string => !!n);
  return atlas.sources.flatMap((source) => {
    const folded = fold(source.text);
    const linked = atlas.mentions.filter((m) => m.doc === source.id);
    const hits = names
      .flatMap((name) => findName(folded, name))
      .filter(([start, end]) => !linked.some((m) => m.start < end && start < m.end))
      .sort((a, b) => a[0] - b[0]);
    return hits.length ? [{ source, mentions: hits.map(([start, end]) => inContext(source.text, start, end)) }] : [];
  });
}
