// A figure as a display list: paths, circles and text in page units (CSS pixels, 1/96 inch), laid
// out once and written by every writer (svg.ts, pdf.ts, and png.ts through the same SVG). One
// layout means one camera, one set of placed labels and one legend for every format, so the
// formats cannot disagree. Pure: the same inputs give the same scene. docs/architecture.md, "Figures".
//
// The page, top to bottom: a header (title; the date stamp of a single panel), the map frame(s)
// with the legend below or beside them (whichever lets the map be larger), a row for furniture
// that found no free corner on the map, the credit line, and the full caption if asked for. No
// box sits on the map but the small furniture, and that only where it covers no data.
import type { Atlas } from '../data/schema.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import { contextBounds } from '../look/bounds.ts';
import type { Palette } from '../look/palette.ts';
import type { ImportedSet } from '../import/events.ts';
import type { ImportedStyle } from '../look/density.ts';
import { boxExtent, figureCamera, type Box, type Camera } from './camera.ts';
import { altText } from './alt-text.ts';
import { dateLabel, figureWords, panelLetter, type Shown, type Words } from './caption.ts';
import type { FigureFonts, Weight } from './fonts.ts';
import { inset, northArrow, placePieces, scaleBar, type Piece } from './furniture.ts';
import { drawGeometry, symbolsShown } from './geometry.ts';
import { drawLabels, LabelPlacer, typeSize } from './labels.ts';
import { layoutLegend, legendItems, legendRows, type LegendLayout } from './legend.ts';
import { covers, servedNeed, type ServedCells, type ServedLayer, type ServedNeed } from './served.ts';
import { circleRect, pt, rect, TEXT, type Item, type TextItem } from './items.ts';
import { CSS_DPI, DATE_BAND_PX, MM_PER_INCH, sizeScale, type PageSize, type Furniture } from './page.ts';
import { humanDate } from '../time/window.ts';
import { FIGURE_LOCALE } from '../time/words.ts';

export type { Item, TextItem } from './items.ts';
export { fmt, textLeft, pt } from './items.ts';

export interface PanelScene extends Box {
  view: ViewSnapshot;
  camera: Camera;
  /** Land, water, borders, symbols: clipped to the frame. */
  geometry: Item[];
  /** Labels and the panel's own furniture. */
  overlay: Item[];
}

export interface Scene {
  width: number;
  height: number;
  panels: PanelScene[];
  /** Page furniture outside the panels: header, legend, credit line, caption. */
  furniture: Item[];
  /** Labels and furniture left out because there was no room for them. */
  dropped: string[];
  /** The credit line, the full caption and the alt text, as the figure carries them. */
  words: Words;
  /**
   * With a served collection: each panel's need of the server, and whether the cells given meet it
   * (server/figure-cells.ts fetches what is missing and lays the figure out again). A panel whose
   * cells are missing draws none: such a scene is a draft, never a figure.
   */
  served: { needs: ServedNeed[]; complete: boolean } | null;
}

export interface FigureSpec {
  page: PageSize;
  /** One view per panel: one panel for a figure, several for small multiples. */
  panels: ViewSnapshot[];
  /** Columns of the small-multiples grid (default: about square). */
  columns?: number;
  title: string;
  furniture: Furniture;
  palette: Palette;
  /** The data version, printed in the credit line. */
  version: string;
  /** Replaces the automatic caption / alt text. */
  caption?: string;
  alt?: string;
  /** A reader's imported events, drawn where the panels' dates show them. */
  imported?: ImportedSet | null;
  /** Drawn as dots (the default) or as density, as on the map. */
  importedStyle?: ImportedStyle;
  /** A collection served from PostGIS, drawn as its counts per grid cell (served.ts). */
  served?: ServedLayer | null;
}

/** Wraps text to a width with the figure's fonts. */
export function wrapText(fonts: FigureFonts, text: string, size: number, width: number, weight: Weight = 400): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && fonts.width(next, size, weight) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** What the bands below the map need, found by laying out; the layout repeats until it holds. */
interface Reserve {
  row: number;
  creditLines: number;
  captionLines: number;
}

/** Lays the figure out. Throws with what to change when it cannot be laid out. */
export function buildScene(atlas: Atlas, spec: FigureSpec, fonts: FigureFonts): Scene {
  const n = spec.panels.length;
  if (!n) throw new Error('A figure needs at least one view.');
  if (spec.columns !== undefined && !(Number.isInteger(spec.columns) && spec.columns >= 1 && spec.columns <= n)) {
    throw new Error(`columns: ${spec.columns} is not a whole number of columns from 1 to ${n} (the number of panels).`);
  }
  // The bands under the map depend on what the map shows (the credit names the texts in view),
  // and the map's size on the bands: lay out, see what the bands need, and again until it holds.
  // The reserve only grows, so this settles; in practice in one or two passes.
  let reserve: Reserve = { row: 0, creditLines: 1, captionLines: 0 };
  for (let pass = 0; ; pass++) {
    const { scene, needs } = layout(atlas, spec, fonts, reserve);
    if (needs.row <= reserve.row && needs.creditLines <= reserve.creditLines && needs.captionLines <= reserve.captionLines) {
      for (const panel of scene.panels) checkExtent(panel);
      return scene;
    }
    if (pass === 3) throw new Error('The figure could not be laid out: the bands under the map did not settle. Make the page larger, or turn the caption off.');
    reserve = {
      row: Math.max(needs.row, reserve.row),
      creditLines: Math.max(needs.creditLines, reserve.creditLines),
      captionLines: Math.max(needs.captionLines, reserve.captionLines),
    };
  }
}

/** A figure must draw every count it names: refuse a scene whose served cells were not fetched (server/figure-cells.ts fetches them). */
export function checkServed(scene: Scene) {
  if (scene.served && !scene.served.complete)
    throw new Error("The served collection's counts for this figure have not been fetched from its server yet, so the figure would leave them out.");
}

/** Land is drawn to the frame's edge only where the base map has data: refuse a view beyond it. */
function checkExtent(panel: PanelScene) {
  const ring = boxExtent(panel.camera, panel);
  const [w, s, e, n] = contextBounds;
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  if (Math.min(...lngs) < w || Math.max(...lngs) > e || Math.min(...lats) < s || Math.max(...lats) > n) {
    throw new Error(
      `The map would show beyond the base map's data (${w}–${e}°E, ${s}–${n}°N): zoom in on the atlas before copying the link, or choose a page closer to square.`,
    );
  }
}

function layout(atlas: Atlas, spec: FigureSpec, fonts: FigureFonts, reserve: Reserve): { scene: Scene; needs: Reserve } {
  const { palette, furniture: on, page } = spec;
  const width = (page.widthMm / MM_PER_INCH) * CSS_DPI;
  const height = (page.heightMm / MM_PER_INCH) * CSS_DPI;
  const k = sizeScale(page);
  const margin = pt(4) * k;
  const inner = width - 2 * margin;
  const multi = spec.panels.length > 1;
  const furniture: Item[] = [];
  const dropped: string[] = [];
  const text = (x: number, y: number, s: string, size: number, weight: Weight = 400, anchor: TextItem['anchor'] = 'start'): TextItem => ({
    kind: 'text',
    x,
    y,
    text: s,
    size,
    weight,
    fill: TEXT,
    anchor,
  });

  // ── Header: the title, and a single panel's date stamp on its last line or the next.
  const titleSize = typeSize(9, k);
  const titleLines = on.title && spec.title ? wrapText(fonts, spec.title, titleSize, inner, 600) : [];
  if (titleLines.length > 2)
    throw new Error(
      `title: "${spec.title}" takes ${titleLines.length} lines on a ${page.widthMm} mm page, and a figure's title may take two: shorten it, or turn the title off.`,
    );
  const band = !multi && on.dateBand === true;
  const stamp = band ? humanDate(spec.panels[0].t, FIGURE_LOCALE) : !multi && on.dateStamp ? dateLabel(spec.panels[0]) : '';
  const stampSize = band ? DATE_BAND_PX : typeSize(7.5, k);
  const stampWidth = stamp ? fonts.width(stamp, stampSize, 600) : 0;
  const stampOnTitleLine = titleLines.length > 0 && fonts.width(titleLines.at(-1)!, titleSize, 600) + stampWidth + 2 * titleSize <= inner;
  const headerLines = [...titleLines.map((l) => ({ text: l, size: titleSize })), ...(stamp && !stampOnTitleLine ? [{ text: '', size: stampSize }] : [])];
  let y = margin;
  for (const [i, line] of headerLines.entries()) {
    // A video's date band on the title's line makes the line as tall as the band.
    const tallest = band && stampOnTitleLine && i === headerLines.length - 1 ? Math.max(line.size, stampSize) : line.size;
    y += tallest * 1.25;
    if (line.text) furniture.push(text(margin, y - line.size * 0.25, line.text, line.size, 600));
  }
  if (stamp)
    furniture.push({
      ...text(width - margin, y - (stampOnTitleLine && !band ? titleSize : stampSize) * 0.25, stamp, stampSize, 600, 'end'),
      tag: { role: 'furniture', id: 'date-stamp' },
    });
  const top = headerLines.length ? y + margin : 0;

  // ── Bottom bands: furniture row, credit line, caption.
  const creditSize = typeSize(6, k);
  const captionSize = typeSize(7, k);
  const lineGap = 1.3;
  const bottom =
    (reserve.row ? reserve.row + margin : 0) +
    (on.credit ? reserve.creditLines * creditSize * lineGap + margin : 0) +
    (on.caption ? reserve.captionLines * captionSize * lineGap + margin : 0) +
    margin;

  // ── The grid of panels, with the legend below or beside it: whichever gives the larger map.
  const columns = spec.columns ?? Math.ceil(Math.sqrt(spec.panels.length));
  const rows = Math.ceil(spec.panels.length / columns);
  const gap = multi ? pt(5) * k : 0;
  const letterBand = multi && on.dateStamp ? typeSize(7, k) * 1.6 : 0;
  const grid = (box: Box) => {
    const cellW = (box.width - gap * (columns - 1)) / columns;
    const cellH = (box.height - gap * (rows - 1)) / rows - letterBand;
    return spec.panels.map((view, i) => {
      const cell = {
        x: box.x + (i % columns) * (cellW + gap),
        y: box.y + Math.floor(i / columns) * (cellH + letterBand + gap) + letterBand,
        width: cellW,
        height: cellH,
      };
      return { view, box: cell, camera: figureCamera(view, cellW, cellH) };
    });
  };
  const area: Box = { x: margin, y: top, width: inner, height: height - top - bottom };
  // Which symbols fall in the frame decides the legend's rows, so the rows come from the whole area.
  const inside = grid(area).map(({ view, box, camera }) => symbolsShown(atlas, view, camera, box));
  const shownKinds = {
    kinds: new Set(inside.flatMap((s) => s.kinds)),
    lines: new Set(inside.flatMap((s) => s.lines)),
    faded: inside.some((s) => s.faded),
    governorates: new Set(inside.flatMap((s) => s.governorates)),
  };
  const rowsOfLegend = on.legend ? legendRows(atlas, spec.panels, palette, shownKinds, spec.imported, spec.importedStyle, spec.served?.name) : [];
  const below = layoutLegend(rowsOfLegend, fonts, k, { width: inner });
  const belowGrid = { ...area, height: area.height - (below.height ? below.height + margin : 0) };
  const beside = layoutLegend(rowsOfLegend, fonts, k, { height: area.height });
  const besideGrid = { ...area, width: area.width - (beside.width ? beside.width + margin : 0) };
  const scaleOf = (box: Box) => (box.width > 0 && box.height > 0 ? grid(box)[0].camera.zoom : -Infinity);
  const legendBeside = rowsOfLegend.length > 0 && scaleOf(besideGrid) > scaleOf(belowGrid) + 0.01;
  const gridBox = legendBeside ? besideGrid : belowGrid;
  const legend: LegendLayout = legendBeside ? beside : below;
  if (gridBox.height < height / 3 || gridBox.width < width / 3) {
    throw new Error(
      `The ${[on.legend && 'legend', on.credit && 'credit line', on.caption && 'caption'].filter(Boolean).join(' and ')} would leave the map less than a third of a ${mm(page.widthMm)} × ${mm(page.heightMm)} mm page: make the page (or the frame) larger, or leave some of them out (in the dialog, untick them; on the command line, --without legend).`,
    );
  }

  // ── Each panel: geometry, furniture in free corners, then labels around both.
  const sameCamera = new Set(spec.panels.map((v) => JSON.stringify(v.camera))).size === 1;
  const shown: Shown = { events: new Set(), places: new Set(), governorates: new Set(), binned: null, density: null, served: null };
  const servedNeeds: ServedNeed[] = [];
  let servedComplete = true;
  const homeless: Piece[] = [];
  const panels = grid(gridBox).map(({ view, box, camera }, i): PanelScene => {
    let cells: ServedCells | null = null;
    if (spec.served) {
      const need = servedNeed(camera, box);
      servedNeeds.push(need);
      const got = spec.served.cells[i];
      if (covers(got, need)) cells = got;
      else servedComplete = false;
    }
    const drawn = drawGeometry(atlas, view, camera, box, palette, k, spec.imported, spec.importedStyle, cells);
    for (const item of drawn.items) {
      const role = item.tag?.role;
      if (role === 'event') shown.events.add(item.tag!.id);
      else if (role === 'place') shown.places.add(item.tag!.id);
      else if (role === 'governorate' || role === 'control') shown.governorates.add(item.tag!.id);
    }
    if (drawn.binned) shown.binned = [drawn.binned.points, drawn.binned.dots, (drawn.binned.cell * MM_PER_INCH) / CSS_DPI];
    if (drawn.density)
      shown.density = { points: (shown.density?.points ?? 0) + drawn.density.points, cells: (shown.density?.cells ?? 0) + drawn.density.cells };
    if (drawn.served?.cells && cells) {
      const before = shown.served;
      shown.served = {
        events: (before?.events ?? 0) + drawn.served.events,
        cells: (before?.cells ?? 0) + drawn.served.cells,
        levels: [...new Set([...(before?.levels ?? []), cells.level])],
        mm: [...(before?.mm ?? []), drawn.served.mm],
      };
    }
    const overlay: Item[] = [];
    if (multi && on.dateStamp)
      overlay.push({
        ...text(box.x, box.y - letterBand * 0.3, `${panelLetter(i)} ${dateLabel(view)}`, typeSize(7, k), 600),
        tag: { role: 'furniture', id: 'date-stamp' },
      });
    const obstacles = drawn.symbols.map((s) => circleRect(s, pt(1)));
    const pieces: Piece[] = [];
    if (i === 0 || !sameCamera) {
      if (on.scaleBar) pieces.push(scaleBar(camera, box, fonts, palette, k));
      if (on.northArrow) pieces.push(northArrow(palette, k));
      if (on.inset) pieces.push(inset(atlas, camera, box, palette));
    }
    const placed = placePieces(pieces, box, margin, obstacles);
    overlay.push(...placed.items);
    // The first panel's scale bar and north arrow move under the map; any other piece with no
    // free corner is left out, and said to be.
    for (const piece of placed.homeless) {
      if (i === 0 && piece.name !== 'inset') homeless.push(piece);
      else dropped.push(`${piece.name}${multi ? ` of panel ${panelLetter(i)}` : ''} (no corner of the map is free of data)`);
    }
    const placer = new LabelPlacer(fonts, { x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height });
    placer.blockSymbols(drawn.symbols);
    for (const t of placed.taken) placer.block(t);
    overlay.push(...drawLabels(atlas, view, camera, box, palette, k, placer, drawn.symbols, on.arabicNames, dropped));
    // The neat line.
    overlay.push({ kind: 'path', d: rect(box.x, box.y, box.width, box.height), paint: { stroke: palette.countryBorder, strokeWidth: 0.75 } });
    return { ...box, view, camera, geometry: drawn.items, overlay };
  });

  // ── Legend, furniture row, credit line and caption.
  if (legend.rows.length) {
    const at = legendBeside ? { x: gridBox.x + gridBox.width + margin, y: gridBox.y } : { x: margin, y: gridBox.y + gridBox.height + margin };
    furniture.push(...legendItems(legend, at.x, at.y, palette));
  }
  let cursor = gridBox.y + gridBox.height + (legendBeside || !legend.height ? 0 : legend.height + margin) + margin;
  const rowHeight = homeless.length ? Math.max(...homeless.map((p) => p.height)) : 0;
  if (homeless.length) {
    let x = margin;
    for (const piece of homeless) {
      furniture.push(...piece.draw(x, cursor + (rowHeight - piece.height) / 2, false));
      x += piece.width + margin;
    }
    cursor += rowHeight + margin;
  }
  const words: Words = {
    ...figureWords(atlas, spec.panels, shown, spec.version, spec.imported?.name, spec.served?.name),
    alt:
      spec.alt ??
      altText(
        atlas,
        panels.map((p) => ({ view: p.view, camera: p.camera, box: p, items: [...p.geometry, ...p.overlay] })),
        dropped,
        spec.version,
      ),
  };
  if (spec.caption) words.caption = spec.caption;
  const creditLines = on.credit ? wrapText(fonts, words.credit, creditSize, inner) : [];
  const captionLines = on.caption ? wrapText(fonts, words.caption, captionSize, inner) : [];
  for (const [lines, size] of [
    [creditLines, creditSize],
    [captionLines, captionSize],
  ] as const) {
    lines.forEach((line, j) => furniture.push(text(margin, cursor + size * (0.95 + j * lineGap), line, size)));
    if (lines.length) cursor += lines.length * size * lineGap + margin;
  }
  return {
    scene: { width, height, panels, furniture, dropped, words, served: spec.served ? { needs: servedNeeds, complete: servedComplete } : null },
    needs: { row: rowHeight, creditLines: creditLines.length, captionLines: captionLines.length },
  };
}

/** A length in millimetres as a reader writes it: a frame of 320 px at 96 dpi is 84.7 mm, not 84.66666666666667. */
const mm = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
