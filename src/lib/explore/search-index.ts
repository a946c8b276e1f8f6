// What "Search places" searches (issue 40): the atlas's places, the governorates without a place of
// their own, and every town of Iraq in the gazetteer the atlas ships (geo/find-gazetteer.json,
// GeoNames), the towns marked "not in the texts". Names are folded as the mention index folds them
// (data/mentions.ts: case, Latin diacritics, hyphens, apostrophes, and Arabic as Arabic readers
// write it: ة/ه, أ/إ/آ/ا, ى/ي, tatweel and vowels ignored), with the other names a source gives
// (geo/search-names.json: Arabic names of towns, Kurdish names). Pure. The towns' entries are made
// in search-towns.ts, loaded with the gazetteer on the first keystroke.
import { foldName } from '../data/mentions.ts';
import type { Atlas } from '../data/schema.ts';

/** A town of the gazetteer that no text names: where it is, to show and to fly to. */
export interface Town {
  name: string;
  at: [number, number];
  /** The governorate it lies in, by its point; null outside them. */
  governorate: string | null;
  /** Its other names, and the page that gives them. */
  otherNames: string[];
  namesSource: string | null;
}

export type SearchTarget = { kind: 'place'; id: string } | { kind: 'town'; town: Town };

export interface SearchEntry {
  /** Unique among entries, for the listbox's option ids. */
  key: string;
  name: string;
  /** What it is and where: "city, Anbar"; "town, Anbar · not in the texts". */
  kind: string;
  /** Folded names it is found by, its own first. */
  keys: string[];
  target: SearchTarget;
}

/** geo/search-names.json: other names of a town (by its gazetteer name), a place or a governorate (by id). */
export interface SearchNames {
  names: { town?: string; place?: string; governorate?: string; names: string[]; source: string }[];
}

export function atlasEntries(atlas: Atlas, extra: SearchNames = { names: [] }): SearchEntry[] {
  const governorateName = (id: string | null) => atlas.governorates.features.find((g) => g.properties.id === id)?.properties.name ?? '';
  const more = (field: 'place' | 'governorate', id: string | null) => extra.names.filter((n) => n[field] === id).flatMap((n) => n.names);
  const withPlace = new Set(atlas.places.flatMap((p) => (p.properties.kind === 'governorate' && p.properties.governorate ? [p.properties.governorate] : [])));
  const governorate = (id: string | null) => atlas.governorates.features.find((g) => g.properties.id === id)?.properties;
  return [
    ...atlas.places.map((place): SearchEntry => {
      const where = governorateName(place.properties.governorate);
      // A place standing for a governorate is found by the governorate's names too (Basra province by البصره).
      const asGovernorate = place.properties.kind === 'governorate' ? governorate(place.properties.governorate) : undefined;
      const names = [
        place.properties.name,
        ...(place.properties.aliases ?? []),
        place.properties.nameAr,
        ...more('place', place.id),
        ...(asGovernorate ? [asGovernorate.name, asGovernorate.nameAr, ...more('governorate', asGovernorate.id)] : []),
        where,
      ];
      return {
        key: place.id,
        name: place.properties.name,
        kind: `${place.properties.kind}${where && place.properties.kind !== 'governorate' ? `, ${where}` : ''}`,
        keys: names.filter((n): n is string => !!n).map(foldName),
        target: { kind: 'place', id: place.id },
      };
    }),
    ...atlas.governorates.features
      .filter((g) => !withPlace.has(g.properties.id))
      .map((g): SearchEntry => ({
        key: g.properties.id,
        name: g.properties.name,
        kind: 'governorate',
        keys: [g.properties.name, ...g.properties.aliases, g.properties.nameAr, ...more('governorate', g.properties.id)]
          .filter((n): n is string => !!n)
          .map(foldName),
        target: { kind: 'place', id: g.properties.id },
      })),
  ];
}

/**
 * The entries a query finds: a folded key that starts with it, or a word in the key that does (so
 * "Qaim" finds "Al Qā'im"); the atlas's own before the towns, and names before where they lie.
 */
export function search(entries: SearchEntry[], query: string, limit = 12): SearchEntry[] {
  const q = foldName(query);
  if (!q) return [];
  const hit = (key: string) => key.startsWith(q) || key.includes(` ${q}`);
  const rank = (e: SearchEntry) => (hit(e.keys[0]) ? 0 : 1) + (e.target.kind === 'town' ? 2 : 0);
  return entries
    .filter((e) => e.keys.some(hit))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
    .slice(0, limit);
}
