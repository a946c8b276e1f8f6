// Raster figures: each panel's land, water, borders and symbols drawn by a hidden MapLibre map with
// the atlas's own style, at the scene's camera, on a canvas of exactly the page's pixel size; the
// labels and furniture drawn over it from the same scene as the SVG and PDF. DESIGN.md §7.
import * as maplibregl from 'maplibre-gl';
import type { Atlas } from '../data/schema.ts';
import { eventPoints } from '../data/features.ts';
import { atlasStyle } from '../map/style/style.ts';
import { layers as ids, sources } from '../map/style/ids.ts';
import { TimePointsLayer } from '../map/time-points-layer.ts';
import type { ImportedSet } from '../import/events.ts';
import { provideHatch, setClock, setGovernorateStates, setLayerVisibility } from '../map/sync.ts';
import type { Palette } from '../map/style/palette.ts';
import { CSS_DPI, MAX_CANVAS_PX, planPixels, type PageSize } from './page.ts';
import { setPngDpi } from './png.ts';
import { canvasFont, drawItems } from './canvas.ts';
import type { PanelScene, Scene } from './scene.ts';

/** A panel's rectangle in whole page pixels. */
export function deviceRect(panel: PanelScene, scale: number) {
  const x = Math.round(panel.x * scale);
  const y = Math.round(panel.y * scale);
  return { x, y, width: Math.round((panel.x + panel.width) * scale) - x, height: Math.round((panel.y + panel.height) * scale) - y };
}

/**
 * Opens a hidden map drawing one panel's geometry (labels off: the scene sets them), lined up so
 * that a point the scene puts at page pixel P is drawn at P, and calls `use` with it once idle.
 */
export async function withPanelMap<T>(atlas: Atlas, panel: PanelScene, scale: number, palette: Palette, imported: ImportedSet | null | undefined, use: (map: maplibregl.Map, rect: ReturnType<typeof deviceRect>) => T | Promise<T>): Promise<T> {
  const rect = deviceRect(panel, scale);
  // Browsers lay a container out in whole CSS pixels and MapLibre sizes its canvas as
  // round(CSS size × pixelRatio), so the container gets a whole-pixel width and the ratio is
  // derived from it: the canvas is then exactly the panel's width in page pixels.
  const cssWidth = Math.max(1, Math.round(rect.width / scale));
  const ratio = rect.width / cssWidth;
  const cssHeight = Math.ceil(rect.height / ratio);
  const container = document.createElement('div');
  Object.assign(container.style, { position: 'fixed', left: '-100000px', top: '0', width: `${cssWidth}px`, height: `${cssHeight}px` });
  document.body.append(container);
  // The scene's world is 512·2^z scene units, each `scale` page pixels; the map's is 512·2^z' CSS
  // pixels, each `ratio` page pixels. Equal in page pixels when z' = z + log2(scale / ratio).
  const zoom = panel.camera.zoom + Math.log2(scale / ratio);
  const map = new maplibregl.Map({
    container,
    style: atlasStyle(atlas, palette),
    pixelRatio: ratio,
    // MapLibre clamps its canvas to 4096 px unless told otherwise; planPixels holds the figure to
    // what software WebGL here can draw (8192 px textures).
    maxCanvasSize: [MAX_CANVAS_PX, MAX_CANVAS_PX],
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    center: panel.camera.center,
    zoom,
  });
  try {
    provideHatch(map, palette);
    await map.once('load');
    // The scene's centre sits at the panel's centre in page pixels, which whole-pixel rounding
    // may put up to a pixel away from the canvas's centre: move the map by the difference.
    const canvas = map.getCanvas();
    const dx = ((panel.x + panel.width / 2) * scale - rect.x - canvas.width / 2) / ratio;
    const dy = ((panel.y + panel.height / 2) * scale - rect.y - canvas.height / 2) / ratio;
    map.jumpTo({ center: map.unproject([canvas.width / ratio / 2 - dx, canvas.height / ratio / 2 - dy]) });
    const view = panel.view;
    setClock(map, view);
    setGovernorateStates(map, atlas, view.t);
    setLayerVisibility(map, view.layers);
    if (imported) {
      const layer = new TimePointsLayer(ids.importedEvents, imported, palette.imported);
      map.addLayer(layer, ids.placesCircle);
      layer.setClock(view);
    }
    (map.getSource(sources.events) as maplibregl.GeoJSONSource).setData(eventPoints(atlas, { texts: view.texts, tags: view.tags }));
    // Labels come from the scene (placed once for every format), so the map's own are hidden.
    for (const layer of map.getStyle().layers) if (layer.type === 'symbol') map.setLayoutProperty(layer.id, 'visibility', 'none');
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
    if (canvas.width !== rect.width || canvas.height < rect.height) {
      throw new Error(`The map drew ${canvas.width} × ${canvas.height} px instead of ${rect.width} × ${rect.height}: the page is too large for this browser; lower the DPI.`);
    }
    return await use(map, rect);
  } finally {
    map.remove();
    container.remove();
  }
}

/** Renders the scene as PNG bytes of exactly the page's pixel size, with its DPI recorded. */
export async function renderPng(atlas: Atlas, scene: Scene, page: PageSize, palette: Palette, imported?: ImportedSet | null): Promise<Uint8Array> {
  const planned = planPixels(page);
  if (!planned.ok) throw new Error(planned.error);
  const { width, height } = planned.plan;
  const scale = page.dpi / CSS_DPI;
  await Promise.all([document.fonts.load(canvasFont(10, 400)), document.fonts.load(canvasFont(10, 600)), document.fonts.load(canvasFont(10, 400), 'بغداد')]);

  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  for (const panel of scene.panels) {
    const r = await withPanelMap(atlas, panel, scale, palette, imported, (map, rect) => {
      ctx.drawImage(map.getCanvas(), 0, 0, rect.width, rect.height, rect.x, rect.y, rect.width, rect.height);
      return rect;
    });
    ctx.save();
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.width, r.height);
    ctx.clip();
    drawItems(ctx, panel.overlay, scale);
    ctx.restore();
  }
  drawItems(ctx, scene.furniture, scale);

  const blob = await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'));
  return setPngDpi(new Uint8Array(await blob.arrayBuffer()), page.dpi);
}
