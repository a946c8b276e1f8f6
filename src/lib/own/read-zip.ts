// "Load place files": a zip made by "Download as place files" (or by hand, in the same layout)
// read back into an own text. Whatever is wrong is named by file and field; a text or place whose
// id the atlas already uses is offered a new id, never written over. A zip that would inflate past
// its limits, or whose entry names climb out of their folder, is refused before it is inflated. Pure.
import { unzipSync } from 'fflate';
import { paths } from '../data/files.ts';
import { indexMentions } from '../data/mentions.ts';
import type { Atlas, Place } from '../data/schema.ts';
import { freeId } from '../data/free-id.ts';
import { MAX_TEXT, type OwnText, type PlaceFeature, type SourceEntry } from './draft.ts';

export type ZipRead =
  | { ok: true; own: OwnText; notes: string[] }
  | { ok: false; message: string }
  /** The text's id is taken: load it again with `asId`. */
  | { ok: false; clash: { id: string; title: string; free: string } }
  /** The zip holds several texts (a tour's download): load each by its id (`textId`). */
  | { ok: false; texts: string[] };

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

/** Reads the zip against `atlas` (the shipped atlas with the reader's other texts); `textId` picks one of several texts. */
export function readPlaceFiles(bytes: Uint8Array, zipName: string, atlas: Atlas, asId?: string, textId?: string): ZipRead {
  try {
    return read(bytes, zipName, atlas, asId, textId);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * What a zip may hold before the reader stops (issue 37): a zip of a few kilobytes can inflate to
 * gigabytes. A text has at most MAX_TEXT characters, as in the form, so at most 4 bytes each.
 */
export const ZIP_LIMITS = { totalBytes: 50 * 1024 * 1024, textBytes: 4 * MAX_TEXT, entries: 5000 } as const;

/** Why an entry's name is refused: it climbs out of its folder or starts at a root; null if it is a plain relative path. */
export function unsafeEntryName(name: string): string | null {
  if (/^[/\\]/.test(name) || /^[a-z]:/i.test(name)) return 'is an absolute path';
  if (name.split(/[/\\]/).includes('..')) return 'climbs out of its folder (“..”)';
  if (name.includes('\0')) return 'holds a NUL character';
  return null;
}

/** Inflates the zip's entries one by one, stopping before the first that passes a limit (naming it). */
function unzipWithLimits(bytes: Uint8Array, zipName: string): Record<string, Uint8Array> {
  let total = 0;
  let count = 0;
  let refusal: Error | null = null;
  const refuse = (message: string) => {
    refusal = new Error(`${zipName}: ${message} Nothing was loaded.`);
    throw refusal;
  };
  try {
    return unzipSync(bytes, {
      // Called for each entry just before it is inflated; throwing here inflates nothing more.
      filter: ({ name, originalSize }) => {
        const unsafe = unsafeEntryName(name);
        if (unsafe) refuse(`the entry “${name.slice(0, 200)}” ${unsafe}, so it is refused.`);
        if (++count > ZIP_LIMITS.entries) refuse(`it holds more than ${ZIP_LIMITS.entries} entries; place files of one text are far fewer.`);
        if (textFile.test(name) && originalSize > ZIP_LIMITS.textBytes)
          refuse(`${name} would inflate to ${megabytes(originalSize)}; a text has at most ${MAX_TEXT.toLocaleString('en')} characters.`);
        total += originalSize;
        if (total > ZIP_LIMITS.totalBytes)
          refuse(
            `${name} would take the zip past ${megabytes(ZIP_LIMITS.totalBytes)} inflated (${megabytes(total)} with the entries before it); it was not inflated.`,
          );
        return true;
      },
    });
  } catch (error) {
    if (refusal) throw refusal;
    throw new Error(`${zipName} is not a zip file. "Load place files" takes the zip that "Download as place files" makes.`, { cause: error });
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

function read(bytes: Uint8Array, zipName: string, atlas: Atlas, asId?: string, textId?: string): ZipRead {
  const entries = unzipWithLimits(bytes, zipName);
  const all = Object.keys(entries).filter((p) => textFile.test(p));
  if (!all.length) throw new Error(`${zipName} holds no text: expected places/sources/<id>.txt beside ${paths.sourceIndex} and the place files.`);
  const ids = all.map((p) => textFile.exec(p)![1]);
  if (all.length > 1 && textId === undefined) return { ok: false, texts: ids };
  const texts = textId === undefined ? all : all.filter((p) => textFile.exec(p)![1] === textId);
  if (!texts.length) throw new Error(`${zipName} holds no text "${textId}" (it holds ${ids.join(', ')}).`);
  const id = textFile.exec(texts[0])![1];
  // The zip's other texts: their events at a shared place are theirs, not lost ones.
  const others = new Set(ids.filter((other) => other !== id));
  if (!entries[paths.sourceIndex]) throw new Error(`${zipName} has no ${paths.sourceIndex}, so ${texts[0]} has no title or date.`);
  const index = parse(entries[paths.sourceIndex], paths.sourceIndex, zipName) as { texts?: SourceEntry[] };
  const entry = Array.isArray(index?.texts) ? index.texts.find((t) => t?.id === id) : undefined;
  if (!entry) throw new Error(`${zipName}: ${paths.sourceIndex} has no entry with "id": "${id}" for ${texts[0]}.`);

  const text = decode(entries[texts[0]], texts[0], zipName);
  if (text.length > MAX_TEXT)
    throw new Error(`${zipName}: ${texts[0]} has ${text.length.toLocaleString('en')} characters; a text has at most ${MAX_TEXT.toLocaleString('en')}.`);
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
    const left = keepOwnPart(own, newId, shipped, others);
    if (left) notes.push(`${path}: ${left} event${left === 1 ? '' : 's'} citing neither this text nor the atlas ${left === 1 ? 'was' : 'were'} not loaded.`);
    // Nothing of this text here: an atlas place stays the atlas's, and in a zip of several texts a
    // place only another text marks is that text's.
    if ((shipped || others.size) && !own.properties.events.length && !own.properties.quotes.length) continue;
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
function keepOwnPart(feature: PlaceFeature, doc: string, shipped: Place | undefined, others: Set<string>): number {
  const events = feature.properties.events ?? [];
  feature.properties.quotes = (feature.properties.quotes ?? []).filter((q) => q.doc === doc);
  feature.properties.events = events.filter((e) => (e.sources ?? []).some((s) => s.doc === doc));
  const kept = new Set(feature.properties.events);
  const theirs = (e: (typeof events)[number]) => (e.sources ?? []).some((s) => others.has(s.doc));
  return events.filter((e) => !kept.has(e) && !theirs(e) && !shipped?.properties.events.some((s) => s.id === e.id)).length;
}
