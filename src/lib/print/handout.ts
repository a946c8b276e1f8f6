// A tour as a printed handout (issue 43: one a lecturer would print): a title page (the tour's
// title and summary, its chapters, the data version), then a page per chapter, filled: its title
// and date, its figure as large as the page leaves room for (the figure scene, as `npm run figure`
// draws the chapter's link; a locator inset where the view is a city's), its narrative, its
// quotes, each with its speaker and a citation as a reader cites ("Jonathan Steele, “Iraq: The Way
// Out”, Chatham House, 30 January 2008, para. 38") and the link that opens the passage, and the
// map's sources; at the end, the texts quoted. Vector, the Noto faces embedded, every word real
// text, pages numbered. Runs in Node and in the page alike.
import { toBytes } from 'pdfkit/output';
import { paragraphAt } from '../data/paragraph.ts';
import type { Atlas, AtlasQuote, SourceText } from '../data/schema.ts';
import type { Palette } from '../look/palette.ts';
import { defaultView } from '../state/snapshot.ts';
import { formatView } from '../state/url.ts';
import { humanDate } from '../time/window.ts';
import { dateInWords, FIGURE_LOCALE } from '../time/words.ts';
import { chapterView, quoteByRef, type Chapter, type Tour } from '../tour/tour.ts';
import type { FigureFonts, Weight } from './fonts.ts';
import { defaultFurniture } from './options.ts';
import { drawScene, faceName, newPdf, pointsFromMm, PT_PER_UNIT, registerFaces } from './pdf.ts';
import { buildScene } from './scene.ts';

const MARGIN_MM = 18;
/** The figure's first guess at a chapter page's height (its sources are read from it), and the least it may shrink to so the words fit. */
const FIGURE_SHARE = 0.5;
const FIGURE_MIN_MM = 70;
/** A chapter this close in (a city's streets) gets a locator inset: where in Iraq it is. */
const INSET_ZOOM = 9;
const INK = '#1a1a1a';
const GREY = '#555555';

interface Style {
  size: number;
  weight?: Weight;
  colour?: string;
  gap?: number;
}

/** A text as a reader cites it: author, “title”, outlet (where the text names them), date. */
export function textCitation(source: SourceText): string {
  return [source.author, `“${source.title}”`, source.outlet, dateInWords(source.date, FIGURE_LOCALE)].filter(Boolean).join(', ');
}

/** A quote's citation: its text's, with the paragraph the words are in. */
export const quoteCitation = (source: SourceText, quote: Pick<AtlasQuote, 'start'>): string =>
  `${textCitation(source)}, para. ${paragraphAt(source.text, quote.start)}.`;

/** The link that opens the atlas on the passage, on the chapter's day. */
export const passageLink = (base: string, t: number, quote: Pick<AtlasQuote, 'doc' | 'start' | 'end'>): string =>
  `${base}${formatView({ ...defaultView, t, doc: quote.doc, passage: [quote.start, quote.end] })}`;

export const speakerLine = (q: AtlasQuote): string =>
  `${q.speaker ? `${q.speaker}${q.role ? `, ${q.role}` : ''}` : 'Speaker not named in the text'}; said ${dateInWords(q.date, FIGURE_LOCALE)}`;

export async function makeHandout(
  /** `base`: the atlas's address, for the links that open each passage (the page's own, or `--base`). */
  ctx: { atlas: Atlas; version: string; base: string },
  tour: Tour,
  page: { widthMm: number; heightMm: number },
  palette: Palette,
  fonts: FigureFonts,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { atlas } = ctx;
  const doc = newPdf(page.widthMm, page.heightMm, { title: tour.title, description: tour.summary }, true);
  const bytes = toBytes(doc);
  registerFaces(doc, fonts);
  const margin = pointsFromMm(MARGIN_MM);
  const width = pointsFromMm(page.widthMm) - 2 * margin;
  const bottom = pointsFromMm(page.heightMm) - margin;

  /** A paragraph at the cursor, each run in the face that has its letters; returns its height. */
  const paragraph = (text: string, style: Style) => {
    const runs = fonts.runs(text, style.weight ?? 400);
    const options = { width, lineGap: style.size * 0.25, paragraphGap: style.gap ?? style.size * 0.6 };
    doc.fillColor(style.colour ?? INK, 1).fontSize(style.size);
    runs.forEach((run, i) => {
      doc.font(faceName(fonts, run)).text(run.text, i === 0 ? margin : undefined, undefined, { ...options, continued: i < runs.length - 1 });
    });
  };
  /** The height a paragraph will take (measured in the Latin face, which sets nearly all of it). */
  const heightOf = (text: string, style: Style) =>
    doc
      .font(faceName(fonts, fonts.runs('a', style.weight ?? 400)[0]))
      .fontSize(style.size)
      .heightOfString(text, { width, lineGap: style.size * 0.25 }) + (style.gap ?? style.size * 0.6);

  const styles = {
    title: { size: 22, weight: 600 as Weight, gap: 10 },
    heading: { size: 15, weight: 600 as Weight, gap: 4 },
    kicker: { size: 8.5, colour: GREY, gap: 2 },
    body: { size: 10.5 },
    quote: { size: 10, gap: 1 },
    speaker: { size: 8.5, weight: 600 as Weight, colour: GREY, gap: 1 },
    citation: { size: 8, colour: GREY, gap: 1 },
    link: { size: 7, colour: GREY, gap: 8 },
    small: { size: 8.5, colour: GREY, gap: 3 },
    sources: { size: 7, colour: GREY, gap: 2 },
  };

  // The title page.
  const sources = textsQuoted(atlas, tour);
  doc.y = margin;
  paragraph('A tour of the Iraq War Atlas', styles.kicker);
  paragraph(tour.title, styles.title);
  paragraph(tour.summary, styles.body);
  paragraph('Chapters', { ...styles.heading, size: 12 });
  tour.chapters.forEach((c, i) => paragraph(`${i + 1}. ${c.title} (${humanDate(c.t, FIGURE_LOCALE)}), page ${i + 2}`, { size: 10, gap: 2 }));
  if (sources.length) paragraph(`The texts quoted, page ${tour.chapters.length + 2}`, { size: 10, gap: 2 });
  doc.moveDown(0.8);
  paragraph(
    `The narrative is the tour's own; every quote is the texts' own words, a verbatim slice of the text cited under it, whose link opens the passage in the atlas. Each figure is the chapter's view: its date, time window, layers and camera. Iraq War Atlas, data version ${ctx.version}.`,
    styles.small,
  );

  tour.chapters.forEach((chapter, i) => {
    doc.addPage();
    doc.y = margin;
    const view = { ...structuredClone(defaultView), ...chapterView(chapter) };
    const quotes = chapter.quotes.map((ref) => quoteByRef(atlas, ref)!);
    const kicker = `Chapter ${i + 1} of ${tour.chapters.length} · ${humanDate(chapter.t, FIGURE_LOCALE)}`;
    const specAt = (heightMm: number) => ({
      page: { widthMm: page.widthMm - 2 * MARGIN_MM, heightMm, dpi: 300 },
      panels: [view],
      title: chapter.title,
      // The page has the title; the figure keeps its date stamp, legend, scale, north arrow and
      // credit line, and a city's view shows where in Iraq it is.
      furniture: { ...defaultFurniture([view]), title: false, inset: view.camera[2] >= INSET_ZOOM },
      palette,
      version: ctx.version,
    });
    // The map's sources are what its caption cites (read from a first layout), after its first sentence (the date).
    const mapSources = (caption: string) => `Map: ${caption.slice(caption.indexOf('. ') + 2)}`;
    const first = buildScene(atlas, specAt(((bottom - margin) * FIGURE_SHARE * 25.4) / 72), fonts);
    const words = wordsHeight(chapter, quotes) + heightOf(mapSources(first.words.caption), styles.sources);
    // The figure takes the room the words leave: the page is filled, never left half empty.
    const available = bottom - margin - heightOf(kicker, styles.kicker) - heightOf(chapter.title, styles.heading) - words - 24;
    const figureHeightMm = Math.max(FIGURE_MIN_MM, (available * 25.4) / 72);
    paragraph(kicker, styles.kicker);
    paragraph(chapter.title, styles.heading);
    const scene = buildScene(atlas, specAt(figureHeightMm), fonts);
    const top = doc.y;
    doc.save().translate(margin, top).scale(PT_PER_UNIT);
    drawScene(doc, scene, fonts);
    doc.restore();
    // Drawing the figure's labels moved PDFKit's cursor: the words go under the figure.
    doc.x = margin;
    doc.y = top + pointsFromMm(figureHeightMm) + 10;
    paragraph(chapter.narrative, styles.body);
    if (quotes.length) doc.moveDown(0.3);
    for (const q of quotes) {
      const source = atlas.sources.find((s) => s.id === q.doc)!;
      paragraph(`“${q.text}”`, styles.quote);
      paragraph(speakerLine(q), styles.speaker);
      paragraph(quoteCitation(source, q), styles.citation);
      paragraph(passageLink(ctx.base, chapter.t, q), styles.link);
    }
    paragraph(mapSources(scene.words.caption), styles.sources);
  });

  // The texts quoted, at the end: each as cited, with the link that opens it in the atlas.
  if (sources.length) {
    doc.addPage();
    doc.y = margin;
    paragraph('The texts quoted', styles.heading);
    for (const s of sources) {
      paragraph(`${textCitation(s)}.${s.url ? ` ${s.url}` : ''}`, { size: 10, gap: 1 });
      paragraph(`${ctx.base}${formatView({ ...defaultView, doc: s.id })}`, styles.link);
    }
  }

  function wordsHeight(chapter: Chapter, quotes: AtlasQuote[]): number {
    let h = heightOf(chapter.narrative, styles.body);
    for (const q of quotes) {
      const source = atlas.sources.find((s) => s.id === q.doc)!;
      h +=
        heightOf(`“${q.text}”`, styles.quote) +
        heightOf(speakerLine(q), styles.speaker) +
        heightOf(quoteCitation(source, q), styles.citation) +
        heightOf(passageLink(ctx.base, chapter.t, q), styles.link);
    }
    return h;
  }

  // Page numbers, now that the number of pages is known.
  const { start, count } = doc.bufferedPageRange();
  for (let p = start; p < start + count; p++) {
    doc.switchToPage(p);
    const line = `${tour.title} · page ${p + 1} of ${count}`;
    const runs = fonts.runs(line, 400);
    doc.fillColor(GREY, 1).fontSize(8);
    let x = margin;
    for (const run of runs) {
      doc.font(faceName(fonts, run)).text(run.text, x, bottom + margin / 2, { lineBreak: false, baseline: 'alphabetic' });
      x += fonts.runWidth(run, 8);
    }
  }
  doc.end();
  return { bytes: await bytes, pages: count };
}

/** The texts a tour quotes, in the atlas's order. */
function textsQuoted(atlas: Atlas, tour: Tour): SourceText[] {
  const docs = new Set(tour.chapters.flatMap((c) => c.quotes.map((ref) => ref.split('@')[0])));
  return atlas.sources.filter((s) => docs.has(s.id));
}
