// The fill patterns of a figure, as tiles in page units: the lead nations' patterns
// (look/leads.ts), the same kinds the screen map draws. svg.ts writes each as an SVG
// <pattern>, pdf.ts as a PDF tiling pattern, both from these tiles, so the two formats match.
import type { PatternKind } from '../look/leads.ts';
import { fmt } from './items.ts';
import { clipRingToBand, type XY } from './clip.ts';

export interface Tile {
  /** The tile's side, in page units. */
  step: number;
  /** Lines to stroke (SVG path data), or one dot to fill. */
  shape: { lines: [number, number, number, number][]; width: number } | { dot: number };
}

// Unrotated tiles: a rotated pattern costs the rasterizer far more.
const LEAD = 5;

export const tiles: Record<PatternKind, Tile> = {
  horizontal: { step: LEAD, shape: { lines: [[0, LEAD / 2, LEAD, LEAD / 2]], width: 0.8 } },
  vertical: { step: LEAD, shape: { lines: [[LEAD / 2, 0, LEAD / 2, LEAD]], width: 0.8 } },
  dots: { step: LEAD, shape: { dot: 0.9 } },
  // Corner to corner, run on past both corners so the stroke's ends meet the next tile's line.
  diagonal: { step: LEAD, shape: { lines: [[-0.5, LEAD + 0.5, LEAD + 0.5, -0.5]], width: 0.8 } },
};

/** The tile as an SVG <pattern>. */
export function svgPattern(id: string, kind: PatternKind, colour: string): string {
  const { step, shape } = tiles[kind];
  const body =
    'dot' in shape
      ? `<circle cx="${fmt(step / 2)}" cy="${fmt(step / 2)}" r="${fmt(shape.dot)}" fill="${colour}"/>`
      : `<path d="${shape.lines.map(([x0, y0, x1, y1]) => `M${fmt(x0)} ${fmt(y0)}L${fmt(x1)} ${fmt(y1)}`).join('')}" stroke="${colour}" stroke-width="${fmt(shape.width)}"/>`;
  return `<pattern id="${id}" width="${fmt(step)}" height="${fmt(step)}" patternUnits="userSpaceOnUse">${body}</pattern>`;
}

/** The tile as the content stream of an uncoloured PDF tiling pattern (its colour is given where it is used). */
export function pdfPatternStream(kind: PatternKind): string {
  const { step, shape } = tiles[kind];
  if (!('dot' in shape)) return `${fmt(shape.width)} w ${shape.lines.map(([x0, y0, x1, y1]) => `${fmt(x0)} ${fmt(y0)} m ${fmt(x1)} ${fmt(y1)} l`).join(' ')} S`;
  // A circle as four Bézier quarters (κ = 0.5523).
  const c = step / 2;
  const r = shape.dot;
  const k = r * 0.5523;
  return [
    `${fmt(c + r)} ${fmt(c)} m`,
    `${fmt(c + r)} ${fmt(c + k)} ${fmt(c + k)} ${fmt(c + r)} ${fmt(c)} ${fmt(c + r)} c`,
    `${fmt(c - k)} ${fmt(c + r)} ${fmt(c - r)} ${fmt(c + k)} ${fmt(c - r)} ${fmt(c)} c`,
    `${fmt(c - r)} ${fmt(c - k)} ${fmt(c - k)} ${fmt(c - r)} ${fmt(c)} ${fmt(c - r)} c`,
    `${fmt(c + k)} ${fmt(c - r)} ${fmt(c + r)} ${fmt(c - k)} ${fmt(c + r)} ${fmt(c)} c f`,
  ].join(' ');
}

/** An area's path data (M, L, H, V and Z only, as areaPath() and rect() write it) as rings; null for any other. */
function ringsOf(d: string): XY[][] | null {
  const rings: XY[][] = [];
  let ring: XY[] = [];
  let at: XY = [0, 0];
  for (const [, command, args] of d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
    const n = args.trim()
      ? args
          .trim()
          .split(/[\s,]+/)
          .map(Number)
      : [];
    if (command === 'M') {
      if (ring.length) rings.push(ring);
      ring = [(at = [n[0], n[1]])];
    } else if (command === 'L') ring.push((at = [n[0], n[1]]));
    else if (command === 'H') ring.push((at = [n[0], at[1]]));
    else if (command === 'V') ring.push((at = [at[0], n[0]]));
    else if (command === 'Z') {
      if (ring.length) rings.push(ring);
      ring = [];
    } else return null;
    if (n.some((v) => !Number.isFinite(v))) return null;
  }
  if (ring.length) rings.push(ring);
  return rings;
}

/**
 * A line pattern's lines where they fall in an area, as path data to fill: each line of the tile,
 * repeated as the tiles repeat, is a band as wide as its stroke, cut to each of the area's rings
 * (holes keep their own winding, so they stay empty). The rasterizer is given these instead of a
 * <pattern>: resvg fills a pattern by sampling its tile, drawn once, at every pixel of the area,
 * and on an A4 page at 300 DPI the leads' hatching was about a quarter of the figure's drawing
 * (125 of 500 ms), with a seam at each tile's edge across every line. The bands are the tile's
 * own lines at the tile's own places. Null for a dot pattern (its dots never cross a tile's
 * edge, so it is drawn from its tile) and for path data other than an area's.
 */
export function patternLines(d: string, kind: PatternKind): string | null {
  const { step, shape } = tiles[kind];
  if ('dot' in shape) return null;
  const rings = ringsOf(d);
  if (!rings) return null;
  const out: string[] = [];
  for (const [x0, y0, x1, y1] of shape.lines) {
    const length = Math.hypot(x1 - x0, y1 - y0);
    // Along the line (u) and across it (v): the bands are v ∈ [c − w/2, c + w/2].
    const along: XY = [(x1 - x0) / length, (y1 - y0) / length];
    const across: XY = [-along[1], along[0]];
    const toUv = ([x, y]: XY): XY => [x * along[0] + y * along[1], x * across[0] + y * across[1]];
    const fromUv = ([u, v]: XY): XY => [u * along[0] + v * across[0], u * along[1] + v * across[1]];
    // Tiles repeat every `step` in x and y; across the line that is every `spacing`: the smallest
    // non-zero distance between two tiles' copies of the line (step for a level or upright line,
    // step/√2 for a diagonal one).
    const projected = [-2, -1, 0, 1, 2].flatMap((i) => [-2, -1, 0, 1, 2].map((j) => Math.abs(step * (i * across[0] + j * across[1]))));
    const spacing = Math.min(...projected.filter((v) => v > 1e-9));
    const centre = x0 * across[0] + y0 * across[1];
    const half = shape.width / 2;
    for (const ring of rings) {
      const uv = ring.map(toUv);
      let [low, high] = [Infinity, -Infinity];
      for (const [, v] of uv) [low, high] = [Math.min(low, v), Math.max(high, v)];
      for (let k = Math.ceil((low - half - centre) / spacing); centre + k * spacing - half <= high; k++) {
        const c = centre + k * spacing;
        const band = clipRingToBand(uv, c - half, c + half);
        if (band.length > 2) out.push(`M${band.map((p) => fromUv(p).map(fmt).join(' ')).join('L')}Z`);
      }
    }
  }
  return out.join('');
}
