// Columnar files — Parquet (GeoParquet too) and Arrow IPC — as batches of plain records, so one
// row reader (rows.ts) judges them as it judges a CSV's rows. A typed date or timestamp becomes
// ISO text, so the same date rules apply; a geometry column stays a geometry for the reader to
// check it is a Point. The libraries load only when such a file is opened (import() below): a
// CSV import, and the page, never pay for them.

/** A file's records, batch by batch, with the names of its columns. */
export interface RecordBatches {
  /** The columns' names, in the file's order (the geometry column included). */
  header: string[];
  /** Records in the file. */
  total: number;
  /** The column holding each record's geometry (GeoParquet, GeoArrow), if the file names one. */
  geometry?: string;
  batches(): AsyncIterable<Record<string, unknown>[]>;
}

/** A geometry cell → its point, or the geometry's type when it is not one Point. */
export type PointOrType = { lng: number; lat: number } | { type: string };

const iso = (ms: number | bigint): string => {
  const date = new Date(Number(ms));
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
};
const isoDay = (days: number): string => iso(days * 86_400_000).slice(0, 10);

/** `.parquet`, `.geoparquet`, `.arrow`, `.feather`, `.arrows`, `.ipc` (by name, as browsers give no type). */
export function columnarKind(fileName: string): 'parquet' | 'arrow' | null {
  if (/\.(geo)?parquet$|\.pq$/i.test(fileName)) return 'parquet';
  if (/\.(arrow|arrows|feather|ipc)$/i.test(fileName)) return 'arrow';
  return null;
}

/** A Parquet file, read one row group at a time: only a row group's records are ever held. */
export async function parquetRecords(file: Blob): Promise<RecordBatches> {
  const { parquetMetadataAsync, parquetReadObjects, parquetSchema } = await import('hyparquet');
  // hyparquet reads byte ranges on demand, so a 100 MB file is not read whole up front.
  const buffer = { byteLength: file.size, slice: (start: number, end?: number) => file.slice(start, end).arrayBuffer() };
  const metadata = await parquetMetadataAsync(buffer);
  const header = parquetSchema(metadata).children.map((c) => c.element.name);
  const geo = metadata.key_value_metadata?.find((kv) => kv.key === 'geo')?.value;
  let geometry: string | undefined;
  try {
    geometry = geo ? (JSON.parse(geo) as { primary_column?: string }).primary_column : undefined;
  } catch {
    geometry = undefined; // unreadable 'geo' metadata: the columns are still read as they are
  }
  // Parquet's native GEOMETRY / GEOGRAPHY types, without GeoParquet's metadata.
  geometry ??= metadata.schema.find((s) => s.logical_type?.type === 'GEOMETRY' || s.logical_type?.type === 'GEOGRAPHY')?.name;
  const parsers = {
    timestampFromMilliseconds: (ms: bigint | number) => iso(ms),
    timestampFromMicroseconds: (us: bigint) => iso(us / 1000n),
    timestampFromNanoseconds: (ns: bigint) => iso(ns / 1_000_000n),
    dateFromDays: isoDay,
  };
  return {
    header,
    total: Number(metadata.num_rows),
    geometry,
    async *batches() {
      let start = 0;
      for (const group of metadata.row_groups) {
        const end = start + Number(group.num_rows);
        yield (await parquetReadObjects({ file: buffer, metadata, rowStart: start, rowEnd: end, parsers })) as Record<string, unknown>[];
        start = end;
      }
    },
  };
}

/** An Arrow IPC file or stream, one record batch at a time. */
export async function arrowRecords(file: Blob): Promise<RecordBatches> {
  const { tableFromIPC, Type } = await import('apache-arrow');
  const table = tableFromIPC(new Uint8Array(await file.arrayBuffer()));
  const fields = table.schema.fields;
  const extension = (f: (typeof fields)[number]) => f.metadata.get('ARROW:extension:name') ?? '';
  const geometry = fields.find((f) => extension(f).startsWith('geoarrow.'))?.name;
  const asText = fields.map((f) =>
    f.typeId === Type.Timestamp
      ? (v: unknown) => (v == null ? v : iso(v as number))
      : f.typeId === Type.Date
        ? (v: unknown) => (v == null ? v : iso(v as number).slice(0, 10))
        : null,
  );
  return {
    header: fields.map((f) => f.name),
    total: table.numRows,
    geometry,
    async *batches() {
      for (const batch of table.batches) {
        const columns = fields.map((_, c) => batch.getChildAt(c)!);
        const records: Record<string, unknown>[] = new Array(batch.numRows);
        for (let i = 0; i < batch.numRows; i++) {
          const record: Record<string, unknown> = {};
          fields.forEach((f, c) => {
            const value = columns[c].get(i);
            record[f.name] = asText[c] ? asText[c](value) : value;
          });
          records[i] = record;
        }
        yield records;
      }
    },
  };
}

const WKB_TYPES = ['Geometry', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'];

/** A Well-Known Binary geometry's point, or its type. ISO and EWKB flags (Z, M, SRID) are allowed. */
function wkbPoint(bytes: Uint8Array): PointOrType {
  if (bytes.length < 5) return { type: 'unreadable WKB' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = view.getUint8(0) === 1;
  const raw = view.getUint32(1, little);
  const ewkbSrid = (raw & 0x20000000) !== 0;
  const code = (raw & 0xffff) % 1000;
  if (code !== 1) return { type: WKB_TYPES[code] ?? `WKB type ${code}` };
  const at = 5 + (ewkbSrid ? 4 : 0);
  if (bytes.length < at + 16) return { type: 'unreadable WKB' };
  return { lng: view.getFloat64(at, little), lat: view.getFloat64(at + 8, little) };
}

/**
 * A geometry cell as the libraries give it: a GeoJSON geometry (hyparquet decodes GeoParquet's
 * WKB), WKB bytes (GeoArrow's `geoarrow.wkb`), or a point's coordinates (`geoarrow.point`, as a
 * struct {x, y} or a list [x, y]).
 */
export function pointOf(cell: unknown): PointOrType {
  if (cell == null) return { type: 'missing' };
  if (cell instanceof Uint8Array) return wkbPoint(cell);
  const value = typeof (cell as { toJSON?: unknown }).toJSON === 'function' ? (cell as { toJSON(): unknown }).toJSON() : cell;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const [lng, lat] = Array.from(value as ArrayLike<number>);
    return { lng, lat };
  }
  const v = value as { type?: string; coordinates?: unknown; x?: number; y?: number };
  if (typeof v.x === 'number' && typeof v.y === 'number') return { lng: v.x, lat: v.y };
  if (v.type === 'Point' && Array.isArray(v.coordinates)) {
    const [lng, lat] = v.coordinates as number[];
    return { lng, lat };
  }
  return { type: v.type ?? 'not a geometry' };
}
