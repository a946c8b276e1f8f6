// The figure rows of `npm run bench`, measured in Node as `npm run figure` makes figures:
//   - PNG at A4 300 DPI and 174 × 120 mm 600 DPI against the encode-only peer of issue 12,
//     Chromium's toBlob of a blank canvas of the same pixel size (from bench.ts), and, for scale,
//     a blank page through our own rasterizer and encoder (nothing to draw);
//   - one 174 × 120 mm figure in the three formats side by side;
//   - `npm run figure` end to end, as a user runs it;
//   - a figure of 400,000 imported events: time and size in each format.
// Medians of three runs, after one warm-up.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRawFiles } from '../lib/data/files-node.ts';
import { loadAtlas } from '../lib/data/load.ts';
import { seededEvents } from '../lib/import/seeded.ts';
import { makeFigure, type Format } from '../lib/print/figure.ts';
import { specFromOptions, type FigureContext, type FigureOptions } from '../lib/print/options.ts';
import { planPixels } from '../lib/print/page.ts';
import { loadFigureTools } from '../lib/print/tools-node.ts';
import { knownOf } from '../lib/state/snapshot.ts';
import { dayFromIso } from '../lib/time/day.ts';
import { loadTours } from '../lib/tour/check-tour.ts';

export interface BenchRow {
  measure: string;
  value: string;
  against: string;
  ratio: string;
  target: string;
}

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * `toBlob` measures Chromium's encoder on a blank canvas of a size (bench.ts supplies it, from its
 * page); null where no browser is at hand.
 */
export async function benchFigures(toBlob: ((width: number, height: number) => Promise<number>) | null): Promise<BenchRow[]> {
  const files = readRawFiles();
  const { atlas } = loadAtlas(files);
  const { tours } = loadTours(files, atlas);
  const ctx: FigureContext = { atlas, tours, known: knownOf(atlas, tours), version: 'bench' };
  const tools = await loadFigureTools();
  const rows: BenchRow[] = [];
  const link = ['#t=2007-12-16&layers=events,control,context'];
  const figure = (options: FigureOptions) => makeFigure(atlas, specFromOptions(ctx, options), options.format, tools);

  for (const [name, page] of [
    ['A4 portrait, 300 DPI', { widthMm: 210, heightMm: 297, dpi: 300 }],
    ['174 × 120 mm, 600 DPI', { widthMm: 174, heightMm: 120, dpi: 600 }],
  ] as const) {
    const plan = planPixels(page);
    if (!plan.ok) throw new Error(plan.error);
    const { width, height } = plan.plan;
    const t = await timed(() => figure({ links: link, page, format: 'png' }));
    const blank = await timed(() =>
      tools.rasterize(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#fff"/></svg>`,
      ),
    );
    const chromium = toBlob ? await toBlob(width, height) : null;
    rows.push({
      measure: `Figure: ${name} PNG (${width} × ${height} px)`,
      value: `${ms(t)} ms`,
      against: `${chromium === null ? '' : `toBlob of a blank canvas: ${ms(chromium)} ms; `}blank page, same rasterizer and encoder: ${ms(blank)} ms`,
      ratio: `${chromium === null ? '' : `${(t / chromium).toFixed(2)}×; `}${(t / blank).toFixed(2)}×`,
      target: '≤ 3× toBlob of a blank canvas',
    });
  }

  const page174 = { widthMm: 174, heightMm: 120, dpi: 300 };
  const formats: Record<Format, number> = { png: 0, svg: 0, pdf: 0 };
  const sizes: Record<Format, number> = { png: 0, svg: 0, pdf: 0 };
  for (const format of ['png', 'svg', 'pdf'] as const) {
    formats[format] = await timed(() => figure({ links: link, page: page174, format }));
    sizes[format] = (await figure({ links: link, page: page174, format })).bytes.length;
  }
  rows.push({
    measure: 'Figure: 174 × 120 mm, the three formats (PNG at 300 DPI)',
    value: `PNG ${ms(formats.png)} ms, SVG ${ms(formats.svg)} ms, PDF ${ms(formats.pdf)} ms`,
    against: `PNG ${mb(sizes.png)}, SVG ${mb(sizes.svg)}, PDF ${mb(sizes.pdf)}`,
    ratio: '',
    target: '',
  });

  // End to end, as a user runs it: a new process, the data loaded and checked, the file written.
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const command = () =>
    execFileSync('npm', ['run', '-s', 'figure', '--', '--url', link[0], '--size', '174x120mm', '--dpi', '300', '--out', join(dir, 'fig.png')], {
      stdio: 'ignore',
    });
  const endToEnd = await timed(command);
  rows.push({ measure: 'npm run figure, 174 × 120 mm 300 DPI PNG, end to end', value: `${ms(endToEnd)} ms`, against: '', ratio: '', target: '≤ 3,000 ms' });
  rmSync(dir, { recursive: true });

  // A reader's 400,000 events, seeded, all of 2006–2007, in a cumulative view.
  const imported = seededEvents(400_000, dayFromIso('2006-01-01'), 700);
  const big = { ...specFromOptions(ctx, { links: ['#t=2007-12-16&mode=cumulative'], page: page174, format: 'png' }), imported };
  const parts: string[] = [];
  let slowest = 0;
  let largest = 0;
  for (const format of ['png', 'svg', 'pdf'] as const) {
    const start = performance.now();
    const made = await makeFigure(atlas, big, format, tools);
    const t = performance.now() - start;
    slowest = Math.max(slowest, t);
    largest = Math.max(largest, made.bytes.length);
    parts.push(`${format.toUpperCase()} ${ms(t)} ms, ${mb(made.bytes.length)}`);
  }
  rows.push({
    measure: 'Figure with 400,000 imported events (binned), 174 × 120 mm',
    value: parts.join('; '),
    against: '',
    ratio: `slowest ${ms(slowest)} ms, largest ${mb(largest)}`,
    target: '< 10,000 ms and < 20 MB each',
  });
  return rows;
}
