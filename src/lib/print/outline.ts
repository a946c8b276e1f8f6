// A text item as glyph outlines: an SVG path in page units, shaped by fontkit with the same fonts
// and metrics the layout measured it with. The PNG rasterizer draws text this way, so it needs no
// font of its own and no font from the system (the same pixels on any machine), and the PDF draws
// label halos this way, so each label is in its text layer once.
import type { FigureFonts } from './fonts.ts';
import { fmt, textLeft, type TextItem } from './scene.ts';

export function textOutline(fonts: FigureFonts, item: TextItem): string {
  const spacing = item.letterSpacing ?? 0;
  let x = textLeft(item, fonts.width(item.text, item.size, item.weight, spacing));
  const parts: string[] = [];
  for (const run of fonts.runs(item.text, item.weight)) {
    const { font } = run.face;
    const scale = item.size / font.unitsPerEm;
    const layout = fonts.layout(run);
    layout.glyphs.forEach((glyph, i) => {
      const p = layout.positions[i];
      const ox = x + p.xOffset * scale;
      const oy = item.y - p.yOffset * scale;
      // Font units are y-up; the page is y-down.
      const at = (gx: number, gy: number) => `${fmt(ox + gx * scale)} ${fmt(oy - gy * scale)}`;
      for (const { command, args } of glyph.path.commands) {
        if (command === 'moveTo') parts.push(`M${at(args[0], args[1])}`);
        else if (command === 'lineTo') parts.push(`L${at(args[0], args[1])}`);
        else if (command === 'quadraticCurveTo') parts.push(`Q${at(args[0], args[1])} ${at(args[2], args[3])}`);
        else if (command === 'bezierCurveTo') parts.push(`C${at(args[0], args[1])} ${at(args[2], args[3])} ${at(args[4], args[5])}`);
        else if (command === 'closePath') parts.push('Z');
      }
      // Letter spacing follows every character, as the layout measured it (not the marks).
      x += p.xAdvance * scale + (p.xAdvance > 0 ? spacing : 0);
    });
  }
  return parts.join('');
}
