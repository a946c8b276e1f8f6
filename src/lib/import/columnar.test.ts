import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import {
  Float64,
  Table,
  TimestampMillisecond,
  Utf8,
  vectorFromArray,
  Int64,
  Binary,
  tableToIPC,
  Field,
  Schema,
  makeData,
  RecordBatch,
  Struct,
} from 'apache-arrow';
import { dayFromIso } from '../time/day.ts';
import { arrowRecords, columnarKind, parquetRecords, pointOf } from './columnar.ts';
import { readRecords } from './read.ts';
import { unpack } from './events.ts';
import { formatImportProblem } from './rows.ts';

const blob = (bytes: ArrayBuffer | Uint8Array) => new Blob([bytes as BlobPart]);

/** A little-endian WKB point, or (type 3) an empty-ringed polygon's first bytes. */
function wkb(type: number, x = 0, y = 0, bigEndian = false): Uint8Array {
  const view = new DataView(new ArrayBuffer(21));
  view.setUint8(0, bigEndian ? 0 : 1);
  view.setUint32(1, type, !bigEndian);
  view.setFloat64(5, x, !bigEndian);
  view.setFloat64(13, y, !bigEndian);
  return new Uint8Array(view.buffer);
}

describe('columnar: which files', () => {
  it('knows Parquet and Arrow by their names, and nothing else', () => {
    expect(columnarKind('deaths.parquet')).toBe('parquet');
    expect(columnarKind('Deaths.GeoParquet')).toBe('parquet');
    expect(columnarKind('deaths.arrow')).toBe('arrow');
    expect(columnarKind('deaths.feather')).toBe('arrow');
    expect(columnarKind('deaths.csv')).toBeNull();
    expect(columnarKind('parquet.json')).toBeNull();
  });
});

describe('columnar: Parquet', () => {
  it('reads text columns as a CSV is read, and names the record and column of each bad one', async () => {
    const file = parquetWriteBuffer({
      columnData: [
        { name: 'longitude', data: [43.78, 43.8, 200], type: 'DOUBLE' },
        { name: 'latitude', data: [33.35, 33.4, 33.4], type: 'DOUBLE' },
        { name: 'date', data: ['2004-11-08', '2006-13-01', '2005-01-30'], type: 'STRING' },
        { name: 'label', data: ['Fallujah', 'bad date', 'bad longitude'], type: 'STRING' },
      ],
    });
    const r = await readRecords('f.parquet', await parquetRecords(blob(file)), () => {});
    expect(r.fatal).toBeUndefined();
    expect(r.unit).toBe('record');
    expect(r.rows).toBe(3);
    expect(r.set.count).toBe(1);
    expect(unpack(r.set.labels)).toEqual(['Fallujah']);
    expect(r.set.t0[0]).toBe(dayFromIso('2004-11-08'));
    expect(r.problems.map((p) => formatImportProblem(p, r.unit))).toEqual([
      'record 1, column date: "2006-13-01" is not a date',
      'record 2, column longitude: "200" is not a longitude (-180 to 180)',
    ]);
  });

  it('reads a TIMESTAMP column as the day it falls on (UTC), across row groups', async () => {
    const n = 2500;
    const file = parquetWriteBuffer({
      columnData: [
        { name: 'lon', data: Array.from({ length: n }, () => 44.4), type: 'DOUBLE' },
        { name: 'lat', data: Array.from({ length: n }, () => 33.3), type: 'DOUBLE' },
        { name: 'date', data: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2006, 1, 22, 6, 45) + i * 86_400_000)), type: 'TIMESTAMP' },
      ],
      rowGroupSize: 1000,
    });
    const source = await parquetRecords(blob(file));
    expect(source.total).toBe(n);
    const fractions: number[] = [];
    const r = await readRecords('t.parquet', source, (f) => fractions.push(f));
    expect(r.set.count).toBe(n);
    expect(r.set.t0[0]).toBe(dayFromIso('2006-02-22'));
    expect(r.set.t1[n - 1]).toBe(dayFromIso('2006-02-22') + n - 1);
    expect(fractions).toEqual([0.4, 0.8, 1]);
  });

  it('asks which column is which when the names are not known, with the first records', async () => {
    const file = parquetWriteBuffer({
      columnData: [
        { name: 'geo_lon', data: [44.4], type: 'DOUBLE' },
        { name: 'geo_lat', data: [33.3], type: 'DOUBLE' },
        { name: 'death_date', data: ['2006-02-22'], type: 'STRING' },
      ],
    });
    const r = await readRecords('d.parquet', await parquetRecords(blob(file)), () => {});
    expect(r.fatal).toContain('d.parquet: The header has no column for');
    expect(r.question?.header).toEqual(['geo_lon', 'geo_lat', 'death_date']);
    expect(r.question?.rows).toEqual([['44.4', '33.3', '2006-02-22']]);
    const chosen = await readRecords('d.parquet', await parquetRecords(blob(file)), () => {}, {
      columns: { lng: 'geo_lon', lat: 'geo_lat', date: 'death_date' },
      dateFormat: 'auto',
    });
    expect(chosen.set.count).toBe(1);
  });

  it('takes a GeoParquet file’s positions from its Point geometry, and names any other geometry', async () => {
    const geo = JSON.stringify({ version: '1.1.0', primary_column: 'geometry', columns: { geometry: { encoding: 'WKB', geometry_types: ['Point'] } } });
    const file = parquetWriteBuffer({
      columnData: [
        { name: 'geometry', data: [wkb(1, 42.87, 36.34), wkb(3)], type: 'BYTE_ARRAY' },
        { name: 'date', data: ['2008-01-23', '2008-01-23'], type: 'STRING' },
      ],
      kvMetadata: [{ key: 'geo', value: geo }],
    });
    const source = await parquetRecords(blob(file));
    expect(source.geometry).toBe('geometry');
    const r = await readRecords('g.parquet', source, () => {});
    expect(r.set.count).toBe(1);
    expect([...r.set.lngLat]).toEqual([42.87, 36.34]);
    expect(formatImportProblem(r.problems[0], r.unit)).toBe('record 1, column geometry: is Polygon; expected a Point');
  });
});

describe('columnar: Arrow IPC', () => {
  it('reads timestamps, 64-bit integers and text, batch by batch', async () => {
    const table = new Table({
      x: vectorFromArray([44.36, 47.78], new Float64()),
      y: vectorFromArray([33.34, 30.5], new Float64()),
      date: vectorFromArray([new Date(Date.UTC(2007, 0, 10, 23, 59)), new Date(Date.UTC(1980, 0, 1))], new TimestampMillisecond()),
      id: vectorFromArray([1n, 2n], new Int64()),
      title: vectorFromArray(['Baghdad', 'too early'], new Utf8()),
    });
    const r = await readRecords('a.arrow', await arrowRecords(blob(tableToIPC(table, 'file'))), () => {});
    expect(r.set.count).toBe(1);
    expect(r.set.t0[0]).toBe(dayFromIso('2007-01-10'));
    expect(unpack(r.set.labels)).toEqual(['Baghdad']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 1, column: 'date', outOfRange: true });
    expect(r.checks.outOfRange).toBe(1);
  });

  it('takes positions from a GeoArrow WKB column, and reads the stream format too', async () => {
    const geometry = vectorFromArray([wkb(1, 44.0, 32.6), wkb(2)], new Binary());
    const field = new Field('geom', new Binary(), true, new Map([['ARROW:extension:name', 'geoarrow.wkb']]));
    const date = vectorFromArray(['2004-04', '2004-08'], new Utf8());
    const schema = new Schema([field, new Field('date', new Utf8(), true)]);
    const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 2, nullCount: 0, children: [geometry.data[0], date.data[0]] }));
    const r = await readRecords('w.arrows', await arrowRecords(blob(tableToIPC(new Table(batch), 'stream'))), () => {});
    expect(r.set.count).toBe(1);
    expect([...r.set.lngLat]).toEqual([44.0, 32.6]);
    expect(r.set.t1[0]).toBe(dayFromIso('2004-04-30'));
    expect(r.problems[0]).toMatchObject({ row: 1, column: 'geom', message: 'is LineString; expected a Point' });
  });
});

describe('columnar: geometry cells', () => {
  it('reads a point from WKB of either byte order, EWKB with an SRID, GeoJSON and GeoArrow coordinates', () => {
    expect(pointOf(wkb(1, 44, 33, true))).toEqual({ lng: 44, lat: 33 });
    const ewkb = new Uint8Array(25);
    const view = new DataView(ewkb.buffer);
    view.setUint8(0, 1);
    view.setUint32(1, 0x20000001, true);
    view.setUint32(5, 4326, true);
    view.setFloat64(9, 44, true);
    view.setFloat64(17, 33, true);
    expect(pointOf(ewkb)).toEqual({ lng: 44, lat: 33 });
    expect(pointOf(wkb(1001, 44, 33))).toEqual({ lng: 44, lat: 33 }); // ISO Point Z
    expect(pointOf({ type: 'Point', coordinates: [44, 33] })).toEqual({ lng: 44, lat: 33 });
    expect(pointOf({ x: 44, y: 33 })).toEqual({ lng: 44, lat: 33 });
    expect(pointOf(new Float64Array([44, 33]))).toEqual({ lng: 44, lat: 33 });
    expect(pointOf({ type: 'MultiPoint', coordinates: [[44, 33]] })).toEqual({ type: 'MultiPoint' });
    expect(pointOf(null)).toEqual({ type: 'missing' });
    expect(pointOf(new Uint8Array(3))).toEqual({ type: 'unreadable WKB' });
  });
});
