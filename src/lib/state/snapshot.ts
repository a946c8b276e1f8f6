// The view's shape, its defaults and what a valid value is: one view state (docs/architecture.md) that
// is a permalink (url.ts encodes it), a tour chapter's partial (tour.ts), a figure's input
// (print/), and the live state of the page (view.svelte.ts). Pure.
import { eventTags, type Atlas } from '../data/schema.ts';
import { dayFromIso } from '../time/day.ts';
import { DEFAULT_WINDOW_DAYS, FIRST_DAY, LAST_DAY, type TimeMode } from '../time/window.ts';

export const layerNames = ['events', 'control', 'displacement', 'context'] as const;
export type LayerName = (typeof layerNames)[number];

export interface ViewSnapshot {
  t: number;
  mode: TimeMode;
  windowDays: number;
  /** [longitude, latitude, zoom], or null for the default view of Iraq. */
  camera: [number, number, number] | null;
  layers: LayerName[];
  /** Show only events citing these texts / carrying these tags; empty = all. */
  texts: string[];
  tags: string[];
  place: string | null;
  /** The text open in the reader, and the passage to highlight. */
  doc: string | null;
  passage: [number, number] | null;
  /** A guided tour being played, and its chapter (0-based here, 1-based in the link). */
  tour: string | null;
  chapter: number | null;
  /** A collection served from PostGIS (npm run db -- serve): the server's address, or null. */
  db: string | null;
}

export const defaultView: ViewSnapshot = {
  t: dayFromIso('2006-11-14'),
  mode: 'window',
  windowDays: DEFAULT_WINDOW_DAYS,
  camera: null,
  layers: ['events', 'control', 'context'],
  texts: [],
  tags: [],
  place: null,
  doc: null,
  passage: null,
  tour: null,
  chapter: null,
  db: null,
};

/** What a link may name, so that unknown ids are refused rather than passed on. */
export interface Known {
  places: Set<string>;
  texts: Set<string>;
  tags: Set<string>;
  /** Tours by id, with their number of chapters. */
  tours?: Map<string, number>;
}

/** What the atlas's links may name: its places, texts, tags and tours (with their chapter counts). */
export function knownOf(atlas: Atlas, tours: { id: string; chapters: unknown[] }[]): Known {
  return {
    // A governorate's id (IQ-NA) selects it as a place does: every governorate can be inspected.
    places: new Set([...atlas.places.map((p) => p.id), ...atlas.governorates.features.map((g) => g.properties.id)]),
    texts: new Set(atlas.sources.map((s) => s.id)),
    tags: new Set(eventTags),
    tours: new Map(tours.map((t) => [t.id, t.chapters.length])),
  };
}

/** The checks a view's values must pass, whoever sets them (a link, a tour file, a script). */
export const validDay = (t: number) => Number.isInteger(t) && t >= FIRST_DAY && t <= LAST_DAY;
export const validWindowDays = (n: number) => Number.isInteger(n) && n >= 1 && n <= 3650;
export const validCamera = ([lng, lat, zoom]: number[]) =>
  [lng, lat, zoom].every(Number.isFinite) && Math.abs(lng) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 22;

/**
 * A collection server's address as a link may give it: http(s) on any host (the reader chose it),
 * or a path on the atlas's own origin ("/db"). Returned without a trailing slash; null if invalid.
 */
export function validServer(value: string): string | null {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (/^\/[\w\-./]*$/.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash ? trimmed : null;
  } catch {
    return null;
  }
}
