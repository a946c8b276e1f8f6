// The map furniture that may sit on the map: scale bar, north arrow and inset locator. Each is a
// small piece that goes in a corner of the frame with no data under it, or, when every corner
// has data, in a row under the map (the inset is then left out: it would be too small there). Pure.
import type { Atlas } from '../data/schema.ts';
import type { Palette } from '../look/palette.ts';
import { boxExtent, fitCamera, projector, type Box, type Camera } from './camera.ts';
import type { Rect } from './clip.ts';
import { areaPath, linePath } from './geometry.ts';
import type { FigureFonts } from './fonts.ts';
import { typeSize } from './labels.ts';
import { fmt, overlaps, pt, rect, TEXT, type Item } from './items.ts';
import { metresPerCssPx, scaleBarMetres } from './page.ts';

export interface Piece {
  name: 'scale bar' | 'north arrow' | 'inset';
  width: number;
  height: number;
  /** Corners to try, best first. */
  corners: Corner[];
  draw: (x: number, y: number, boxed: boolean) => Item[];
}

type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** The white box behind a piece of furniture on the map. */
const backing = (x: number, y: number, w: number, h: number, palette: Palette): Item => ({
  kind: 'path',
  d: rect(x, y, w, h),
  paint: { fill: '#ffffff', fillOpacity: 0.88, stroke: palette.governorateLine, strokeWidth: 0.5 },
  tag: { role: 'furniture', id: 'backing' },
});

export function scaleBar(camera: Camera, panel: Box, fonts: FigureFonts, palette: Palette, k: number): Piece {
  // Ground distance per page unit at the panel's centre latitude (Web Mercator).
  const metresPerUnit = metresPerCssPx(camera.center[1], camera.zoom);
  const nice = scaleBarMetres(metresPerUnit * (panel.width / 6));
  const bar = nice / metresPerUnit;
  const size = typeSize(6.5, k);
  const label = `${(nice / 1000).toLocaleString('en-GB')} km`;
  const pad = size * 0.5;
  const width = bar + 3 * pad + fonts.width(label, size);
  const height = size * 1.8;
  return {
    name: 'scale bar',
    width,
    height,
    corners: ['bottom-left', 'bottom-right', 'top-left', 'top-right'],
    draw: (x, y, boxed) => [
      ...(boxed ? [backing(x, y, width, height, palette)] : []),
      {
        kind: 'path',
        d:
          rect(x + pad, y + height * 0.55, bar, size * 0.22) +
          rect(x + pad, y + height * 0.3, size * 0.1, size * 0.6) +
          rect(x + pad + bar - size * 0.1, y + height * 0.3, size * 0.1, size * 0.6),
        paint: { fill: TEXT },
        tag: { role: 'furniture', id: 'scale-bar' },
      },
      {
        kind: 'text',
        x: x + 2 * pad + bar,
        y: y + height * 0.5 + size * 0.35,
        text: label,
        size,
        weight: 400,
        fill: TEXT,
        anchor: 'start',
        tag: { role: 'furniture', id: 'scale-bar' },
      },
    ],
  };
}

export function northArrow(palette: Palette, k: number): Piece {
  const size = typeSize(6.5, k);
  const width = size * 1.5;
  const height = size * 2.9;
  return {
    name: 'north arrow',
    width,
    height,
    corners: ['top-right', 'bottom-right', 'top-left', 'bottom-left'],
    draw: (x, y, boxed) => {
      // Web Mercator, never rotated here: north is up.
      const ax = x + width / 2;
      const top = y + size * 0.3;
      const tag = { role: 'furniture', id: 'north-arrow' } as const;
      return [
        ...(boxed ? [backing(x, y, width, height, palette)] : []),
        {
          kind: 'path',
          d: `M${fmt(ax)} ${fmt(top)}L${fmt(ax - size * 0.4)} ${fmt(top + size * 1.2)}L${fmt(ax)} ${fmt(top + size * 0.9)}L${fmt(ax + size * 0.4)} ${fmt(top + size * 1.2)}Z`,
          paint: { fill: TEXT },
          tag,
        },
        { kind: 'text', x: ax, y: top + size * 2.25, text: 'N', size, weight: 600, fill: TEXT, anchor: 'middle', tag },
      ];
    },
  };
}

/** A small map of Iraq and its neighbours with the panel's extent outlined. */
export function inset(atlas: Atlas, camera: Camera, panel: Box, palette: Palette): Piece {
  const width = Math.min(panel.width * 0.24, pt(60));
  const height = width * 0.85;
  return {
    name: 'inset',
    width,
    height,
    corners: ['top-left', 'bottom-right', 'bottom-left', 'top-right'],
    draw: (x, y) => {
      const box = { x, y, width, height };
      const frame: Rect = { x0: x, y0: y, x1: x + width, y1: y + height };
      const xy = projector(fitCamera([31, 22, 56, 42], width, height, 0), box);
      const items: Item[] = [{ kind: 'path', d: rect(x, y, width, height), paint: { fill: palette.water } }];
      for (const c of atlas.context.countries.features) {
        items.push({ kind: 'path', d: areaPath(c.geometry, xy, frame), paint: { fill: c.properties?.iraq ? palette.land : palette.neighbour } });
        items.push({ kind: 'path', d: linePath(c.geometry, xy, frame), paint: { stroke: palette.countryBorder, strokeWidth: 0.4 } });
      }
      // The panel's corners, seen from the inset's camera.
      const extent = boxExtent(camera, panel).map(xy);
      const clamp = (p: [number, number]): [number, number] => [Math.min(frame.x1, Math.max(frame.x0, p[0])), Math.min(frame.y1, Math.max(frame.y0, p[1]))];
      const [a, b] = [clamp(extent[0]), clamp(extent[2])];
      items.push({ kind: 'path', d: rect(a[0], a[1], Math.max(1, b[0] - a[0]), Math.max(1, b[1] - a[1])), paint: { stroke: palette.event, strokeWidth: 1.2 } });
      items.push({ kind: 'path', d: rect(x, y, width, height), paint: { stroke: palette.countryBorder, strokeWidth: 0.75 } });
      return items.filter((i) => i.kind !== 'path' || i.d);
    },
  };
}

/**
 * Puts each piece in the first of its corners where it covers no data (`obstacles`) and no piece
 * placed before it. Returns the items drawn, the boxes taken, and the pieces with no free corner.
 */
export function placePieces(pieces: Piece[], panel: Box, margin: number, obstacles: Rect[]): { items: Item[]; taken: Rect[]; homeless: Piece[] } {
  const items: Item[] = [];
  const taken: Rect[] = [];
  const homeless: Piece[] = [];
  for (const piece of pieces) {
    const spot = piece.corners
      .map((corner): Rect => {
        const x = corner.endsWith('left') ? panel.x + margin : panel.x + panel.width - margin - piece.width;
        const y = corner.startsWith('top') ? panel.y + margin : panel.y + panel.height - margin - piece.height;
        return { x0: x, y0: y, x1: x + piece.width, y1: y + piece.height };
      })
      .find((box) => box.x0 >= panel.x && box.y0 >= panel.y && ![...obstacles, ...taken].some((o) => overlaps(o, box)));
    if (!spot) {
      homeless.push(piece);
      continue;
    }
    taken.push(spot);
    items.push(...piece.draw(spot.x0, spot.y0, true));
  }
  return { items, taken, homeless };
}
