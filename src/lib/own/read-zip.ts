// "Load place files": a zip made by "Download as place files" (or by hand, in the same layout)
// read back into an own text. Whatever is wrong is named by file and field; a text or place whose
// id the atlas already uses is offered a new id, never written over. Pure.
import { unzipSync } from 'fflate';
import { paths } from '../data/files.ts';
import { indexMentions } from '../data/mentions.ts';
import type { Atlas, Place } from '../data/schema.ts';
import { freeId, type OwnText, type PlaceFeature, type SourceEntry } from './draft.ts';

export type ZipRead =
  | { ok: true; own: OwnText; notes: string[] }
  | { ok: false; message: string }
  /** The text's id is taken: load it again with `asId`. */
  | { ok: false; clash: { id: string; title: string; free: string } };

const textFile = /^places\/sources\/([^/]+)\.txt$/;
const placeFile = /^places\/([^/]+)\.geojson$/;

function decode(bytes: Uint8Array, file: string, zipName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${zipName}: ${file} is not UTF-8 text.`);
  }
}

function parse(bytes: Uint8Array, file: string, zipName: string): unknown {
  const text = decode(bytes, file, zipName);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${zipName}: ${file} is not JSON (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
}

/** Reads the zip against `atlas` (the shipped atlas with the reader's other texts). */
export function readPlaceFiles(bytes: Uint8Array, zipName: string, atlas: Atlas, asId?: string): ZipRead {
  try {
    return read(bytes, zipName, atlas, asId);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function read(bytes: Uint8Array, zipName: string, atlas: Atlas, asId?: string): ZipRead {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new Error(`${zipName} is not a zip file. "Load place files" takes the zip that "Download as place files" makes.`);
  }
  const texts = Object.keys(entries).filter((p) => textFile.test(p));
  if (texts.length !== 1)
    throw new Error(
      texts.length
        ? `${zipName} holds ${texts.length} texts (${texts.join(', ')}); load one text's place files at a time.`
        : `${zipName} holds no text: expected places/sources/<id>.txt beside ${paths.sourceIndex} and the place files.`,
    );
  const id = textFile.exec(texts[0])![1];
  if (!entries[paths.sourceIndex]) throw new Error(`${zipName} has no ${paths.sourceIndex}, so ${texts[0]} has no title or date.`);
  const index = parse(entries[paths.sourceIndex], paths.sourceIndex, zipName) as { texts?: SourceEntry[] };
  const entry = Array.isArray(index?.texts) ? index.texts.find((t) => t?.id === id) : undefined;
  if (!entry) throw new Error(`${zipName}: ${paths.sourceIndex} has no entry with "id": "${id}" for ${texts[0]}.`);

  const text = decode(entries[texts[0]], texts[0], zipName);
  const taken = new Set(atlas.sources.map((s) => s.id));
  const newId = asId ?? id;
  if (taken.has(newId)) return { ok: false, clash: { id: newId, title: entry.title, free: freeId(newId, taken) } };

  const notes: string[] = [];
  const takenPlaces = new Set(atlas.places.map((p) => p.id));
  const takenEvents = new Set(atlas.events.map((e) => e.id));
  const places: Record<string, PlaceFeature> = {};
  for (const [path, data] of Object.entries(entries)) {
    const m = placeFile.exec(path);
    if (!m) continue;
    const feature = parse(data, path, zipName) as PlaceFeature;
    if (feature?.type !== 'Feature' || typeof feature.properties?.name !== 'string')
      throw new Error(`${zipName}: ${path} is not a place file (expected a GeoJSON Feature with properties.name).`);
    const own = renamed(feature, id, newId);
    let shipped = atlas.places.find((p) => p.id === own.id);
    if (shipped && shipped.properties.name !== own.properties.name) {
      // Another place has this id here: the zip's place gets its own, and the reader is told.
      own.id = freeId(own.id, new Set([...takenPlaces, ...Object.keys(places)]));
      notes.push(`${path}: the atlas already has a place "${feature.id}" (${shipped.properties.name}); this one is loaded as "${own.id}".`);
      shipped = undefined;
    }
    const left = keepOwnPart(own, newId, shipped);
    if (left) notes.push(`${path}: ${left} event${left === 1 ? '' : 's'} citing neither this text nor the atlas ${left === 1 ? 'was' : 'were'} not loaded.`);
    if (shipped && !own.properties.events.length && !own.properties.quotes.length) continue;
    for (const event of own.properties.events) {
      if (!takenEvents.has(event.id)) {
        takenEvents.add(event.id);
        continue;
      }
      const free = freeId(event.id, takenEvents);
      notes.push(`${path}: the atlas already has an event "${event.id}"; this one is loaded as "${free}".`);
      event.id = free;
      takenEvents.add(free);
    }
    places[own.id] = own;
  }
  const named = [...atlas.places.filter((p) => !places[p.id]), ...Object.values(places)];
  const mentions = indexMentions(
    [{ id: newId, text }],
    named.map((p) => ({ id: p.id, names: [p.properties.name, ...(p.properties.aliases ?? [])] })),
  ).map(({ start, end, placeId }) => ({ start, end, placeId }));
  if (newId !== id) notes.push(`The text "${entry.title}" is loaded as "${newId}": the atlas already has a text "${id}".`);
  return { ok: true, own: { entry: { ...entry, id: newId }, text, places, mentions }, notes };
}

/** The feature with the text's id changed in its quotes and events. */
function renamed(feature: PlaceFeature, from: string, to: string): PlaceFeature {
  const copy = structuredClone(feature);
  for (const q of copy.properties.quotes ?? []) if (q.doc === from) q.doc = to;
  for (const e of copy.properties.events ?? []) for (const s of e.sources ?? []) if (s.doc === from) s.doc = to;
  return copy;
}

/**
 * Keeps what the text adds at the place: its quotes and the events that cite it (an atlas place's
 * file also holds the atlas's own). Returns how many events were neither, and so not kept.
 */
function keepOwnPart(feature: PlaceFeature, doc: string, shipped: Place | undefined): number {
  const events = feature.properties.events ?? [];
  feature.properties.quotes = (feature.properties.quotes ?? []).filter((q) => q.doc === doc);
  feature.properties.events = events.filter((e) => (e.sources ?? []).some((s) => s.doc === doc));
  const kept = new Set(feature.properties.events);
  return events.filter((e) => !kept.has(e) && !shipped?.properties.events.some((s) => s.id === e.id)).length;
}
