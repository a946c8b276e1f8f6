// The atlas's events as rows, one per event (issue 42): what the CSV and GeoJSON exports hold.
// Every value comes from the place files as the atlas reads them; a value the data does not have
// (no figure of a measure, no governorate) is left empty, never filled. Pure.
import type { Atlas, AtlasEvent, Figure, Place } from '../data/schema.ts';
import { figureMeasures, type FigureMeasure } from '../data/schema.ts';
import { formatView } from '../state/url.ts';
import { defaultView } from '../state/snapshot.ts';
import { isoDay } from '../time/day.ts';

export interface EventRow {
  id: string;
  /** The date as the place file writes it (EDTF): what the import reads back. */
  date: string;
  /**
   * The first and last day the event can have been on, as the atlas reads the date (ISO days); a
   * date given only as "by" a day ("../2008-01-30") has no first day: '' (no data).
   */
  first_day: string;
  last_day: string;
  precision: string;
  title: string;
  place_id: string;
  place: string;
  longitude: number;
  latitude: number;
  /** exact, approximate, or area (the point stands for a governorate, region or country). */
  place_precision: string;
  /** Where the place's coordinates come from. */
  coordinate_source: string;
  governorate: string;
  /** Each measure's figures, as the text gives them ("about 8000 to 20000 (Iraqi civilians)"); '' where it gives none. */
  figures: Record<FigureMeasure, string>;
  text_id: string;
  text_title: string;
  passage_start: number;
  passage_end: number;
  passage: string;
  /** The text and the place where the event is told, for a spreadsheet's source column. */
  citation: string;
  /** A reader's own text, kept in their browser (not in the shipped atlas). */
  own_text: boolean;
  permalink: string;
}

/** A figure as the text gives it: qualifier, value or range, and what it counts. */
export function figureText(f: Figure): string {
  const value = f.high === undefined ? String(f.value) : `${f.value} to ${f.high}`;
  return `${f.qualifier ? `${f.qualifier} ` : ''}${value}${f.of ? ` (${f.of})` : ''}`;
}

/** The link that opens the atlas on the event: its day, its place, its passage in its text. */
export function eventLink(base: string, e: AtlasEvent): string {
  const [passage] = e.sources;
  return `${base}${formatView({ ...defaultView, t: e.t1, place: e.placeId, doc: passage?.doc ?? null, passage: passage ? [passage.start, passage.end] : null })}`;
}

/** Where a place's coordinates come from, as its file says; a shape drawn from geo/ names that. */
export function coordinateSource(place: Place): string {
  const p = place.properties;
  if (p.geometrySource) return p.geometrySource;
  if (p.gazetteer) return `${p.gazetteer.source}: ${p.gazetteer.ref}`;
  if (p.country) return `geo/countries.geojson: ${p.country} (a point inside its shape)`;
  if (p.kind === 'governorate' || p.members) return 'geo/governorates.geojson (a point inside the shape)';
  return '';
}

/**
 * One row an event, in the atlas's order (by first day), for the texts in `texts` (all when absent).
 * An event told in more than one passage gives the first here (the one its place file lists first);
 * the annotations export holds every passage.
 */
export function eventRows(atlas: Atlas, base: string, texts?: Set<string>): EventRow[] {
  const placeOf = new Map(atlas.places.map((p) => [p.id, p]));
  const textOf = new Map(atlas.sources.map((s) => [s.id, s]));
  const governorateName = new Map(atlas.governorates.features.map((g) => [g.properties.id, g.properties.name]));
  return atlas.events
    .filter((e) => !texts || e.sources.some((s) => texts.has(s.doc)))
    .sort((a, b) => a.t0 - b.t0 || a.id.localeCompare(b.id))
    .map((e) => {
      const place = placeOf.get(e.placeId)!;
      const passage = (texts ? e.sources.find((s) => texts.has(s.doc)) : undefined) ?? e.sources[0];
      const text = textOf.get(passage.doc)!;
      const figures = Object.fromEntries(
        figureMeasures.map((m) => [
          m,
          (e.figures ?? [])
            .filter((f) => f.measure === m)
            .map(figureText)
            .join('; '),
        ]),
      ) as Record<FigureMeasure, string>;
      return {
        id: e.id,
        date: e.date,
        first_day: e.precision === 'by' ? '' : isoDay(e.t0),
        last_day: isoDay(e.t1),
        precision: e.precision,
        title: e.title,
        place_id: place.id,
        place: place.properties.name,
        longitude: place.anchor[0],
        latitude: place.anchor[1],
        place_precision: place.properties.precision,
        coordinate_source: coordinateSource(place),
        governorate: place.properties.governorate ? (governorateName.get(place.properties.governorate) ?? place.properties.governorate) : '',
        figures,
        text_id: text.id,
        text_title: text.title,
        passage_start: passage.start,
        passage_end: passage.end,
        passage: passage.quote,
        citation: `${text.credit}, characters ${passage.start}–${passage.end}`,
        own_text: text.own === true,
        permalink: eventLink(base, e),
      };
    });
}
