// Validates the thematic layers in geo/: every record has a source, dates parse, governorate ids
// exist, and one governorate's control periods do not overlap. Like the place validator it reports
// every problem and returns what passed.
import type { TimeSpan } from '../time/instant.ts';
import gjv from 'geojson-validation';
import { checkDate, checkSlice, isObject, isText, kebabCase, Report, type Json } from './check.ts';
import {
  confidences,
  controlStatuses,
  displacementMeasures,
  displacementQualifiers,
  governorateIds,
  hostCountries,
  leadNations,
  type Control,
  type ControlPeriod,
  type DisplacementRecord,
  type Milestone,
  type SourceText,
} from './schema.ts';

interface GeoContext {
  sources: Map<string, SourceText>;
  placeIds: Set<string>;
}

const isGovernorate = (v: unknown): boolean => governorateIds.includes(v as never);

function checkWebSource(value: unknown, path: string, report: Report): void {
  if (!isObject(value) || !isText(value.url)) {
    report.add(path, 'missing; every record needs a source { url, confidence?, note? }');
    return;
  }
  if (value.confidence !== undefined && !confidences.includes(value.confidence as never)) {
    report.add(`${path}.confidence`, `${JSON.stringify(value.confidence)} is not one of ${confidences.join(', ')}`);
  }
}

function checkPeriod(p: unknown, path: string, report: Report): ControlPeriod | null {
  if (!isObject(p)) {
    report.add(path, 'expected a period { from, to, status, lead, source }');
    return null;
  }
  let from: TimeSpan | null = null;
  let to: TimeSpan | null = null;
  const ok = report.clean(() => {
    from = checkDate(p.from, `${path}.from`, report);
    to = checkDate(p.to, `${path}.to`, report);
    if (from && to && to.t1 < from.t0) report.add(`${path}.to`, `ends before it starts (${p.from} > ${p.to})`);
    if (!controlStatuses.includes(p.status as never)) report.add(`${path}.status`, `${JSON.stringify(p.status)} is not one of ${controlStatuses.join(', ')}`);
    if (p.lead !== null && !isText(p.lead)) report.add(`${path}.lead`, 'expected the lead nation, or null where no source names it');
    else if (p.status === 'coalition' && p.lead !== null && !leadNations.includes(p.lead as never))
      report.add(
        `${path}.lead`,
        `${JSON.stringify(p.lead)} is not a lead nation the map can draw (${leadNations.join(', ')}); add it to leadNations and look/leads.ts`,
      );
    checkWebSource(p.source, `${path}.source`, report);
    if (p.startSource !== undefined) checkWebSource(p.startSource, `${path}.startSource`, report);
    if (p.alsoReported !== undefined) {
      if (!Array.isArray(p.alsoReported)) report.add(`${path}.alsoReported`, 'expected a list of { date, source }');
      else
        p.alsoReported.forEach((a: Json, i) => {
          checkDate(a?.date, `${path}.alsoReported[${i}].date`, report);
          checkWebSource(a?.source, `${path}.alsoReported[${i}].source`, report);
        });
    }
  });
  if (!ok || !from || !to) return null;
  const span: TimeSpan = { t0: (from as TimeSpan).t0, t1: (to as TimeSpan).t1, precision: 'interval', approximate: false };
  return { ...(p as unknown as ControlPeriod), ...span };
}

function checkMilestone(m: unknown, path: string, ids: Set<string>, report: Report): Milestone | null {
  if (!isObject(m)) {
    report.add(path, 'expected a milestone { id, date, title, where, source }');
    return null;
  }
  let span: TimeSpan | null = null;
  const ok = report.clean(() => {
    if (!isText(m.id) || !kebabCase.test(m.id)) report.add(`${path}.id`, 'expected a kebab-case id');
    else if (ids.has(m.id)) report.add(`${path}.id`, `"${m.id}" is used twice`);
    else ids.add(m.id);
    span = checkDate(m.date, `${path}.date`, report);
    if (!isText(m.title)) report.add(`${path}.title`, 'missing');
    if (m.where !== null && !isGovernorate(m.where))
      report.add(`${path}.where`, `${JSON.stringify(m.where)} is not a governorate id; expected IQ-AN … IQ-WA or null`);
    checkWebSource(m.source, `${path}.source`, report);
  });
  return ok && span ? { ...(m as unknown as Milestone), ...(span as TimeSpan) } : null;
}

export function checkControl(file: string, value: unknown): { control: Control; problems: Report['problems'] } {
  const report = new Report(file);
  const control: Control = { governorates: {}, milestones: [] };
  if (!isObject(value) || !isObject(value.governorates)) {
    report.add('governorates', 'missing; expected periods per governorate id');
    return { control, problems: report.problems };
  }
  for (const id of governorateIds) {
    if (!(id in value.governorates)) report.add(`governorates.${id}`, 'missing; every governorate needs its periods (a gap is a period with lead null)');
  }
  for (const [id, periods] of Object.entries(value.governorates)) {
    report.feature = id;
    if (!isGovernorate(id)) {
      report.add(`governorates.${id}`, `"${id}" is not a governorate id; expected IQ-AN … IQ-WA`);
      continue;
    }
    if (!Array.isArray(periods)) {
      report.add(`governorates.${id}`, 'expected a list of periods');
      continue;
    }
    const checked = periods.map((p, i) => checkPeriod(p, `governorates.${id}[${i}]`, report));
    const valid = checked.filter((p): p is ControlPeriod => p !== null);
    // Periods must follow one another: one governorate cannot be under two regimes on one day.
    for (let i = 1; i < checked.length; i++) {
      const before = checked[i - 1];
      const after = checked[i];
      if (before && after && after.t0 <= before.t1) {
        report.add(
          `governorates.${id}[${i}].from`,
          `${after.from} overlaps the previous period (${before.from}..${before.to}); periods must be in order and not overlap`,
        );
      }
    }
    control.governorates[id] = valid;
  }
  report.feature = undefined;
  const ids = new Set<string>();
  if (!Array.isArray(value.milestones)) report.add('milestones', 'missing; expected a list (may be empty)');
  else control.milestones = value.milestones.flatMap((m, i) => checkMilestone(m, `milestones[${i}]`, ids, report) ?? []);
  return { control, problems: report.problems };
}

function checkRecord(r: unknown, path: string, ids: Set<string>, ctx: GeoContext, report: Report): DisplacementRecord | null {
  if (!isObject(r)) {
    report.add(path, 'expected a record { id, where, date, measure, value, source, … }');
    return null;
  }
  report.feature = typeof r.id === 'string' ? r.id : undefined;
  let span: TimeSpan | null = null;
  const ok = report.clean(() => {
    if (!isText(r.id) || !kebabCase.test(r.id)) report.add(`${path}.id`, 'expected a kebab-case id');
    else if (ids.has(r.id)) report.add(`${path}.id`, `"${r.id}" is used twice`);
    else ids.add(r.id);
    if (r.where !== null && !isGovernorate(r.where) && !hostCountries.includes(r.where as never)) {
      report.add(
        `${path}.where`,
        `${JSON.stringify(r.where)} is not a place for a figure; expected a governorate id, ${hostCountries.join(', ')}, or null for Iraq as a whole`,
      );
    }
    span = checkDate(r.date, `${path}.date`, report);
    if (!displacementMeasures.includes(r.measure as never))
      report.add(`${path}.measure`, `${JSON.stringify(r.measure)} is not one of ${displacementMeasures.join(', ')}`);
    const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
    if (r.value !== null && !isCount(r.value)) report.add(`${path}.value`, 'expected a whole number of people, or null for no data');
    if (r.value === null && r.qualifier !== 'no data') report.add(`${path}.qualifier`, 'a null value must say "no data"');
    if (r.high !== undefined && !(isCount(r.high) && typeof r.value === 'number' && (r.high as number) >= r.value)) {
      report.add(`${path}.high`, 'expected the upper end of the range, not below value');
    }
    if (r.families !== undefined && !isCount(r.families)) report.add(`${path}.families`, 'expected a whole number');
    if (!displacementQualifiers.includes(r.qualifier as never)) report.add(`${path}.qualifier`, `expected one of ${displacementQualifiers.join(', ')}`);
    if (!confidences.includes(r.confidence as never)) report.add(`${path}.confidence`, `expected one of ${confidences.join(', ')}`);
    if (!isText(r.method)) report.add(`${path}.method`, 'missing; say who counted and how');
    if (r.place !== undefined && !ctx.placeIds.has(r.place as string)) report.add(`${path}.place`, `${JSON.stringify(r.place)} is not a place in places/`);
    if (isObject(r.source) && 'doc' in r.source) checkSlice(`${path}.source`, 'quote', r.source, report, ctx);
    else checkWebSource(r.source, `${path}.source`, report);
  });
  return ok && span ? { ...(r as unknown as DisplacementRecord), ...(span as TimeSpan) } : null;
}

export function checkDisplacement(file: string, value: unknown, ctx: GeoContext): { records: DisplacementRecord[]; problems: Report['problems'] } {
  const report = new Report(file);
  if (!isObject(value) || !Array.isArray(value.records)) {
    report.add('records', 'missing; expected a list of displacement records');
    return { records: [], problems: report.problems };
  }
  const ids = new Set<string>();
  const records = value.records.flatMap((r, i) => checkRecord(r, `records[${i}]`, ids, ctx, report) ?? []);
  return { records, problems: report.problems };
}

/** A context layer: valid GeoJSON, and every feature names the dataset it was derived from. */
export function checkContextLayer(file: string, value: unknown): { collection: GeoJSON.FeatureCollection; problems: Report['problems'] } {
  const report = new Report(file);
  const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  if (value === null) return { collection: empty, problems: report.problems };
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    report.add('type', 'expected a GeoJSON FeatureCollection');
    return { collection: empty, problems: report.problems };
  }
  const features = (value.features as unknown[]).filter((f, i) =>
    report.clean(() => {
      const errors = gjv.valid(f, true);
      for (const e of errors) report.add(`features[${i}]`, `invalid GeoJSON: ${e}`);
      if (!isObject(f) || !isObject(f.properties) || !isText(f.properties.source)) {
        report.add(`features[${i}].properties.source`, 'missing; every feature names the dataset it comes from');
      }
    }),
  );
  return { collection: { type: 'FeatureCollection', features: features as GeoJSON.Feature[] }, problems: report.problems };
}
