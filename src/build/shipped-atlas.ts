// A Vite plugin for the module `virtual:shipped-atlas`, whose `loadShipped()` gives the page its
// data (issue 16: load like a plain map).
//   - build: the data is loaded and checked here, once. Any problem fails the build, naming file,
//     feature and field. What passes is written as one compact JSON file beside the scripts, which
//     the page fetches (preloaded from index.html, so it downloads while the scripts parse).
//   - serve (`npm run dev`): the page loads and checks the raw files itself (shipped-in-page.ts).
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { citationTags } from './citation-meta.ts';
import { deferEntry, openingTags } from './opening-picture.ts';
import { readRawFiles } from '../lib/data/files-node.ts';
import { formatProblem } from '../lib/data/problem.ts';
import { shipData } from '../shipped.ts';

const id = 'virtual:shipped-atlas';
const resolved = `\0${id}`;
const fileName = 'assets/atlas-data.json';

export function shippedAtlas(root = process.cwd()): Plugin {
  let serving = false;
  // The citation tags need the data version and the texts: kept from the build's load.
  let cited: HtmlTagDescriptor[] = [];
  // The opening view drawn from the same data (opening-picture.ts).
  let opening: HtmlTagDescriptor[] = [];
  return {
    name: 'shipped-atlas',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (source) => (source === id ? resolved : null),
    async load(source) {
      if (source !== resolved) return null;
      if (serving) return `export { loadShipped } from '/src/shipped-in-page.ts';`;
      const shipped = await shipData(readRawFiles(root));
      if (shipped.problems.length)
        this.error(
          `The atlas's data has ${shipped.problems.length} problem(s); fix them or run \`npm run dev\` to see them in the page:\n${shipped.problems.map(formatProblem).join('\n')}`,
        );
      // Named by the data version (a content hash), so a changed atlas is never read from a stale cache.
      cited = citationTags(shipped.version, shipped.atlas.sources);
      opening = await openingTags(shipped.atlas);
      const ref = this.emitFile({ type: 'asset', fileName: fileName.replace('.json', `-${shipped.version}.json`), source: JSON.stringify(shipped) });
      return `export const loadShipped = () => fetch(import.meta.ROLLUP_FILE_URL_${ref}).then((r) => { if (!r.ok) throw new Error('The atlas data did not load: ' + r.status + ' ' + r.statusText); return r.json(); });`;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const data = Object.keys(ctx.bundle ?? {}).find((f) => f.startsWith('assets/atlas-data-'));
        if (!data) return [];
        return {
          // The page's scripts run after the opening picture's first paint (opening-picture.ts).
          html: deferEntry(html),
          tags: [{ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: '', href: `./${data}` }, injectTo: 'head' }, ...cited, ...opening],
        };
      },
    },
  };
}
