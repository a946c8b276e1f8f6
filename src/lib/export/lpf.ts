// The places as Linked Places Format (issue 42): the World Historical Gazetteer's JSON-LD, as its
// specification describes it (LinkedPasts/linked-places-format, README v1.2.2). Every name cites
// the texts that write it (and the Arabic its source), every geometry its source and certainty,
// `when` holds the days of the events the texts place there. No GeoNames link is written: the
// atlas keeps a gazetteer's name for a place, not its GeoNames id, and an id from memory would be
// invented. Pure.
import type { Atlas, Place, SourceText } from '../data/schema.ts';
import { isoDay } from '../time/day.ts';
import { coordinateSource } from './rows.ts';

/** The format's JSON-LD context: a name written into the file for the gazetteer that reads it; the atlas never fetches it. */
export const LPF_CONTEXT = 'https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld';

/** The place's URI: the atlas page that opens on it. */
export const placeUri = (base: string, id: string): string => `${base}#place=${encodeURIComponent(id)}`;

/** A year from an EDTF date's first four digits ("2007-05-31~" → 2007). */
const yearOf = (date: string): number | undefined => {
  const m = /\d{4}/.exec(date);
  return m ? Number(m[0]) : undefined;
};

const citationOf = (text: SourceText) => ({ label: text.credit, year: yearOf(text.date), ...(text.url ? { '@id': text.url } : {}) });

/** How sure the geometry is: a point for a site the texts name exactly, or a point or shape standing for an area. */
const certainty = (place: Place) => (place.properties.precision === 'exact' ? 'certain' : 'less-certain');

function geometryOf(place: Place, atlas: Atlas) {
  const governorate =
    place.properties.kind === 'governorate' ? atlas.governorates.features.find((g) => g.properties.id === place.properties.governorate) : undefined;
  const shape = place.geometry ?? governorate?.geometry ?? { type: 'Point' as const, coordinates: place.anchor };
  return { ...shape, certainty: certainty(place), citations: [{ label: coordinateSource(place) || `places/${place.id}.geojson` }] };
}

export function placesLpf(atlas: Atlas, base: string, texts?: Set<string>) {
  const textOf = new Map(atlas.sources.map((s) => [s.id, s]));
  const inScope = (doc: string) => !texts || texts.has(doc);
  const features = atlas.places.flatMap((place) => {
    const events = atlas.events.filter((e) => e.placeId === place.id && e.sources.some((s) => inScope(s.doc)));
    const docs = [
      ...new Set([
        ...atlas.mentions.filter((m) => m.placeId === place.id).map((m) => m.doc),
        ...events.flatMap((e) => e.sources.map((s) => s.doc)),
        ...atlas.quotes.filter((q) => q.placeId === place.id).map((q) => q.doc),
      ]),
    ].filter(inScope);
    if (!docs.length) return [];
    const p = place.properties;
    const cited = docs.map((d) => citationOf(textOf.get(d)!));
    const names = [
      { toponym: p.name, lang: 'en', citations: cited },
      ...(p.aliases ?? []).map((alias) => ({ toponym: alias, citations: cited })),
      ...(p.nameAr ? [{ toponym: p.nameAr, lang: 'ar', citations: [{ label: p.nameArSource ?? '' }] }] : []),
    ];
    const timespans = events
      .sort((a, b) => a.t0 - b.t0)
      .map((e) =>
        e.precision === 'by'
          ? // Only "by" a day: the start is not known, only that it was no later than that day.
            { start: { latest: isoDay(e.t1) }, end: { in: isoDay(e.t1) } }
          : { start: { in: isoDay(e.t0) }, end: { in: isoDay(e.t1) } },
      );
    return [
      {
        '@id': placeUri(base, place.id),
        type: 'Feature',
        properties: { title: p.name, ...(p.governorate ? { ccodes: ['IQ'] } : {}) },
        ...(timespans.length ? { when: { timespans, label: 'the days of the events the texts place here' } } : {}),
        names,
        types: [{ label: p.kind, sourceLabels: [{ label: p.kind, lang: 'en' }] }],
        geometry: geometryOf(place, atlas),
      },
    ];
  });
  return { '@context': LPF_CONTEXT, type: 'FeatureCollection', features };
}
