// The figure fonts read from node_modules (tests, and anything else that runs in Node).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { faceFiles, FigureFonts } from './fonts.ts';

const require = createRequire(import.meta.url);

export const readFigureFonts = (): FigureFonts => FigureFonts.fromBytes(faceFiles.map((f) => new Uint8Array(readFileSync(require.resolve(f.file)))));
