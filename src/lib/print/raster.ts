// PNG from the scene: the scene written as SVG with text as glyph outlines (svg.ts), drawn by resvg
// compiled to WebAssembly and written as PNG by Squoosh's encoder (@jsquash/png), also WebAssembly.
// The same wasm runs in the print dialog and on the command line, and resvg is given no fonts (text
// arrives as outlines), so the same figure gives the same bytes on any machine and in any browser.
// No second renderer: what the PNG shows is what the SVG and PDF show.
// https://github.com/yisibl/resvg-js · https://github.com/jamsinclair/jSquash
//
// Why not resvg's own asPng(): it compresses harder and slower. On an A4 page at 300 DPI it took
// 265 ms against Squoosh's 72 ms for the same pixels, for a file about twice as small (0.9 MB
// against 1.6 MB); the encode was almost half a figure's time, and a figure's size matters less.
import type { Resvg as ResvgClass } from '@resvg/resvg-wasm';
import type { FigureFonts } from './fonts.ts';
import { planPixels, type PageSize } from './page.ts';
import { setPngMeta } from './png.ts';
import type { Scene } from './scene.ts';
import { writeSvg } from './svg.ts';

/** The fonts and the rasterizer a figure is made with; tools-node.ts and tools-vite.ts load them. */
export interface FigureTools {
  fonts: FigureFonts;
  /** SVG → PNG bytes at the SVG's own pixel size. */
  rasterize: (svg: string) => Uint8Array;
  /** SVG → RGBA pixels (not premultiplied) at the SVG's own pixel size: a video's frame. */
  pixels: (svg: string) => Uint8Array;
}

/** Squoosh's `encode`: RGBA pixels (not premultiplied) → PNG bytes. */
export type EncodePng = (rgba: Uint8Array, width: number, height: number, bitDepth: 8) => Uint8Array;

/** resvg's RGBA at the SVG's pixel size, handed to `use` before its memory is freed. */
function renderWith<T>(Resvg: typeof ResvgClass, svg: string, use: (pixels: Uint8Array, width: number, height: number) => T): T {
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, shapeRendering: 2 });
  try {
    const image = resvg.render();
    try {
      // resvg's pixels are RGBA, demultiplied: what a PNG stores and a video frame takes.
      return use(image.pixels, image.width, image.height);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

export const rasterizerOf =
  (Resvg: typeof ResvgClass, encodePng: EncodePng) =>
  (svg: string): Uint8Array =>
    renderWith(Resvg, svg, (pixels, width, height) => encodePng(pixels, width, height, 8));

export const pixelsOf =
  (Resvg: typeof ResvgClass) =>
  (svg: string): Uint8Array =>
    renderWith(Resvg, svg, (pixels) => pixels.slice());

export function writePng(scene: Scene, page: PageSize, meta: { title: string; description: string }, tools: FigureTools): Uint8Array {
  const planned = planPixels(page);
  if (!planned.ok) throw new Error(planned.error);
  const { width, height } = planned.plan;
  const svg = writeSvg(scene, { ...meta, widthMm: page.widthMm, heightMm: page.heightMm, pixels: { width, height } }, tools.fonts, 'outlines');
  return setPngMeta(tools.rasterize(svg), { dpi: page.dpi, text: { Title: meta.title, Description: meta.description } });
}
