// The mention index: where each mapped place is named in each text, for the reader to highlight and
// link. Names and aliases are matched whole-word, ignoring case and diacritics and treating hyphens
// and apostrophes loosely (Falluja/Fallujah are separate aliases; Tall ‘Afar matches "Tall Afar").

export interface Mention {
  doc: string;
  placeId: string;
  start: number;
  end: number;
  /** The words as they stand in the text. */
  text: string;
}

/** A folded copy of the text and, for each of its characters, the offset in the original. */
interface Folded {
  text: string;
  origin: number[];
}

/**
 * Arabic letters written one way or another by the same writer (issue 40): tā' marbūṭa as hā',
 * alif maqṣūra as yā', the wasla alif as alif, and the Persian and Kurdish yeh and kāf as the
 * Arabic ones. The hamza and madda over or under alif are marks, dropped with the vowels below.
 */
const arabicLetter: Record<string, string> = { ة: 'ه', ى: 'ي', ٱ: 'ا', ی: 'ي', ک: 'ك' };
/** Latin combining marks; Arabic vowels, shadda, sukun, hamza and madda marks, superscript alif; tatweel. */
const marks = /[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g;

/**
 * Case-folds, strips diacritics, drops apostrophes and ʿayn/hamza signs, and turns hyphens into
 * spaces, keeping a map back to the original offsets so a match can be highlighted exactly.
 * Arabic is folded as its readers expect: البصره finds البصرة, الفلوجه finds الفلوجة, and
 * أربيل, إربيل and اربيل are one name.
 */
export function fold(text: string): Folded {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const base = text[i].normalize('NFD').replace(marks, '').toLowerCase();
    for (const ch of base) {
      if (/['’‘ʿʾ`]/.test(ch)) continue;
      out += ch === '-' ? ' ' : (arabicLetter[ch] ?? ch);
      origin.push(i);
    }
  }
  return { text: out, origin };
}

export const foldName = (name: string): string => fold(name).text.replace(/\s+/g, ' ').trim();

const wordChar = /[\p{L}\p{N}]/u;

/** Every whole-word occurrence of `name` in the folded text, as original [start, end). */
export function findName(folded: Folded, name: string): [number, number][] {
  const needle = foldName(name);
  if (!needle) return [];
  // Every match holds the name's first word as it is: a text without it has none, and most names
  // (the gazetteer's thousands, for the coverage check) are in no text, so no pattern is built.
  if (!folded.text.includes(needle.split(' ')[0])) return [];
  const hits: [number, number][] = [];
  // The word's start is checked by hand, not with a lookbehind: a pattern that starts with its
  // literal lets V8 skip ahead to candidates (the index of every text is built at every load).
  const re = new RegExp(`${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(folded.text); m; m = re.exec(folded.text)) {
    if (m.index > 0 && wordChar.test(folded.text[m.index - 1])) {
      // Not at a word's start: look again from the next character, as a lookbehind would.
      re.lastIndex = m.index + 1;
      continue;
    }
    hits.push([folded.origin[m.index], folded.origin[m.index + m[0].length - 1] + 1]);
  }
  return hits;
}

/**
 * Finds every mention of every place in every text. Where names overlap ("Basra" inside
 * "Basra Palace") the longer mention wins, so each stretch of text links to one place.
 */
export function indexMentions(texts: { id: string; text: string }[], places: { id: string; names: string[] }[]): Mention[] {
  const all: Mention[] = [];
  for (const doc of texts) {
    const folded = fold(doc.text);
    const found: Mention[] = [];
    for (const place of places) {
      for (const name of new Set(place.names)) {
        for (const [start, end] of findName(folded, name)) found.push({ doc: doc.id, placeId: place.id, start, end, text: doc.text.slice(start, end) });
      }
    }
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Mention[] = [];
    for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
    all.push(...kept.sort((a, b) => a.start - b.start));
  }
  return all;
}
