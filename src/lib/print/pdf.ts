// Writes a figure's scene as PDF with PDFKit: vector paths, text in embedded (subset) Noto fonts,
// the page exactly the requested size in points. PDFKit shapes text with fontkit, so Arabic takes
// its joined forms; it does not reorder right-to-left text across spaces, so an Arabic label is set
// word by word from the right here. A fixed creation date keeps the file the same for the same figure.
import PDFDocument from 'pdfkit';
import { toBytes } from 'pdfkit/output';
import { MM_PER_INCH } from './page.ts';
import type { FigureFonts, Run } from './fonts.ts';
import { textLeft, type Item, type Paint, type Scene } from './scene.ts';

const PT_PER_INCH = 72;
const PT_PER_UNIT = 72 / 96;

export const pointsFromMm = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH;

/** The box a path's absolute M/L/H/V coordinates span (the only commands the scene writes). */
function pathBounds(d: string): [number, number, number, number] {
  let [x, y] = [0, 0];
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const v = args.trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (cmd === 'M' || cmd === 'L') [x, y] = v;
    else if (cmd === 'H') x = v[0];
    else if (cmd === 'V') y = v[0];
    else continue;
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  return b as [number, number, number, number];
}

export async function writePdf(scene: Scene, widthMm: number, heightMm: number, fonts: FigureFonts, meta: { title: string; subject: string }): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: [pointsFromMm(widthMm), pointsFromMm(heightMm)],
    margin: 0,
    autoFirstPage: true,
    compress: true,
    // No default font: PDFKit's is Helvetica, which its browser build does not carry (and a figure
    // uses only the embedded Noto faces). A null font skips PDFKit's initial font selection.
    font: null as unknown as string,
    info: { Title: meta.title, Subject: meta.subject, Creator: 'Iraq War Atlas', Producer: 'Iraq War Atlas (PDFKit)', CreationDate: new Date(0) },
  });
  const bytes = toBytes(doc);
  fonts.faces.forEach((face, i) => doc.registerFont(`face${i}`, face.bytes));
  const faceName = (run: Run) => `face${fonts.faces.indexOf(run.face)}`;
  // Scene units are CSS pixels; the page is in points.
  doc.scale(PT_PER_UNIT);

  type Bounds = [number, number, number, number];
  const setStroke = (p: Paint, roundCaps: boolean) => {
    doc.strokeColor(p.stroke!, p.strokeOpacity ?? 1).lineWidth(p.strokeWidth ?? 1).lineJoin('round');
    if (roundCaps) doc.lineCap('round');
    if (p.dash) doc.dash(p.dash[0], { space: p.dash[1] });
    else doc.undash();
  };
  // `bounds` is asked for only by a hatch, which needs the box its lines must cover.
  const paintShape = (draw: () => void, p: Paint, bounds: () => Bounds) => {
    if (p.hatch) {
      doc.save();
      draw();
      doc.clip();
      hatch(p.hatch, p.fillOpacity ?? 1, bounds());
      doc.restore();
    } else if (p.fill && p.fill !== 'none') {
      draw();
      doc.fillColor(p.fill, p.fillOpacity ?? 1);
      if (p.stroke) {
        setStroke(p, false);
        doc.fillAndStroke();
      } else doc.fill('non-zero');
      return;
    }
    if (p.stroke) {
      draw();
      setStroke(p, true);
      doc.stroke();
    }
  };
  const hatch = (colour: string, opacity: number, [x0, y0, x1, y1]: Bounds) => {
    doc.undash().strokeColor(colour, opacity).lineWidth(1);
    const step = 6 * Math.SQRT2;
    for (let c = x0 - (y1 - y0); c <= x1; c += step) doc.moveTo(c, y1).lineTo(c + (y1 - y0), y0);
    doc.stroke();
  };

  const text = (item: Extract<Item, { kind: 'text' }>) => {
    const spacing = item.letterSpacing ?? 0;
    const width = fonts.width(item.text, item.size, item.weight, spacing);
    let x = textLeft(item, width);
    // Each run in its face; a right-to-left run word by word from its right edge.
    const pieces: { face: string; text: string; x: number }[] = [];
    for (const run of fonts.runs(item.text, item.weight)) {
      const runWidth = fonts.runWidth(run, item.size) + spacing * [...run.text].length;
      if (run.face.rtl) {
        let right = x + runWidth;
        for (const word of run.text.split(' ')) {
          const w = fonts.runWidth({ face: run.face, text: word }, item.size);
          if (word) pieces.push({ face: faceName(run), text: word, x: right - w });
          right -= w + fonts.runWidth({ face: run.face, text: ' ' }, item.size);
        }
      } else pieces.push({ face: faceName(run), text: run.text, x });
      x += runWidth;
    }
    const draw = (options: PDFKit.Mixins.TextOptions) => {
      for (const p of pieces) doc.font(p.face).fontSize(item.size).text(p.text, p.x, item.y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: spacing, ...options });
    };
    if (item.halo) {
      doc.undash().lineWidth(item.halo.width * 2).lineJoin('round').strokeColor(item.halo.colour);
      draw({ stroke: true, fill: false });
    }
    doc.fillColor(item.fill, 1);
    draw({ stroke: false, fill: true });
  };

  const draw = (item: Item) => {
    if (item.kind === 'path') {
      if (!item.d) return;
      paintShape(() => doc.path(item.d), item.paint, () => pathBounds(item.d));
    } else if (item.kind === 'circle') {
      paintShape(() => doc.circle(item.cx, item.cy, item.r), item.paint, () => [item.cx - item.r, item.cy - item.r, item.cx + item.r, item.cy + item.r]);
    } else text(item);
  };

  doc.rect(0, 0, scene.width, scene.height).fillColor('#ffffff').fill();
  for (const panel of scene.panels) {
    doc.save();
    doc.rect(panel.x, panel.y, panel.width, panel.height).clip();
    for (const item of [...panel.geometry, ...panel.overlay]) draw(item);
    doc.restore();
  }
  for (const item of scene.furniture) draw(item);
  doc.end();
  return bytes;
}
