// A Vite plugin: the map's label glyphs as glyph ranges beside the page (lib/map/glyph-ranges.ts), written into
// the build as `glyphs/Noto Sans/<start>-<end>.pbf` and served the same way by `npm run dev`; and the
// leads' words under the governorates' names, drawn from the same glyphs, as `glyphs/lead-lines.json`
// (look/lead-line.ts, map/lead-lines.ts reads it).
import type { Plugin } from 'vite';
import { readFigureFonts } from '../lib/print/tools-node.ts';
import { labelFont } from '../lib/look/palette.ts';
import { GLYPH_RANGES, glyphRange, leadLineImages } from '../lib/map/glyph-ranges.ts';
import { LEAD_LINES_FILE } from '../lib/map/lead-lines.ts';
import type { LeadLinesFile } from '../lib/map/lead-lines-file.ts';

/** Where the style finds them, from the page's folder (map/style/style.ts's `glyphs`). */
export const GLYPHS_FOLDER = 'glyphs';

/** The leads' words as the map reads them: each image's bytes in base64. */
function leadLinesFile(): string {
  const { width, height, lines } = leadLineImages(readFigureFonts());
  const file: LeadLinesFile = {
    width,
    height,
    lines: Object.fromEntries(
      Object.entries(lines).map(([lead, l]) => [lead, { x: l.x, width: l.width, data: Buffer.from(l.data).toString('base64') }]),
    ) as LeadLinesFile['lines'],
  };
  return JSON.stringify(file);
}

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
      this.emitFile({ type: 'asset', fileName: `${GLYPHS_FOLDER}/${LEAD_LINES_FILE}`, source: leadLinesFile() });
    },
    configureServer(server) {
      server.middlewares.use(`/${GLYPHS_FOLDER}/`, (request, response) => {
        if (request.url === `/${LEAD_LINES_FILE}`) {
          response.setHeader('Content-Type', 'application/json');
          return response.end(leadLinesFile());
        }
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
