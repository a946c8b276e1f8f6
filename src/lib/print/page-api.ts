// What the running atlas offers a script driving it (the tests, and anyone automating the dialog):
// a figure from plain options, made by the same code as the print dialog's. Loaded on first use.
import { makeFigure } from './figure.ts';
import { specFromOptions, type FigureContext, type FigureOptions } from './options.ts';
import { loadFigureTools } from './tools-vite.ts';

export interface FigureResult {
  /** The file, base64-encoded (it crosses from the page to Node as a string). */
  base64: string;
  dropped: string[];
  caption: string;
  alt: string;
}

const base64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export async function figure(ctx: FigureContext, options: FigureOptions): Promise<FigureResult> {
  const made = await makeFigure(ctx.atlas, specFromOptions(ctx, options), options.format, await loadFigureTools());
  return { base64: base64(made.bytes), dropped: made.dropped, caption: made.words.caption, alt: made.words.alt };
}
