// The atlas with a reader's own texts in it: each text's entry and place files checked by the data
// contract's own validator (load.ts, validate.ts), as `npm run validate` checks the shipped ones,
// then laid over the atlas: new places added, the atlas's places given the events and quotes the
// text adds. What does not pass is reported, file, feature and field, and left out; the rest of
// the atlas is never touched. Pure.
import { paths, textPath } from '../data/files.ts';
import { checkSourceEntry } from '../data/load.ts';
import type { Mention } from '../data/mentions.ts';
import type { Problem } from '../data/problem.ts';
import type { Atlas } from '../data/schema.ts';
import { checkPlaceFile, type ValidationContext } from '../data/validate.ts';
import { placeFileText, withAdditions, type OwnText } from './draft.ts';

export interface Merged {
  atlas: Atlas;
  problems: Problem[];
  /** The ids of the reader's own texts that made it in. */
  own: Set<string>;
}

export const placePath = (id: string): string => `${paths.placesDir}/${id}.geojson`;

/** Adds one text to an atlas, or reports why it cannot be. */
export function withOwnText(atlas: Atlas, own: OwnText): { atlas: Atlas; problems: Problem[]; ok: boolean } {
  const problems: Problem[] = [];
  const file = `${paths.sourceIndex} (your text "${own.entry.title}")`;
  if (atlas.sources.some((s) => s.id === own.entry.id)) {
    problems.push({ file, feature: own.entry.id, path: 'id', message: 'a text of the atlas already has this id' });
    return { atlas, problems, ok: false };
  }
  const source = checkSourceEntry(file, own.entry as unknown as Record<string, unknown>, 0, { [textPath(own.entry.id)]: own.text }, problems);
  if (!source) return { atlas, problems, ok: false };
  const sources = [...atlas.sources, { ...source, own: true as const }];
  const rewritten = new Set(Object.keys(own.places));
  const kept = atlas.places.filter((p) => !rewritten.has(p.id));
  const keptEvents = atlas.events.filter((e) => !rewritten.has(e.placeId));
  const ctx: ValidationContext = {
    sources: new Map(sources.map((s) => [s.id, s])),
    governorates: atlas.governorates,
    countries: new Map(atlas.context.countries.features.map((c) => [c.properties!.name as string, c.properties!.label as [number, number]])),
    placeIds: new Map(kept.map((p) => [p.id, p.file])),
    eventIds: new Map(keptEvents.map((e) => [e.id, placePath(e.placeId)])),
  };
  const places = [...kept];
  const events = [...keptEvents];
  const quotes = atlas.quotes.filter((q) => !rewritten.has(q.placeId));
  for (const feature of Object.values(own.places)) {
    const result = checkPlaceFile(placePath(feature.id), placeFileText(withAdditions(feature, atlas)), ctx);
    problems.push(...result.problems);
    if (result.place) {
      places.push(result.place);
      events.push(...result.events);
      quotes.push(...result.quotes);
      continue;
    }
    // A place the text could not write keeps its shipped copy, without the text's additions.
    const shipped = atlas.places.find((p) => p.id === feature.id);
    if (!shipped) continue;
    places.push(shipped);
    events.push(...atlas.events.filter((e) => e.placeId === shipped.id));
    quotes.push(...atlas.quotes.filter((q) => q.placeId === shipped.id));
  }
  events.sort((a, b) => a.t0 - b.t0 || a.t1 - b.t1 || a.id.localeCompare(b.id));
  const mentions: Mention[] = own.mentions
    .filter((m) => places.some((p) => p.id === m.placeId) || atlas.governorates.features.some((g) => g.properties.id === m.placeId))
    .map((m) => ({ doc: own.entry.id, placeId: m.placeId, start: m.start, end: m.end, text: own.text.slice(m.start, m.end) }));
  return { atlas: { ...atlas, sources, places, events, quotes, mentions: [...atlas.mentions, ...mentions] }, problems, ok: true };
}

/** The atlas with every own text that passes, in the order given. */
export function withOwnTexts(atlas: Atlas, owns: OwnText[]): Merged {
  const problems: Problem[] = [];
  const own = new Set<string>();
  for (const text of owns) {
    const merged = withOwnText(atlas, text);
    problems.push(...merged.problems);
    atlas = merged.atlas;
    if (merged.ok) own.add(text.entry.id);
  }
  return { atlas, problems, own };
}
