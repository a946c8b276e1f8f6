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

export class FigureFonts {
  constructor(readonly faces: Face[]) {}

  static fromBytes(bytes: Uint8Array[]): FigureFonts {
    return new FigureFonts(faceFiles.map((f, i) => ({ ...f, bytes: bytes[i], font: create(bytes[i] as Buffer) as Font })));
  }

  /** The face for one character: the requested weight first, then any weight; null if none has it. */
  private faceFor(codePoint: number, weight: Weight): Face | null {
    const candidates = [...this.faces.filter((f) => f.weight === weight), ...this.faces.filter((f) => f.weight !== weight)];
    return candidates.find((f) => f.rtl === isArabic(codePoint) && f.font.hasGlyphForCodePoint(codePoint)) ?? null;
  }

  /** The text cut into runs, each set in one face. Spaces stay in the run they are in. */
  runs(text: string, weight: Weight): Run[] {
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
    return (run.face.font.layout(run.text).advanceWidth / run.face.font.unitsPerEm) * size;
  }

  width(text: string, size: number, weight: Weight = 400, letterSpacing = 0): number {
    const chars = [...text].length;
    return this.runs(text, weight).reduce((sum, run) => sum + this.runWidth(run, size), 0) + letterSpacing * Math.max(0, chars - 1);
  }
}
