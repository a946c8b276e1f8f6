// "Find places": every stretch of a reader's text that names a place, with the places it may be:
// the atlas's own (names and aliases, Arabic too), the governorates, and the populated places of
// Iraq and its neighbours (geo/find-gazetteer.json, GeoNames). Pure.
//
// Names are matched as the mention index matches them (mentions.ts: case, diacritics, hyphens and
// apostrophes folded, so Ba'quba is Baquba), with the spellings English writers vary on top:
// Falluja/Fallujah (a final -ah), Tall Afar/Tal Afar, and "Al " before a name or not. A match must
// start with a capital (or a letter of a script without case): "hit" is a verb, Hit a town.
import { fold, foldName } from '../data/mentions.ts';
import type { GovernorateFeature, Place } from '../data/schema.ts';

export interface GazetteerPlace {
  name: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  at: [number, number];
}

export type Candidate =
  { kind: 'place'; id: string; name: string } | { kind: 'governorate'; id: string; name: string } | ({ kind: 'gazetteer' } & GazetteerPlace);

export interface Proposal {
  start: number;
  end: number;
  /** The words as they stand in the text. */
  words: string;
  /** Best first: the atlas's place, a town in Iraq, a governorate, a town beyond. */
  candidates: Candidate[];
}

const article = /^(al|as|ash|ad|an|ar|at|az|el) /;
/** Names this short are too often words or initials to propose. */
const MIN_LETTERS = 3;

/** The folded spellings a name may stand under in an English text. */
export function spellings(name: string): string[] {
  const whole = foldName(name);
  const out = new Set<string>();
  for (const base of [whole, whole.replace(article, '')]) {
    for (const tal of [base, base.replace(/\btall\b/g, 'tal'), base.replace(/\btal\b/g, 'tall')]) {
      out.add(tal);
      out.add(tal.replace(/ah\b/g, 'a'));
      out.add(tal.replace(/([^h])a\b/g, '$1ah'));
    }
  }
  return [...out].filter((s) => s.replace(/ /g, '').length >= MIN_LETTERS);
}

/** Each spelling's candidates, in the order they are offered. */
export function nameIndex(places: Place[], governorates: GovernorateFeature[], gazetteer: GazetteerPlace[]): Map<string, Candidate[]> {
  const index = new Map<string, Candidate[]>();
  const add = (name: string | undefined, candidate: Candidate) => {
    if (!name) return;
    for (const key of spellings(name)) {
      const list = index.get(key) ?? [];
      if (!list.some((c) => same(c, candidate))) list.push(candidate);
      index.set(key, list);
    }
  };
  for (const p of places) {
    const candidate: Candidate = { kind: 'place', id: p.id, name: p.properties.name };
    for (const name of [p.properties.name, ...(p.properties.aliases ?? []), p.properties.nameAr]) add(name, candidate);
  }
  // A name that is a town and a governorate (Kirkuk, Ramadi as Anbar's alias) is offered as the
  // town first: a text more often means the town. Towns beyond Iraq come last.
  const town = (entry: GazetteerPlace) => add(entry.name, { kind: 'gazetteer', ...entry });
  gazetteer.filter((e) => e.country === 'IQ').forEach(town);
  for (const g of governorates) {
    const candidate: Candidate = { kind: 'governorate', id: g.properties.id, name: g.properties.name };
    for (const name of [g.properties.name, ...g.properties.aliases, g.properties.nameAr]) add(name, candidate);
  }
  gazetteer.filter((e) => e.country !== 'IQ').forEach(town);
  return index;
}

const same = (a: Candidate, b: Candidate) =>
  a.kind === b.kind && (a.kind === 'gazetteer' ? a.name === b.name && a.country === (b as typeof a).country : a.id === (b as { id: string }).id);

const lowerCase = /\p{Ll}/u;
/** The longest name the index knows has this many words. */
const MAX_WORDS = 5;

/** Every mention the index knows, longest first where names overlap, in the text's order. */
export function findPlaces(text: string, index: Map<string, Candidate[]>): Proposal[] {
  const folded = fold(text);
  const words = [...folded.text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const proposals: Proposal[] = [];
  for (let i = 0; i < words.length;) {
    let found = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !found; n--) {
      const key = words
        .slice(i, i + n)
        .map((w) => w.word)
        .join(' ');
      const candidates = index.get(key);
      if (!candidates) continue;
      const start = folded.origin[words[i].start];
      const end = folded.origin[words[i + n - 1].end - 1] + 1;
      if (lowerCase.test(text[start])) continue;
      proposals.push({ start, end, words: text.slice(start, end), candidates });
      found = n;
    }
    i += found || 1;
  }
  return proposals;
}
