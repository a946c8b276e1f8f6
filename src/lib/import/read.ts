// Reads a CSV, GeoJSON, Parquet or Arrow file of events, reporting progress and every bad row,
// keeping the good ones. Runs in a worker (import.worker.ts) so 2,000,000 rows do not freeze the
// page; pure enough to run in Node for the tests (given the text or the bytes).
import Papa from 'papaparse';
import { EventColumns, type ImportedSet } from './events.ts';
import { columnsOf, knownColumns, readRow, type ImportedRow, type ImportProblem, type RecordUnit, type Role } from './rows.ts';
import { guessColumns, type ColumnChoice, type ColumnQuestion } from './columns.ts';
import { checkImport, type ImportChecks } from './checks.ts';
import { pointOf, type RecordBatches } from './columnar.ts';

/** At most this many problems are listed; the rest are counted. */
export const LISTED_PROBLEMS = 1000;

export interface ImportResult {
  set: ImportedSet;
  /** Rows (or features) read, good and bad. */
  rows: number;
  problems: ImportProblem[];
  problemCount: number;
  unit: RecordUnit;
  /** A problem with the file as a whole (no usable header, not GeoJSON), if any. */
  fatal?: string;
  /** Dates out of range, rows off the map, likely swapped coordinates, where the data lies. */
  checks: ImportChecks;
  /** The columns were not recognised: the header, the first rows and a guess, for the reader to choose. */
  question?: ColumnQuestion;
  /** The columns it was read with, when the reader chose them. */
  choice?: ColumnChoice;
}

/** Rows shown to a reader choosing columns. */
const SAMPLE_ROWS = 5;

/** The known names in a header, or a question for the reader: its header, first rows and the atlas's guess. */
function columnsFor(header: string[], sample: Record<string, unknown>[], choice: ColumnChoice | undefined, fixedPosition: boolean) {
  if (choice) return { columns: choice.columns };
  const known = columnsOf(fixedPosition ? ['longitude', 'latitude', ...header] : header);
  if ('columns' in known) return known;
  const rows = sample.slice(0, SAMPLE_ROWS).map((r) => header.map((h) => (r[h] == null ? '' : String(r[h]))));
  const question: ColumnQuestion = { header, rows, guess: guessColumns(header, rows, knownColumns(header)), reason: known.error, fixedPosition };
  return { question };
}

class Collector {
  events = new EventColumns();
  problems: ImportProblem[] = [];
  problemCount = 0;
  outOfRange = 0;
  /** Rows whose label or source was cut to MAX_LABEL characters. */
  cut = 0;
  rows = 0;
  keep(event: ImportedRow) {
    if (event.cut) this.cut++;
    this.events.push(event);
  }
  report(problems: ImportProblem[]) {
    this.problemCount += problems.length;
    if (problems.some((p) => p.outOfRange)) this.outOfRange++;
    for (const p of problems) if (this.problems.length < LISTED_PROBLEMS) this.problems.push(p);
  }
}

export function readCsv(name: string, input: File | string, onProgress: (fraction: number) => void, choice?: ColumnChoice): Promise<ImportResult> {
  const c = new Collector();
  const size = typeof input === 'string' ? input.length : input.size;
  let columns: ReturnType<typeof columnsFor> | null = null;
  let header: string[] | null = null;
  // One record, reused for every row with only the columns read: Papa's own header mode makes an
  // object of every cell of every row, which at 2,000,000 rows is most of the reading's time.
  const record: Record<string, string> = {};
  let read: [name: string, index: number][] = [];
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(input, {
      header: false,
      skipEmptyLines: 'greedy',
      chunkSize: 1 << 20,
      chunk: (results, parser) => {
        let rows = results.data;
        if (!header) {
          header = rows[0] ?? [];
          rows = rows.slice(1);
          const sample = rows.slice(0, SAMPLE_ROWS).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
          columns = columnsFor(header, sample, choice, false);
          if ('question' in columns) return parser.abort();
          const names = [...new Set(Object.values(columns.columns))];
          read = names.map((n) => [n, header!.indexOf(n)]);
        }
        const chosen = (columns as { columns: Partial<Record<Role, string>> }).columns;
        for (const cells of rows) {
          // Header is row 1, so the n-th record is row n + 1.
          const row = ++c.rows + 1;
          for (const [n, i] of read) record[n] = cells[i];
          const result = readRow(record, chosen, row, choice?.dateFormat);
          if ('event' in result) c.keep(result.event);
          else c.report(result.problems);
        }
        onProgress(Math.min(1, results.meta.cursor / size));
      },
      complete: () => {
        const question = columns && 'question' in columns ? columns.question : undefined;
        const fatal = question ? `${name}: ${question.reason}` : columns ? undefined : `${name}: the file is empty.`;
        const set = c.events.finish(name);
        resolve({
          set,
          rows: c.rows,
          problems: c.problems,
          problemCount: c.problemCount,
          unit: 'row',
          fatal,
          checks: checkImport(set, c.outOfRange, c.cut),
          question,
          choice,
        });
      },
      error: (e: Error) => reject(new Error(`${name}: ${e.message}`)),
    });
  });
}

/** A FeatureCollection of Points; properties name the date, end, label and source as in a CSV header. */
export function readGeoJson(name: string, text: string, onProgress: (fraction: number) => void, choice?: ColumnChoice): ImportResult {
  const c = new Collector();
  const empty = (fatal: string, question?: ColumnQuestion): ImportResult => {
    const set = c.events.finish(name);
    return { set, rows: 0, problems: [], problemCount: 0, unit: 'feature', fatal: `${name}: ${fatal}`, checks: checkImport(set, 0), question };
  };
  let data: { type?: string; features?: unknown[] };
  try {
    data = JSON.parse(text);
  } catch (e) {
    return empty(`not valid JSON (${(e as Error).message}).`);
  }
  if (data?.type !== 'FeatureCollection' || !Array.isArray(data.features))
    return empty('not a GeoJSON FeatureCollection (its "type" must be "FeatureCollection", with a "features" list).');
  const names = new Set<string>();
  for (const f of data.features.slice(0, 100)) for (const k of Object.keys((f as { properties?: object })?.properties ?? {})) names.add(k);
  const properties = data.features.slice(0, SAMPLE_ROWS).map((f) => (f as { properties?: Record<string, unknown> })?.properties ?? {});
  const found = columnsFor([...names], properties, choice, true);
  if ('question' in found) {
    const reason = found.question.reason.replace('The header has', 'The features\u2019 properties have');
    return empty(reason, { ...found.question, reason });
  }
  const columns = { ...found.columns, lng: 'longitude', lat: 'latitude' };
  data.features.forEach((f, i) => {
    c.rows++;
    const feature = f as { geometry?: { type?: string; coordinates?: unknown[] }; properties?: Record<string, unknown> };
    if (feature?.geometry?.type !== 'Point' || !Array.isArray(feature.geometry.coordinates)) {
      c.report([{ row: i, column: 'geometry', message: `is ${feature?.geometry?.type ?? 'missing'}; expected a Point` }]);
      return;
    }
    const [lng, lat] = feature.geometry.coordinates;
    const read = readRow({ ...feature.properties, longitude: lng, latitude: lat }, columns, i, choice?.dateFormat);
    if ('event' in read) c.keep(read.event);
    else c.report(read.problems);
    if (i % 20000 === 0) onProgress(i / data.features!.length);
  });
  onProgress(1);
  const set = c.events.finish(name);
  return { set, rows: c.rows, problems: c.problems, problemCount: c.problemCount, unit: 'feature', checks: checkImport(set, c.outOfRange, c.cut), choice };
}

/**
 * Parquet or Arrow records (columnar.ts). A file with a geometry column (GeoParquet, GeoArrow)
 * takes its positions from it, as GeoJSON does; otherwise they come from columns, as in a CSV.
 */
export async function readRecords(name: string, source: RecordBatches, onProgress: (fraction: number) => void, choice?: ColumnChoice): Promise<ImportResult> {
  const c = new Collector();
  const geometry = source.geometry;
  const header = source.header.filter((h) => h !== geometry);
  const result = (extra: Partial<ImportResult> = {}): ImportResult => {
    const set = c.events.finish(name);
    return {
      set,
      rows: c.rows,
      problems: c.problems,
      problemCount: c.problemCount,
      unit: 'record',
      checks: checkImport(set, c.outOfRange, c.cut),
      choice,
      ...extra,
    };
  };
  let columns: Partial<Record<Role, string>> | null = null;
  for await (const batch of source.batches()) {
    if (!columns) {
      const found = columnsFor(header, batch, choice, geometry !== undefined);
      if ('question' in found) return result({ fatal: `${name}: ${found.question.reason}`, question: found.question, rows: 0 });
      columns = geometry ? { ...found.columns, lng: 'longitude', lat: 'latitude' } : found.columns;
    }
    for (const record of batch) {
      const index = c.rows++;
      if (geometry) {
        const point = pointOf(record[geometry]);
        if ('type' in point) {
          c.report([{ row: index, column: geometry, message: `is ${point.type}; expected a Point` }]);
          continue;
        }
        record.longitude = point.lng;
        record.latitude = point.lat;
      }
      const read = readRow(record, columns, index, choice?.dateFormat);
      if ('event' in read) c.keep(read.event);
      else c.report(read.problems);
    }
    onProgress(source.total ? c.rows / source.total : 1);
  }
  if (!columns) return result({ fatal: `${name}: the file has no records.` });
  return result();
}
