// The opening view, drawn at build time (issue 44): what the map shows when it opens with no link
// (defaultView, all of Iraq fitted to the map's box), as an SVG the page carries in index.html and
// paints before its scripts run. The map replaces it at its first idle (MapView.svelte).
//
// The geometry is the figure scene's (print/geometry.ts: land, water, borders, control and the
// leads' patterns) at the screen's sizes, simplified to a fraction of a pixel and drawn into one
// image here, at the reference zoom; the symbols and the labels are the screen style's
// (map/style/layers.ts), laid out in the page for the box it has (draw.ts). Pure: the same atlas
// gives the same bytes.
import { simplify } from '@turf/turf';
import type { Atlas } from '../data/schema.ts';
import { eventPoints, placeAnchors } from '../data/features.ts';
import { defaultView } from '../state/snapshot.ts';
import { leadsOn } from '../state/tallies.ts';
import { iraqBounds } from '../look/bounds.ts';
import { mercator, mercatorUnit, unmercator } from '../look/mercator.ts';
import { leadLabels, type LeadOrGap, type PatternKind } from '../look/leads.ts';
import { eventMark } from '../look/event-marks.ts';
import { ringOpacity } from '../look/fade.ts';
import type { Palette } from '../look/palette.ts';
import { shareInView } from '../time/window.ts';
import { drawGeometry } from '../print/geometry.ts';
import { patternTileSize } from '../map/patterns.ts';
import { fitCamera } from '../print/camera.ts';
import type { FigureFonts } from '../print/fonts.ts';
import { poleOfInaccessibility } from './pole.ts';
import { GLYPH_BASELINE, glyphAdvance, leadLineWidth } from '../map/glyph-ranges.ts';
import { GOVERNORATE_LETTER_SPACING, LEAD_LINE, LEAD_SCALE } from '../look/lead-line.ts';
import { type OpeningCircle, type OpeningData, type OpeningLabel, type OpeningLeadLine, type OpeningStops } from './draw.ts';

/** The map box the picture's widths are taken at: the atlas's map on a 1280 × 800 screen. */
export const REFERENCE_BOX = { width: 864, height: 605 };
/** MapView's fitBounds padding. */
export const OPENING_PADDING = 24;
/** A quarter of a pixel at the reference zoom, in degrees: simplified further, an outline would visibly move. */
const SIMPLIFY_PX = 0.25;

const EM = 24;

/**
 * Iraq with 60% of its width more to each side and 40% of its height above and below: what the
 * map's box shows around it on a wide screen or a phone held upright. Past it the picture is
 * sea-coloured until the map comes (a box of a stranger shape).
 */
const [w, s, e, n] = iraqBounds;
export const pictureBounds = [w - 0.6 * (e - w), s - 0.4 * (n - s), e + 0.6 * (e - w), n + 0.4 * (n - s)] as const;

/** Geometry simplified to a fraction of a pixel at `zoom` (Douglas–Peucker, in degrees). */
function simplified<T extends GeoJSON.FeatureCollection>(collection: T, zoom: number): T {
  const tolerance = (SIMPLIFY_PX * 360) / (512 * 2 ** zoom);
  return simplify(collection, { tolerance, highQuality: false, mutate: false }) as T;
}

/** The advance of a line in MapLibre's glyph units: each glyph's advance in the glyph ranges, plus the spacing after each glyph but the last. */
function lineWidth(fonts: FigureFonts, text: string, scale: number, spacingEm: number): number {
  const chars = [...text];
  const advance = chars.reduce((sum, c) => sum + glyphAdvance(fonts, c), 0);
  return advance * scale + spacingEm * EM * Math.max(0, chars.length - 1);
}

/**
 * Lines as MapLibre breaks a label wider than text-max-width (tagged_string.ts's
 * determineLineBreaks): at spaces and hyphens, into lines as even as they can be, the last one
 * rather shorter than longer.
 */
export function breakLines(fonts: FigureFonts, text: string, maxWidthEm: number, spacingEm: number): string[] {
  const spacing = spacingEm * EM;
  const advance = (c: string) => glyphAdvance(fonts, c) + spacing;
  const chars = [...text];
  const total = chars.reduce((sum, c) => sum + advance(c), 0);
  const maxWidth = maxWidthEm * EM;
  if (total <= maxWidth) return [text];
  const target = total / Math.max(1, Math.ceil(total / maxWidth));
  type Break = { index: number; x: number; prior: Break | null; badness: number };
  const badness = (width: number, last: boolean) => {
    const ragged = (width - target) ** 2;
    return last ? (width < target ? ragged / 2 : ragged * 2) : ragged;
  };
  const evaluate = (index: number, x: number, breaks: Break[], last: boolean): Break => {
    let best: Break = { index, x, prior: null, badness: badness(x, last) };
    for (const b of breaks) {
      const score = badness(x - b.x, last) + b.badness;
      if (score <= best.badness) best = { index, x, prior: b, badness: score };
    }
    return best;
  };
  const breakable = new Set([' ', '-', '/', '–', '&', '+', ')']);
  const breaks: Break[] = [];
  let x = 0;
  chars.forEach((c, i) => {
    if (i > 0 && breakable.has(chars[i - 1])) breaks.push(evaluate(i, x, breaks, false));
    if (c.trim()) x += advance(c);
  });
  const indexes: number[] = [];
  for (let b: Break | null = evaluate(chars.length, x, breaks, true); b; b = b.prior) indexes.unshift(b.index);
  return indexes.map((end, i) =>
    chars
      .slice(i ? indexes[i - 1] : 0, end)
      .join('')
      .trim(),
  );
}

const unit = ([lng, lat]: number[]) => mercatorUnit(lng, lat);

/** The labels, layer by layer from the top one down, as MapLibre places them (draw.ts orders them within a layer). */
function openingLabels(atlas: Atlas, fonts: FigureFonts, p: Palette): OpeningLabel[] {
  const t = defaultView.t;
  const context = defaultView.layers.includes('context');
  const control = defaultView.layers.includes('control');
  const labels: OpeningLabel[] = [];
  const label = (
    layer: string,
    name: string,
    at: number[],
    paragraphs: { text: string; scale: number; fill: string }[],
    style: {
      size: number | OpeningStops;
      spacing?: number;
      maxWidth?: number;
      padding?: number;
      halo?: number;
      anchors?: OpeningLabel['anchors'];
      offset?: number;
      key?: number;
      below?: OpeningLeadLine;
    },
  ): OpeningLabel => {
    const spacing = style.spacing ?? 0;
    const lines = paragraphs.flatMap((para) =>
      breakLines(fonts, para.text, (style.maxWidth ?? 10) / para.scale, spacing).map((text) => ({
        text,
        scale: para.scale,
        fill: para.fill,
        width: lineWidth(fonts, text, para.scale, spacing),
      })),
    );
    const [x, y] = unit(at);
    return {
      x,
      y,
      lines,
      size: style.size,
      spacing,
      padding: style.padding ?? 2,
      anchors: style.anchors ?? null,
      offset: style.offset ?? 0,
      halo: p.labelHalo,
      haloWidth: style.halo ?? 1.2,
      key: style.key ?? null,
      layer,
      name,
      below: style.below ?? null,
    };
  };
  // Each layer in its source's order: draw.ts orders them as MapLibre places them.
  const rank: Record<string, number> = { city: 0, district: 1, site: 2, governorate: 3, region: 4 };
  const places = placeAnchors(atlas).features.filter((f) => !['governorate', 'region', 'country'].includes(f.properties.kind));
  for (const f of places)
    labels.push(
      label('places_label', f.properties.name, f.geometry.coordinates, [{ text: f.properties.name, scale: 1, fill: p.placeLabel }], {
        size: f.properties.kind === 'city' ? 13 : 12,
        padding: 1,
        halo: 1.5,
        anchors: ['left', 'right', 'top', 'bottom'],
        offset: 0.7,
        key: rank[f.properties.kind] ?? 5,
      }),
    );

  // While control is shown, each name has its lead line under it, as the map draws it (look/lead-line.ts).
  const leadOfGovernorate = leadsOn(atlas, t);
  const image = { width: leadLineWidth(fonts), height: LEAD_LINE.height, baseline: LEAD_LINE.baseline };
  const leadLine = (lead: LeadOrGap | null | undefined): OpeningLeadLine => ({
    text: lead ? leadLabels[lead] : null,
    width: lead ? lineWidth(fonts, leadLabels[lead], 1, GOVERNORATE_LETTER_SPACING) : 0,
    scale: LEAD_SCALE,
    fill: p.leadPattern,
    image,
  });
  labels.push(
    ...atlas.governorates.features.map((g) =>
      label('governorates_label', g.properties.name, g.properties.label, [{ text: g.properties.name.toUpperCase(), scale: 1, fill: p.governorateLabel }], {
        size: [4, 9, 8, 13],
        spacing: GOVERNORATE_LETTER_SPACING,
        maxWidth: 7,
        ...(control ? { below: leadLine(leadOfGovernorate.get(g.properties.id)) } : {}),
      }),
    ),
  );
  if (!context) return labels;
  labels.push(
    ...atlas.context.lakes.features
      .filter((l) => l.properties?.name)
      .map((l) =>
        label('lakes_label', l.properties!.name, lakePoint(l), [{ text: l.properties!.name, scale: 1, fill: p.waterLabel }], { size: 11, maxWidth: 6 }),
      ),
  );
  // River names run along their rivers (symbol-placement line): the picture leaves them to the map,
  // which at the opening zoom gives them up to the places' names anyway.
  labels.push(
    ...atlas.context['water-labels'].features.map((w) =>
      label('water_label', w.properties?.name, (w.geometry as GeoJSON.Point).coordinates, [{ text: w.properties?.name, scale: 1, fill: p.waterLabel }], {
        size: 12,
        spacing: 0.1,
        maxWidth: 6,
      }),
    ),
  );
  labels.push(
    ...atlas.context.countries.features
      .filter((c) => !c.properties?.iraq && Array.isArray(c.properties?.label))
      .map((c) =>
        label(
          'countries_label',
          c.properties!.name,
          c.properties!.label,
          [{ text: String(c.properties!.name).toUpperCase(), scale: 1, fill: p.neighbourLabel }],
          {
            size: 13,
            spacing: 0.25,
            maxWidth: 8,
          },
        ),
      ),
  );
  return labels;
}

/** A lake's label point, as MapLibre finds it on the lake's largest polygon (pole.ts), in lng/lat. */
function lakePoint(l: GeoJSON.Feature): number[] {
  const polygons = l.geometry.type === 'Polygon' ? [l.geometry.coordinates] : l.geometry.type === 'MultiPolygon' ? l.geometry.coordinates : [];
  const rings = polygons.sort((a, b) => b[0].length - a[0].length)[0].map((ring) => ring.map(unit));
  const [x, y] = poleOfInaccessibility(rings);
  return unmercator(x * 512, y * 512, 0);
}

/** The symbols: the events of the opening window, then the places' dots (cities last), as the style orders them. */
function openingCircles(atlas: Atlas, p: Palette): OpeningCircle[] {
  const circles: OpeningCircle[] = [];
  const view = defaultView;
  if (view.layers.includes('events'))
    for (const e of eventPoints(atlas).features) {
      const props = e.properties as { t0: number; t1: number; uncertain: boolean };
      const share = shareInView(props, view.t, view.mode, view.windowDays);
      if (!share) continue;
      const [x, y] = unit(e.geometry.coordinates);
      const stroke = props.uncertain ? eventMark.strokeWidth.uncertain : eventMark.strokeWidth.day;
      const fill = props.uncertain ? eventMark.fillOpacity.uncertain : eventMark.fillOpacity.day;
      // The halo inside the radius, the ring outside it (event-rings-layer.ts's shader).
      if (fill) circles.push({ x, y, r: [...eventMark.radius] as OpeningStops, grow: 0, paint: `fill="${p.event}" fill-opacity="${fill}"` });
      circles.push({
        x,
        y,
        r: [...eventMark.radius] as OpeningStops,
        grow: stroke / 2,
        paint: `fill="none" stroke="${p.event}" stroke-width="${stroke}" stroke-opacity="${ringOpacity(share).toFixed(3)}"`,
      });
    }
  const colour: Record<string, string> = { city: p.city, district: p.district, site: p.site, governorate: p.area, region: p.area };
  const order: Record<string, number> = { city: 3, district: 2 };
  const dots = placeAnchors(atlas).features.filter((f) => !['governorate', 'region', 'country', 'route', 'border'].includes(f.properties.kind));
  dots.sort((a, b) => (order[a.properties.kind] ?? 1) - (order[b.properties.kind] ?? 1));
  for (const f of dots) {
    const [x, y] = unit(f.geometry.coordinates);
    const kind = f.properties.kind;
    const opacity = f.properties.precision === 'area' ? 0.55 : 1;
    circles.push({
      x,
      y,
      r: kind === 'city' ? 5.5 : 4.5,
      grow: 0.75,
      paint: `fill="${colour[kind] ?? p.other}"${opacity === 1 ? '' : ` fill-opacity="${opacity}"`} stroke="${p.symbolStroke.slice(0, 7)}" stroke-width="1.5"`,
    });
  }
  return circles;
}

/** A lead's pattern as the screen map repeats it (map/patterns.ts's tile, in CSS pixels), its tiles starting at `origin`. */
function screenPattern(id: string, kind: PatternKind, colour: string, origin: [number, number]): string {
  const { side, line, dot, pixelRatio } = patternTileSize;
  const [s, w, r] = [side / pixelRatio, line / pixelRatio, dot / pixelRatio];
  const body =
    kind === 'dots'
      ? `<circle cx="${s / 2}" cy="${s / 2}" r="${r}" fill="${colour}"/>`
      : `<path d="${kind === 'horizontal' ? `M0 ${s / 2}H${s}` : kind === 'vertical' ? `M${s / 2} 0V${s}` : `M-0.5 ${s + 0.5}L${s + 0.5}-0.5`}" stroke="${colour}" stroke-width="${w}"/>`;
  return `<pattern id="${id}" x="${origin[0]}" y="${origin[1]}" width="${s}" height="${s}" patternUnits="userSpaceOnUse">${body}</pattern>`;
}

export interface OpeningPicture {
  /** The <svg> element, its geometry the image at `href`; the symbols and labels left to draw.ts. */
  svg: (href: string) => string;
  /** The geometry: land, water, borders, control and the leads, drawn by `rasterize`. */
  image: Uint8Array;
  data: OpeningData;
}

/** SVG → image bytes at the SVG's pixel size (src/build/opening-picture.ts: the figures' rasterizer, indexed). */
export type Rasterize = (svg: string, width: number, height: number) => Uint8Array;

export function openingPicture(atlas: Atlas, fonts: FigureFonts, palette: Palette, rasterize: Rasterize): OpeningPicture {
  const reference = fitCamera(iraqBounds, REFERENCE_BOX.width, REFERENCE_BOX.height, OPENING_PADDING);
  const zoom = reference.zoom;
  // The image's top left, in world pixels at the reference zoom: whole pixels from the reference
  // box's, so that in that box (a 1280 x 800 screen) every pixel of it falls on a pixel of the screen.
  const [cx, cy] = mercator(reference.center[0], reference.center[1], zoom);
  const [left, top] = [cx - REFERENCE_BOX.width / 2, cy - REFERENCE_BOX.height / 2];
  const [bx0, by0] = mercator(pictureBounds[0], pictureBounds[3], zoom);
  const [bx1, by1] = mercator(pictureBounds[2], pictureBounds[1], zoom);
  const [x0, y0] = [left - Math.ceil(left - bx0), top - Math.ceil(top - by0)];
  const [width, height] = [Math.ceil(bx1 - x0), Math.ceil(by1 - y0)];
  const panel = { x: 0, y: 0, width, height };
  const camera = { center: unmercator(x0 + width / 2, y0 + height / 2, zoom), zoom };
  const light: Atlas = {
    ...atlas,
    governorates: simplified(atlas.governorates, zoom),
    context: {
      ...atlas.context,
      countries: simplified(atlas.context.countries, zoom),
      coast: simplified(atlas.context.coast, zoom),
      rivers: simplified(atlas.context.rivers, zoom),
      lakes: simplified(atlas.context.lakes, zoom),
    },
  };
  const view = { ...defaultView, layers: defaultView.layers.filter((l) => l !== 'events') };
  const { items } = drawGeometry(light, view, camera, panel, palette, 1);
  // The leads' patterns start at the corner of the tile under the box's centre, as MapLibre's
  // fill-pattern starts at each tile's (fill_pattern's get_pattern_pos).
  const tiles = 2 ** Math.floor(zoom);
  const worldSize = 512 * 2 ** zoom;
  const corner = [cx, cy].map((v) => (Math.floor((v / worldSize) * tiles) / tiles) * worldSize);
  const patterns = new Map<string, string>();
  const paths: { d: string; paint: string }[] = [];
  for (const item of items) {
    if (item.kind !== 'path') continue;
    const paint = item.paint;
    let fill = paint.fill ?? 'none';
    if (paint.pattern) {
      const key = `${paint.pattern.kind} ${paint.pattern.colour}`;
      if (!patterns.has(key)) patterns.set(key, screenPattern(`p${patterns.size}`, paint.pattern.kind, paint.pattern.colour, [corner[0] - x0, corner[1] - y0]));
      fill = `url(#p${[...patterns.keys()].indexOf(key)})`;
    }
    const attributes = [`fill="${fill}"`];
    if (paint.fillOpacity != null && paint.fillOpacity !== 1) attributes.push(`fill-opacity="${paint.fillOpacity}"`);
    if (paint.stroke) attributes.push(`stroke="${paint.stroke}"`, `stroke-width="${Number((paint.strokeWidth ?? 1).toFixed(2))}"`);
    if (paint.dash) attributes.push(`stroke-dasharray="${paint.dash.join(' ')}"`);
    const last = paths.at(-1);
    if (last?.paint === attributes.join(' ')) last.d += item.d;
    else paths.push({ d: item.d, paint: attributes.join(' ') });
  }
  // Drawn here, once: a browser drawing this many outlines as vectors took a second more to its
  // first paint than drawing the one image (software WebGL raster, npm run bench -- load).
  const image = rasterize(
    [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
      `<defs>${[...patterns.values()].join('')}</defs>`,
      `<g stroke-linejoin="round" stroke-linecap="round">${paths.map((p) => `<path d="${p.d}" ${p.paint}/>`).join('')}</g>`,
      '</svg>',
    ].join(''),
    width,
    height,
  );
  const data: OpeningData = {
    fit: {
      box: [...unit([iraqBounds[0], iraqBounds[3]]), ...unit([iraqBounds[2], iraqBounds[1]])] as [number, number, number, number],
      padding: OPENING_PADDING,
    },
    world: { zoom, x: x0, y: y0 },
    baseline: GLYPH_BASELINE,
    circles: openingCircles(atlas, palette),
    labels: openingLabels(atlas, fonts, palette),
  };
  const svg = (href: string) =>
    [
      `<svg id="opening-picture" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" font-family="Noto Sans, sans-serif" style="background:${palette.water}">`,
      `<g class="opening-world"><image width="${width}" height="${height}" href="${href}"/></g>`,
      '<g class="opening-labels-under" paint-order="stroke" stroke-linejoin="round"></g>',
      '<g class="opening-symbols"></g>',
      '<g class="opening-labels" paint-order="stroke" stroke-linejoin="round"></g>',
      '</svg>',
    ].join('');
  return { svg, image, data };
}
