// Draws scene items on a 2D canvas: the labels and furniture of a raster figure, over the map
// MapLibre drew. The context is scaled so scene units (CSS pixels) land on the page's pixels.
import type { Item, Paint } from './scene.ts';

function paint(ctx: CanvasRenderingContext2D, shape: Path2D, p: Paint, scale: number) {
  if (p.hatch) {
    ctx.save();
    ctx.clip(shape);
    hatchScaled(ctx, p.hatch, p.fillOpacity ?? 1, scale);
    ctx.restore();
  } else if (p.fill && p.fill !== 'none') {
    ctx.globalAlpha = p.fillOpacity ?? 1;
    ctx.fillStyle = p.fill;
    ctx.fill(shape);
    ctx.globalAlpha = 1;
  }
  if (p.stroke) {
    ctx.globalAlpha = p.strokeOpacity ?? 1;
    ctx.strokeStyle = p.stroke;
    ctx.lineWidth = p.strokeWidth ?? 1;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.setLineDash(p.dash ?? []);
    ctx.stroke(shape);
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  }
}

function hatchScaled(ctx: CanvasRenderingContext2D, colour: string, opacity: number, scale: number) {
  const { width, height } = ctx.canvas;
  ctx.save();
  ctx.resetTransform();
  ctx.globalAlpha = opacity;
  ctx.strokeStyle = colour;
  ctx.lineWidth = scale;
  const step = 6 * Math.SQRT2 * scale;
  ctx.beginPath();
  for (let c = -height; c <= width; c += step) {
    ctx.moveTo(c, height);
    ctx.lineTo(c + height, 0);
  }
  ctx.stroke();
  ctx.restore();
}

export const canvasFont = (size: number, weight: number): string => `${weight} ${size}px "Noto Sans", "Noto Sans Arabic", sans-serif`;

/** Draws items at a scale (page pixels per scene unit). */
export function drawItems(ctx: CanvasRenderingContext2D, items: Item[], scale: number): void {
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  for (const item of items) {
    if (item.kind === 'path') {
      if (item.d) paint(ctx, new Path2D(item.d), item.paint, scale);
    } else if (item.kind === 'circle') {
      const shape = new Path2D();
      shape.arc(item.cx, item.cy, item.r, 0, 2 * Math.PI);
      paint(ctx, shape, item.paint, scale);
    } else {
      ctx.font = canvasFont(item.size, item.weight);
      ctx.letterSpacing = `${item.letterSpacing ?? 0}px`;
      ctx.textAlign = item.anchor === 'middle' ? 'center' : item.anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = 'alphabetic';
      if (item.halo) {
        ctx.strokeStyle = item.halo.colour;
        ctx.lineWidth = item.halo.width * 2;
        ctx.lineJoin = 'round';
        ctx.strokeText(item.text, item.x, item.y);
      }
      ctx.fillStyle = item.fill;
      ctx.fillText(item.text, item.x, item.y);
    }
  }
  ctx.restore();
}
