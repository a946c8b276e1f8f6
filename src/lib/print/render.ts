// Raster figures: a hidden map drawn at pixelRatio = DPI / 96 with the atlas's own style and the
// view's clock and layers, then the furniture (title, date stamp, north arrow, scale bar, legend,
// caption) drawn in points on a canvas of exactly the page's pixel size. DESIGN.md §7.
import * as maplibregl from 'maplibre-gl';
import type { Atlas } from '../data/schema.ts';
import { controlAt } from '../time/questions.ts';
import { humanDate } from '../time/window.ts';
import type { ViewSnapshot } from '../state/url.ts';
import { atlasStyle, iraqBounds } from '../map/style/style.ts';
import { provideHatch, setClock, setGovernorateStates, setLayerVisibility } from '../map/sync.ts';
import { controlStatusLabels, screen, type Palette } from '../map/style/palette.ts';
import { MAX_CANVAS_PX, metresPerCssPx, planPixels, pxFromPt, REFERENCE_WIDTH_CSS, scaleBarMetres, type FigureRequest } from './page.ts';
export type { Furniture, FigureRequest } from './page.ts';
import { setPngDpi } from './png.ts';

const font = (pt: number, dpi: number, weight = 400) => `${weight} ${pxFromPt(pt, dpi)}px "Noto Sans", sans-serif`;

/** The words printed under a figure: what it shows, when, from which texts and datasets. */
export function autoCaption(atlas: Atlas, view: ViewSnapshot, dataVersion: string): string {
  const when = view.mode === 'window' ? `events of the ${view.windowDays} days to ${humanDate(view.t)}` : `events up to ${humanDate(view.t)}`;
  const texts = atlas.sources.filter((s) => !view.texts.length || view.texts.includes(s.id));
  const layers = [
    'governorates and countries: Natural Earth (public domain)',
    ...(view.layers.includes('context') ? ['rivers, lakes and coast: GSHHG (LGPL)'] : []),
    'places: GeoNames (CC BY 4.0) and cited sources',
    ...(view.layers.includes('control') ? ['province control: geo/control.json (sources per period)'] : []),
    ...(view.layers.includes('displacement') ? ['displacement: geo/displacement.json (IOM, UNHCR, IDMC; partial coverage)'] : []),
  ];
  return `Iraq, ${when}. Texts: ${texts.map((s) => s.credit).join(' ')} Data: ${layers.join('; ')}. Iraq War Atlas, data version ${dataVersion}.`;
}

/** A short content hash of the data the figure was drawn from, so a figure can be traced to its data. */
export async function dataVersion(files: Record<string, string>[]): Promise<string> {
  const text = files.flatMap((f) => Object.keys(f).sort().map((k) => `${k}\n${f[k]}`)).join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Renders the figure as PNG bytes with its DPI recorded. Throws with a readable message if it cannot. */
export async function renderPng(atlas: Atlas, view: ViewSnapshot, request: FigureRequest, palette: Palette = screen): Promise<Uint8Array> {
  const planned = planPixels(request.page);
  if (!planned.ok) throw new Error(planned.error);
  const { width, height, pixelRatio } = planned.plan;
  const dpi = request.page.dpi;
  await document.fonts.load(font(9, dpi));

  // The caption takes a band under the map; its height follows from the wrapped text.
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d')!;
  const margin = Math.round(pxFromPt(6, dpi));
  ctx.font = font(7, dpi);
  const captionLines = request.furniture.caption ? wrap(ctx, request.caption, width - 2 * margin) : [];
  const lineHeight = pxFromPt(7 * 1.3, dpi);
  const band = captionLines.length ? Math.ceil(captionLines.length * lineHeight + 2 * margin) : 0;
  if (height - band < height / 3) throw new Error('The caption would take more than two thirds of the page: shorten it, or make the page taller.');

  // Browsers lay a container out in whole CSS pixels, and MapLibre sizes its canvas as
  // round(CSS size × pixelRatio) (map.ts, resize). So the container gets a whole-pixel width and
  // the ratio is derived from it, which makes the canvas exactly `width` wide; the caption band
  // takes the pixel or so of height the rounding leaves over.
  const cssWidth = Math.round(width / pixelRatio);
  const ratio = width / cssWidth;
  const cssHeight = Math.floor((height - band) / ratio);
  const mapHeight = Math.round(cssHeight * ratio);

  const container = document.createElement('div');
  Object.assign(container.style, { position: 'fixed', left: '-100000px', top: '0', width: `${cssWidth}px`, height: `${cssHeight}px` });
  document.body.append(container);
  const camera = view.camera;
  const map = new maplibregl.Map({
    container,
    style: atlasStyle(atlas, palette),
    pixelRatio: ratio,
    // MapLibre clamps its canvas to 4096 px unless told otherwise; the page check above holds
    // the figure to what software WebGL here can draw (8192 px textures).
    maxCanvasSize: [MAX_CANVAS_PX, MAX_CANVAS_PX],
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    ...(camera
      ? { center: [camera[0], camera[1]] as [number, number], zoom: camera[2] + Math.log2(cssWidth / REFERENCE_WIDTH_CSS) }
      : { center: [43.75, 33.2] as [number, number], zoom: 5 }),
  });
  try {
    provideHatch(map, palette);
    await map.once('load');
    // With no camera in the view the figure shows all of Iraq, fitted to the figure's own frame.
    if (!camera) map.fitBounds(iraqBounds, { padding: Math.round(cssWidth / 40), animate: false });
    setClock(map, view);
    setGovernorateStates(map, atlas, view.t);
    setLayerVisibility(map, view.layers);
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
    const canvas = map.getCanvas();
    if (canvas.width !== width || canvas.height !== mapHeight) {
      throw new Error(`The map drew ${canvas.width} × ${canvas.height} px instead of ${width} × ${mapHeight}: the page is too large for this browser; lower the DPI.`);
    }
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(canvas, 0, 0);
    drawFurniture(ctx, map, request, { width, mapHeight, dpi, margin, pixelRatio: ratio, view, atlas, palette });
  } finally {
    map.remove();
    container.remove();
  }

  ctx.fillStyle = '#2b2925';
  ctx.font = font(7, dpi);
  ctx.textBaseline = 'top';
  captionLines.forEach((line, i) => ctx.fillText(line, margin, height - band + margin + i * lineHeight));

  const blob = await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'));
  return setPngDpi(new Uint8Array(await blob.arrayBuffer()), dpi);
}

interface Frame {
  width: number;
  mapHeight: number;
  dpi: number;
  margin: number;
  pixelRatio: number;
  view: ViewSnapshot;
  atlas: Atlas;
  palette: Palette;
}

function panel(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
  ctx.fillStyle = 'rgba(255,255,255,0.88)';
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = '#a39d8f';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
}

function drawFurniture(ctx: CanvasRenderingContext2D, map: maplibregl.Map, request: FigureRequest, f: Frame) {
  const { dpi, margin, width, mapHeight } = f;
  const pt = (n: number) => pxFromPt(n, dpi);
  ctx.textBaseline = 'top';
  if (request.furniture.title && request.title) {
    ctx.font = font(10, dpi, 600);
    const w = ctx.measureText(request.title).width + 2 * pt(4);
    panel(ctx, margin, margin, w, pt(16));
    ctx.fillStyle = '#2b2925';
    ctx.fillText(request.title, margin + pt(4), margin + pt(3));
  }
  if (request.furniture.dateStamp) {
    ctx.font = font(8, dpi, 600);
    const label = f.view.mode === 'window' ? `${f.view.windowDays} days to ${humanDate(f.view.t)}` : `up to ${humanDate(f.view.t)}`;
    const w = ctx.measureText(label).width + 2 * pt(4);
    panel(ctx, width - margin - w, margin, w, pt(14));
    ctx.fillStyle = '#2b2925';
    ctx.fillText(label, width - margin - w + pt(4), margin + pt(3));
  }
  if (request.furniture.northArrow) {
    // Web Mercator with no rotation: north is up.
    const x = width - margin - pt(10);
    const y = margin + pt(24);
    ctx.fillStyle = '#2b2925';
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x - pt(4), y + pt(12));
    ctx.lineTo(x, y + pt(9));
    ctx.lineTo(x + pt(4), y + pt(12));
    ctx.closePath();
    ctx.fill();
    ctx.font = font(7, dpi, 600);
    ctx.textAlign = 'center';
    ctx.fillText('N', x, y + pt(13));
    ctx.textAlign = 'left';
  }
  if (request.furniture.scaleBar) {
    // Ground distance per device pixel at the map's centre latitude (Web Mercator).
    const metresPerPx = metresPerCssPx(map.getCenter().lat, map.getZoom()) / f.pixelRatio;
    const nice = scaleBarMetres(metresPerPx * (width / 5));
    const barPx = nice / metresPerPx;
    const x = margin;
    const y = mapHeight - margin - pt(16);
    panel(ctx, x, y - pt(3), barPx + pt(28), pt(16));
    ctx.fillStyle = '#2b2925';
    ctx.fillRect(x + pt(4), y + pt(6), barPx, pt(2));
    ctx.fillRect(x + pt(4), y + pt(3), pt(0.8), pt(5));
    ctx.fillRect(x + pt(4) + barPx - pt(0.8), y + pt(3), pt(0.8), pt(5));
    ctx.font = font(7, dpi);
    ctx.fillText(`${nice / 1000} km`, x + pt(6) + barPx, y + pt(2));
  }
  if (request.furniture.legend) {
    const rows: [string, string, 'halo' | 'ring' | 'box'][] = [];
    if (f.view.layers.includes('events')) rows.push([f.palette.event, 'event dated to the day', 'halo'], [f.palette.event, 'event dated to a month, year or span', 'ring']);
    rows.push([f.palette.city, 'city or town', 'halo']);
    if (f.view.layers.includes('control')) {
      const labels = controlStatusLabels;
      const shown = new Set(f.atlas.governorates.features.map((g) => controlAt(f.atlas.control, g.properties.id, f.view.t)?.status));
      for (const [status, label] of Object.entries(labels)) if (shown.has(status as never)) rows.push([f.palette.control[status as keyof typeof labels], label, 'box']);
    }
    if (f.view.layers.includes('displacement')) rows.push([f.palette.displacementRamp[2], 'displaced since Feb. 2006 (darker = more)', 'box'], [f.palette.hatch, 'no data (hatched)', 'box']);
    ctx.font = font(7, dpi);
    const rowH = pt(10);
    const w = Math.max(...rows.map(([, label]) => ctx.measureText(label).width)) + pt(20);
    const h = rows.length * rowH + pt(6);
    const x = width - margin - w;
    const y = mapHeight - margin - h;
    panel(ctx, x, y, w, h);
    rows.forEach(([colour, label, kind], i) => {
      const cy = y + pt(3) + i * rowH + rowH / 2;
      ctx.fillStyle = colour;
      ctx.strokeStyle = colour;
      ctx.lineWidth = pt(1);
      if (kind === 'box') ctx.fillRect(x + pt(4), cy - pt(3), pt(8), pt(6));
      else {
        ctx.beginPath();
        ctx.arc(x + pt(8), cy, pt(3), 0, 2 * Math.PI);
        if (kind === 'halo') ctx.fill();
        ctx.stroke();
      }
      ctx.fillStyle = '#2b2925';
      ctx.fillText(label, x + pt(15), cy - pt(4));
    });
  }
}
