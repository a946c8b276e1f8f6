// Small edits to an own text: a quote or event taken out, and the places left with nothing to say
// dropped before it is kept or written. Pure.
import type { Atlas } from '../data/schema.ts';
import type { OwnText } from './draft.ts';

/** The places the text links or writes to. */
export const usedPlaces = (own: OwnText): Set<string> =>
  new Set([
    ...own.mentions.map((m) => m.placeId),
    ...Object.values(own.places)
      .filter((p) => p.properties.events.length || p.properties.quotes.length)
      .map((p) => p.id),
  ]);

/**
 * The text without places it has nothing in: a new place no mention links and no event or quote
 * is at, and an atlas place it adds nothing to (its file would be the shipped one unchanged).
 */
export function prune(own: OwnText, atlas: Atlas): OwnText {
  const linked = new Set(own.mentions.map((m) => m.placeId));
  const keep = Object.values(own.places).filter((p) => {
    const adds = p.properties.events.length > 0 || p.properties.quotes.length > 0;
    return adds || (!atlas.places.some((q) => q.id === p.id) && linked.has(p.id));
  });
  return { ...own, places: Object.fromEntries(keep.map((p) => [p.id, p])) };
}

/** The text without the place's i-th quote or event of its own. */
export function removeItem(own: OwnText, placeId: string, kind: 'quote' | 'event', i: number): OwnText {
  const place = structuredClone(own.places[placeId]);
  if (kind === 'quote') place.properties.quotes.splice(i, 1);
  else place.properties.events.splice(i, 1);
  return { ...own, places: { ...own.places, [placeId]: place } };
}
