// What the running atlas offers a script driving it (`npm run figure`, and the tests): a figure
// from plain options, made by the same code as the print dialog's. Loaded on first use.
import type { Atlas } from '../data/schema.ts';
import type { Known } from '../state/url.ts';
import { makeFigure } from './figure.ts';
import { loadFigureFonts } from './fonts-vite.ts';
import { specFromOptions, type FigureOptions } from './options.ts';
import { buildScene } from './scene.ts';
import { deviceRect, withPanelMap } from './render.ts';
import { CSS_DPI } from './page.ts';

export interface FigureResult {
  /** The file, base64-encoded (it crosses from the page to Node as a string). */
  base64: string;
  dropped: string[];
  caption: string;
}

const base64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export async function figure(atlas: Atlas, known: Known, version: string, options: FigureOptions): Promise<FigureResult> {
  const spec = specFromOptions(atlas, known, version, options);
  const made = await makeFigure(atlas, spec, options.format, await loadFigureFonts());
  return { base64: base64(made.bytes), dropped: made.dropped, caption: spec.caption };
}

/**
 * How far, in page pixels, the scene puts each place's dot from where the raster map draws it:
 * the check that vector and raster figures agree (within half a pixel, by the tests).
 */
export async function placeOffsets(atlas: Atlas, known: Known, options: FigureOptions): Promise<{ id: string; dx: number; dy: number }[]> {
  const spec = specFromOptions(atlas, known, '', options);
  const scene = buildScene(atlas, spec, await loadFigureFonts());
  const panel = scene.panels[0];
  const scale = spec.page.dpi / CSS_DPI;
  const anchors = new Map(atlas.places.map((p) => [p.id, p.anchor]));
  return withPanelMap(atlas, panel, scale, spec.palette, null, (map) => {
    const rect = deviceRect(panel, scale);
    const ratio = map.getCanvas().width / map.getContainer().clientWidth;
    return panel.geometry.flatMap((item) => {
      if (item.kind !== 'circle' || item.tag?.role !== 'place') return [];
      const at = map.project(anchors.get(item.tag.id) as [number, number]);
      return [{ id: item.tag.id, dx: item.cx * scale - rect.x - at.x * ratio, dy: item.cy * scale - rect.y - at.y * ratio }];
    });
  });
}
