// What a PNG records beside its pixels: its resolution (a pHYs chunk, pixels per metre, so a layout
// program places the figure at its true size; PNG spec §11.3.5.3) and its title and description
// (iTXt chunks, UTF-8, so screen readers and catalogues get the alt text; §11.3.3.4).
// https://www.w3.org/TR/png/#11pHYs  https://www.w3.org/TR/png/#11iTXt

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const signatureLength = 8;

interface Chunk {
  type: string;
  start: number;
  end: number;
}

function chunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  for (let at = signatureLength; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, start: at, end: at + 12 + length });
    at += 12 + length;
  }
  return out;
}

/** One PNG chunk: length, type, data and CRC (also the opening picture's indexed PNG, src/build/indexed-png.ts). */
export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(
    [...type].map((c) => c.charCodeAt(0)),
    4,
  );
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function physChunk(dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  data[8] = 1; // unit: metre
  return chunk('pHYs', data);
}

/** An uncompressed iTXt chunk: keyword, no language, UTF-8 text. */
function textChunk(keyword: string, text: string): Uint8Array {
  const key = new TextEncoder().encode(keyword);
  const body = new TextEncoder().encode(text);
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  // keyword NUL, compression flag 0, method 0, empty language NUL, empty translated keyword NUL
  data.set(body, key.length + 5);
  return chunk('iTXt', data);
}

/** The PNG with its DPI and text recorded after IHDR, replacing any pHYs and iTXt it had. */
export function setPngMeta(png: Uint8Array, meta: { dpi: number; text?: Record<string, string> }): Uint8Array {
  const parts = chunks(png).filter((c) => c.type !== 'pHYs' && c.type !== 'iTXt');
  const ihdr = parts.find((c) => c.type === 'IHDR');
  if (!ihdr) throw new Error('not a PNG: no IHDR chunk');
  const added = [physChunk(meta.dpi), ...Object.entries(meta.text ?? {}).map(([k, v]) => textChunk(k, v))];
  const pieces = [png.subarray(0, ihdr.end), ...added, ...parts.filter((c) => c !== ihdr).map((c) => png.subarray(c.start, c.end))];
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The iTXt texts a PNG records, by keyword. */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of chunks(png).filter((c) => c.type === 'iTXt')) {
    const data = png.subarray(c.start + 8, c.end - 4);
    const nul = data.indexOf(0);
    const keyword = new TextDecoder().decode(data.subarray(0, nul));
    // Skip the flags and the (empty) language tag and translated keyword.
    let at = nul + 3;
    at = data.indexOf(0, at) + 1;
    at = data.indexOf(0, at) + 1;
    out[keyword] = new TextDecoder().decode(data.subarray(at));
  }
  return out;
}

/** The DPI a PNG records, or null. */
export function readPngDpi(png: Uint8Array): { width: number; height: number; dpi: number | null } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const all = chunks(png);
  const ihdr = all.find((c) => c.type === 'IHDR')!;
  const phys = all.find((c) => c.type === 'pHYs');
  const dpi = phys && png[phys.start + 16] === 1 ? Math.round(view.getUint32(phys.start + 8) * 0.0254) : null;
  return { width: view.getUint32(ihdr.start + 8), height: view.getUint32(ihdr.start + 12), dpi };
}
