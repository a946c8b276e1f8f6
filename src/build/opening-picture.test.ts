import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { indexedPng } from './indexed-png.ts';
import { deferEntry } from './opening-picture.ts';
import { staticImports } from './first-load.ts';

describe('the opening picture in index.html', () => {
  it("writes an indexed PNG whose pixels are the picture's, each colour off the palette given its nearest", () => {
    const [width, height] = [3, 2];
    // Two flat colours and a pixel of a third: under 256 colours, each is kept exactly.
    const rgba = new Uint8Array([10, 20, 30, 255, 10, 20, 30, 255, 200, 100, 0, 255, 200, 100, 0, 255, 10, 20, 30, 255, 12, 21, 30, 255]);
    const png = PNG.sync.read(Buffer.from(indexedPng(rgba, width, height)));
    expect([png.width, png.height]).toEqual([width, height]);
    for (let i = 0; i < rgba.length; i += 4) expect([...png.data.subarray(i, i + 3)]).toEqual([...rgba.subarray(i, i + 3)]);
  });

  it('keeps at most 256 colours: a 257th is drawn as the nearest of them', () => {
    const rgba = new Uint8Array(257 * 2 * 4);
    // 256 greys twice each, then one odd colour once: the palette keeps the greys.
    for (let i = 0; i < 256; i++) for (const k of [0, 1]) rgba.set([i, i, i, 255], (i * 2 + k) * 4);
    rgba.set([250, 251, 255, 255], 512 * 4);
    const png = PNG.sync.read(Buffer.from(indexedPng(rgba, 257, 2)));
    expect([...png.data.subarray(512 * 4, 512 * 4 + 3)]).toEqual([252, 252, 252]);
  });

  it("fetches and runs the page's entry after the first frame, and asks for its chunks then, not before", () => {
    const html =
      '<head><script type="module" crossorigin src="./assets/index-AbC123.js"></script>' +
      '<link rel="modulepreload" crossorigin href="./assets/words-Xy12.js"><link rel="preload" as="fetch" crossorigin href="./assets/atlas-data-1.json"></head>';
    const deferred = deferEntry(html);
    const script = deferred.slice(deferred.indexOf('<script type="module">'));
    expect(deferred).not.toContain('src="./assets/index-AbC123.js"');
    expect(deferred).not.toContain('<link rel="modulepreload"');
    // After the frame: the chunk's preload, then the entry.
    const [frame, chunk, entry] = ['requestAnimationFrame', '["./assets/words-Xy12.js"]', 'await import("./assets/index-AbC123.js")'].map((s) =>
      script.indexOf(s),
    );
    expect(frame).toBeGreaterThan(0);
    expect(chunk).toBeGreaterThan(frame);
    expect(entry).toBeGreaterThan(chunk);
    // The data is still asked for at once: the entry waits for it.
    expect(deferred).toContain('<link rel="preload" as="fetch" crossorigin href="./assets/atlas-data-1.json">');
  });
});

describe('the first load', () => {
  it('follows static imports, and only those', () => {
    const code =
      'import{a as b}from"./disclose-version-DaEem55m.js";import"./side-Ab.js";export*from"./re-Cd.js";' +
      'const x=()=>import("./ImportPanel-D_WzRPb5.js");__vitePreload(()=>import("./csl-BA.js"),__vite__mapDeps([0,1]));const s="./not-an-import.js";';
    expect(staticImports(code)).toEqual(['./disclose-version-DaEem55m.js', './side-Ab.js', './re-Cd.js']);
  });
});
