// The runtime validator for places/<id>.geojson (docs/data.md, the place contract). It reports every problem, not the
// first, each with its file, feature and field path, and hands back what did pass, so a broken
// event costs that event only: the app shows the rest and lists what it left out.
import gjv from 'geojson-validation';
// Turf's modules one by one, as its docs suggest: the whole of @turf/turf takes ~285 ms to load in
// Node, and the command line loads the atlas for every figure it draws.
import { along } from '@turf/along';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { feature } from '@turf/helpers';
import { length } from '@turf/length';
import { pointOnFeature } from '@turf/point-on-feature';
import { saidBy, type TimeSpan } from '../time/instant.ts';
import { checkDate, checkSlice, isObject, isText, kebabCase, Report, type Json } from './check.ts';
import { parseJson } from './json.ts';
import { numberStatedIn } from './numbers.ts';
import type { Problem } from './problem.ts';
import {
  eventTags,
  figureMeasures,
  placeKinds,
  precisions,
  type AtlasEvent,
  type AtlasQuote,
  type Governorates,
  type Place,
  type PlaceGeometry,
  type SourceText,
} from './schema.ts';

export interface ValidationContext {
  sources: Map<string, SourceText>;
  governorates: Governorates;
  /** Label points of the countries in geo/countries.geojson, by name. */
  countries: Map<string, [number, number]>;
  /** Ids already taken, with the file that took them: ids are unique across the atlas. */
  placeIds: Map<string, string>;
  eventIds: Map<string, string>;
}

export interface PlaceResult {
  place: Place | null;
  events: AtlasEvent[];
  quotes: AtlasQuote[];
  problems: Problem[];
}

function fileId(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.geojson$/, '');
}

export function checkPlaceFile(file: string, raw: string, ctx: ValidationContext): PlaceResult {
  const report = new Report(file);
  const none = (): PlaceResult => ({ place: null, events: [], quotes: [], problems: report.problems });

  const json = parseJson(raw);
  if (!json.ok) {
    report.add(`line ${json.line}, column ${json.column}`, `malformed JSON: ${json.message}`);
    return none();
  }
  const feature = json.value;
  if (!isObject(feature)) {
    report.add('(root)', 'expected a GeoJSON Feature object');
    return none();
  }
  const id = checkId(feature.id, file, ctx, report);
  if (feature.type !== 'Feature') report.add('type', `is ${JSON.stringify(feature.type)}; expected "Feature" (one place per file)`);
  const props = feature.properties;
  if (!isObject(props)) {
    report.add('properties', 'missing; expected an object with name, kind, governorate, precision, events, quotes');
    return none();
  }

  const placeOk = report.clean(() => checkPlaceProperties(props, report, ctx));
  const geometry = checkGeometry(feature.geometry, props, report);
  const anchor = placeOk && geometry !== undefined ? anchorOf(geometry, props, ctx, report) : null;

  const events = Array.isArray(props.events) ? props.events.flatMap((e, i) => checkEvent(e, `properties.events[${i}]`, id, report, ctx)) : [];
  const quotes = Array.isArray(props.quotes) ? props.quotes.flatMap((q, i) => checkQuote(q, `properties.quotes[${i}]`, id, report, ctx)) : [];

  if (!id || !anchor || geometry === undefined) return { place: null, events: [], quotes: [], problems: report.problems };
  const place: Place = {
    id,
    file,
    geometry,
    anchor,
    properties: { ...(props as unknown as Place['properties']), events: events.map(stripEvent), quotes: quotes.map(stripQuote) },
  };
  return { place, events, quotes, problems: report.problems };
}

function checkId(value: unknown, file: string, ctx: ValidationContext, report: Report): string | null {
  const expected = fileId(file);
  if (typeof value !== 'string' || value === '') {
    report.add('id', `missing; expected "${expected}" (the file name)`);
    return null;
  }
  report.feature = value;
  let ok = true;
  if (!kebabCase.test(value)) {
    report.add('id', `"${value}" is not kebab-case; expected lower-case words joined by "-"`);
    ok = false;
  }
  if (value !== expected) {
    report.add('id', `"${value}" differs from the file name; expected "${expected}"`);
    ok = false;
  }
  const taken = ctx.placeIds.get(value);
  if (taken) {
    report.add('id', `"${value}" is already used by ${taken}; ids must be unique`);
    return null;
  }
  ctx.placeIds.set(value, file);
  return ok ? value : null;
}

function checkPlaceProperties(p: Json, report: Report, ctx: ValidationContext): void {
  if (!isText(p.name)) report.add('properties.name', 'missing; expected the place name in English');
  if (p.aliases !== undefined && !(Array.isArray(p.aliases) && p.aliases.every(isText))) {
    report.add('properties.aliases', 'expected a list of names');
  }
  if (p.nameAr !== undefined && !(isText(p.nameAr) && /[\u0600-\u06FF]/.test(p.nameAr))) {
    report.add('properties.nameAr', 'expected the name in Arabic script');
  }
  if (p.nameAr !== undefined && !isText(p.nameArSource)) {
    report.add('properties.nameArSource', 'missing; an Arabic name needs the source that gives it');
  }
  if (!placeKinds.includes(p.kind as never)) {
    report.add('properties.kind', `${JSON.stringify(p.kind)} is not a kind; expected one of ${placeKinds.join(', ')}`);
  }
  if (!precisions.includes(p.precision as never)) {
    report.add('properties.precision', `${JSON.stringify(p.precision)} is not a precision; expected one of ${precisions.join(', ')}`);
  }
  if (!('governorate' in p)) {
    report.add('properties.governorate', 'missing; expected an ISO 3166-2 code such as "IQ-AN", or null outside Iraq');
  } else if (p.governorate !== null && !ctx.governorates.features.some((g) => g.id === p.governorate)) {
    report.add('properties.governorate', `${JSON.stringify(p.governorate)} is not a governorate in geo/governorates.geojson; expected IQ-AN … IQ-WA or null`);
  }
  for (const list of ['events', 'quotes']) {
    if (!Array.isArray(p[list])) report.add(`properties.${list}`, 'missing; expected a list (may be empty)');
  }
  if (p.gazetteer !== undefined && !(isObject(p.gazetteer) && isText(p.gazetteer.source) && isText(p.gazetteer.ref))) {
    report.add('properties.gazetteer', 'expected { source, ref }: the gazetteer and the entry the coordinates come from');
  }
}

/** Returns the geometry, null for a governorate place without its own shape, or undefined if unusable. */
function checkGeometry(geometry: unknown, p: Json, report: Report): PlaceGeometry | null | undefined {
  if (geometry === null) {
    if (['governorate', 'region', 'country'].includes(p.kind as string)) return null;
    report.add('geometry', 'is null; only a governorate, region or country place may omit its shape (it is drawn from geo/)');
    return undefined;
  }
  if (!isObject(geometry)) {
    report.add('geometry', 'missing; expected a GeoJSON geometry (Point, LineString, Polygon or MultiPolygon)');
    return undefined;
  }
  const errors = gjv.valid(geometry, true);
  if (errors.length) {
    for (const e of errors) report.add('geometry', `invalid GeoJSON: ${e}`);
    return undefined;
  }
  if (!['Point', 'LineString', 'Polygon', 'MultiPolygon'].includes(geometry.type as string)) {
    report.add('geometry.type', `${geometry.type} is not used here; expected Point, LineString, Polygon or MultiPolygon`);
    return undefined;
  }
  if (!isText(p.geometrySource) && !(isObject(p.gazetteer) && isText(p.gazetteer.source))) {
    report.add('properties.gazetteer', 'missing; every coordinate needs a source: give gazetteer { source, ref } or geometrySource');
  }
  return geometry as unknown as PlaceGeometry;
}

/** The point that stands for the place; checks it lies in the declared governorate. */
function anchorOf(geometry: PlaceGeometry | null, p: Json, ctx: ValidationContext, report: Report): [number, number] | null {
  const governorate = ctx.governorates.features.find((g) => g.id === p.governorate);
  if (geometry === null) return shapelessAnchor(p, governorate, ctx, report);
  // A line's symbol goes at its middle; an area's at a point guaranteed to lie inside it.
  const anchor =
    geometry.type === 'Point'
      ? (geometry.coordinates as [number, number])
      : geometry.type === 'LineString'
        ? (along(geometry, length(feature(geometry)) / 2).geometry.coordinates as [number, number])
        : (pointOnFeature(geometry).geometry.coordinates as [number, number]);
  const where = geometry.type === 'Point' ? 'the point' : 'a point inside the shape';
  if (governorate) {
    if (!booleanPointInPolygon(anchor, governorate)) {
      const actual = ctx.governorates.features.find((g) => booleanPointInPolygon(anchor, g));
      report.add(
        'geometry',
        `${where} (${anchor.join(', ')}) lies outside ${governorate.id} (${governorate.properties.name})` +
          (actual ? `, in ${actual.id} (${actual.properties.name}); fix the coordinates or the governorate` : ', outside Iraq'),
      );
      return null;
    }
  } else if (p.governorate === null) {
    const inside = ctx.governorates.features.find((g) => booleanPointInPolygon(anchor, g));
    if (inside) {
      report.add('properties.governorate', `is null, but ${where} lies in ${inside.id} (${inside.properties.name}); null is only for places outside Iraq`);
      return null;
    }
  }
  return anchor;
}

/** Where a place drawn from geo/ puts its symbol: its governorate's, first member's or country's label point. */
function shapelessAnchor(p: Json, governorate: Governorates['features'][number] | undefined, ctx: ValidationContext, report: Report): [number, number] | null {
  if (p.kind === 'governorate') {
    if (governorate) return governorate.properties.label;
    report.add('properties.governorate', 'a governorate place without a shape must name its governorate');
    return null;
  }
  if (p.kind === 'region') {
    const members = Array.isArray(p.members) ? p.members : [];
    const found = members.map((m) => ctx.governorates.features.find((g) => g.id === m));
    if (members.length === 0 || found.some((g) => !g)) {
      report.add('properties.members', 'a region without a shape must list the governorates it is made of (ISO 3166-2 ids)');
      return null;
    }
    return found[0]!.properties.label;
  }
  const label = ctx.countries.get(p.country as string);
  if (!label) {
    report.add(
      'properties.country',
      `${JSON.stringify(p.country)} is not a country in geo/countries.geojson; expected one of ${[...ctx.countries.keys()].join(', ')}`,
    );
    return null;
  }
  return label;
}

function checkDateSource(value: unknown, path: string, report: Report): void {
  if (value === undefined) return;
  if (!isObject(value) || !isText(value.note) || (value.url !== undefined && !isText(value.url))) {
    report.add(path, 'expected { note, url? }: how the date was read, and the public record it comes from');
    return;
  }
  if (value.textSays !== undefined && !isText(value.textSays)) report.add(`${path}.textSays`, "expected the text's own words that date the quote");
  if (value.writing !== undefined && value.writing !== true)
    report.add(`${path}.writing`, "expected true (the author's own words, dated by the writing), or no field");
}

/**
 * Words dated as a historian dates them (issue 39): a quote dated to the date of the text that
 * reports it must say why, since a text's date is when it was written, not when its speakers
 * spoke. Either the text gives that moment (dateSource.textSays: its own words, found in it), or
 * the words are the author's own, dated by the writing (dateSource.writing). Otherwise the quote
 * is a bound: "../<the text's date>", said by then.
 */
function checkSaidDate(q: Json, path: string, report: Report, ctx: ValidationContext): void {
  const source = ctx.sources.get(q.doc as string);
  if (!source || q.date !== source.date) return;
  const basis = isObject(q.dateSource) ? q.dateSource : {};
  if (isText(basis.textSays)) {
    if (!source.text.includes(basis.textSays))
      report.add(
        `${path}.dateSource.textSays`,
        `${JSON.stringify(basis.textSays)} is not in ${source.id}: quote the text's words that date the quote verbatim`,
      );
    return;
  }
  if (basis.writing === true) return;
  report.add(
    `${path}.date`,
    `${source.date} is the date of ${source.id}, which reports the words, not the day they were said: write "${saidBy(source.date)}" (said by then) where the text does not say when; where it does, quote its words in dateSource.textSays; the author's own words take dateSource.writing: true`,
  );
}

function checkEvent(e: unknown, path: string, placeId: string | null, report: Report, ctx: ValidationContext): AtlasEvent[] {
  if (!isObject(e)) {
    report.add(path, 'expected an event object');
    return [];
  }
  let span: TimeSpan | null = null;
  const ok = report.clean(() => {
    if (!isText(e.id) || !kebabCase.test(e.id)) {
      report.add(`${path}.id`, `${JSON.stringify(e.id)} is not a kebab-case id; expected e.g. "fallujah-2003-04-28-school-shooting"`);
    } else {
      const taken = ctx.eventIds.get(e.id);
      if (taken) report.add(`${path}.id`, `"${e.id}" is already used in ${taken}; event ids must be unique`);
      else ctx.eventIds.set(e.id, report.file);
    }
    // An open start ("../2008-01-30") is what a text reports as already so, without saying since
    // when; it must say how it was read.
    span = checkDate(e.date, `${path}.date`, report, { openStart: true });
    checkDateSource(e.dateSource, `${path}.dateSource`, report);
    if (span?.precision === 'by' && e.dateSource === undefined)
      report.add(`${path}.dateSource`, 'missing; an open-start date ("../day") says how the text gives it, e.g. "has spread" in a talk of that day');
    if (e.placeImplied !== undefined && !isText(e.placeImplied))
      report.add(`${path}.placeImplied`, 'expected text: why the atlas puts the event here when the text only implies the place');
    if (!isText(e.title)) report.add(`${path}.title`, 'missing; expected a one-line title in our own words');
    if (e.summary !== undefined && !isText(e.summary)) report.add(`${path}.summary`, 'expected text');
    if (!Array.isArray(e.tags) || e.tags.length === 0) {
      report.add(`${path}.tags`, `missing; expected one or more of ${eventTags.join(', ')}`);
    } else {
      e.tags.forEach((tag, i) => {
        if (!eventTags.includes(tag as never)) {
          report.add(
            `${path}.tags[${i}]`,
            `${JSON.stringify(tag)} is not a declared tag; expected one of ${eventTags.join(', ')} (or declare it in src/lib/data/schema.ts)`,
          );
        }
      });
    }
    if (e.figures !== undefined) checkFigures(e.figures, e.sources, `${path}.figures`, report);
    if (!Array.isArray(e.sources) || e.sources.length === 0) {
      report.add(`${path}.sources`, 'missing; every event cites at least one passage { doc, quote, start, end }');
    } else {
      e.sources.forEach((s, i) => {
        if (isObject(s)) checkSlice(`${path}.sources[${i}]`, 'quote', s, report, ctx);
        else report.add(`${path}.sources[${i}]`, 'expected a passage { doc, quote, start, end }');
      });
    }
  });
  if (!ok || !span || !placeId) return [];
  return [{ ...(e as unknown as AtlasEvent), ...(span as TimeSpan), placeId }];
}

function checkFigures(figures: unknown, sources: unknown, path: string, report: Report): void {
  if (!Array.isArray(figures)) {
    report.add(path, 'expected a list of { measure, value, source? }');
    return;
  }
  const passages = Array.isArray(sources) ? sources.length : 0;
  figures.forEach((f, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(f)) return report.add(at, 'expected { measure, value, source? }');
    if (!figureMeasures.includes(f.measure as never)) report.add(`${at}.measure`, `${JSON.stringify(f.measure)} is not one of ${figureMeasures.join(', ')}`);
    if (typeof f.value !== 'number' || !(f.value >= 0)) report.add(`${at}.value`, 'expected the number the passage gives');
    if (f.high !== undefined && !(typeof f.high === 'number' && typeof f.value === 'number' && f.high >= f.value))
      report.add(`${at}.high`, 'expected the upper end of the range, not below value');
    const source = f.source ?? 0;
    if (!Number.isInteger(source) || (source as number) < 0 || (source as number) >= passages) {
      report.add(`${at}.source`, `expected the index of the passage in sources that states the number (0..${passages - 1})`);
      return;
    }
    const words = (sources as Json[])[source as number]?.quote;
    for (const field of ['value', 'high'] as const) {
      const n = f[field];
      if (typeof n === 'number' && typeof words === 'string' && !numberStatedIn(n, words)) {
        report.add(`${at}.${field}`, `${n} is not stated in sources[${source}] ("${words.slice(0, 80)}…"); a figure must be the number its passage gives`);
      }
    }
  });
}

function checkQuote(q: unknown, path: string, placeId: string | null, report: Report, ctx: ValidationContext): AtlasQuote[] {
  if (!isObject(q)) {
    report.add(path, 'expected a quote object');
    return [];
  }
  let span: TimeSpan | null = null;
  const ok = report.clean(() => {
    checkSlice(path, 'text', q, report, ctx);
    if (!('speaker' in q) || (q.speaker !== null && !isText(q.speaker))) {
      report.add(`${path}.speaker`, 'missing; expected who says it, or null where the text does not tell');
    }
    if (q.role !== undefined && !isText(q.role)) report.add(`${path}.role`, 'expected text');
    // A quote's words may be a bound: said by the date of the text that reports them.
    span = checkDate(q.date, `${path}.date`, report, { openStart: true, anyYear: true });
    checkDateSource(q.dateSource, `${path}.dateSource`, report);
    checkSaidDate(q, path, report, ctx);
  });
  if (!ok || !span || !placeId) return [];
  return [{ ...(q as unknown as AtlasQuote), ...(span as TimeSpan), placeId }];
}

// The place record keeps its events and quotes as written in the file, without the derived fields.
function stripEvent({ placeId: _p, t0: _a, t1: _b, precision: _c, approximate: _d, ...event }: AtlasEvent) {
  return event;
}
function stripQuote({ placeId: _p, t0: _a, t1: _b, precision: _c, approximate: _d, ...quote }: AtlasQuote) {
  return quote;
}
