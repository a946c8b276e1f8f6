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
  /** `at`: the place's point, where it is one (a town the gazetteer also has is the same place). */
  | { kind: 'place'; id: string; name: string; at?: [number, number] }
  | { kind: 'governorate'; id: string; name: string }
  | ({ kind: 'gazetteer' } & GazetteerPlace);

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
    const at = p.geometry?.type === 'Point' ? (p.geometry.coordinates as [number, number]) : undefined;
    const candidate: Candidate = { kind: 'place', id: p.id, name: p.properties.name, ...(at ? { at } : {}) };
    for (const name of [p.properties.name, ...(p.properties.aliases ?? []), p.properties.nameAr]) add(name, candidate);
  }
  // A name that is a town and a governorate (Kirkuk, Ramadi as Anbar's alias) is offered as the
  // town first: a text more often means the town. Towns beyond Iraq come last.
  const town = (entry: GazetteerPlace) => add(entry.name, { kind: 'gazetteer', ...entry });
  gazetteer.filter((e) => e.country === 'IQ').forEach(town);
  // A governorate the atlas has as a place (Anbar, Nineveh) is offered once, as that place, under
  // the governorate's names too (issue 40: not "Anbar (in the atlas)" beside "Anbar (governorate)").
  const asPlace = new Map(
    places.flatMap((p) =>
      p.properties.kind === 'governorate' && p.properties.governorate
        ? [[p.properties.governorate, { kind: 'place', id: p.id, name: p.properties.name } as Candidate]]
        : [],
    ),
  );
  for (const g of governorates) {
    const candidate: Candidate = asPlace.get(g.properties.id) ?? { kind: 'governorate', id: g.properties.id, name: g.properties.name };
    for (const name of [g.properties.name, ...g.properties.aliases, g.properties.nameAr]) add(name, candidate);
  }
  gazetteer.filter((e) => e.country !== 'IQ').forEach(town);
  return index;
}

/** A town within this many degrees (about 5 km) of an atlas place of the same name is that place. */
const SAME_TOWN = 0.05;

/**
 * One candidate per real place (issue 40): a gazetteer town named as an atlas place and standing
 * where it stands is the atlas's place ("Al Fallūjah, IQ" is Fallujah), not a second choice.
 */
function onePerPlace(candidates: Candidate[]): Candidate[] {
  const points = candidates.flatMap((c) => (c.kind === 'place' && c.at ? [c.at] : []));
  const near = (at: [number, number]) => points.some((p) => Math.abs(p[0] - at[0]) < SAME_TOWN && Math.abs(p[1] - at[1]) < SAME_TOWN);
  return candidates.filter((c) => c.kind !== 'gazetteer' || !near(c.at));
}

const same = (a: Candidate, b: Candidate) =>
  a.kind === b.kind && (a.kind === 'gazetteer' ? a.name === b.name && a.country === (b as typeof a).country : a.id === (b as { id: string }).id);

const lowerCase = /\p{Ll}/u;
/** The longest name the index knows has this many words. */
const MAX_WORDS = 5;

/** An Arabic article as a word of its own once folded ("al-Qaim" folds to "al qaim"). */
const articleWord = /^(al|as|ash|ad|an|ar|at|az|el)$/;

/** A key's candidates, then those of the name without its article ("al fallujah" is Fallujah too), one per place. */
function lookup(index: Map<string, Candidate[]>, words: string[], article: boolean): Candidate[] | undefined {
  const whole = index.get(words.join(' '));
  const bare = article ? index.get(words.slice(1).join(' ')) : undefined;
  if (!whole && !bare) return undefined;
  const all = [...(whole ?? [])];
  for (const c of bare ?? []) if (!all.some((a) => same(a, c))) all.push(c);
  return onePerPlace(all);
}

/**
 * Every mention the index knows, longest first where names overlap, in the text's order. A name is
 * taken whole as the text writes it (issue 40): with its article, where the article is joined by a
 * hyphen ("al-Qaim", "as-Sadiyah") or is al/el before it ("Al Fallujah"), though the index may know
 * it without.
 */
export function findPlaces(text: string, index: Map<string, Candidate[]>): Proposal[] {
  const folded = fold(text);
  const words = [...folded.text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const at = (w: number) => folded.origin[words[w].start];
  // Word w is an article of the name after it: joined by a hyphen, or al/el ("at", "as", "an" are English words too).
  const isArticle = (w: number) =>
    w + 1 < words.length &&
    articleWord.test(words[w].word) &&
    words[w].end === words[w + 1].start - 1 &&
    (text[folded.origin[words[w].end - 1] + 1] === '-' || /^(al|el)$/.test(words[w].word));
  const proposals: Proposal[] = [];
  for (let i = 0; i < words.length;) {
    let found = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !found; n--) {
      const article = n > 1 && isArticle(i);
      const candidates = lookup(
        index,
        words.slice(i, i + n).map((w) => w.word),
        article,
      );
      if (!candidates?.length) continue;
      // The name proper, after any article, starts with a capital (or a letter of a script without case).
      if (lowerCase.test(text[at(article ? i + 1 : i)])) continue;
      const start = at(i > 0 && isArticle(i - 1) ? i - 1 : i);
      const end = folded.origin[words[i + n - 1].end - 1] + 1;
      proposals.push({ start, end, words: text.slice(start, end), candidates });
      found = n;
    }
    i += found || 1;
  }
  return proposals;
}
