// The reader's texts as this browser keeps them, read by whichever version of the atlas is running
// (issue 37). Each record carries the shape it was written in (`format`); a record of an older
// shape is brought up to this one, and a record that cannot be read is never dropped: it is kept
// as it was, shown as a problem with its words, and can be downloaded whole. Pure.
import type { OwnText } from './draft.ts';

/**
 * The shape saveOwnText writes. 1: the first kept texts (November 2026), with no `format` field;
 * their `mentions` and `places` may be missing. 2: every field present, and `format` written.
 */
export const KEPT_FORMAT = 2;

export type Kept = OwnText & { format: number };

/** A record that could not be read as a text: what was kept, and why it is not shown. */
export interface UnreadableKept {
  /** The record's key in the database (its entry's id), or null where even that is missing. */
  id: string | null;
  /** A title to show: the entry's, or the id, or a placeholder. */
  title: string;
  problem: string;
  /** The record exactly as it was kept, to download. */
  record: unknown;
  /** Its words, where a text was found, so the panel can say the text itself is intact. */
  text: string | null;
}

export type KeptRead = { ok: true; own: OwnText; upgradedFrom: number | null } | ({ ok: false } & UnreadableKept);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One kept record → a text in this version's shape, or the reason it is not one (with the record intact). */
export function readKept(record: unknown): KeptRead {
  const entry = isObject(record) && isObject(record.entry) ? record.entry : null;
  const id = typeof entry?.id === 'string' ? entry.id : null;
  const text = isObject(record) && typeof record.text === 'string' ? record.text : null;
  const title = typeof entry?.title === 'string' && entry.title.trim() ? entry.title : (id ?? 'a text with no title');
  const unreadable = (problem: string): KeptRead => ({ ok: false, id, title, problem, record, text });
  if (!isObject(record)) return unreadable('the record is not an object');
  const format = record.format === undefined ? 1 : record.format;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1)
    return unreadable(`its format ${JSON.stringify(format)} is not one the atlas wrote`);
  if (format > KEPT_FORMAT)
    return unreadable(`it was kept by a newer version of the atlas (format ${format}; this one reads up to ${KEPT_FORMAT}): update the page, or download it`);
  if (!entry || id === null) return unreadable('it has no entry with an id');
  if (text === null) return unreadable('it has no text');
  const places = record.places === undefined ? {} : record.places;
  if (!isObject(places) || Object.values(places).some((p) => !isObject(p) || !isObject(p.properties))) return unreadable('its places are not place features');
  const mentions = record.mentions === undefined ? [] : record.mentions;
  if (!Array.isArray(mentions) || mentions.some((m) => !isObject(m) || typeof m.placeId !== 'string' || !Number.isInteger(m.start) || !Number.isInteger(m.end)))
    return unreadable('its mentions are not {start, end, placeId} records');
  const own = { entry, text, places, mentions } as unknown as OwnText;
  return { ok: true, own, upgradedFrom: format < KEPT_FORMAT ? format : null };
}

/** A text as saveOwnText keeps it: this version's shape, with its format. */
export const toKept = (own: OwnText): Kept => ({ entry: own.entry, text: own.text, places: own.places, mentions: own.mentions, format: KEPT_FORMAT });

/** The file name and contents of an unreadable record's download: the record whole, as JSON. */
export function keptDownload(bad: UnreadableKept): { name: string; json: string } {
  const base = (bad.id ?? 'kept-text').replace(/[^\w.-]+/g, '-').slice(0, 60) || 'kept-text';
  return { name: `${base}-as-kept.json`, json: JSON.stringify(bad.record, null, 2) };
}
