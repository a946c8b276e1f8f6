// The data contract (docs/data.md, the place contract) as types and vocabularies. Plain TypeScript: no Svelte, no MapLibre.
import type { TimeSpan } from '../time/instant.ts';
import type { Mention } from './mentions.ts';

export const placeKinds = ['city', 'district', 'site', 'governorate', 'region', 'route', 'border', 'country'] as const;
export type PlaceKind = (typeof placeKinds)[number];

/** exact: a gazetteer point; approximate: drawn or placed by hand; area: a point or shape standing for an area. */
export const precisions = ['exact', 'approximate', 'area'] as const;
export type Precision = (typeof precisions)[number];

/** What happened, and who acted. Add a tag here before using it in a place file. */
export const eventTags = [
  // what happened
  'violence',
  'bombing',
  'killing',
  'kidnapping',
  'battle',
  'displacement',
  'occupation',
  'handover',
  'withdrawal',
  'ceasefire',
  'negotiation',
  'politics',
  'sectarian',
  'insurgency',
  'uprising',
  'diplomacy',
  'reporting',
  // who acted
  'us-forces',
  'uk-forces',
  'coalition',
  'iraqi-government',
  'iraqi-police',
  'iraqi-army',
  'militia',
  'insurgents',
  'al-qaeda',
  'kurds',
  'un',
  'civilians',
] as const;
export type EventTag = (typeof eventTags)[number];

// The shipped texts' four kinds, and the kinds readers bring their own in (issue 18: a memoir
// chapter, a report, a letter).
export const genres = ['transcript', 'news report', 'editorial', 'blog post', 'book chapter', 'report', 'letter', 'other'] as const;

export const governorateIds = [
  'IQ-AN',
  'IQ-AR',
  'IQ-BA',
  'IQ-BB',
  'IQ-BG',
  'IQ-DA',
  'IQ-DI',
  'IQ-DQ',
  'IQ-KA',
  'IQ-KI',
  'IQ-MA',
  'IQ-MU',
  'IQ-NA',
  'IQ-NI',
  'IQ-QA',
  'IQ-SD',
  'IQ-SU',
  'IQ-WA',
] as const;

export interface SourceText {
  id: string;
  title: string;
  author: string | null;
  outlet: string | null;
  genre: (typeof genres)[number];
  date: string;
  dateEvidence: string;
  url: string | null;
  seedFile: string;
  removedLines: string[];
  credit: string;
  /** The whole text, as in places/sources/<id>.txt. */
  text: string;
  /** A reader's own text, kept in this browser (set when it is merged; never in a file). */
  own?: true;
}

/** A verbatim slice of a source text: text.slice(start, end) === quote (UTF-16 offsets). */
export interface Passage {
  doc: string;
  quote: string;
  start: number;
  end: number;
}

export interface DateSource {
  note: string;
  url?: string;
  /**
   * A quote's words dated by the text (issue 39): the text's own words that give the moment
   * ("earlier this month"), found verbatim in it by the validator.
   */
  textSays?: string;
  /** A quote that is the author's own words, dated by the writing (the text's own date). */
  writing?: true;
}

/** What a number in a text counts. */
export const figureMeasures = [
  'killed',
  'wounded',
  'kidnapped',
  'bodies',
  'displaced',
  'fled',
  'refugees',
  'troops',
  'police',
  'fighters',
  'percent',
  'casualties',
] as const;
export type FigureMeasure = (typeof figureMeasures)[number];

/** A number the text gives, next to the passage that states it (sources[source], default 0). */
export interface Figure {
  measure: FigureMeasure;
  value: number;
  /** Upper end, where the text gives a range ("8,000 to 20,000"). */
  high?: number;
  /** "about", "at least", "more than", "almost", "up to", as the text qualifies it. */
  qualifier?: string;
  /** Who or what is counted, in the text's terms ("Iraqi civilians", "Kurds"). */
  of?: string;
  source?: number;
}

export interface PlaceEvent {
  id: string;
  date: string;
  title: string;
  summary?: string;
  tags: EventTag[];
  sources: Passage[];
  dateSource?: DateSource;
  figures?: Figure[];
  /**
   * Where the text only implies the event's place (a killing told in Mosul of a man from Tal Afar):
   * why the atlas puts it there. The map then draws it as uncertain and the panel says so.
   */
  placeImplied?: string;
}

export interface Quote {
  doc: string;
  text: string;
  speaker: string | null;
  role?: string;
  /** When it was said, as far as the text tells (EDTF). */
  date: string;
  dateSource?: DateSource;
  start: number;
  end: number;
}

export interface PlaceProperties {
  name: string;
  aliases?: string[];
  nameAr?: string;
  /** Where the Arabic name comes from (required with nameAr). */
  nameArSource?: string;
  kind: PlaceKind;
  governorate: string | null;
  precision: Precision;
  gazetteer?: { source: string; ref: string };
  geometrySource?: string;
  /** A country place without its own shape: the name of a feature in geo/countries.geojson. */
  country?: string;
  /** A region place without its own shape: the governorates it is made of. */
  members?: string[];
  events: PlaceEvent[];
  quotes: Quote[];
}

export type PlaceGeometry = GeoJSON.Point | GeoJSON.LineString | GeoJSON.Polygon | GeoJSON.MultiPolygon;

export interface Place {
  id: string;
  file: string;
  /** null for a governorate, region or country place: its shape is drawn from geo/. */
  geometry: PlaceGeometry | null;
  /** Where the place's symbol and label go: the point, or a point inside the area. */
  anchor: [number, number];
  properties: PlaceProperties;
}

export interface AtlasEvent extends PlaceEvent, TimeSpan {
  placeId: string;
}

export interface AtlasQuote extends Quote, TimeSpan {
  placeId: string;
}

export interface GovernorateProperties {
  id: string;
  name: string;
  nameAr?: string;
  nameArSource?: string;
  aliases: string[];
  label: [number, number];
  source: string;
}

export type Governorates = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, GovernorateProperties>;
export type GovernorateFeature = Governorates['features'][number];

export interface Atlas {
  sources: SourceText[];
  places: Place[];
  events: AtlasEvent[];
  quotes: AtlasQuote[];
  governorates: Governorates;
  /** Context layers by name (countries, coast, rivers, lakes, water-labels); see geo/README.md. */
  context: Record<'countries' | 'coast' | 'rivers' | 'lakes' | 'water-labels', GeoJSON.FeatureCollection>;
  control: Control;
  displacement: DisplacementRecord[];
  /** Every mention of a mapped place in a text, in text order (src/lib/data/mentions.ts). */
  mentions: Mention[];
}

// ── Thematic layers (geo/control.json, geo/displacement.json; docs/data.md) ──

export const controlStatuses = ['coalition', 'iraqi', 'krg', 'security-agreement'] as const;
export type ControlStatus = (typeof controlStatuses)[number];

export const confidences = ['high', 'medium', 'low'] as const;

/** The lead nations a coalition period may name (the map draws a pattern for each: look/leads.ts). */
export const leadNations = ['United States', 'United Kingdom', 'Poland', 'South Korea'] as const;
export type LeadNation = (typeof leadNations)[number];
export type Confidence = (typeof confidences)[number];

/** A public-record source: the page, how sure the reference facts are of it, and any caveat. */
export interface WebSource {
  url: string;
  confidence?: Confidence;
  note?: string;
  /** Who published the page; filled by the loader from geo/web-sources.json (data/web-sources.ts). */
  outlet?: string;
  /** The page's title, or null where it could not be read; from geo/web-sources.json. */
  title?: string | null;
  /** The page's date, where known; from geo/web-sources.json. */
  published?: string;
}

export interface ControlPeriod extends TimeSpan {
  from: string;
  to: string;
  status: ControlStatus;
  /** The lead nation (one of leadNations in a coalition period) or authority; null where no source names it ("no data"). */
  lead: string | null;
  sector: string | null;
  source: WebSource;
  /** The source for the period's first day, where it is not the period's own source (the invasion; a handover reported elsewhere). */
  startSource?: WebSource;
  /** A conflicting date for the start of this period, kept with its source. */
  alsoReported?: { date: string; source: WebSource }[];
  note?: string;
}

export interface Milestone extends TimeSpan {
  id: string;
  date: string;
  title: string;
  where: string | null;
  source: WebSource;
}

export interface Control {
  /** Periods per governorate id, in time order, not overlapping. */
  governorates: Record<string, ControlPeriod[]>;
  milestones: Milestone[];
}

export const displacementMeasures = ['idps', 'idps-since-2006', 'refugees', 'refugees-registered', 'fled'] as const;
export type DisplacementMeasure = (typeof displacementMeasures)[number];

export const displacementQualifiers = ['exactly', 'about', 'more than', 'fewer than', 'range', 'no data'] as const;

/** Where a figure was counted: a governorate id, a host country, both hosts, or null for Iraq as a whole. */
export const hostCountries = ['SY', 'JO', 'SY+JO'] as const;

export interface DisplacementRecord extends TimeSpan {
  id: string;
  where: string | null;
  date: string;
  measure: DisplacementMeasure;
  /** null = no data (the source has the row, but not the number). */
  value: number | null;
  /** Upper end, where the source gives a range. */
  high?: number;
  unit: 'people';
  families?: number;
  qualifier: (typeof displacementQualifiers)[number];
  confidence: Confidence;
  method: string;
  note?: string;
  /** A place id, where the figure is for a city rather than its governorate. */
  place?: string;
  /** A public record, or a passage of one of the texts (a text's own figure). */
  source: WebSource | Passage;
}

export function isPassage(source: WebSource | Passage): source is Passage {
  return 'doc' in source;
}
