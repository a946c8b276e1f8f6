// A panel's geometry: land, water, borders, the thematic fills, events and place symbols, in the
// map style's order, clipped to the map frame (clip.ts) and sized for the page. Pure.
import { bboxOf } from '../look/bounds.ts';
import type { Atlas } from '../data/schema.ts';
import { eventPoints, placeAnchors, placeShapes } from '../data/features.ts';
import { controlAt, displacementAt } from '../time/questions.ts';
import { isVisible, shareInView } from '../time/window.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import type { Palette } from '../look/palette.ts';
import { displacedOpacity, displacedRadius, NO_DATA_RADIUS } from '../look/displacement.ts';
import { leadKeys, leadOf, leadPatternOpacity, leadPatterns, type LeadKey } from '../look/leads.ts';
import { widthAt, widths } from '../look/sizes.ts';
import { ringOpacity } from '../look/fade.ts';
import { eventMark } from '../look/event-marks.ts';
import type { ImportedSet } from '../import/events.ts';
import { densityClass, densityClasses, FIGURE_CELL_MM, type ImportedStyle } from '../look/density.ts';
import { CSS_DPI, MM_PER_INCH } from './page.ts';
import { projector, type Box, type Camera } from './camera.ts';
import { clipLine, clipRing, type Rect, type XY } from './clip.ts';
import { drawServed, type ServedCells, type ServedDrawn } from './served.ts';
import { fmt, rect, type CircleItem, type Item } from './items.ts';

/** Places drawn as dots: not areas (outlined by their governorates) nor routes and borders (lines). */
export const dotPlaces = (atlas: Atlas) =>
  placeAnchors(atlas).features.filter((f) => !['governorate', 'region', 'country', 'route', 'border'].includes(f.properties.kind));
/** The kinds with a colour of their own; any other kind is drawn (and explained) as "other". */
const colouredKinds = ['city', 'district', 'site', 'area'];
export const legendKind = (kind: string) => (colouredKinds.includes(kind) ? kind : 'other');

/** More imported points than this in one panel are binned: one dot per occupied cell of a dot's size. */
export const AGGREGATE_OVER = 5000;

export const toRect = (b: Box): Rect => ({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height });
export const inside = (r: Rect, [x, y]: XY) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;

const polyline = (l: XY[]) => l.map((p, i) => `${i ? 'L' : 'M'}${fmt(p[0])} ${fmt(p[1])}`).join('');

/** Path data of a geometry's area, clipped to the frame (for fills). */
export function areaPath(g: GeoJSON.Geometry, xy: (p: number[]) => XY, frame: Rect): string {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons
    .flatMap((rings) => rings.map((r) => clipRing(r.map(xy), frame)))
    .filter((r) => r.length > 2)
    .map((r) => `${polyline(r)}Z`)
    .join('');
}

/** Path data of a geometry's lines (an area's rings as lines), cut at the frame (for strokes). */
export function linePath(g: GeoJSON.Geometry, xy: (p: number[]) => XY, frame: Rect): string {
  const lines =
    g.type === 'LineString'
      ? [g.coordinates]
      : g.type === 'MultiLineString'
        ? g.coordinates
        : g.type === 'Polygon'
          ? g.coordinates
          : g.type === 'MultiPolygon'
            ? g.coordinates.flat()
            : [];
  return lines
    .flatMap((l) => clipLine(l.map(xy), frame))
    .map(polyline)
    .join('');
}

/** A circle across the frame's edge as paths: its disc clipped for the fill, its rim cut for the stroke. */
function cutCircle(c: CircleItem, frame: Rect): Item[] {
  const ring: XY[] = Array.from({ length: 48 }, (_, i) => [c.cx + c.r * Math.cos((i * Math.PI) / 24), c.cy + c.r * Math.sin((i * Math.PI) / 24)]);
  const { stroke, strokeWidth, strokeOpacity, ...fill } = c.paint;
  const disc = clipRing(ring, frame);
  const rim = clipLine([...ring, ring[0]], frame);
  return [
    ...(disc.length > 2 ? [{ kind: 'path' as const, d: `${polyline(disc)}Z`, paint: fill, tag: c.tag }] : []),
    ...(stroke && rim.length ? [{ kind: 'path' as const, d: rim.map(polyline).join(''), paint: { stroke, strokeWidth, strokeOpacity } }] : []),
  ];
}

/** `over` at `alpha` on `under`, as one opaque colour (#rrggbb). */
export function blend(under: string, over: string, alpha: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2]
    .map((i) =>
      Math.round(channel(under, i) * (1 - alpha) + channel(over, i) * alpha)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** A governorate's fill under a control status: the status's colour at 85 % over land, as on screen. */
export const controlFill = (palette: Palette, status: keyof Palette['control']) => blend(palette.land, palette.control[status], 0.85);

export interface PanelGeometry {
  items: Item[];
  /** The data symbols (events, places, imported points): labels and furniture keep off them. */
  symbols: CircleItem[];
  /** Imported points binned because there were too many to draw one by one; `cell` in page units. */
  binned: { points: number; dots: number; cell: number } | null;
  /** Imported points drawn as density (style/density.ts): how many, in how many cells. */
  density: { points: number; cells: number } | null;
  /** A served collection's cells drawn (served.ts). */
  served: ServedDrawn | null;
}

/** Land, water, borders, events and place symbols, in the map style's order and sizes (× `k`, the page's size scale). */
export function drawGeometry(
  atlas: Atlas,
  view: ViewSnapshot,
  camera: Camera,
  panel: Box,
  palette: Palette,
  k: number,
  imported?: ImportedSet | null,
  importedStyle: ImportedStyle = 'dots',
  served?: ServedCells | null,
): PanelGeometry {
  const xy = projector(camera, panel);
  const frame = toRect(panel);
  const area = (g: GeoJSON.Geometry) => areaPath(g, xy, frame);
  const lines = (g: GeoJSON.Geometry) => linePath(g, xy, frame);
  const shows = (layer: string) => view.layers.includes(layer as never);
  const z = camera.zoom;
  const items: Item[] = [{ kind: 'path', d: rect(panel.x, panel.y, panel.width, panel.height), paint: { fill: palette.water } }];
  const symbols: CircleItem[] = [];

  if (shows('context'))
    for (const c of atlas.context.countries.features)
      if (!c.properties?.iraq) items.push({ kind: 'path', d: area(c.geometry), paint: { fill: palette.neighbour } });
  // Each lead's governorates in one patterned path: one pattern fill is far cheaper to rasterize
  // than several. In the screen's order: control, then the leads over it.
  const leads: Record<LeadKey, string[]> = { us: [], uk: [], pl: [], kr: [] };
  for (const g of atlas.governorates.features) {
    const id = g.properties.id;
    const d = area(g.geometry);
    if (!d) continue;
    const period = controlAt(atlas.control, id, view.t);
    // Control is drawn over land at 85 % as on screen, blended here into one opaque fill: one fill
    // of a large polygon instead of two is a tenth of a rasterized A4 page's time.
    if (shows('control') && period) {
      items.push({ kind: 'path', d, paint: { fill: controlFill(palette, period.status) }, tag: { role: 'control', id } });
      const lead = leadOf(period);
      if (lead && lead !== 'unknown') leads[lead].push(d);
    } else items.push({ kind: 'path', d, paint: { fill: palette.land }, tag: { role: 'governorate', id } });
  }
  for (const lead of leadKeys)
    if (leads[lead].length)
      items.push({
        kind: 'path',
        d: leads[lead].join(''),
        paint: { pattern: { kind: leadPatterns[lead], colour: palette.leadPattern }, fillOpacity: leadPatternOpacity },
      });
  if (shows('context')) {
    for (const l of atlas.context.lakes.features) items.push({ kind: 'path', d: area(l.geometry), paint: { fill: palette.water } });
    // As wide as on screen at the figure's zoom (sizes.ts), scaled with the page.
    for (const r of atlas.context.rivers.features)
      if (!r.properties?.named)
        items.push({
          kind: 'path',
          d: lines(r.geometry),
          paint: { stroke: palette.river, strokeWidth: widthAt([0, 1].includes(r.properties?.level) ? widths.majorRiver : widths.minorRiver, z) * k },
        });
    for (const c of atlas.context.coast.features)
      items.push({ kind: 'path', d: lines(c.geometry), paint: { stroke: palette.river, strokeWidth: widthAt(widths.coast, z) * k } });
  }
  const governorateLine = widthAt(widths.governorateLine, z) * k;
  for (const g of atlas.governorates.features)
    items.push({ kind: 'path', d: lines(g.geometry), paint: { stroke: palette.governorateLine, strokeWidth: governorateLine } });
  const border = widthAt(widths.countryBorder, z) * k;
  for (const c of atlas.context.countries.features)
    items.push({ kind: 'path', d: lines(c.geometry), paint: { stroke: palette.countryBorder, strokeWidth: border } });

  for (const s of placeShapes(atlas).features) {
    if (s.geometry.type !== 'LineString') continue;
    const approximate = s.properties.precision === 'approximate';
    items.push({
      kind: 'path',
      d: lines(s.geometry),
      paint: { stroke: palette.other, strokeWidth: 2 * k, dash: approximate ? [4 * k, 4 * k] : undefined },
      tag: { role: 'place', id: s.properties.id },
    });
  }
  // A circle whose centre is outside the frame is not in the figure; one across its edge is cut there.
  const clipped = (c: CircleItem) => {
    if (!inside(frame, [c.cx, c.cy])) return false;
    if (c.cx - c.r >= frame.x0 && c.cx + c.r <= frame.x1 && c.cy - c.r >= frame.y0 && c.cy + c.r <= frame.y1) items.push(c);
    else items.push(...cutCircle(c, frame));
    return true;
  };
  /** A data symbol: labels and furniture keep off it. */
  const dot = (c: CircleItem) => {
    if (clipped(c)) symbols.push(c);
  };

  // Displacement: a circle per governorate, sized by its figure as on screen (displacement.ts) and
  // scaled with the page, or a small hollow ring where there is no figure. Over the fills and
  // borders, under the events; labels may cross them, as on screen.
  if (shows('displacement'))
    for (const g of atlas.governorates.features) {
      const people = displacementAt(atlas.displacement, g.properties.id, view.t, 'idps-since-2006')?.value;
      const [cx, cy] = xy(g.properties.label);
      clipped({
        kind: 'circle',
        cx,
        cy,
        r: (people == null ? NO_DATA_RADIUS : displacedRadius(people)) * k,
        paint:
          people == null
            ? { fill: 'none', stroke: palette.displacedNoData, strokeWidth: 1.3 * k }
            : { fill: palette.displaced, fillOpacity: displacedOpacity, stroke: palette.displaced, strokeWidth: 1.3 * k },
        tag: { role: 'displacement', id: g.properties.id },
      });
    }

  // A served collection's counts, then imported events, under the atlas's own (the screen's order).
  const servedDrawn = served ? drawServed(served, camera, panel, frame, items) : null;
  let binned: PanelGeometry['binned'] = null;
  let density: PanelGeometry['density'] = null;
  if (imported && importedStyle === 'density') density = drawDensity(importedInView(imported, view, xy, frame), frame, items);
  else if (imported) {
    const r = 3 * k;
    const points = importedInView(imported, view, xy, frame);
    const paint = { fill: palette.imported, fillOpacity: 0.85 };
    if (points.length <= AGGREGATE_OVER) for (const [cx, cy] of points) dot({ kind: 'circle', cx, cy, r, paint });
    else {
      // Too many to draw one by one (a figure of 400,000 circles is hundreds of MB): one dot per
      // occupied cell a dot wide, at the cell's centre. The caption says so.
      const cell = 2 * r;
      const cells = new Set<string>();
      for (const [x, y] of points) cells.add(`${Math.floor((x - frame.x0) / cell)},${Math.floor((y - frame.y0) / cell)}`);
      for (const key of [...cells].sort()) {
        const [i, j] = key.split(',').map(Number);
        dot({ kind: 'circle', cx: frame.x0 + (i + 0.5) * cell, cy: frame.y0 + (j + 0.5) * cell, r, paint });
      }
      binned = { points: points.length, dots: cells.size, cell };
    }
  }
  if (shows('events')) {
    const r = widthAt(eventMark.printRadius, z) * k;
    for (const e of eventPoints(atlas, { texts: view.texts, tags: view.tags }).features) {
      const p = e.properties!;
      const share = shareInView(p as { t0: number; t1: number }, view.t, view.mode, view.windowDays);
      if (!share) continue;
      const [cx, cy] = xy(e.geometry.coordinates);
      dot({
        kind: 'circle',
        cx,
        cy,
        r,
        paint: {
          fill: palette.event,
          fillOpacity: p.uncertain ? eventMark.fillOpacity.uncertain : eventMark.fillOpacity.day,
          stroke: palette.event,
          strokeWidth: (p.uncertain ? eventMark.strokeWidth.uncertain : eventMark.strokeWidth.day) * k,
          // Faded as on screen by how much of the event's span the view covers (fade.ts).
          strokeOpacity: Number(ringOpacity(share).toFixed(3)),
        },
        tag: { role: 'event', id: p.id },
      });
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
    dot({
      kind: 'circle',
      cx,
      cy,
      r: placeRadius(kind, k),
      paint: { fill: colour[legendKind(kind)], fillOpacity: f.properties.precision === 'area' ? 0.55 : 1, stroke: palette.symbolStroke, strokeWidth: 1.5 * k },
      tag: { role: 'place', id: f.properties.id },
    });
  }
  return { items: items.filter((i) => i.kind !== 'path' || i.d), symbols, binned, density, served: servedDrawn };
}

export const placeRadius = (kind: string, k: number) => (kind === 'city' ? 4 : 3.3) * k;

/** Which place symbols fall inside a panel: what its legend has to explain. */
export function symbolsShown(
  atlas: Atlas,
  view: ViewSnapshot,
  camera: Camera,
  panel: Box,
): { kinds: string[]; lines: string[]; faded: boolean; governorates: string[] } {
  const xy = projector(camera, panel);
  const frame = toRect(panel);
  return {
    // The governorates whose extent meets the frame: the legend counts control among these alone (issue 43).
    governorates: atlas.governorates.features.flatMap((g) => {
      const [w, south, e, n] = bboxOf(g.geometry);
      const [x0, y1] = xy([w, south]);
      const [x1, y0] = xy([e, n]);
      return x0 < frame.x1 && x1 > frame.x0 && y0 < frame.y1 && y1 > frame.y0 ? [g.properties.id] : [];
    }),
    // An event ring faded because only part of its span is in view.
    faded:
      view.layers.includes('events') &&
      eventPoints(atlas, { texts: view.texts, tags: view.tags }).features.some((e) => {
        const share = shareInView(e.properties as { t0: number; t1: number }, view.t, view.mode, view.windowDays);
        return share > 0 && share < 1 && inside(frame, xy(e.geometry.coordinates));
      }),
    kinds: dotPlaces(atlas)
      .filter((f) => inside(frame, xy(f.geometry.coordinates)))
      .map((f) => legendKind(f.properties.kind)),
    lines: placeShapes(atlas).features.flatMap((f) =>
      f.geometry.type === 'LineString' && f.geometry.coordinates.some((p) => inside(frame, xy(p)))
        ? [f.properties.precision === 'approximate' ? 'approximate' : 'exact']
        : [],
    ),
  };
}

/** Where a reader's events fall in the panel, for those the view's date shows (the map shader's rule). */
function importedInView(imported: ImportedSet, view: ViewSnapshot, xy: (p: number[]) => XY, frame: Rect): XY[] {
  const points: XY[] = [];
  for (let i = 0; i < imported.count; i++) {
    if (!isVisible({ t0: imported.t0[i], t1: imported.t1[i] }, view.t, view.mode, view.windowDays)) continue;
    const p = xy([imported.lngLat[2 * i], imported.lngLat[2 * i + 1]]);
    if (inside(frame, p)) points.push(p);
  }
  return points;
}

/**
 * A reader's events as density, as the map draws them (density-layer.ts): the points in view
 * counted in squares FIGURE_CELL_MM wide from the panel's top-left corner, each square filled
 * with its count's class colour. One path a class, for small files; squares at the edge are cut
 * to the panel.
 */
function drawDensity(points: XY[], frame: Rect, items: Item[]): PanelGeometry['density'] {
  const cell = (FIGURE_CELL_MM * CSS_DPI) / MM_PER_INCH;
  const columns = Math.ceil((frame.x1 - frame.x0) / cell);
  const rows = Math.ceil((frame.y1 - frame.y0) / cell);
  const counts = new Map<number, number>();
  for (const [x, y] of points) {
    // A point on the panel's right or bottom edge belongs to the last square.
    const key = Math.min(Math.floor((y - frame.y0) / cell), rows - 1) * columns + Math.min(Math.floor((x - frame.x0) / cell), columns - 1);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const paths: string[] = densityClasses.map(() => '');
  for (const key of [...counts.keys()].sort((a, b) => a - b)) {
    const [row, column] = [Math.floor(key / columns), key % columns];
    const [x, y] = [frame.x0 + column * cell, frame.y0 + row * cell];
    paths[densityClass(counts.get(key)!)] += rect(x, y, Math.min(cell, frame.x1 - x), Math.min(cell, frame.y1 - y));
  }
  paths.forEach((d, c) => items.push({ kind: 'path', d, paint: { fill: densityClasses[c].colour, fillOpacity: 0.85 } }));
  return points.length ? { points: points.length, cells: counts.size } : null;
}
