// Writes a figure's scene as PDF with PDFKit: vector paths, text in embedded (subset) Noto fonts,
// the page exactly the requested size in points. PDFKit shapes text with fontkit, so Arabic takes
// its joined forms, and fontkit returns a right-to-left run in visual order, words and all. A
// fixed creation date keeps the file the same for the same figure.
//
// Each label is in the text layer once, and extracts as written in the data:
//   - Arabic is shaped with the font's precomposed contextual forms (ccmp off). With ccmp on, Noto
//     Sans Arabic draws dots as marks on dotless letters that ب, ت, ن and ي share, so the font's
//     ToUnicode maps them back wrongly (أرنيل for أربيل). Extractors then reorder the visual run
//     to logical order themselves, as for any right-to-left PDF text.
//   - Letter-spaced labels are drawn as glyph outlines, with the label as invisible (transparent)
//     text stretched to the same width and not spaced, so the spacing cannot split the word when
//     it is extracted ("SYR IA"). ActualText spans were tried: poppler places a span's text with
//     the graphics state at its end, which PDFKit has restored by then, so spans low on the page
//     were lost.
// Halos are the glyph outlines stroked, drawn as paths, so they add no second copy of the text.
//
// PDFKit's browser build, in Node too: its package exports give Node a build that compresses with
// Node's zlib, whose bytes differ from the browser build's fflate. One build, one set of bytes.
import PDFDocument from '../../../node_modules/pdfkit/js/pdfkit.browser.mjs';
import { toBytes } from 'pdfkit/output';
import { MM_PER_INCH } from './page.ts';
import type { FigureFonts, Run } from './fonts.ts';
import { textLeft, type Item, type Paint, type TextItem } from './items.ts';
import type { Scene } from './scene.ts';
import { textOutline } from './outline.ts';
import { sceneItems } from './svg.ts';
import { pdfPatternStream, tiles } from './patterns.ts';
import type { PatternKind } from '../look/leads.ts';

/** fontkit takes an object of features on and off, where PDFKit's types say a list. */
const precomposed = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

const PT_PER_INCH = 72;
export const PT_PER_UNIT = 72 / 96;

export const pointsFromMm = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH;

/** A new PDF document of one page of this size, with no default font (see below). */
export function newPdf(
  widthMm: number,
  heightMm: number,
  meta: { title: string; description: string },
  bufferPages = false,
  tagged = false,
): PDFKit.PDFDocument {
  return new PDFDocument({
    // A tagged PDF, for a figure: its map is a Figure with the alt text, read by screen readers (issue 43).
    ...(tagged ? { tagged: true, lang: 'en-GB' } : {}),
    size: [pointsFromMm(widthMm), pointsFromMm(heightMm)],
    margin: 0,
    autoFirstPage: true,
    compress: true,
    // No default font: PDFKit's is Helvetica, which its browser build does not carry (and a figure
    // uses only the embedded Noto faces). A null font skips PDFKit's initial font selection.
    font: null as unknown as string,
    // A handout keeps its pages until the end, to number them once it knows how many there are.
    bufferPages,
    info: { Title: meta.title, Subject: meta.description, Creator: 'Iraq War Atlas', Producer: 'Iraq War Atlas (PDFKit)', CreationDate: new Date(0) },
  });
}

/** The figure fonts, registered once per document under the names the scene drawer uses. */
export const registerFaces = (doc: PDFKit.PDFDocument, fonts: FigureFonts): void => fonts.faces.forEach((face, i) => doc.registerFont(`face${i}`, face.bytes));
export const faceName = (fonts: FigureFonts, run: Run): string => `face${fonts.faces.indexOf(run.face)}`;

export async function writePdf(
  scene: Scene,
  widthMm: number,
  heightMm: number,
  fonts: FigureFonts,
  meta: { title: string; description: string },
): Promise<Uint8Array> {
  const doc = newPdf(widthMm, heightMm, meta, false, true);
  const bytes = toBytes(doc);
  registerFaces(doc, fonts);
  // Scene units are CSS pixels; the page is in points.
  doc.scale(PT_PER_UNIT);
  // The whole figure is one Figure element whose Alt is the alt text.
  const figure = doc.struct('Figure', { alt: meta.description }, [() => drawScene(doc, scene, fonts)]);
  doc.addStructure(figure);
  figure.end();
  doc.end();
  return bytes;
}

/**
 * Draws a scene at the document's current origin, in its current matrix scaled by the caller
 * (scene units are CSS pixels: scale by PT_PER_UNIT for true size). The faces must be registered.
 */
export function drawScene(doc: PDFKit.PDFDocument, scene: Scene, fonts: FigureFonts): void {
  const setStroke = (p: Paint, roundCaps: boolean) => {
    doc
      .strokeColor(p.stroke!, p.strokeOpacity ?? 1)
      .lineWidth(p.strokeWidth ?? 1)
      .lineJoin('round');
    if (roundCaps) doc.lineCap('round');
    if (p.dash) doc.dash(p.dash[0], { space: p.dash[1] });
    else doc.undash();
  };
  // One tiling pattern per kind, made once the page's scale is set (a pattern keeps the matrix it
  // was made under), coloured where it is used.
  const tilings = new Map<PatternKind, PDFKit.PDFTilingPattern>();
  const tiling = (kind: PatternKind) => {
    if (!tilings.has(kind)) {
      const { step } = tiles[kind];
      tilings.set(kind, doc.pattern([0, 0, step, step], step, step, pdfPatternStream(kind)));
    }
    return tilings.get(kind)!;
  };
  const paintShape = (draw: () => void, p: Paint) => {
    if (p.pattern) {
      draw();
      doc.fillColor([tiling(p.pattern.kind), p.pattern.colour] as unknown as string, p.fillOpacity ?? 1).fill('non-zero');
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

  const text = (item: TextItem) => {
    const spacing = item.letterSpacing ?? 0;
    if (item.halo) {
      doc.path(textOutline(fonts, item));
      doc
        .undash()
        .lineWidth(item.halo.width * 2)
        .lineJoin('round')
        .strokeColor(item.halo.colour)
        .stroke();
    }
    // Letter-spaced: drawn as outlines, with the text itself invisible, unspaced and stretched to
    // the same width, so it extracts as one word.
    if (spacing) {
      doc.path(textOutline(fonts, item)).fillColor(item.fill, 1).fill('non-zero');
      doc.fillColor(item.fill, 0);
    } else doc.fillColor(item.fill, 1);
    let x = textLeft(item, fonts.width(item.text, item.size, item.weight, spacing));
    for (const run of fonts.runs(item.text, item.weight)) {
      const natural = fonts.runWidth(run, item.size);
      const width = natural + spacing * [...run.text].length;
      // A right-to-left run comes out of fontkit in visual order, words and all.
      const stretch = { horizontalScaling: spacing && natural ? (100 * width) / natural : 100 }; // in PDFKit 0.17, not in its types
      doc
        .font(faceName(fonts, run))
        .fontSize(item.size)
        .text(run.text, x, item.y, { lineBreak: false, baseline: 'alphabetic', features: precomposed, ...stretch });
      x += width;
    }
  };

  const draw = (item: Item) => {
    if (item.kind === 'path') {
      if (!item.d) return;
      paintShape(() => doc.path(item.d), item.paint);
    } else if (item.kind === 'circle') {
      paintShape(() => doc.circle(item.cx, item.cy, item.r), item.paint);
    } else text(item);
  };

  doc.rect(0, 0, scene.width, scene.height).fillColor('#ffffff').fill();
  // Every item lies inside its panel or on the page (scene.ts clips geometry), so no clip path.
  for (const item of sceneItems(scene)) draw(item);
}
