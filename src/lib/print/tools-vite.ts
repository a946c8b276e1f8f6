// The figure tools fetched from the app's own origin: Vite copies the font files and resvg's
// WebAssembly and the PNG encoder's into the build and gives their URLs. The font list repeats faceFiles' order,
// because imports take literal paths only.
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff?url';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff?url';
import pngWasm from '@jsquash/png/codec/pkg/squoosh_png_bg.wasm?url';
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm?url';
import initPngEncoder, { encode as encodePng } from '@jsquash/png/codec/pkg/squoosh_png.js';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { FigureFonts } from './fonts.ts';
import { pixelsOf, rasterizerOf, type FigureTools } from './raster.ts';
import { unwrapWoffAsync } from './woff.ts';

const urls = [latin400, latin600, latinExt400, latinExt600, arabic400];
let loading: Promise<FigureTools> | null = null;

/** zlib's inflate, by the browser's own DecompressionStream. */
const inflate = async (data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await new Response(new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer());

async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the figure ${what} ${url} (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

export function loadFigureTools(): Promise<FigureTools> {
  loading ??= Promise.all([
    Promise.all(urls.map((url) => fetchBytes(url, 'font'))),
    fetchBytes(resvgWasm, 'rasterizer').then((bytes) => initWasm(bytes)),
    fetchBytes(pngWasm, 'PNG encoder').then((bytes) => initPngEncoder(bytes)),
  ]).then(async ([fonts]) => ({
    fonts: FigureFonts.fromBytes(fonts, await Promise.all(fonts.map((font) => unwrapWoffAsync(font, inflate)))),
    rasterize: rasterizerOf(Resvg, encodePng),
    pixels: pixelsOf(Resvg),
  }));
  return loading;
}
