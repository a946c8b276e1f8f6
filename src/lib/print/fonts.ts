// The fonts a figure is set in, as font files rather than CSS: the PDF embeds them, and every
// format measures its text with them, so labels and boxes are laid out the same in PNG, SVG and PDF.
// Noto Sans (latin, latin-ext) and Noto Sans Arabic from @fontsource, as WOFF: fontkit 2.0.4 reads
// the WOFF2 files' glyph outlines wrongly (every glyph comes out as the same shape).
import { create, type Font } from 'fontkit';

export type Weight = 400 | 600;

export interface FaceFile {
  /** Path under node_modules. */
  file: string;
  weight: Weight;
  /** Arabic is set right to left, word by word. */
  rtl: boolean;
}

/** In the order a character looks for a face that has it. */
export const faceFiles: FaceFile[] = [
  { file: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff', weight: 400, rtl: false },
  { file: '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff', weight: 600, rtl: false },
  { file: '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff', weight: 400, rtl: false },
  { file: '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff', weight: 600, rtl: false },
  { file: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff', weight: 400, rtl: true },
];

export interface Face extends FaceFile {
  /** The font file as shipped (WOFF), embedded by the SVG and the PDF. */
  bytes: Uint8Array;
  font: Font;
}

/** A stretch of text one face can set. */
export interface Run {
  face: Face;
  text: string;
}

const isArabic = (codePoint: number) =>
  (codePoint >= 0x0600 && codePoint <= 0x06ff) || (codePoint >= 0x0750 && codePoint <= 0x077f) || (codePoint >= 0xfb50 && codePoint <= 0xfeff);

/** What fontkit's layout gives: the glyphs of a run and where each goes. */
export type GlyphRun = ReturnType<Font['layout']>;

export class FigureFonts {
  constructor(readonly faces: Face[]) {}

  /**
   * Shaping is the slowest step of a figure's text (about a tenth of an A4 page's making, in
   * fontkit), and the same few hundred strings are set again and again: a caption is measured
   * word by word as it is broken into lines, a label before it is placed and again when it is
   * drawn, and every figure of a session sets the same names. A run's shape depends only on
   * its face and text, so each is shaped once.
   */
  private readonly shaped = new Map<Face, Map<string, GlyphRun>>();
  private readonly split = new Map<string, Run[]>();

  /**
   * The faces from their files (`bytes`, in faceFiles' order: the SVG and the PDF embed them) and
   * the same fonts unwrapped for fontkit to read (`sfnts`, woff.ts), if given.
   */
  static fromBytes(bytes: Uint8Array[], sfnts: Uint8Array[] = bytes): FigureFonts {
    return new FigureFonts(faceFiles.map((f, i) => ({ ...f, bytes: bytes[i], font: create(sfnts[i] as Buffer) as Font })));
  }

  /** The face for one character: the requested weight first, then any weight; null if none has it. */
  private faceFor(codePoint: number, weight: Weight): Face | null {
    const candidates = [...this.faces.filter((f) => f.weight === weight), ...this.faces.filter((f) => f.weight !== weight)];
    return candidates.find((f) => f.rtl === isArabic(codePoint) && f.font.hasGlyphForCodePoint(codePoint)) ?? null;
  }

  /** The text cut into runs, each set in one face. Spaces stay in the run they are in. */
  runs(text: string, weight: Weight): Run[] {
    const key = `${weight} ${text}`;
    let runs = this.split.get(key);
    if (!runs) this.split.set(key, (runs = this.cut(text, weight)));
    return runs;
  }

  private cut(text: string, weight: Weight): Run[] {
    const runs: Run[] = [];
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      const last = runs.at(-1);
      if (last && (char === ' ' || (last.face.rtl === isArabic(codePoint) && last.face.font.hasGlyphForCodePoint(codePoint)))) last.text += char;
      else runs.push({ face: this.faceFor(codePoint, weight) ?? this.faces[0], text: char });
    }
    return runs;
  }

  /** The advance width of a run at a size (in the size's unit). Arabic is shaped, so joined forms count. */
  runWidth(run: Run, size: number): number {
    return (this.layout(run).advanceWidth / run.face.font.unitsPerEm) * size;
  }

  /** A run shaped by its face (fontkit returns a right-to-left run in visual order, with its positions); kept, as above. */
  layout(run: Run): GlyphRun {
    let byText = this.shaped.get(run.face);
    if (!byText) this.shaped.set(run.face, (byText = new Map()));
    let shaped = byText.get(run.text);
    if (!shaped) byText.set(run.text, (shaped = run.face.font.layout(run.text)));
    return shaped;
  }

  width(text: string, size: number, weight: Weight = 400, letterSpacing = 0): number {
    const chars = [...text].length;
    return this.runs(text, weight).reduce((sum, run) => sum + this.runWidth(run, size), 0) + letterSpacing * Math.max(0, chars - 1);
  }
}
