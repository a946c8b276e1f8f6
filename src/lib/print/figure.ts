// One figure, any format: lays the scene out once and writes it as PNG, SVG or PDF. The print
// dialog, `npm run figure` and the tests all come here, with the same tools (raster.ts).
import { isoDay } from '../time/day.ts';
import type { Atlas } from '../data/schema.ts';
import type { Words } from './caption.ts';
import { planPixels } from './page.ts';
import { writePng, type FigureTools } from './raster.ts';
import { buildScene, checkServed, type FigureSpec } from './scene.ts';
import { writeSvg } from './svg.ts';

export const formats = ['png', 'svg', 'pdf'] as const;
export type Format = (typeof formats)[number];

export const mimeTypes: Record<Format, string> = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf' };

export interface Figure {
  bytes: Uint8Array;
  format: Format;
  /** Labels and furniture left out where there was no room. */
  dropped: string[];
  /** The credit line, the full caption (for the manuscript) and the alt text the file carries. */
  words: Words;
}

export async function makeFigure(atlas: Atlas, spec: FigureSpec, format: Format, tools: FigureTools): Promise<Figure> {
  // Vector figures have no pixels, but the same page checks keep the layout sane.
  const planned = planPixels(format === 'png' ? spec.page : { ...spec.page, dpi: 72 });
  if (!planned.ok) throw new Error(planned.error);
  const scene = buildScene(atlas, spec, tools.fonts);
  checkServed(scene);
  const meta = { title: spec.title, description: scene.words.alt };
  const { widthMm, heightMm } = spec.page;
  const bytes =
    format === 'png'
      ? writePng(scene, spec.page, meta, tools)
      : format === 'svg'
        ? new TextEncoder().encode(writeSvg(scene, { ...meta, widthMm, heightMm }, tools.fonts))
        : await (await import('./pdf.ts')).writePdf(scene, widthMm, heightMm, tools.fonts, meta); // PDFKit loads only for a PDF
  return { bytes, format, dropped: scene.dropped, words: scene.words };
}

/** The file's name: the view's date (the first and last panels' for small multiples), size and DPI: iraq-atlas-2006-11-14-174x120mm-300dpi.png. */
export function figureFileName(spec: FigureSpec, format: Format): string {
  const days = [...new Set(spec.panels.map((v) => isoDay(v.t)))];
  const when = days.length > 1 ? `${days[0]}-to-${days.at(-1)}` : days[0];
  return `iraq-atlas-${when}-${spec.page.widthMm}x${spec.page.heightMm}mm${format === 'png' ? `-${spec.page.dpi}dpi` : ''}.${format}`;
}
