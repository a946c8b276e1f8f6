// `npm run figure`: renders figures without a person, through the built atlas in headless
// Chromium and the same code as the print dialog (window.iraqAtlas.figure). Nothing leaves the
// machine: the page is served locally and any request off its origin is refused.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from './browser.ts';
import { parseArgs, usage } from './figure-args.ts';
import type { FigureResult } from '../lib/print/page-api.ts';
import type { FigureOptions } from '../lib/print/options.ts';

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const outDir = process.env.ATLAS_DIST ?? 'dist';
  if (parsed.build) await build({ logLevel: 'warn', build: { outDir } });
  const server = await preview({ logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1', open: false } });
  const base = server.resolvedUrls!.local[0];
  const browser = await chromium.launch(chromiumLaunchOptions);
  let failed = 0;
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(base);
    await page.waitForFunction(() => 'iraqAtlas' in window);
    for (const job of parsed.jobs) {
      try {
        const result = await page.evaluate((options) => (window as unknown as { iraqAtlas: { figure: (o: FigureOptions) => Promise<FigureResult> } }).iraqAtlas.figure(options), job.options);
        mkdirSync(dirname(job.out), { recursive: true });
        writeFileSync(job.out, Buffer.from(result.base64, 'base64'));
        const { widthMm, heightMm, dpi } = job.options.page;
        const left = result.dropped.length ? `; labels left out where they would overlap: ${result.dropped.join(', ')}` : '';
        console.log(`wrote ${job.out} (${widthMm} × ${heightMm} mm, ${job.options.format === 'png' ? `${dpi} DPI` : 'vector'}${left})`);
      } catch (e) {
        failed++;
        console.error(`${job.out}: ${(e as Error).message.replace(/^page\.evaluate: (Error: )?/, '').split('\n')[0]}`);
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return failed ? 2 : 0;
}

process.exit(await main());
