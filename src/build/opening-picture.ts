// The opening view in index.html (issue 44): the page's first paint shows the map as it opens,
// drawn at build time (lib/opening/picture.ts), while the scripts, the data and MapLibre arrive.
//
// What the page gets before #app: a still of the page's frame (the header's title and line, the
// map's box, the slider's row, the side panel), inert and hidden from assistive technology, whose
// map box holds the picture; the picture's data; and the few lines that fit it to the box
// (lib/opening/draw.ts, as source text). MapView takes the picture into its own box when it mounts
// and removes it at the map's first idle. A link with a view of its own, a query, or texts of the
// reader's own kept in this browser show no picture: it would be another view than the map's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { HtmlTagDescriptor } from 'vite';
import type { Atlas } from '../lib/data/schema.ts';
import { faceFiles, FigureFonts } from '../lib/print/fonts.ts';
import { screen } from '../lib/look/palette.ts';
import { openingPicture } from '../lib/opening/picture.ts';
import { drawOpening } from '../lib/opening/draw.ts';
import { aboutLine } from '../lib/explore/about-line.ts';
import { OWN_COUNT_KEY } from '../lib/own/count-key.ts';

const require = createRequire(import.meta.url);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Marked when the picture is drawn: `npm run bench` times the first view on screen from it. */
export const OPENING_MARK = 'atlas-opening-picture';

export function openingTags(atlas: Atlas): HtmlTagDescriptor[] {
  const fonts = FigureFonts.fromBytes(faceFiles.map((f) => new Uint8Array(readFileSync(require.resolve(f.file)))));
  const { svg, data } = openingPicture(atlas, fonts, screen);
  const source = drawOpening.toString();
  // The function must stand alone: a bundler's helper named inside it would not exist in the page.
  new Function(`return (${source})`)();
  const frame = [
    '<header><div class="title"><h1>Iraq War Atlas</h1>',
    `<p class="about">${esc(aboutLine(atlas.sources))} <button type="button" class="link" tabindex="-1">The texts</button></p></div></header>`,
    `<main><div class="map">${svg}</div><div class="opening-slider"></div></main><aside></aside>`,
  ].join('');
  const script = `(function () {
  var svg = document.getElementById('opening-picture');
  try {
    var own = false;
    try { own = !!localStorage.getItem(${JSON.stringify(OWN_COUNT_KEY)}); } catch (e) {}
    if (location.search || (location.hash && !/^#tourdata=/.test(location.hash)) || own) return svg.remove();
    // MapLibre sizes its canvas by the box's whole pixels (clientWidth, clientHeight): so does the picture.
    var box = svg.parentElement;
    (${source})(JSON.parse(document.getElementById('opening-data').textContent), svg, box.clientWidth, box.clientHeight);
    performance.mark(${JSON.stringify(OPENING_MARK)});
  } catch (e) {
    svg.remove();
  }
})();`;
  return [
    { tag: 'div', attrs: { id: 'opening', class: 'shell', inert: true, 'aria-hidden': 'true' }, children: frame, injectTo: 'body-prepend' },
    // JSON in a script element: "</" never occurs in it unescaped (JSON.stringify leaves "/" alone, so escape "<").
    {
      tag: 'script',
      attrs: { type: 'application/json', id: 'opening-data' },
      children: JSON.stringify(data).replace(/</g, '\\u003c'),
      injectTo: 'body-prepend',
    },
    { tag: 'script', children: script, injectTo: 'body-prepend' },
  ];
}
