// The "no data" hatch as an image MapLibre can repeat (fill-pattern), drawn in code so no sprite
// sheet is needed: diagonal lines on a transparent 16×16 tile (8×8 CSS pixels at pixelRatio 2).
export function hatchPattern(colour: string): ImageData {
  const size = 16;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  // Three strokes so the diagonals join up across tile edges.
  for (const offset of [-size, 0, size]) {
    ctx.beginPath();
    ctx.moveTo(offset, size);
    ctx.lineTo(offset + size, 0);
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, size, size);
}
