// Fill patterns as images MapLibre can repeat (fill-pattern), drawn in code so no sprite sheet is
// needed: the lead nations' patterns (style/leads.ts). Each is a 16×16 tile, 8×8 CSS pixels at
// pixelRatio 2, drawn so that it joins up across tile edges.
import type { PatternKind } from '../look/leads.ts';

const SIZE = 16;
/** The tile's side, line width and dot radius in device pixels at pixelRatio 2 (the opening picture draws the same tiles: lib/opening/picture.ts). */
export const patternTileSize = { side: SIZE, line: 2, dot: 2.2, pixelRatio: 2 } as const;

export function patternTile(kind: PatternKind, colour: string): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.strokeStyle = ctx.fillStyle = colour;
  ctx.lineWidth = patternTileSize.line;
  ctx.beginPath();
  if (kind === 'horizontal') {
    ctx.moveTo(0, SIZE / 2);
    ctx.lineTo(SIZE, SIZE / 2);
  } else if (kind === 'vertical') {
    ctx.moveTo(SIZE / 2, 0);
    ctx.lineTo(SIZE / 2, SIZE);
  } else if (kind === 'diagonal') {
    // Corner to corner and a little past, so the line joins the next tile's with no gap at the corners.
    ctx.moveTo(-1, SIZE + 1);
    ctx.lineTo(SIZE + 1, -1);
  } else ctx.arc(SIZE / 2, SIZE / 2, patternTileSize.dot, 0, 2 * Math.PI);
  if (kind === 'dots') ctx.fill();
  else ctx.stroke();
  return ctx.getImageData(0, 0, SIZE, SIZE);
}
