// The fill patterns of a figure, as tiles in page units: the lead nations' patterns
// (look/leads.ts), the same kinds the screen map draws. svg.ts writes each as an SVG
// <pattern>, pdf.ts as a PDF tiling pattern, both from these tiles, so the two formats match.
import type { PatternKind } from '../look/leads.ts';
import { fmt } from './items.ts';

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
