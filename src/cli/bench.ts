// `npm run bench`: measured speed, as ratios taken side by side in one run, in headless Chromium
// (the same browser and flags as the tests). It prints the machine, the browser and its GL
// renderer, then a Markdown table for docs/speed.md. Nothing here asserts: numbers are reported.
//   - cold load of the built atlas to its first idle map, against a plain MapLibre page with the
//     same governorates (the peer);
//   - a slider step to the next idle frame (median, 95th percentile): the shipped data, and seeded
//     synthetic sets of 100,000 and 400,000 events drawn by the atlas's GPU layer, each against a
//     plain repaint of the same map (the floor) and MapLibre's own filter on the same data;
//   - a seeded 2,000,000-row CSV imported through the page (bench-import.ts): rows a second in the
//     worker, the longest main-thread task while it reads, peak memory, load to the first frame
//     (against the MapLibre GeoJSON peer at 400,000, as 2,000,000 do not fit it), and a step;
//   - figures, in Node as `npm run figure` makes them (bench-figures.ts), against encode-only
//     peers of the same size;
//   - the initial JavaScript and data, gzipped, and the WebGL programs compiled before the first frame.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from './browser.ts';
import { benchFigures } from './bench-figures.ts';
import { measureImport, seededCsv, type ImportMeasure } from './bench-import.ts';
import { SLOW_FRAME_MS } from '../lib/time/playback.ts';
import { benchDb, DB_ROWS, READERS, tileRow } from './bench-db.ts';
import { whyNoDatabase } from '../db/cluster.ts';
import { firstLoadScripts } from '../build/first-load.ts';
import { OPENING_MARK } from '../build/opening-picture.ts';
import { layers as layerIds } from '../lib/map/style/ids.ts';

const outDir = 'dist-e2e';
const STEPS = 60;
const LOADS = 5;

/**
 * `npm run bench -- load shipped`: only the sections named (load, shipped, synthetic, million,
 * figures, size); all of those by default. `--db` (or `db`), the server mode with 10,000,000
 * events, runs only when named: it takes several minutes and needs PostgreSQL.
 */
const sections = new Set(process.argv.slice(2).map((a) => a.replace(/^--/, '')));
const runsDb = sections.has('db');
sections.delete('db');
const runs = (section: 'load' | 'shipped' | 'synthetic' | 'million' | 'figures' | 'size') => (!sections.size && !runsDb) || sections.has(section);
const MILLION_ROWS = 2_000_000;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** The peer page: plain MapLibre (from node_modules), the same governorates, fitted the same way. */
const peerPage = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/__bench/maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div><script type="module">
import * as maplibregl from '/__bench/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/__bench/maplibre-gl-worker.mjs');
const data = await (await fetch('/__bench/governorates.geojson')).json();
const map = new maplibregl.Map({ container: 'map', bounds: [38.6, 28.9, 48.9, 37.5], fitBoundsOptions: { padding: 24 }, style: { version: 8,
  sources: { g: { type: 'geojson', data } },
  layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#c9dbe6' } }, { id: 'f', type: 'fill', source: 'g', paint: { 'fill-color': '#f6f4ee' } }, { id: 'l', type: 'line', source: 'g', paint: { 'line-color': '#a39d8f' } }] } });
window.__map = map;
</script></body></html>`;

async function servePeer(page: Page) {
  await page.route('**/__bench/**', (route) => {
    const name = new URL(route.request().url()).pathname.replace('/__bench/', '');
    if (name === 'peer.html') return route.fulfill({ body: peerPage, contentType: 'text/html' });
    if (name === 'governorates.geojson') return route.fulfill({ path: 'geo/governorates.geojson', contentType: 'application/json' });
    return route.fulfill({ path: `node_modules/maplibre-gl/dist/${name}`, contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript' });
  });
}

/**
 * Navigation start to the first frame with the map loaded, in a fresh context each time (cold
 * cache); and to the first view on screen: the first frame after the opening picture was drawn
 * (src/build/opening-picture.ts marks it), no earlier than the first contentful paint, or, in a
 * page with no picture, the first loaded map.
 */
async function coldLoads(
  browser: import('@playwright/test').Browser,
  url: string,
  atlas: boolean,
): Promise<{ times: number[]; firstViews: number[]; programs: number }> {
  const times: number[] = [];
  const firstViews: number[] = [];
  let programs = 0;
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // The same probe in both pages: the first moment (polled every 2 ms) at which the map reports
    // its style, sources and tiles loaded.
    await page.addInitScript((markName: string) => {
      const w = window as unknown as { __map?: { loaded: () => boolean }; __firstIdle?: number; __programs?: number };
      // WebGL programs linked before the first idle map: in software WebGL their compiling is
      // the largest single part of a cold load.
      const link = WebGL2RenderingContext.prototype.linkProgram;
      w.__programs = 0;
      WebGL2RenderingContext.prototype.linkProgram = function (program) {
        if (!w.__firstIdle) w.__programs!++;
        return link.call(this, program);
      };
      const poll = setInterval(() => {
        if (!w.__map?.loaded()) return;
        w.__firstIdle = performance.now();
        clearInterval(poll);
      }, 2);
      // The frame after the picture is drawn (the mark), as the next animation frame begins.
      new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => e.name === markName))
          requestAnimationFrame((frame) => ((w as unknown as { __pictureFrame?: number }).__pictureFrame = frame));
      }).observe({ type: 'mark', buffered: true });
    }, OPENING_MARK);
    if (!atlas) await servePeer(page);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __firstIdle?: number }).__firstIdle, null, { timeout: 120_000 });
    const load = await page.evaluate(() => {
      const w = window as unknown as { __firstIdle: number; __pictureFrame?: number };
      const contentful = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      return { idle: w.__firstIdle, firstView: w.__pictureFrame === undefined ? w.__firstIdle : Math.max(contentful, w.__pictureFrame) };
    });
    times.push(load.idle);
    firstViews.push(load.firstView);
    programs = await page.evaluate(() => (window as unknown as { __programs: number }).__programs);
    await context.close();
  }
  return { times, firstViews, programs };
}

/**
 * Runs in the page: `steps` slider steps of one kind, each timed from the change to the map's next
 * idle, and as many plain repaints of the same map (the floor), taken in turn, so that the machine's
 * drift over a run weighs on both alike. Days walk through 2004–2009 a month at a time.
 *
 * The floor and the step each start right after a repaint, with none of the page's own requests in
 * flight. In software WebGL a repaint's drawing goes on in the GPU process after the map reports
 * idle, so what a timing starts after weighs on it; and the collection panel asks the server for
 * its count once the map is idle, which, taken during the floor, lengthened it (and flattered the
 * ratio: 1.73x against 2.02x in the same profile at 10,000,000 served events).
 */
async function timeSteps(page: Page, kind: 'shipped' | 'native' | 'gpu'): Promise<{ step: number[]; floor: number[] }> {
  return page.evaluate(
    async ({ kind, steps }) => {
      const w = window as unknown as { __map: import('maplibre-gl').Map; __gpu?: { setClock: (c: object) => void } };
      const map = w.__map;
      const slider = document.querySelector<HTMLInputElement>('input[type="range"][aria-label="Date"]')!;
      const repaint = (window as unknown as { __repaintAll: () => void }).__repaintAll;
      const timed = async (change: () => void) => {
        const idle = new Promise<void>((resolve) => map.once('idle', () => resolve()));
        const start = performance.now();
        change();
        await idle;
        return performance.now() - start;
      };
      let inFlight = 0;
      const pageFetch = window.fetch;
      window.fetch = (...args) => {
        inFlight++;
        return pageFetch.apply(window, args).finally(() => inFlight--);
      };
      const times = { step: [] as number[], floor: [] as number[] };
      for (let i = 0; i < steps; i++) {
        const t = 400 + i * 30;
        while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
        await timed(repaint);
        times.floor.push(await timed(repaint));
        times.step.push(
          await timed(() => {
            if (kind === 'gpu') w.__gpu!.setClock({ t, mode: 'window', windowDays: 90 });
            else if (kind === 'native') map.setGlobalStateProperty('t', t);
            else {
              // The app's own path: the slider moves, and everything that follows the date follows it.
              slider.value = String(t);
              slider.dispatchEvent(new Event('input', { bubbles: true }));
            }
          }),
        );
      }
      window.fetch = pageFetch;
      return times;
    },
    { kind, steps: STEPS },
  );
}

/**
 * The frames the page draws in three seconds, a second's worth, and the share of them later than
 * 30 a second allows; the synthetic GPU layer (if any) driven from the slider's day as the app
 * drives an imported layer.
 */
async function countFrames(page: Page, redraw = false): Promise<Frames> {
  const gaps = await page.evaluate(async (redraw) => {
    const w = window as unknown as { __gpu?: { setClock: (c: object) => void }; __repaintAll: () => void };
    const slider = document.querySelector<HTMLInputElement>('input[type="range"][aria-label="Date"]')!;
    const gaps: number[] = [];
    let last = performance.now();
    const end = last + 3000;
    await new Promise<void>((resolve) => {
      const tick = (now: number) => {
        gaps.push(now - last);
        last = now;
        w.__gpu?.setClock({ t: Number(slider.value), mode: 'window', windowDays: 90 });
        if (redraw) w.__repaintAll();
        if (now < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    return gaps;
  }, redraw);
  return { perSecond: gaps.length / 3, late: gaps.filter((g) => g > SLOW_FRAME_MS).length / gaps.length };
}

interface Frames {
  perSecond: number;
  late: number;
}

/** Plays the clock from the page's Play button for three seconds. */
async function playFrames(page: Page): Promise<Frames> {
  await page.getByRole('button', { name: 'Play' }).click();
  const frames = await countFrames(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  return frames;
}

/**
 * The same map drawn again every frame with nothing changed: how many whole repaints a second the
 * machine draws, what it allows a play whose every frame redraws the map (play may count more
 * frames, as not every frame of it moves what the map draws).
 */
async function repaintFrames(page: Page): Promise<Frames> {
  return countFrames(page, true);
}

/** A play row's "against": the machine's own ceiling beside the late frames; its ratio, play's share of that ceiling. */
const playAgainst = (play: Frames, ceiling: Frames) =>
  [
    `${(play.late * 100).toFixed(0)}% of frames late for 30 a second; the map repainting every frame, nothing changed: ${ceiling.perSecond.toFixed(0)} a second`,
    `${(play.perSecond / ceiling.perSecond).toFixed(2)}× the repainting map`,
  ] as const;

/** Adds n seeded synthetic events, as a GeoJSON source with MapLibre's filter or as the GPU layer. */
async function addSynthetic(page: Page, n: number, as: 'native' | 'gpu') {
  await page.evaluate(
    async ({ n, as }) => {
      const w = window as unknown as {
        __map: import('maplibre-gl').Map;
        __TimePointsLayer: new (...a: unknown[]) => { setClock: (c: object) => void };
        __gpu?: unknown;
      };
      const map = w.__map;
      let seed = 7;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const x = new Float32Array(n),
        y = new Float32Array(n),
        t0 = new Float32Array(n),
        t1 = new Float32Array(n);
      const features = [];
      for (let i = 0; i < n; i++) {
        const lng = 39 + random() * 9,
          lat = 29.5 + random() * 7.5,
          day = 365 + Math.floor(random() * 2190);
        x[i] = (lng + 180) / 360;
        y[i] = (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
        t0[i] = t1[i] = day;
        if (as === 'native')
          features.push({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lng, lat] }, properties: { t0: day, t1: day } });
      }
      if (as === 'native') {
        map.addSource('bench', { type: 'geojson', data: { type: 'FeatureCollection', features } });
        // The atlas's time rule (time/window.ts isVisible) as a MapLibre filter on global state,
        // as the atlas drew its own events before issue 16.
        const g = (k: string) => ['global-state', k];
        map.setGlobalStateProperty('mode', 'window');
        map.setGlobalStateProperty('windowDays', 90);
        map.addLayer({
          id: 'bench',
          type: 'circle',
          source: 'bench',
          filter: [
            'all',
            ['<=', ['get', 't0'], g('t')],
            ['any', ['==', g('mode'), 'cumulative'], ['>=', ['get', 't1'], ['-', g('t'), g('windowDays')]]],
          ] as never,
          paint: { 'circle-radius': 2.5, 'circle-color': '#0f6e8c' },
        });
      } else {
        const layer = new w.__TimePointsLayer('bench', { count: n, x, y, t0, t1 }, '#0f6e8c');
        map.addLayer(layer as never);
        w.__gpu = layer;
      }
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    },
    { n, as },
  );
}

async function removeSynthetic(page: Page) {
  await page.evaluate(async () => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    map.removeLayer('bench');
    if (map.getSource('bench')) map.removeSource('bench');
    await new Promise<void>((resolve) => map.once('idle', () => resolve()));
  });
}

async function timeToBlob(page: Page, width: number, height: number): Promise<number> {
  return page.evaluate(
    async ({ width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      const start = performance.now();
      await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
      return performance.now() - start;
    },
    { width, height },
  );
}

/** The checked atlas the page fetches on load (src/build/shipped-atlas.ts), gzipped. */
function initialDataGzipped(): number {
  const html = readFileSync(`${outDir}/index.html`, 'utf8');
  const data = html.match(/href="(?:\.?\/)?(assets\/atlas-data-[^"]+\.json)"/)?.[1];
  return data ? gzipSync(readFileSync(`${outDir}/${data}`), { level: 9 }).length : 0;
}

/** The built atlas at `base`, on 14 November 2006 or at `hash`, in a page of its own with the bench's repaint, once its map has loaded. */
async function openAtlas(browser: import('@playwright/test').Browser, base: string, hash = '#t=2006-11-14'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx keeps function names with a __name helper that the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  // A repaint that draws everything again, for the step's floor and the play rows' ceiling: the
  // density layer also counts its events again (it keeps its counts through a frame that changes
  // nothing they depend on).
  await page.addInitScript((importedId: string) => {
    const w = window as unknown as { __map: import('maplibre-gl').Map; __repaintAll: () => void };
    w.__repaintAll = () => {
      const layer = w.__map.getLayer(importedId) as unknown as { implementation?: { recount?: () => void } } | undefined;
      if (layer?.implementation?.recount) layer.implementation.recount();
      else w.__map.triggerRepaint();
    };
  }, layerIds.importedEvents);
  await page.goto(`${base}${hash}`);
  await page.waitForFunction(() => (window as unknown as { __map?: { loaded: () => boolean } }).__map?.loaded());
  return page;
}

async function main() {
  const server = await preview({ logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1', open: false } });
  const base = server.resolvedUrls!.local[0];
  const browser = await chromium.launch(chromiumLaunchOptions);
  const rows: string[][] = [];
  const row = (measure: string, value: string, against: string, ratio: string, target = '') => {
    rows.push([measure, value, against, ratio, target]);
    console.error([measure, value, against, ratio].join('  '));
  };
  try {
    if (runs('load')) {
      // The address a visitor opens, with no link's view: the page paints its opening picture.
      const atlasLoad = await coldLoads(browser, base, true);
      const peerLoad = await coldLoads(browser, `${base}__bench/peer.html`, false);
      row(
        'First view on screen',
        `${ms(median(atlasLoad.firstViews))} ms (the opening picture, drawn at build time)`,
        `plain MapLibre, same governorates, first loaded map: ${ms(median(peerLoad.times))} ms`,
        `${(median(atlasLoad.firstViews) / median(peerLoad.times)).toFixed(2)}×`,
        '≤ 0.5×',
      );
      row(
        'Cold load to the first loaded map',
        `${ms(median(atlasLoad.times))} ms, ${atlasLoad.programs} WebGL programs`,
        `plain MapLibre, same governorates: ${ms(median(peerLoad.times))} ms, ${peerLoad.programs} programs`,
        `${(median(atlasLoad.times) / median(peerLoad.times)).toFixed(2)}×`,
        '≤ 1.3×',
      );
    }

    const page = await openAtlas(browser, base);
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2')!;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    });

    // The 2,000,000-event import first, before the sections below have added layers and memory to
    // the browser, so that a full run reads what `npm run bench -- million` alone does: after them,
    // the full run of 3 December counted 2,958 MB before the import (750 MB alone).
    let million: { imp: ImportMeasure; step: number[]; floor: number[]; play: Frames; ceiling: Frames; peer: number } | undefined;
    if (runs('million')) {
      // The peer in a fresh page of its own, as the import gets. Taken from the synthetic rows'
      // page, after a 100,000-event GeoJSON layer had come and gone there, it read 7.7 s in the
      // full run of 3 December; in a fresh page, 18.2-19.5 s, before the import or after it.
      const peerPage = await openAtlas(browser, base);
      const peerStart = Date.now();
      await addSynthetic(peerPage, 400_000, 'native');
      const peer = Date.now() - peerStart;
      await peerPage.close();
      // The import in a page of its own too, so that the page the other sections use does not weigh on it.
      const fresh = await openAtlas(browser, base);
      const imp = await measureImport(fresh, seededCsv(MILLION_ROWS), MILLION_ROWS);
      const { step, floor } = await timeSteps(fresh, 'shipped');
      const play = await playFrames(fresh);
      const ceiling = await repaintFrames(fresh);
      await fresh.close();
      million = { imp, step, floor, play, ceiling, peer };
    }

    if (runs('shipped')) {
      const { step: shipped, floor } = await timeSteps(page, 'shipped');
      row(
        'Slider step, shipped data (from the slider through the app)',
        `${ms(median(shipped))} / ${ms(p95(shipped))} ms`,
        `repaint: ${ms(median(floor))} / ${ms(p95(floor))} ms`,
        `${(median(shipped) / median(floor)).toFixed(2)}× repaint`,
        '≤ 1.2× repaint',
      );
      const play = await playFrames(page);
      row('Play, shipped data', `${play.perSecond.toFixed(0)} frames a second`, ...playAgainst(play, await repaintFrames(page)), '30 frames a second');
    }

    for (const n of runs('synthetic') ? [100_000, 400_000] : []) {
      const gpuStart = Date.now();
      await addSynthetic(page, n, 'gpu');
      const gpuLoad = Date.now() - gpuStart;
      const { step: gpu, floor: gpuFloor } = await timeSteps(page, 'gpu');
      const gpuPlay = await playFrames(page);
      const gpuCeiling = await repaintFrames(page);
      await removeSynthetic(page);
      const loadStart = Date.now();
      await addSynthetic(page, n, 'native');
      const nativeLoad = Date.now() - loadStart;
      const { step: native, floor: nativeFloor } = await timeSteps(page, 'native');
      await removeSynthetic(page);
      const k = `${n / 1000}k`;
      row(
        `Slider step, ${k} events, GPU layer`,
        `${ms(median(gpu))} / ${ms(p95(gpu))} ms`,
        `repaint with them: ${ms(median(gpuFloor))} / ${ms(p95(gpuFloor))} ms`,
        `${(median(gpu) / median(gpuFloor)).toFixed(2)}× repaint; ${(median(gpu) / median(native)).toFixed(3)}× native`,
      );
      row(
        `Play, ${k} events, GPU layer`,
        `${gpuPlay.perSecond.toFixed(0)} frames a second`,
        ...playAgainst(gpuPlay, gpuCeiling),
        n === 400_000 ? '30 frames a second where the machine allows' : '',
      );
      row(
        `${k} events in memory to the first frame, GPU layer`,
        `${gpuLoad} ms`,
        `MapLibre GeoJSON source: ${nativeLoad} ms`,
        `${(gpuLoad / nativeLoad).toFixed(2)}×`,
      );
      row(
        `Slider step, ${k} events, MapLibre filter (peer)`,
        `${ms(median(native))} / ${ms(p95(native))} ms`,
        `repaint with them: ${ms(median(nativeFloor))} / ${ms(p95(nativeFloor))} ms`,
        `${(median(native) / median(nativeFloor)).toFixed(2)}× repaint`,
      );
    }

    if (million) {
      const { imp, step, floor, play, peer } = million;
      const k = `${MILLION_ROWS / 1e6} million`;
      row(
        `Import of ${k} CSV rows, read in the worker`,
        `${ms(imp.readMs)} ms, ${Math.round(MILLION_ROWS / (imp.readMs / 1000)).toLocaleString('en-GB')} rows a second`,
        `longest main-thread task while reading: ${ms(imp.longestTaskReading)} ms`,
        '',
        'no pause of 200 ms or more while reading',
      );
      row(
        `${k} imported events, file chosen to the first frame with them`,
        `${ms(imp.firstFrameMs)} ms (longest task after reading: ${ms(imp.longestTaskAfter)} ms)`,
        `MapLibre GeoJSON source, 400,000 events in memory (2 million do not fit it), in a page of its own: ${ms(peer)} ms`,
        `${(imp.firstFrameMs / peer).toFixed(2)}×`,
        '≤ 0.25×',
      );
      row(
        `Peak memory while importing ${k}`,
        `${mb(imp.peakAll)}, all Chromium processes (renderers: ${mb(imp.peakRenderer)})`,
        `before the import: ${mb(imp.beforeAll)} (renderers: ${mb(imp.beforeRenderer)}); proportional set size, summed`,
        '',
        '< 1.5 GB',
      );
      row(
        `Slider step with ${k} imported events (from the slider through the app)`,
        `${ms(median(step))} / ${ms(p95(step))} ms`,
        `repaint with them: ${ms(median(floor))} / ${ms(p95(floor))} ms`,
        `${(median(step) / median(floor)).toFixed(2)}× repaint`,
        '≤ 1.5× repaint',
      );
      row(`Play, ${k} imported events`, `${play.perSecond.toFixed(0)} frames a second`, ...playAgainst(play, million.ceiling), '');
    }

    if (runsDb) {
      const missing = whyNoDatabase();
      if (missing) throw new Error(`--db needs PostgreSQL with PostGIS: ${missing}`);
      const db = await benchDb(outDir, (line) => console.error(line));
      // "10 million", or the rows as counted where ATLAS_BENCH_DB_ROWS asks for a smaller set.
      const dbRows = DB_ROWS % 1e6 ? DB_ROWS.toLocaleString('en-GB') : `${DB_ROWS / 1e6} million`;
      try {
        const { load } = db;
        const rate = (seconds: number) => Math.round(load.rows / seconds).toLocaleString('en-GB');
        row(
          `Load of ${dbRows} seeded CSV rows (npm run db -- load)`,
          `${rate(load.copySeconds)} rows a second read, checked and copied (${load.copySeconds.toFixed(0)} s)`,
          `with the indexes, the counts kept ahead and the vacuum after: ${rate(load.copySeconds + load.buildSeconds)} rows a second (${(load.copySeconds + load.buildSeconds).toFixed(0)} s)`,
          '',
          '≥ 100,000 rows a second',
        );
        for (const t of db.tiles) {
          const r = tileRow(t);
          row(
            `Tile at zoom ${t.z}, one-year windows (${t.kind}), over HTTP`,
            `${ms(r.median)} / ${ms(r.p95)} ms`,
            `${t.ms.length} tiles; ${(r.medianBytes / 1024).toFixed(0)} kB median, largest ${(r.largest / 1024).toFixed(0)} kB`,
            '',
            '95th percentile ≤ 150 ms; largest ≤ 512 kB',
          );
        }
        const { alone, sameDays, ownDays } = db.stepping;
        for (const [who, run] of [
          ['on the same days (a class following one tour)', sameDays],
          ['each on their own days', ownDays],
        ] as const)
          row(
            `Tiles while ${READERS} readers step the slider together ${who}, zoom 8, a week a step`,
            `${ms(median(run.times))} / ${ms(p95(run.times))} ms (${run.perSecond.toFixed(0)} tiles a second)`,
            `one reader alone: ${ms(median(alone.times))} / ${ms(p95(alone.times))} ms (${alone.perSecond.toFixed(0)} tiles a second)`,
            `${(p95(run.times) / p95(alone.times)).toFixed(2)}×`,
            '95th percentile ≤ 150 ms',
          );
        const { httpFloor } = db.stepping;
        row(
          `The same ${READERS} readers on the same days against a server with nothing to draw (every tile answered at once from memory with a served tile as sent, ${(median(httpFloor.sizes) / 1024).toFixed(0)} kB gzipped): HTTP alone on this machine`,
          `${ms(median(httpFloor.times))} / ${ms(p95(httpFloor.times))} ms (${httpFloor.perSecond.toFixed(0)} tiles a second)`,
          `served, on the same days: ${ms(median(sameDays.times))} / ${ms(p95(sameDays.times))} ms`,
          `served at ${(p95(sameDays.times) / p95(httpFloor.times)).toFixed(2)}× the floor`,
          '',
        );
        const page = await openAtlas(browser, `${db.origin}/`, `#t=2006-11-14&c=44.4,33.3,6&db=${db.origin}`);
        // Two passes over the same days, the first not counted in the target: in a new page the
        // first steps pay for the page's, the worker's and PostgreSQL's first work on those days
        // (in a profile of four passes of 60 steps, 2.90 repaints a step for the first and
        // 1.39-1.56 for the others). Both are printed.
        const first = await timeSteps(page, 'shipped');
        const { step, floor } = await timeSteps(page, 'shipped');
        await page.close();
        row(
          `Slider step with the ${dbRows} served events (zoom 6, new tiles each step; the second pass over the days)`,
          `${ms(median(step))} / ${ms(p95(step))} ms`,
          `repaint with them: ${ms(median(floor))} / ${ms(p95(floor))} ms`,
          `${(median(step) / median(floor)).toFixed(2)}× repaint`,
          '≤ 2× repaint',
        );
        row(
          `Slider step with them, the first pass over the days in a new page`,
          `${ms(median(first.step))} / ${ms(p95(first.step))} ms`,
          `repaint with them: ${ms(median(first.floor))} / ${ms(p95(first.floor))} ms`,
          `${(median(first.step) / median(first.floor)).toFixed(2)}× repaint`,
          '',
        );
      } finally {
        await db.close();
      }
    }

    if (runs('figures')) for (const r of await benchFigures((w, h) => timeToBlob(page, w, h))) row(r.measure, r.value, r.against, r.ratio, r.target);
    if (runs('size')) {
      const js = firstLoadScripts(outDir);
      row(
        'Initial JavaScript, gzipped',
        `${(js.bytes / 1024).toFixed(0)} kB`,
        `${js.files} files (figure and import code load on first use)`,
        '',
        '≤ 350 kB, MapLibre included',
      );
      const data = initialDataGzipped();
      row('Initial data, gzipped', `${(data / 1024).toFixed(0)} kB`, "the atlas checked at build time, one JSON file, asked for from the page's head", '');
    }

    const browserVersion = browser.version();
    console.log(
      `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}; Chromium ${browserVersion}; WebGL: ${renderer}`,
    );
    console.log(`Medians of ${LOADS} cold loads and ${STEPS} steps; "a / b ms" is median / 95th percentile.\n`);
    console.log('| Measure | Atlas | Against | Ratio | Target |\n|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

await main();
