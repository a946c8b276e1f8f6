// Records a PNG's resolution: inserts a pHYs chunk (pixels per metre) after IHDR, replacing any
// there was, so a layout program places the figure at its true size. PNG spec §11.3.5.3.
// https://www.w3.org/TR/png/#11pHYs

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
  for (let at = signatureLength; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, start: at, end: at + 12 + length });
    at += 12 + length;
  }
  return out;
}

export function setPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const parts = chunks(png).filter((c) => c.type !== 'pHYs');
  const ihdr = parts.find((c) => c.type === 'IHDR');
  if (!ihdr) throw new Error('not a PNG: no IHDR chunk');
  const rest = parts.filter((c) => c !== ihdr).map((c) => png.subarray(c.start, c.end));
  const pieces = [png.subarray(0, ihdr.end), chunk, ...rest];
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
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
