// The opening view in index.html (issue 44): the page's first paint shows the map as it opens,
// drawn at build time (lib/opening/picture.ts), while the scripts, the data and MapLibre arrive.
//
// What the page gets before #app: a still of the page's frame (the header's title and line, the
// map's box, the slider's row, the side panel), inert and hidden from assistive technology, whose
// map box holds the picture; the picture's data; and the few lines that fit it to the box
// (lib/opening/draw.ts, as source text). MapView takes the picture into its own box when it mounts
// and removes it at the map's first idle. A link with a view of its own, a query, or texts of the
// reader's own kept in this browser show no picture: it would be another view than the map's.
//
// The land, water and borders come as one image in the page (an indexed PNG, indexed-png.ts, of
// 66 kB): drawn as some 400 outlines, they took the first paint a second longer in software
// WebGL (npm run bench -- load); in a file of its own the image came after the first paint. And
// the page's own scripts are fetched and run after that first paint (deferEntry): run first, they
// held it back for as long as they took, and compiled beside it they slowed it.
import type { HtmlTagDescriptor } from 'vite';
import type { Atlas } from '../lib/data/schema.ts';
import { loadFigureTools } from '../lib/print/tools-node.ts';
import { screen } from '../lib/look/palette.ts';
import { openingPicture } from '../lib/opening/picture.ts';
import { drawOpening, type OpeningData } from '../lib/opening/draw.ts';
import { indexedPng } from './indexed-png.ts';
import { esc } from '../lib/print/svg.ts';
import { aboutLine } from '../lib/explore/about-line.ts';
import { OWN_COUNT_KEY } from '../lib/own/count-key.ts';

/** Marked when the picture is drawn: `npm run bench` times the first view on screen from it. */
export const OPENING_MARK = 'atlas-opening-picture';

export async function openingTags(atlas: Atlas): Promise<HtmlTagDescriptor[]> {
  const tools = await loadFigureTools();
  const { svg, image, data } = openingPicture(atlas, tools.fonts, screen, (world, width, height) => indexedPng(tools.pixels(world), width, height));
  return tags(atlas, svg, data, image);
}

function tags(atlas: Atlas, svg: (href: string) => string, data: OpeningData, image: Uint8Array): HtmlTagDescriptor[] {
  const source = drawOpening.toString();
  // The function must stand alone: a bundler's helper named inside it would not exist in the page.
  new Function(`return (${source})`)();
  const frame = [
    '<header><div class="title"><h1>Iraq War Atlas</h1>',
    `<p class="about">${esc(aboutLine(atlas.sources))} <button type="button" class="link" tabindex="-1">The texts</button></p></div></header>`,
    `<main><div class="map">${svg(`data:image/png;base64,${Buffer.from(image).toString('base64')}`)}</div><div class="opening-slider"></div></main><aside></aside>`,
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

/**
 * The page's entry script, run after the first frame rather than before it when there is an
 * opening picture to paint: a module script runs as soon as it has arrived, and while it runs the
 * page paints nothing. With no picture (a link's own view), or in a tab opened in the background
 * (it has no frames to give), it runs at once.
 *
 * Its chunks are preloaded then too, not from the page's head: Vite names every chunk of the first
 * load in a modulepreload link, and Chromium fetched and compiled them all at once, on the two
 * cores that draw the first frame. Asked for after it, the first view came 164 ms sooner (a median
 * of 10 alternating loads, 580 against 744 ms) and the first loaded map no later (2,446 against
 * 2,407 ms, within the spread). They are still asked for all at once, beside the entry, so that a
 * distant server is not asked for them only once the entry has arrived and named them. Chunks
 * loaded on first use keep Vite's preloading of their own imports.
 */
export function deferEntry(html: string): string {
  const preloadLink = /<link rel="modulepreload" crossorigin href="([^"]+\.js)">/g;
  const chunks = [...html.matchAll(preloadLink)].map((m) => m[1]);
  const preload = `for (const href of ${JSON.stringify(chunks)}) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', crossOrigin: '', href }));`;
  return html
    .replace(preloadLink, '')
    .replace(
      /<script type="module" crossorigin src="([^"]+)"><\/script>/,
      (_, src: string) =>
        `<script type="module">if (document.visibilityState === 'visible' && document.getElementById('opening-picture')) await new Promise((go) => requestAnimationFrame(() => setTimeout(go))); ${preload} await import(${JSON.stringify(src)});</script>`,
    );
}
