// A Vite plugin: the map's label glyphs as glyph ranges beside the page (lib/map/glyph-ranges.ts), written into
// the build as `glyphs/Noto Sans/<start>-<end>.pbf` and served the same way by `npm run dev`.
import type { Plugin } from 'vite';
import { readFigureFonts } from '../lib/print/tools-node.ts';
import { labelFont } from '../lib/look/palette.ts';
import { GLYPH_RANGES, glyphRange } from '../lib/map/glyph-ranges.ts';

/** Where the style finds them, from the page's folder (map/style/style.ts's `glyphs`). */
export const GLYPHS_FOLDER = 'glyphs';

export function glyphRanges(): Plugin {
  const made = new Map<number, Uint8Array>();
  const range = (r: number) => {
    if (!made.has(r)) made.set(r, glyphRange(readFigureFonts(), labelFont, r));
    return made.get(r)!;
  };
  return {
    name: 'glyph-ranges',
    generateBundle() {
      for (const r of GLYPH_RANGES)
        this.emitFile({ type: 'asset', fileName: `${GLYPHS_FOLDER}/${labelFont}/${r * 256}-${r * 256 + 255}.pbf`, source: range(r) });
    },
    configureServer(server) {
      server.middlewares.use(`/${GLYPHS_FOLDER}/`, (request, response) => {
        const match = /^\/([^/]+)\/(\d+)-\d+\.pbf$/.exec(decodeURIComponent(request.url ?? ''));
        const r = match && match[1] === labelFont ? Number(match[2]) / 256 : NaN;
        // A range not made is missing, as in the build (MapLibre then draws those glyphs itself),
        // not the page's index.html, which the dev server would send in its place.
        if (!GLYPH_RANGES.includes(r)) {
          response.statusCode = 404;
          return response.end();
        }
        response.setHeader('Content-Type', 'application/x-protobuf');
        response.end(range(r));
      });
    },
  };
}
