// A figure as a display list: paths, circles and text in page units (CSS pixels, 1/96 inch), laid
// out once and written three ways (svg.ts, pdf.ts, and canvas.ts over MapLibre's raster for PNG).
// One layout means one camera, one set of placed labels and one legend for every format, so the
// formats cannot disagree. Pure: the same inputs give the same scene. DESIGN.md §7.
import { pointOnFeature } from '@turf/turf';
import type { Atlas } from '../data/schema.ts';
import { eventPoints, placeAnchors, placeShapes } from '../data/features.ts';
import { controlAt, displacementAt } from '../time/questions.ts';
import { humanDate, isVisible } from '../time/window.ts';
import type { ViewSnapshot } from '../state/url.ts';
import { controlStatusLabels, displacementBreaks, type Palette } from '../map/style/palette.ts';
import { iraqBounds } from '../map/style/style.ts';
import { mercator, unmercator } from '../map/mercator.ts';
import { CSS_DPI, metresPerCssPx, MM_PER_INCH, pxFromPt, REFERENCE_WIDTH_CSS, scaleBarMetres, type FigureRequest } from './page.ts';
import type { FigureFonts, Weight } from './fonts.ts';
import type { ImportedSet } from '../import/events.ts';

export interface Paint {
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  strokeOpacity?: number;
  dash?: number[];
  /** Diagonal "no data" hatch lines of this colour, instead of a plain fill. */
  hatch?: string;
}

/** What an item stands for, so a reader of the SVG (or a test) can find it: `data-place="mosul"`. */
export type Tag = { role: 'governorate' | 'control' | 'place' | 'event' | 'label'; id: string };

export type Item =
  | { kind: 'path'; d: string; paint: Paint; tag?: Tag }
  | { kind: 'circle'; cx: number; cy: number; r: number; paint: Paint; tag?: Tag }
  | {
      kind: 'text';
      x: number;
      /** The baseline. */
      y: number;
      text: string;
      size: number;
      weight: Weight;
      fill: string;
      anchor: 'start' | 'middle' | 'end';
      halo?: { colour: string; width: number };
      letterSpacing?: number;
      tag?: Tag;
    };

export interface Camera {
  center: [number, number];
  zoom: number;
}

export interface PanelScene {
  x: number;
  y: number;
  width: number;
  height: number;
  view: ViewSnapshot;
  camera: Camera;
  /** What MapLibre draws in the raster figure: land, water, borders, symbols. */
  geometry: Item[];
  /** Labels and the panel's own furniture: drawn by our writers in every format. */
  overlay: Item[];
}

export interface Scene {
  width: number;
  height: number;
  panels: PanelScene[];
  /** Page furniture outside the panels: a shared legend, a header, the caption. */
  furniture: Item[];
  /** Labels left out because they would have overlapped another label or the furniture. */
  dropped: string[];
}

export interface FigureSpec extends FigureRequest {
  /** One view per panel: one panel for a figure, several for small multiples. */
  panels: ViewSnapshot[];
  /** Columns of the small-multiples grid (default: about square). */
  columns?: number;
  palette: Palette;
  /** A reader's imported events, drawn where the panels' dates show them. */
  imported?: ImportedSet | null;
}

/** Points in page units (CSS pixels). */
export const pt = (v: number): number => pxFromPt(v, CSS_DPI);
const TEXT = '#2b2925';

/** The camera that fits lng/lat bounds into a box, centred in projected space as MapLibre's fitBounds is. */
function fitCamera(bounds: [number, number, number, number], width: number, height: number, padding: number): Camera {
  const [a, b] = [mercator(bounds[0], bounds[3], 0), mercator(bounds[2], bounds[1], 0)];
  const zoom = Math.log2(Math.min((width - 2 * padding) / (b[0] - a[0]), (height - 2 * padding) / (b[1] - a[1])));
  return { center: unmercator((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, 0), zoom };
}

/**
 * The camera a panel of this size shows for a view: the view's centre, with the zoom scaled so the
 * panel spans what a 1000-px-wide screen map shows; with no camera in the view, all of Iraq.
 */
export function figureCamera(view: ViewSnapshot, width: number, height: number): Camera {
  if (view.camera) return { center: [view.camera[0], view.camera[1]], zoom: view.camera[2] + Math.log2(width / REFERENCE_WIDTH_CSS) };
  return fitCamera(iraqBounds, width, height, Math.round(width / 40));
}

/** Page units of a point seen by a camera in a box. */
export function projector(camera: Camera, box: { x: number; y: number; width: number; height: number }) {
  const [cx, cy] = mercator(camera.center[0], camera.center[1], camera.zoom);
  return (p: number[]): [number, number] => {
    const [x, y] = mercator(p[0], p[1], camera.zoom);
    return [x - cx + box.x + box.width / 2, y - cy + box.y + box.height / 2];
  };
}

/** Fixed precision, so the same figure gives the same bytes. */
export const fmt = (v: number): string => Number(v.toFixed(2)).toString();

function pathData(g: GeoJSON.Geometry, xy: (p: number[]) => [number, number]): string {
  const line = (l: number[][], close: boolean) => l.map((p, i) => `${i ? 'L' : 'M'}${xy(p).map(fmt).join(' ')}`).join('') + (close ? 'Z' : '');
  switch (g.type) {
    case 'Polygon': return g.coordinates.map((r) => line(r, true)).join('');
    case 'MultiPolygon': return g.coordinates.flatMap((poly) => poly.map((r) => line(r, true))).join('');
    case 'LineString': return line(g.coordinates, false);
    case 'MultiLineString': return g.coordinates.map((l) => line(l, false)).join('');
    default: return '';
  }
}

/** A MapLibre ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1] at a zoom. */
const byZoom = (zoom: number, z0: number, v0: number, z1: number, v1: number) => v0 + (v1 - v0) * Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Where a text item starts, given its width and anchor. */
export const textLeft = (item: Extract<Item, { kind: 'text' }>, width: number): number =>
  item.anchor === 'start' ? item.x : item.anchor === 'end' ? item.x - width : item.x - width / 2;

/** Places labels in priority order; a label that would overlap a placed one, or leave its panel, is left out. */
class LabelPlacer {
  private placed: Box[] = [];
  constructor(private fonts: FigureFonts, private bounds: Box) {}

  block(box: Box) {
    this.placed.push(box);
  }

  /** Tries each candidate in turn; returns the first that fits, or null. */
  place(candidates: Extract<Item, { kind: 'text' }>[]): Extract<Item, { kind: 'text' }> | null {
    for (const c of candidates) {
      const w = this.fonts.width(c.text, c.size, c.weight, c.letterSpacing ?? 0);
      const x0 = textLeft(c, w);
      const box = { x0: x0 - 1, y0: c.y - c.size * 0.8, x1: x0 + w + 1, y1: c.y + c.size * 0.25 };
      const inside = box.x0 >= this.bounds.x0 && box.x1 <= this.bounds.x1 && box.y0 >= this.bounds.y0 && box.y1 <= this.bounds.y1;
      if (inside && !this.placed.some((p) => overlaps(p, box))) {
        this.placed.push(box);
        return c;
      }
    }
    return null;
  }
}

const LEGEND_ROW = pt(10);

type Swatch = 'dot' | 'halo' | 'ring' | 'box' | 'hatch' | 'line' | 'dash';
export interface LegendRow {
  swatch: Swatch;
  colour: string;
  label: string;
}

/** The legend explains every colour the panels show, and nothing they do not. */
export function legendRows(atlas: Atlas, panels: ViewSnapshot[], palette: Palette, shown: { kinds: Set<string>; lines: Set<string> }, imported?: ImportedSet | null): LegendRow[] {
  const any = (layer: string) => panels.some((v) => v.layers.includes(layer as never));
  const rows: LegendRow[] = [];
  if (any('events')) rows.push({ swatch: 'halo', colour: palette.event, label: 'event dated to the day' }, { swatch: 'ring', colour: palette.event, label: 'event dated to a month, year or span' });
  if (imported) rows.push({ swatch: 'dot', colour: palette.imported, label: `imported: ${imported.name}` });
  const kinds: [string, string, string][] = [['city', palette.city, 'city or town'], ['district', palette.district, 'district or neighbourhood'], ['site', palette.site, 'site (base, building, bridge)'], ['area', palette.area, 'area'], ['other', palette.other, 'other place']];
  for (const [kind, colour, label] of kinds) if (shown.kinds.has(kind)) rows.push({ swatch: 'dot', colour, label });
  if (shown.lines.has('exact')) rows.push({ swatch: 'line', colour: palette.other, label: 'route or border' });
  if (shown.lines.has('approximate')) rows.push({ swatch: 'dash', colour: palette.other, label: 'route or border, drawn approximately' });
  if (any('control')) {
    const present = new Set(panels.filter((v) => v.layers.includes('control')).flatMap((v) => atlas.governorates.features.map((g) => controlAt(atlas.control, g.properties.id, v.t)?.status ?? 'none')));
    for (const [status, label] of Object.entries(controlStatusLabels)) if (present.has(status as never)) rows.push({ swatch: 'box', colour: palette.control[status as keyof typeof controlStatusLabels], label });
    if (present.has('none')) rows.push({ swatch: 'box', colour: palette.land, label: 'control: no data' });
  }
  if (any('displacement')) {
    const [a, b, c, d] = palette.displacementRamp;
    const k = (v: number) => v.toLocaleString('en-GB');
    rows.push(
      { swatch: 'box', colour: a, label: `displaced since Feb. 2006: < ${k(displacementBreaks[0])}` },
      { swatch: 'box', colour: b, label: `${k(displacementBreaks[0])}–${k(displacementBreaks[1])}` },
      { swatch: 'box', colour: c, label: `${k(displacementBreaks[1])}–${k(displacementBreaks[2])}` },
      { swatch: 'box', colour: d, label: `≥ ${k(displacementBreaks[2])}` },
      { swatch: 'hatch', colour: palette.hatch, label: 'displacement: no data' },
    );
  }
  if (any('context')) rows.push({ swatch: 'line', colour: palette.river, label: 'river, coast' }, { swatch: 'box', colour: palette.neighbour, label: 'neighbouring country' });
  return rows;
}

/** Wraps text to a width with the figure's fonts. */
export function wrapText(fonts: FigureFonts, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && fonts.width(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export const dateLabel = (view: ViewSnapshot): string => (view.mode === 'window' ? `${view.windowDays} days to ${humanDate(view.t)}` : `up to ${humanDate(view.t)}`);

const rect = (x: number, y: number, w: number, h: number): string => `M${fmt(x)} ${fmt(y)}H${fmt(x + w)}V${fmt(y + h)}H${fmt(x)}Z`;

/** The white box behind a piece of furniture on the map. */
const panelBox = (x: number, y: number, w: number, h: number, palette: Palette): Item => ({
  kind: 'path',
  d: rect(x, y, w, h),
  paint: { fill: '#ffffff', fillOpacity: 0.88, stroke: palette.governorateLine, strokeWidth: 0.75 },
});

/** Lays the figure out. Throws with what to change when it cannot be laid out. */
export function buildScene(atlas: Atlas, spec: FigureSpec, fonts: FigureFonts): Scene {
  if (!spec.panels.length) throw new Error('A figure needs at least one view.');
  const width = (spec.page.widthMm / MM_PER_INCH) * CSS_DPI;
  const height = (spec.page.heightMm / MM_PER_INCH) * CSS_DPI;
  const { palette, furniture: on } = spec;
  const margin = pt(6);
  const multi = spec.panels.length > 1;
  const furniture: Item[] = [];
  const dropped: string[] = [];

  // Bands, bottom up: the caption, then the legend; for small multiples, a header with the title.
  const captionSize = pt(7);
  const captionLines = on.caption ? wrapText(fonts, spec.caption, captionSize, width - 2 * margin) : [];
  const captionBand = captionLines.length ? captionLines.length * captionSize * 1.3 + 2 * margin : 0;
  const headerBand = multi && on.title && spec.title ? pt(18) : 0;

  // The grid of panels above the bands. Small multiples share one camera unless their views differ.
  const columns = Math.max(1, Math.min(spec.panels.length, spec.columns ?? Math.ceil(Math.sqrt(spec.panels.length))));
  const rows = Math.ceil(spec.panels.length / columns);
  const gap = multi ? pt(4) : 0;
  const grid = (gridHeight: number) => {
    const cellW = (width - gap * (columns - 1)) / columns;
    const cellH = (gridHeight - gap * (rows - 1)) / rows;
    return spec.panels.map((view, i) => {
      const box = { x: (i % columns) * (cellW + gap), y: headerBand + Math.floor(i / columns) * (cellH + gap), width: cellW, height: cellH };
      return { view, box, camera: figureCamera(view, cellW, cellH) };
    });
  };

  // The legend, in a band under the map so it never hides data, explains what the panels show;
  // which symbols fall inside the panels is found from a first layout without the band.
  const inside = grid(height - captionBand - headerBand).map(({ box, camera }) => symbolsShown(atlas, camera, box));
  const shown = { kinds: new Set(inside.flatMap((s) => s.kinds)), lines: new Set(inside.flatMap((s) => s.lines)) };
  const legend = on.legend ? legendRows(atlas, spec.panels, palette, shown, spec.imported) : [];
  const legendColumns = fitColumns(legend.map((r) => fonts.width(r.label, pt(7)) + pt(20)), width - 2 * margin);
  const legendBand = legend.length ? legendColumns.perColumn * LEGEND_ROW + pt(8) : 0;
  const gridHeight = height - captionBand - legendBand - headerBand;
  if (gridHeight < height / 3) throw new Error('The caption and legend would take more than two thirds of the page: shorten the caption, turn the legend off, or make the page taller.');
  const sameCamera = new Set(spec.panels.map((v) => JSON.stringify(v.camera))).size === 1;

  const panels = grid(gridHeight).map(({ view, box: panel, camera }, i): PanelScene => {
    const { x, y, width: cellW, height: cellH } = panel;
    const geometry = drawGeometry(atlas, view, camera, panel, palette, spec.imported);
    const overlay: Item[] = [];
    const placer = new LabelPlacer(fonts, { x0: x, y0: y, x1: x + cellW, y1: y + cellH });
    const first = i === 0;

    // Furniture first, so labels keep out of its way.
    const block = (bx: number, by: number, bw: number, bh: number) => placer.block({ x0: bx, y0: by, x1: bx + bw, y1: by + bh });
    let leftTop = y + margin;
    if (!multi && on.title && spec.title) {
      const size = pt(10);
      const w = fonts.width(spec.title, size, 600) + pt(8);
      overlay.push(panelBox(x + margin, leftTop, w, pt(16), palette), { kind: 'text', x: x + margin + pt(4), y: leftTop + pt(12), text: spec.title, size, weight: 600, fill: TEXT, anchor: 'start' });
      block(x + margin, leftTop, w, pt(16));
      leftTop += pt(16) + pt(4);
    }
    let rightTop = y + margin;
    if (on.dateStamp) {
      const label = dateLabel(view);
      const size = pt(8);
      const w = fonts.width(label, size, 600) + pt(8);
      // Top right; under the title instead when the two would meet.
      const titleRight = !multi && on.title && spec.title ? x + margin + fonts.width(spec.title, pt(10), 600) + pt(8) + pt(4) : x;
      const below = x + cellW - margin - w < titleRight;
      const bx = below ? x + margin : x + cellW - margin - w;
      const by = below ? leftTop : rightTop;
      overlay.push(panelBox(bx, by, w, pt(14), palette), { kind: 'text', x: bx + pt(4), y: by + pt(10.5), text: label, size, weight: 600, fill: TEXT, anchor: 'start' });
      block(bx, by, w, pt(14));
      if (below) leftTop += pt(14) + pt(4);
      else rightTop += pt(14) + pt(4);
    }
    if (on.northArrow && first) {
      // Web Mercator, never rotated here: north is up.
      const ax = x + cellW - margin - pt(8);
      const ay = rightTop;
      overlay.push(
        { kind: 'path', d: `M${fmt(ax)} ${fmt(ay)}L${fmt(ax - pt(4))} ${fmt(ay + pt(12))}L${fmt(ax)} ${fmt(ay + pt(9))}L${fmt(ax + pt(4))} ${fmt(ay + pt(12))}Z`, paint: { fill: TEXT } },
        { kind: 'text', x: ax, y: ay + pt(20), text: 'N', size: pt(7), weight: 600, fill: TEXT, anchor: 'middle', halo: { colour: '#ffffff', width: 1.5 } },
      );
      block(ax - pt(5), ay, pt(10), pt(21));
    }
    if (on.inset && (first || !sameCamera)) {
      const w = Math.min(cellW * 0.28, pt(72));
      const h = w * 0.85;
      overlay.push(...drawInset(atlas, camera, panel, { x: x + margin, y: leftTop, width: w, height: h }, palette));
      block(x + margin, leftTop, w, h);
    }
    let bottomLeft = y + cellH - margin;
    if (on.scaleBar && (first || !sameCamera)) {
      // Ground distance per page unit at the panel's centre latitude (Web Mercator).
      const metresPerUnit = metresPerCssPx(camera.center[1], camera.zoom);
      const nice = scaleBarMetres(metresPerUnit * (cellW / 5));
      const bar = nice / metresPerUnit;
      const by = bottomLeft - pt(16);
      const label = `${(nice / 1000).toLocaleString('en-GB')} km`;
      const w = bar + pt(12) + fonts.width(label, pt(7));
      overlay.push(
        panelBox(x + margin, by, w, pt(16), palette),
        { kind: 'path', d: rect(x + margin + pt(4), by + pt(9), bar, pt(2)) + rect(x + margin + pt(4), by + pt(6), pt(0.8), pt(5)) + rect(x + margin + pt(4) + bar - pt(0.8), by + pt(6), pt(0.8), pt(5)), paint: { fill: TEXT } },
        { kind: 'text', x: x + margin + pt(8) + bar, y: by + pt(11), text: label, size: pt(7), weight: 400, fill: TEXT, anchor: 'start' },
      );
      block(x + margin, by, w, pt(16));
      bottomLeft = by - pt(4);
    }
    overlay.push(...drawLabels(atlas, view, camera, panel, palette, placer, spec.furniture.arabicNames, dropped));
    // The neat line.
    overlay.push({ kind: 'path', d: rect(x, y, cellW, cellH), paint: { stroke: palette.countryBorder, strokeWidth: 1 } });
    return { ...panel, view, camera, geometry, overlay };
  });

  if (headerBand) furniture.push({ kind: 'text', x: margin, y: pt(13), text: spec.title, size: pt(10), weight: 600, fill: TEXT, anchor: 'start' });
  if (legend.length) furniture.push(...legendItems(legend, margin, headerBand + gridHeight + pt(4), legendColumns, palette));
  captionLines.forEach((line, i) => furniture.push({ kind: 'text', x: margin, y: height - captionBand + margin + captionSize + i * captionSize * 1.3, text: line, size: captionSize, weight: 400, fill: TEXT, anchor: 'start' }));
  return { width, height, panels, furniture, dropped };
}

type PanelBox = { x: number; y: number; width: number; height: number };
const within = (panel: PanelBox, [px, py]: [number, number], pad = 0) => px >= panel.x - pad && px <= panel.x + panel.width + pad && py >= panel.y - pad && py <= panel.y + panel.height + pad;

/** Places drawn as dots: not areas (outlined by their governorates) nor routes and borders (lines). */
const dotPlaces = (atlas: Atlas) => placeAnchors(atlas).features.filter((f) => !['governorate', 'region', 'country', 'route', 'border'].includes(f.properties.kind));
/** The kinds with a colour of their own; any other kind is drawn (and explained) as "other". */
const colouredKinds = ['city', 'district', 'site', 'area'];
const legendKind = (kind: string) => (colouredKinds.includes(kind) ? kind : 'other');

/** Which place symbols fall inside a panel: what its legend has to explain. */
function symbolsShown(atlas: Atlas, camera: Camera, panel: PanelBox): { kinds: string[]; lines: string[] } {
  const xy = projector(camera, panel);
  return {
    kinds: dotPlaces(atlas).filter((f) => within(panel, xy(f.geometry.coordinates))).map((f) => legendKind(f.properties.kind)),
    lines: placeShapes(atlas).features.flatMap((f) =>
      f.geometry.type === 'LineString' && f.geometry.coordinates.some((p) => within(panel, xy(p))) ? [f.properties.precision === 'approximate' ? 'approximate' : 'exact'] : []),
  };
}

/** Land, water, borders, events and place symbols, in the map style's order and sizes. */
function drawGeometry(atlas: Atlas, view: ViewSnapshot, camera: Camera, panel: PanelBox, palette: Palette, imported?: ImportedSet | null): Item[] {
  const xy = projector(camera, panel);
  const d = (g: GeoJSON.Geometry) => pathData(g, xy);
  const shows = (layer: string) => view.layers.includes(layer as never);
  const z = camera.zoom;
  const items: Item[] = [{ kind: 'path', d: rect(panel.x, panel.y, panel.width, panel.height), paint: { fill: palette.water } }];

  if (shows('context')) for (const c of atlas.context.countries.features) if (!c.properties?.iraq) items.push({ kind: 'path', d: d(c.geometry), paint: { fill: palette.neighbour } });
  for (const g of atlas.governorates.features) {
    const id = g.properties.id;
    const status = controlAt(atlas.control, id, view.t)?.status;
    items.push({ kind: 'path', d: d(g.geometry), paint: { fill: palette.land }, tag: { role: 'governorate', id } });
    if (shows('control') && status) items.push({ kind: 'path', d: d(g.geometry), paint: { fill: palette.control[status], fillOpacity: 0.85 }, tag: { role: 'control', id } });
    if (shows('displacement')) {
      const displaced = displacementAt(atlas.displacement, id, view.t, 'idps-since-2006')?.value;
      if (displaced == null) items.push({ kind: 'path', d: d(g.geometry), paint: { hatch: palette.hatch, fillOpacity: 0.6 } });
      else {
        const cls = displacementBreaks.filter((b) => displaced >= b).length;
        items.push({ kind: 'path', d: d(g.geometry), paint: { fill: palette.displacementRamp[cls], fillOpacity: 0.9 } });
      }
    }
  }
  if (shows('context')) {
    for (const l of atlas.context.lakes.features) items.push({ kind: 'path', d: d(l.geometry), paint: { fill: palette.water } });
    for (const r of atlas.context.rivers.features) if (!r.properties?.named) items.push({ kind: 'path', d: d(r.geometry), paint: { stroke: palette.river, strokeWidth: [0, 1].includes(r.properties?.level) ? 1.1 : 0.6 } });
    for (const c of atlas.context.coast.features) items.push({ kind: 'path', d: d(c.geometry), paint: { stroke: palette.river, strokeWidth: 0.8 } });
  }
  const governorateLine = byZoom(z, 4, 0.6, 9, 1.6);
  for (const g of atlas.governorates.features) items.push({ kind: 'path', d: d(g.geometry), paint: { stroke: palette.governorateLine, strokeWidth: governorateLine } });
  const border = byZoom(z, 4, 1, 9, 2.2);
  for (const c of atlas.context.countries.features) items.push({ kind: 'path', d: d(c.geometry), paint: { stroke: palette.countryBorder, strokeWidth: border } });

  for (const s of placeShapes(atlas).features) {
    if (s.geometry.type !== 'LineString') continue;
    const approximate = s.properties.precision === 'approximate';
    items.push({ kind: 'path', d: d(s.geometry), paint: { stroke: palette.other, strokeWidth: 2, dash: approximate ? [4, 4] : undefined }, tag: { role: 'place', id: s.properties.id } });
  }
  // Imported events under the atlas's own, with the same time rule as the map's shader.
  if (imported) {
    for (let i = 0; i < imported.count; i++) {
      if (!isVisible({ t0: imported.t0[i], t1: imported.t1[i] }, view.t, view.mode, view.windowDays)) continue;
      const [cx, cy] = xy([imported.lngLat[2 * i], imported.lngLat[2 * i + 1]]);
      if (within(panel, [cx, cy], 3)) items.push({ kind: 'circle', cx, cy, r: 2.5, paint: { fill: palette.imported, fillOpacity: 0.85 } });
    }
  }
  if (shows('events')) {
    const r = byZoom(z, 4, 8, 10, 13);
    for (const e of eventPoints(atlas, { texts: view.texts, tags: view.tags }).features) {
      const p = e.properties!;
      if (!isVisible(p as { t0: number; t1: number }, view.t, view.mode, view.windowDays)) continue;
      const [cx, cy] = xy(e.geometry.coordinates);
      items.push({ kind: 'circle', cx, cy, r, paint: { fill: palette.event, fillOpacity: p.uncertain ? 0 : 0.28, stroke: palette.event, strokeWidth: p.uncertain ? 1.6 : 1.2, strokeOpacity: 0.9 }, tag: { role: 'event', id: p.id } });
    }
  }
  // Cities last, so a site drawn approximately at its city's point does not hide the city.
  const order = { city: 3, district: 2 } as Record<string, number>;
  const dots = dotPlaces(atlas);
  dots.sort((a, b) => (order[a.properties.kind] ?? 1) - (order[b.properties.kind] ?? 1));
  const colour: Record<string, string> = { city: palette.city, district: palette.district, site: palette.site, area: palette.area, other: palette.other };
  for (const f of dots) {
    const [cx, cy] = xy(f.geometry.coordinates);
    const kind = f.properties.kind;
    items.push({ kind: 'circle', cx, cy, r: kind === 'city' ? 5.5 : 4.5, paint: { fill: colour[legendKind(kind)], fillOpacity: f.properties.precision === 'area' ? 0.55 : 1, stroke: palette.symbolStroke, strokeWidth: 1.5 }, tag: { role: 'place', id: f.properties.id } });
  }
  return items;
}

/** Labels, most important first: cities, other places, governorates, countries, water. */
function drawLabels(atlas: Atlas, view: ViewSnapshot, camera: Camera, panel: { x: number; y: number; width: number; height: number }, palette: Palette, placer: LabelPlacer, arabic: boolean, dropped: string[]): Item[] {
  const xy = projector(camera, panel);
  const items: Item[] = [];
  const halo = { colour: palette.labelHalo.slice(0, 7), width: 1.5 };
  const text = (x: number, y: number, s: string, size: number, fill: string, anchor: 'start' | 'middle' | 'end', extra: Partial<Extract<Item, { kind: 'text' }>> = {}) =>
    ({ kind: 'text', x, y, text: s, size, weight: 400 as Weight, fill, anchor, ...extra }) as Extract<Item, { kind: 'text' }>;
  const put = (candidates: Extract<Item, { kind: 'text' }>[], name: string) => {
    const placed = placer.place(candidates);
    if (placed) items.push(placed);
    else if (candidates.some((c) => c.x >= panel.x && c.x <= panel.x + panel.width && c.y >= panel.y && c.y <= panel.y + panel.height)) dropped.push(name);
  };

  const rank: Record<string, number> = { city: 0, district: 1, site: 2 };
  const places = placeAnchors(atlas).features.filter((f) => !['governorate', 'region', 'country'].includes(f.properties.kind));
  places.sort((a, b) => (rank[a.properties.kind] ?? 3) - (rank[b.properties.kind] ?? 3) || a.properties.name.localeCompare(b.properties.name));
  for (const f of places) {
    const [cx, cy] = xy(f.geometry.coordinates);
    const size = f.properties.kind === 'city' ? pt(8) : pt(7);
    const off = (f.properties.kind === 'city' ? 5.5 : 4.5) + pt(2);
    const tag = { role: 'label', id: f.properties.id } as const;
    const common = { halo, tag };
    put([
      text(cx + off, cy + size * 0.35, f.properties.name, size, palette.placeLabel, 'start', common),
      text(cx - off, cy + size * 0.35, f.properties.name, size, palette.placeLabel, 'end', common),
      text(cx, cy - off, f.properties.name, size, palette.placeLabel, 'middle', common),
      text(cx, cy + off + size * 0.75, f.properties.name, size, palette.placeLabel, 'middle', common),
    ], f.properties.name);
  }
  for (const g of atlas.governorates.features) {
    const [x, y] = xy(g.properties.label);
    const tag = { role: 'label', id: g.properties.id } as const;
    // At its label point, or a line above or below it where a town's name is in the way.
    const size = pt(6.5);
    put([0, -1.4, 1.4].map((dy) => text(x, y + dy * size, g.properties.name.toUpperCase(), size, palette.governorateLabel, 'middle', { letterSpacing: 0.6, halo, tag })), g.properties.name);
    // The Arabic name goes under the English one, or not at all.
    if (arabic && g.properties.nameAr && items.at(-1)?.tag === tag) put([text(x, y + pt(9), g.properties.nameAr, pt(7.5), palette.governorateLabel, 'middle', { halo, tag })], g.properties.nameAr);
  }
  if (view.layers.includes('context')) {
    for (const c of atlas.context.countries.features) {
      if (c.properties?.iraq || !Array.isArray(c.properties?.label)) continue;
      const [x, y] = xy(c.properties.label);
      put([text(x, y, String(c.properties.name).toUpperCase(), pt(7.5), palette.neighbourLabel, 'middle', { letterSpacing: 1 })], c.properties.name);
    }
    for (const w of atlas.context['water-labels'].features) {
      const [x, y] = xy((w.geometry as GeoJSON.Point).coordinates);
      put([text(x, y, w.properties?.name, pt(7), palette.waterLabel, 'middle', { letterSpacing: 0.4 })], w.properties?.name);
    }
    for (const l of atlas.context.lakes.features) {
      if (!l.properties?.name) continue;
      const [x, y] = xy(pointOnFeature(l).geometry.coordinates);
      put([text(x, y, l.properties.name, pt(6.5), palette.waterLabel, 'middle', { halo })], l.properties.name);
    }
    // A river's name goes at the first of several points along it that is inside the panel and free.
    for (const r of atlas.context.rivers.features) {
      if (!r.properties?.named || r.geometry.type !== 'LineString') continue;
      const coords = r.geometry.coordinates;
      const samples = [0.5, 0.35, 0.65, 0.2, 0.8].map((f) => coords[Math.floor(f * (coords.length - 1))]);
      put(samples.map((p) => {
        const [x, y] = xy(p);
        return text(x, y - pt(3), r.properties!.name, pt(7), palette.waterLabel, 'middle', { halo, letterSpacing: 0.3 });
      }), r.properties.name);
    }
  }
  return items;
}

/** A small map of Iraq and its neighbours with the panel's extent outlined. */
function drawInset(atlas: Atlas, camera: Camera, panel: { x: number; y: number; width: number; height: number }, box: { x: number; y: number; width: number; height: number }, palette: Palette): Item[] {
  const insetCamera = fitCamera([31, 22, 56, 42], box.width, box.height, 0);
  const xy = projector(insetCamera, box);
  const clipTo = (p: [number, number]): [number, number] => [Math.min(box.x + box.width, Math.max(box.x, p[0])), Math.min(box.y + box.height, Math.max(box.y, p[1]))];
  const items: Item[] = [{ kind: 'path', d: rect(box.x, box.y, box.width, box.height), paint: { fill: palette.water, stroke: palette.countryBorder, strokeWidth: 0.75 } }];
  // Land is clipped to the inset by drawing only what falls inside; the outline hides the rest.
  const clipped = (g: GeoJSON.Geometry) => pathData(g, (p) => clipTo(xy(p)));
  for (const c of atlas.context.countries.features) items.push({ kind: 'path', d: clipped(c.geometry), paint: { fill: c.properties?.iraq ? palette.land : palette.neighbour, stroke: palette.countryBorder, strokeWidth: 0.4 } });
  // The panel's corners, seen from the inset's camera.
  const extent = panelExtent({ ...panel, camera } as PanelScene);
  const [a, b] = [clipTo(xy(extent[0])), clipTo(xy(extent[2]))];
  items.push({ kind: 'path', d: rect(a[0], a[1], Math.max(1, b[0] - a[0]), Math.max(1, b[1] - a[1])), paint: { stroke: palette.event, strokeWidth: 1.2 } });
  items.push({ kind: 'path', d: rect(box.x, box.y, box.width, box.height), paint: { stroke: palette.countryBorder, strokeWidth: 0.75 } });
  return items;
}

/** Legend rows in columns across the legend band. */
/**
 * The most columns (each as wide as its widest row) that fit a width, filled column by column so
 * related rows (the control statuses, the displacement classes) stay together.
 */
function fitColumns(rowWidths: number[], width: number): { perColumn: number; lefts: number[] } {
  for (let columns = rowWidths.length; columns > 1; columns--) {
    const perColumn = Math.ceil(rowWidths.length / columns);
    const widths = Array.from({ length: Math.ceil(rowWidths.length / perColumn) }, (_, c) => Math.max(...rowWidths.slice(c * perColumn, (c + 1) * perColumn)));
    if (widths.reduce((a, b) => a + b, 0) <= width) return { perColumn, lefts: widths.map((_, c) => widths.slice(0, c).reduce((a, b) => a + b, 0)) };
  }
  return { perColumn: rowWidths.length, lefts: [0] };
}

function legendItems(rows: LegendRow[], x: number, y: number, columns: { perColumn: number; lefts: number[] }, palette: Palette): Item[] {
  const items: Item[] = [];
  const { perColumn } = columns;
  rows.forEach((row, i) => {
    const rx = x + columns.lefts[Math.floor(i / perColumn)];
    const cy = y + pt(3) + (i % perColumn) * LEGEND_ROW + LEGEND_ROW / 2;
    const sx = rx + pt(4);
    switch (row.swatch) {
      case 'box': items.push({ kind: 'path', d: rect(sx, cy - pt(3), pt(8), pt(6)), paint: { fill: row.colour, stroke: palette.governorateLine, strokeWidth: 0.5 } }); break;
      case 'hatch': items.push({ kind: 'path', d: rect(sx, cy - pt(3), pt(8), pt(6)), paint: { hatch: row.colour, stroke: palette.governorateLine, strokeWidth: 0.5 } }); break;
      case 'line': items.push({ kind: 'path', d: `M${fmt(sx)} ${fmt(cy)}H${fmt(sx + pt(8))}`, paint: { stroke: row.colour, strokeWidth: 1.5 } }); break;
      case 'dash': items.push({ kind: 'path', d: `M${fmt(sx)} ${fmt(cy)}H${fmt(sx + pt(8))}`, paint: { stroke: row.colour, strokeWidth: 1.5, dash: [3, 2] } }); break;
      case 'dot': items.push({ kind: 'circle', cx: sx + pt(4), cy, r: pt(2.8), paint: { fill: row.colour, stroke: '#ffffff', strokeWidth: 1 } }); break;
      case 'halo': items.push({ kind: 'circle', cx: sx + pt(4), cy, r: pt(3), paint: { fill: row.colour, fillOpacity: 0.28, stroke: row.colour, strokeWidth: 1.2 } }); break;
      case 'ring': items.push({ kind: 'circle', cx: sx + pt(4), cy, r: pt(3), paint: { fill: row.colour, fillOpacity: 0, stroke: row.colour, strokeWidth: 1.6 } }); break;
    }
    items.push({ kind: 'text', x: rx + pt(15), y: cy + pt(2.5), text: row.label, size: pt(7), weight: 400, fill: TEXT, anchor: 'start' });
  });
  return items;
}

/** A panel's extent as a closed lng/lat ring (straight in Web Mercator, so straight on the map). */
export function panelExtent(panel: PanelScene): [number, number][] {
  const [cx, cy] = mercator(panel.camera.center[0], panel.camera.center[1], panel.camera.zoom);
  const corner = (dx: number, dy: number) => unmercator(cx + (dx * panel.width) / 2, cy + (dy * panel.height) / 2, panel.camera.zoom);
  return [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1), corner(-1, -1)];
}
