// A kebab-case id from words that no other thing has taken: for a reader's own text, place or
// event (own/), and tour (tour/). Pure.
import { foldName } from './mentions.ts';

/** A kebab-case id from words, not one of `taken`: "-2", "-3" … added where it would clash. */
export function freeId(words: string, taken: ReadonlySet<string>, fallback = 'text'): string {
  const base =
    foldName(words)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .split('-')
      .slice(0, 6)
      .join('-') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
