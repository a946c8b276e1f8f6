// One frame of a video, drawn as a figure is: the frame's still (plan.ts) laid out by the figure
// scene at the video's pixel size, written as SVG with text as outlines and rasterized by resvg
// to RGBA. So a frame looks like a figure, with its title, date stamp, legend and credit line,
// and the same frame comes out the same on any machine, however slow.
import type { Atlas } from '../data/schema.ts';
import type { ImportedSet } from '../import/events.ts';
import type { Palette } from '../look/palette.ts';
import type { ImportedStyle } from '../look/density.ts';
import { defaultFurniture } from '../print/options.ts';
import { CSS_DPI, MM_PER_INCH, planPixels, type Furniture, type PageSize } from '../print/page.ts';
import type { FigureTools } from '../print/raster.ts';
import { buildScene, checkServed, type FigureSpec } from '../print/scene.ts';
import { writeSvg } from '../print/svg.ts';
import type { ServedLayer } from '../print/served.ts';
import type { Still, VideoSize } from './plan.ts';

/**
 * A frame is laid out on a page this many CSS pixels wide at most and scaled up to its size, so a
 * 4K video shows what a 720p one does, only sharper (and its type is not a quarter as large).
 */
export const FRAME_CSS_WIDTH = 1280;

/** The page whose pixels at its DPI are exactly the frame's. */
export function framePage({ width, height }: VideoSize): PageSize {
  const dpi = CSS_DPI * Math.max(1, width / FRAME_CSS_WIDTH);
  return { widthMm: (width * MM_PER_INCH) / dpi, heightMm: (height * MM_PER_INCH) / dpi, dpi };
}

/** What every frame of one video shares. */
export interface FrameSettings {
  size: VideoSize;
  palette: Palette;
  version: string;
  furniture?: Partial<Furniture>;
  imported?: ImportedSet | null;
  importedStyle?: ImportedStyle;
  /** A served collection: each frame's cells are fetched for it (server/figure-cells.ts) before it is drawn. */
  served?: ServedLayer | null;
}

export function frameSpec(still: Still, settings: FrameSettings): FigureSpec {
  return {
    page: framePage(settings.size),
    panels: [still.view],
    title: still.title,
    // A band under the map for a tour's narrative; the automatic caption would repeat the credit line.
    caption: still.caption,
    // The date in a band large enough to read on a projector at the back of a room (issue 43).
    furniture: { ...defaultFurniture([still.view]), caption: Boolean(still.caption), dateBand: true, ...settings.furniture },
    palette: settings.palette,
    version: settings.version,
    imported: settings.imported,
    importedStyle: settings.importedStyle,
    served: settings.served,
  };
}

/** The frame's RGBA pixels, width × height × 4 bytes. */
export function drawFrame(atlas: Atlas, spec: FigureSpec, tools: FigureTools, size: VideoSize): Uint8Array {
  const planned = planPixels(spec.page);
  if (!planned.ok) throw new Error(planned.error);
  const { width, height } = planned.plan;
  // The encoder takes exactly the frame's size; a page that rounds to another would be a bug here.
  if (width !== size.width || height !== size.height) throw new Error(`A frame of ${size.width} × ${size.height} px was laid out at ${width} × ${height} px.`);
  const scene = buildScene(atlas, spec, tools.fonts);
  checkServed(scene);
  const svg = writeSvg(
    scene,
    { title: spec.title, description: scene.words.alt, widthMm: spec.page.widthMm, heightMm: spec.page.heightMm, pixels: { width, height } },
    tools.fonts,
    'outlines',
  );
  return tools.pixels(svg);
}
