// A Vite plugin: preload links for the font files the atlas's first screen uses (issue 16).
//
// The @fontsource faces come split by script (unicode-range), and a browser asks for a file only
// once laid-out text needs it: on a cold load that was after the scripts had run and the panels
// were built, some 600 ms in. Text was set in a fallback and set again, and the map's labels
// waited. Named in index.html, the files download beside the scripts (cold load ~180 ms sooner,
// npm run bench -- load). An end-to-end test checks that the first screen asks for these files and
// no other, so the list cannot quietly go stale.
import type { Plugin } from 'vite';

/**
 * Body text (Latin, regular), headings and the date (Latin, semibold), and the Arabic face: the
 * search box's placeholder names Basra in Arabic script.
 */
export const firstScreenFonts = ['noto-sans-latin-400-normal', 'noto-sans-latin-600-normal', 'noto-sans-arabic-arabic-400-normal'];

export function preloadFonts(faces: string[] = firstScreenFonts): Plugin {
  return {
    name: 'preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.keys(ctx.bundle ?? {});
        return faces.map((face) => {
          // Vite names each file `assets/<face>-<hash>.woff2`.
          const file = files.find((f) => new RegExp(`^assets/${face}-[\\w-]{8}\\.woff2$`).test(f));
          if (!file)
            throw new Error(`preload-fonts: the build has no file for the font ${face}; has @fontsource renamed its files? (src/build/preload-fonts.ts)`);
          return { tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${file}` }, injectTo: 'head' };
        });
      },
    },
  };
}
