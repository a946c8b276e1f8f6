// One figure, any format: lays the scene out once and writes it as PNG, SVG or PDF. The print
// dialog and the command line (through the page, see src/cli/figure.ts) both come here.
import type { Atlas } from '../data/schema.ts';
import type { Palette } from '../map/style/palette.ts';
import type { FigureFonts } from './fonts.ts';
import { planPixels } from './page.ts';
import { writePdf } from './pdf.ts';
import { renderPng } from './render.ts';
import { buildScene, type FigureSpec } from './scene.ts';
import { writeSvg } from './svg.ts';

export const formats = ['png', 'svg', 'pdf'] as const;
export type Format = (typeof formats)[number];

export const mimeTypes: Record<Format, string> = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf' };

export interface Figure {
  bytes: Uint8Array;
  format: Format;
  /** Labels left out where they would have overlapped. */
  dropped: string[];
}

export async function makeFigure(atlas: Atlas, spec: FigureSpec, format: Format, fonts: FigureFonts, palette: Palette = spec.palette): Promise<Figure> {
  const { widthMm, heightMm } = spec.page;
  // Vector figures have no pixels, but the same page checks keep the layout sane.
  const planned = planPixels(format === 'png' ? spec.page : { ...spec.page, dpi: 72 });
  if (!planned.ok) throw new Error(planned.error);
  const scene = buildScene(atlas, spec, fonts);
  const bytes =
    format === 'png' ? await renderPng(atlas, scene, spec.page, palette, spec.imported)
    : format === 'svg' ? new TextEncoder().encode(writeSvg(scene, widthMm, heightMm))
    : await writePdf(scene, widthMm, heightMm, fonts, { title: spec.title, subject: spec.caption });
  return { bytes, format, dropped: scene.dropped };
}

export const figureFileName = (spec: FigureSpec, format: Format): string =>
  `iraq-atlas-${spec.page.widthMm}x${spec.page.heightMm}mm${format === 'png' ? `-${spec.page.dpi}dpi` : ''}.${format}`;
