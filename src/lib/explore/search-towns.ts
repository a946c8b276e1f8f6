// The towns of Iraq in the gazetteer the atlas ships, as entries of "Search places" (search-index.ts):
// those that are not already the atlas's places, each with its governorate and its other names.
// Loaded with the gazetteer on the reader's first keystroke, not with the first screen. Pure.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { foldName } from '../data/mentions.ts';
import type { Atlas } from '../data/schema.ts';
import type { GazetteerPlace } from '../own/find.ts';
import type { SearchEntry, SearchNames, Town } from './search-index.ts';

/** A town within this many degrees (about 5 km) of an atlas place of the same name is that place. */
const SAME_TOWN = 0.05;

/** The towns of Iraq in the gazetteer that are not already the atlas's places, each found by its names. */
export function townEntries(gazetteer: GazetteerPlace[], atlas: Atlas, extra: SearchNames = { names: [] }): SearchEntry[] {
  const placeNames = new Map<string, [number, number][]>();
  for (const p of atlas.places) {
    if (p.geometry?.type !== 'Point') continue;
    for (const name of [p.properties.name, ...(p.properties.aliases ?? [])]) {
      const key = bare(name);
      placeNames.set(key, [...(placeNames.get(key) ?? []), p.geometry.coordinates as [number, number]]);
    }
  }
  const isAtlasPlace = (e: GazetteerPlace) =>
    (placeNames.get(bare(e.name)) ?? []).some((at) => Math.abs(at[0] - e.at[0]) < SAME_TOWN && Math.abs(at[1] - e.at[1]) < SAME_TOWN);
  return gazetteer
    .filter((e) => e.country === 'IQ' && !isAtlasPlace(e))
    .map((e): SearchEntry => {
      const point = { type: 'Point' as const, coordinates: e.at };
      const g = atlas.governorates.features.find((f) => booleanPointInPolygon(point, f));
      const names = extra.names.filter((n) => n.town === e.name);
      const town: Town = {
        name: e.name,
        at: e.at,
        governorate: g?.properties.id ?? null,
        otherNames: names.flatMap((n) => n.names),
        namesSource: names.map((n) => n.source).join('; ') || null,
      };
      return {
        key: `town-${bare(e.name).replace(/[^a-z0-9]+/g, '-')}-${e.at.join('-')}`,
        name: e.name,
        kind: `town${g ? `, ${g.properties.name}` : ''} · not in the texts`,
        keys: [e.name, ...town.otherNames].map(foldName),
        target: { kind: 'town', town },
      };
    });
}

/** A name without its Arabic article, folded ("Al Fallūjah" and "Fallujah" are one name). */
const bare = (name: string) => foldName(name).replace(/^(al|as|ash|ad|an|ar|at|az|el) /, '');
