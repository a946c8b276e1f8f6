// Vector figures: the same data, date, layers and Web Mercator camera as the raster figure, written
// as SVG paths and real text (labels stay text, so a journal can edit or search them). Pure string
// building with fixed precision, so the same inputs give the same bytes. DESIGN.md §7.
import type { Atlas } from '../data/schema.ts';
import { controlAt } from '../time/questions.ts';
import { humanDate, isVisible } from '../time/window.ts';
import type { ViewSnapshot } from '../state/url.ts';
import { controlStatusLabels, screen, type Palette } from '../map/style/palette.ts';
import { iraqBounds } from '../map/style/style.ts';
import { CSS_DPI, metresPerCssPx, MM_PER_INCH, REFERENCE_WIDTH_CSS, scaleBarMetres, type FigureRequest } from './page.ts';

type Position = number[];

/** Web Mercator in CSS pixels of a 512-px world tile, as MapLibre draws it. */
function mercator(lng: number, lat: number, zoom: number): [number, number] {
  const world = 512 * 2 ** zoom;
  const phi = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return [((lng + 180) / 360) * world, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * world];
}

export interface SvgCamera {
  center: [number, number];
  zoom: number;
}

/** The camera a figure of this CSS size shows for the view: as the raster figure's. */
export function figureCamera(view: ViewSnapshot, width: number, height: number): SvgCamera {
  if (view.camera) return { center: [view.camera[0], view.camera[1]], zoom: view.camera[2] + Math.log2(width / REFERENCE_WIDTH_CSS) };
  const padding = Math.round(width / 40);
  const [a, b] = [mercator(iraqBounds[0], iraqBounds[3], 0), mercator(iraqBounds[2], iraqBounds[1], 0)];
  const zoom = Math.log2(Math.min((width - 2 * padding) / (b[0] - a[0]), (height - 2 * padding) / (b[1] - a[1])));
  return { center: [(iraqBounds[0] + iraqBounds[2]) / 2, (iraqBounds[1] + iraqBounds[3]) / 2], zoom };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => Number(v.toFixed(2)).toString();

export function renderSvg(atlas: Atlas, view: ViewSnapshot, request: FigureRequest, palette: Palette = screen): string {
  const { widthMm, heightMm } = request.page;
  // Coordinates are CSS pixels (1/96 inch); the SVG's width and height are the page in mm.
  const width = (widthMm / MM_PER_INCH) * CSS_DPI;
  const height = (heightMm / MM_PER_INCH) * CSS_DPI;
  const pt = (v: number) => (v * CSS_DPI) / 72;
  const captionChars = Math.floor((width - 2 * pt(6)) / (pt(7) * 0.5));
  const captionLines = request.furniture.caption ? wrapChars(request.caption, captionChars) : [];
  const band = captionLines.length ? captionLines.length * pt(9.1) + 2 * pt(6) : 0;
  const mapHeight = height - band;
  const camera = figureCamera(view, width, mapHeight);
  const [cx, cy] = mercator(camera.center[0], camera.center[1], camera.zoom);
  const xy = (p: Position): [number, number] => {
    const [x, y] = mercator(p[0], p[1], camera.zoom);
    return [x - cx + width / 2, y - cy + mapHeight / 2];
  };
  const ring = (r: Position[]) => r.map((p, i) => `${i ? 'L' : 'M'}${xy(p).map(n).join(' ')}`).join('') + 'Z';
  const line = (l: Position[]) => l.map((p, i) => `${i ? 'L' : 'M'}${xy(p).map(n).join(' ')}`).join('');
  const area = (g: GeoJSON.Geometry): string =>
    g.type === 'Polygon' ? g.coordinates.map(ring).join('') : g.type === 'MultiPolygon' ? g.coordinates.flatMap((poly) => poly.map(ring)).join('') : '';
  const lines = (g: GeoJSON.Geometry): string =>
    g.type === 'LineString' ? line(g.coordinates) : g.type === 'MultiLineString' ? g.coordinates.map(line).join('') : '';

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${n(widthMm)}mm" height="${n(heightMm)}mm" viewBox="0 0 ${n(width)} ${n(height)}" font-family="Noto Sans, sans-serif">`);
  out.push(`<defs><clipPath id="map"><rect width="${n(width)}" height="${n(mapHeight)}"/></clipPath><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${palette.hatch}" stroke-width="1"/></pattern></defs>`);
  out.push(`<rect width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`);
  out.push(`<g clip-path="url(#map)"><rect width="${n(width)}" height="${n(mapHeight)}" fill="${palette.water}"/>`);
  const shows = (l: string) => view.layers.includes(l as never);
  if (shows('context')) {
    for (const c of atlas.context.countries.features) if (!c.properties?.iraq) out.push(`<path d="${area(c.geometry)}" fill="${palette.neighbour}"/>`);
  }
  for (const g of atlas.governorates.features) {
    const status = controlAt(atlas.control, g.properties.id, view.t)?.status;
    const fill = shows('control') && status ? palette.control[status] : palette.land;
    out.push(`<path data-governorate="${g.properties.id}" d="${area(g.geometry)}" fill="${fill}"/>`);
  }
  if (shows('context')) {
    for (const l of atlas.context.lakes.features) out.push(`<path d="${area(l.geometry)}" fill="${palette.water}"/>`);
    for (const r of atlas.context.rivers.features) if (!r.properties?.named) out.push(`<path d="${lines(r.geometry)}" fill="none" stroke="${palette.river}" stroke-width="${[0, 1].includes(r.properties?.level) ? 1.1 : 0.6}"/>`);
    for (const c of atlas.context.coast.features) out.push(`<path d="${lines(c.geometry)}" fill="none" stroke="${palette.river}" stroke-width="0.8"/>`);
  }
  for (const g of atlas.governorates.features) out.push(`<path d="${area(g.geometry)}" fill="none" stroke="${palette.governorateLine}" stroke-width="0.6"/>`);
  for (const c of atlas.context.countries.features) out.push(`<path d="${area(c.geometry)}" fill="none" stroke="${palette.countryBorder}" stroke-width="1"/>`);
  // Labels: governorates, then places; real text, in points.
  for (const g of atlas.governorates.features) {
    const [x, y] = xy(g.properties.label);
    out.push(`<text x="${n(x)}" y="${n(y)}" font-size="${n(pt(6))}" fill="${palette.governorateLabel}" text-anchor="middle" letter-spacing="0.6">${esc(g.properties.name.toUpperCase())}</text>`);
  }
  if (shows('events')) {
    const anchors = new Map(atlas.places.filter((p) => p.properties.kind !== 'country').map((p) => [p.id, p.anchor]));
    for (const e of atlas.events) {
      const at = anchors.get(e.placeId);
      if (!at || !isVisible(e, view.t, view.mode, view.windowDays)) continue;
      const [x, y] = xy(at);
      const uncertain = e.precision !== 'day' || e.approximate;
      out.push(`<circle data-event="${e.id}" cx="${n(x)}" cy="${n(y)}" r="7" fill="${palette.event}" fill-opacity="${uncertain ? 0 : 0.28}" stroke="${palette.event}" stroke-width="1.2"/>`);
    }
  }
  const dotKinds = new Set(['city', 'district', 'site']);
  for (const p of atlas.places.filter((p) => dotKinds.has(p.properties.kind))) {
    const [x, y] = xy(p.anchor);
    const colour = p.properties.kind === 'city' ? palette.city : p.properties.kind === 'district' ? palette.district : palette.site;
    out.push(`<circle data-place="${p.id}" cx="${n(x)}" cy="${n(y)}" r="3.5" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`);
    if (p.properties.kind === 'city') out.push(`<text x="${n(x + 6)}" y="${n(y + pt(2.5))}" font-size="${n(pt(7.5))}" fill="${palette.placeLabel}" stroke="${palette.labelHalo}" stroke-width="2" paint-order="stroke">${esc(p.properties.name)}</text>`);
  }
  out.push('</g>');

  // Furniture.
  const m = pt(6);
  const box = (x: number, y: number, w: number, h: number) => `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="#ffffff" fill-opacity="0.88" stroke="${palette.governorateLine}" stroke-width="0.75"/>`;
  if (request.furniture.title && request.title) out.push(`${box(m, m, request.title.length * pt(10) * 0.55 + pt(8), pt(16))}<text x="${n(m + pt(4))}" y="${n(m + pt(12))}" font-size="${n(pt(10))}" font-weight="600" fill="#2b2925">${esc(request.title)}</text>`);
  if (request.furniture.dateStamp) {
    const label = view.mode === 'window' ? `${view.windowDays} days to ${humanDate(view.t)}` : `up to ${humanDate(view.t)}`;
    const w = label.length * pt(8) * 0.55 + pt(8);
    out.push(`${box(width - m - w, m, w, pt(14))}<text x="${n(width - m - w + pt(4))}" y="${n(m + pt(10.5))}" font-size="${n(pt(8))}" font-weight="600" fill="#2b2925">${esc(label)}</text>`);
  }
  if (request.furniture.northArrow) {
    const x = width - m - pt(10);
    const y = m + pt(24);
    out.push(`<path d="M${n(x)} ${n(y)}L${n(x - pt(4))} ${n(y + pt(12))}L${n(x)} ${n(y + pt(9))}L${n(x + pt(4))} ${n(y + pt(12))}Z" fill="#2b2925"/><text x="${n(x)}" y="${n(y + pt(20))}" font-size="${n(pt(7))}" font-weight="600" text-anchor="middle" fill="#2b2925">N</text>`);
  }
  if (request.furniture.scaleBar) {
    const metresPerPx = metresPerCssPx(camera.center[1], camera.zoom);
    const nice = scaleBarMetres(metresPerPx * (width / 5));
    const bar = nice / metresPerPx;
    const y = mapHeight - m - pt(16);
    out.push(`${box(m, y - pt(3), bar + pt(28), pt(16))}<rect x="${n(m + pt(4))}" y="${n(y + pt(6))}" width="${n(bar)}" height="${n(pt(2))}" fill="#2b2925"/><text x="${n(m + pt(6) + bar)}" y="${n(y + pt(8))}" font-size="${n(pt(7))}" fill="#2b2925">${nice / 1000} km</text>`);
  }
  if (request.furniture.legend) {
    const rows: [string, string, boolean][] = [];
    if (shows('events')) rows.push([palette.event, 'event dated to the day', true], [palette.event, 'event dated to a month, year or span', false]);
    rows.push([palette.city, 'city or town', true]);
    if (shows('control')) {
      const labels = controlStatusLabels;
      const present = new Set(atlas.governorates.features.map((g) => controlAt(atlas.control, g.properties.id, view.t)?.status));
      for (const [status, label] of Object.entries(labels)) if (present.has(status as never)) rows.push([palette.control[status as keyof typeof labels], label, true]);
    }
    const rowH = pt(10);
    const w = Math.max(...rows.map(([, l]) => l.length)) * pt(7) * 0.55 + pt(20);
    const h = rows.length * rowH + pt(6);
    const x = width - m - w;
    const y = mapHeight - m - h;
    out.push(box(x, y, w, h));
    rows.forEach(([colour, label, filled], i) => {
      const ry = y + pt(3) + i * rowH + rowH / 2;
      out.push(`<circle cx="${n(x + pt(8))}" cy="${n(ry)}" r="${n(pt(3))}" fill="${colour}" fill-opacity="${filled ? 1 : 0}" stroke="${colour}"/><text x="${n(x + pt(15))}" y="${n(ry + pt(2.5))}" font-size="${n(pt(7))}" fill="#2b2925">${esc(label)}</text>`);
    });
  }
  captionLines.forEach((l, i) => out.push(`<text x="${n(m)}" y="${n(mapHeight + m + pt(7) + i * pt(9.1))}" font-size="${n(pt(7))}" fill="#2b2925">${esc(l)}</text>`));
  out.push('</svg>\n');
  return out.join('\n');
}

function wrapChars(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && (current + ' ' + word).length > perLine) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
