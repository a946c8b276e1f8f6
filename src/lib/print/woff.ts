// WOFF 1.0 to the font it wraps (an SFNT: TrueType or OpenType), its tables inflated once.
// fontkit reads WOFF itself, but inflates each table with tiny-inflate, in JavaScript: a quarter of
// a second of `npm run figure`'s start for the five faces. Here the platform's own inflate does it
// (node:zlib on the command line, DecompressionStream in the page), and fontkit reads the result
// as the plain font it is: the same glyphs, so the same figures.
// https://www.w3.org/TR/WOFF/#WOFFHeader  https://learn.microsoft.com/en-us/typography/opentype/spec/otff#table-directory

interface Table {
  tag: number;
  checksum: number;
  /** The table as stored: zlib-compressed where that made it smaller. */
  stored: Uint8Array;
  length: number;
}

const WOFF = 0x774f4646; // 'wOFF'

/** The flavor (the SFNT's version) and tables of a WOFF 1.0 file; null for any other font. */
function readWoff(woff: Uint8Array): { flavor: number; tables: Table[] } | null {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < 44 || view.getUint32(0) !== WOFF) return null;
  const tables = Array.from({ length: view.getUint16(12) }, (_, i) => {
    const at = 44 + 20 * i;
    const [offset, stored] = [view.getUint32(at + 4), view.getUint32(at + 8)];
    return { tag: view.getUint32(at), checksum: view.getUint32(at + 16), stored: woff.subarray(offset, offset + stored), length: view.getUint32(at + 12) };
  });
  return { flavor: view.getUint32(4), tables };
}

const compressed = (t: Table) => t.stored.length < t.length;

/** The SFNT: its offset table, the table records (WOFF keeps them sorted by tag, as SFNT wants), then each table from a four-byte boundary. */
function writeSfnt(flavor: number, tables: (Table & { data: Uint8Array })[]): Uint8Array {
  for (const t of tables) if (t.data.length !== t.length) throw new Error(`a WOFF table inflates to ${t.data.length} bytes, not ${t.length}`);
  const padded = (n: number) => (n + 3) & ~3;
  const headerLength = 12 + 16 * tables.length;
  const out = new Uint8Array(tables.reduce((end, t) => end + padded(t.length), headerLength));
  const sfnt = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  sfnt.setUint32(0, flavor);
  sfnt.setUint16(4, tables.length);
  sfnt.setUint16(6, power * 16);
  sfnt.setUint16(8, Math.log2(power));
  sfnt.setUint16(10, (tables.length - power) * 16);
  let offset = headerLength;
  tables.forEach((t, i) => {
    sfnt.setUint32(12 + 16 * i, t.tag);
    sfnt.setUint32(16 + 16 * i, t.checksum);
    sfnt.setUint32(20 + 16 * i, offset);
    sfnt.setUint32(24 + 16 * i, t.length);
    out.set(t.data, offset);
    offset += padded(t.length);
  });
  return out;
}

/** The font inside a WOFF 1.0 file, inflated by `inflate` (zlib's, RFC 1950); any other font as it is. */
export function unwrapWoff(font: Uint8Array, inflate: (data: Uint8Array) => Uint8Array): Uint8Array {
  const woff = readWoff(font);
  return woff
    ? writeSfnt(
        woff.flavor,
        woff.tables.map((t) => ({ ...t, data: compressed(t) ? inflate(t.stored) : t.stored })),
      )
    : font;
}

/** The same, with an inflate that answers later (the page's DecompressionStream). */
export async function unwrapWoffAsync(font: Uint8Array, inflate: (data: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const woff = readWoff(font);
  if (!woff) return font;
  return writeSfnt(woff.flavor, await Promise.all(woff.tables.map(async (t) => ({ ...t, data: compressed(t) ? await inflate(t.stored) : t.stored }))));
}
