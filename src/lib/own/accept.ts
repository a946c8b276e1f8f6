// A proposed mention accepted: the place a candidate stands for (the atlas's place, a governorate's
// place, or a gazetteer town made into a new place once, however often the text names it), and
// the mention linked to it. Shared by the editor and `npm run add-text`. Pure.
import type { Atlas } from '../data/schema.ts';
import { placeFromGazetteer, type OwnText } from './draft.ts';
import type { Candidate, Proposal } from './find.ts';

/** The text with the place `candidate` stands for (made if it is new), and that place's id. */
export function placeFor(own: OwnText, candidate: Candidate, words: string, atlas: Atlas): { own: OwnText; placeId: string } {
  if (candidate.kind === 'place') return { own, placeId: candidate.id };
  if (candidate.kind === 'governorate') {
    const place = atlas.places.find((p) => p.properties.kind === 'governorate' && p.properties.governorate === candidate.id);
    return { own, placeId: place?.id ?? candidate.id };
  }
  const made = Object.values(own.places).find(
    (p) => p.properties.gazetteer?.ref === candidate.name && p.geometry?.type === 'Point' && p.geometry.coordinates.join() === candidate.at.join(),
  );
  if (made) return { own, placeId: made.id };
  const place = placeFromGazetteer(candidate, words, atlas, new Set([...atlas.places.map((p) => p.id), ...Object.keys(own.places)]));
  return { own: { ...own, places: { ...own.places, [place.id]: place } }, placeId: place.id };
}

/** The text with the proposal's mention linked to `placeId` (replacing any link it had). */
export const linked = (own: OwnText, p: Proposal, placeId: string): OwnText => ({
  ...own,
  mentions: [...own.mentions.filter((m) => m.start !== p.start), { start: p.start, end: p.end, placeId }],
});

/** Every proposal accepted as first proposed; the place each went to. */
export function acceptAll(own: OwnText, proposals: Proposal[], atlas: Atlas): { own: OwnText; placeIds: string[] } {
  const placeIds: string[] = [];
  for (const p of proposals) {
    const found = placeFor(own, p.candidates[0], p.words, atlas);
    own = linked(found.own, p, found.placeId);
    placeIds.push(found.placeId);
  }
  return { own, placeIds };
}
