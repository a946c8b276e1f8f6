// The figure tools read from node_modules: the command line, the tests and the bench.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { encode as encodePng, initSync as initPngEncoder } from '@jsquash/png/codec/pkg/squoosh_png.js';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { faceFiles, FigureFonts } from './fonts.ts';
import { pixelsOf, rasterizerOf, type FigureTools } from './raster.ts';
import { unwrapWoff } from './woff.ts';

const require = createRequire(import.meta.url);

/**
 * The figure fonts, read once a process: the build's glyph ranges, the opening picture and every
 * figure share them, and so share what they have shaped (fonts.ts).
 */
let fonts: FigureFonts | null = null;
export function readFigureFonts(): FigureFonts {
  if (fonts) return fonts;
  const files = faceFiles.map((f) => new Uint8Array(readFileSync(require.resolve(f.file))));
  fonts = FigureFonts.fromBytes(
    files,
    files.map((file) => unwrapWoff(file, (data) => new Uint8Array(inflateSync(data)))),
  );
  return fonts;
}

let ready: Promise<void> | null = null;

export async function loadFigureTools(): Promise<FigureTools> {
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'))).then(() => {
    initPngEncoder(readFileSync(require.resolve('@jsquash/png/codec/pkg/squoosh_png_bg.wasm')));
  });
  await ready;
  return { fonts: readFigureFonts(), rasterize: rasterizerOf(Resvg, encodePng), pixels: pixelsOf(Resvg) };
}
