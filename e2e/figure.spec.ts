// Figures from the print dialog: exact pixel sizes and DPI, PDF page sizes, labels as text, the
// map frame, the caption with its Copy button, one visual snapshot per format, and the same bytes
// as `npm run figure` gives for the page's own permalink (the command itself is tested in
// src/cli/figure.test.ts, in Node).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { readPngDpi, readPngText } from '../src/lib/print/png.ts';
import type { FigureOptions } from '../src/lib/print/options.ts';
import type { FigureResult } from '../src/lib/print/page-api.ts';
import { guardEachTest, mapIdle } from './helpers.ts';
import { expectLooksLike } from './snapshot.ts';

guardEachTest();

declare global {
  interface Window {
    iraqAtlas: {
      figure: (o: FigureOptions) => Promise<FigureResult>;
    };
  }
}

async function openDialog(page: Page, hash = '') {
  await page.goto(`/${hash}`);
  await mapIdle(page);
  await page.getByRole('button', { name: 'Export figure' }).click();
  return page.getByRole('dialog', { name: 'Export a figure' });
}

async function exportFile(page: Page, format: string): Promise<Buffer> {
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: `Export ${format}` }).click();
  // A failed render says why in the dialog: fail with that, not with a bare timeout.
  const failed = dialog.getByRole('alert');
  const outcome = await Promise.race([
    download.then((d) => ({ d })),
    failed.waitFor({ timeout: 120_000 }).then(async () => ({ error: await failed.innerText() })),
  ]);
  if ('error' in outcome) throw new Error(`export failed: ${outcome.error}`);
  return readFileSync(await outcome.d.path());
}

/** A PDF's page size in points, to 0.01 pt. */
const mediaBox = (pdf: Buffer) =>
  /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/
    .exec(pdf.toString('latin1'))!
    .slice(1)
    .map((v) => Math.round(Number(v) * 100) / 100);

test('a double-column PNG has the exact pixel size, records its DPI, and is the same twice', async ({ page }) => {
  test.setTimeout(180_000);
  const dialog = await openDialog(page, '#t=2007-12-16&layers=events,control,context');
  await dialog.getByLabel('Height (mm)').fill('120');
  await dialog.getByLabel('Resolution').selectOption('150');
  await expect(dialog).toContainText('174 × 120 mm at 150 DPI = 1028 × 709 px');
  const caption = dialog.getByLabel('Caption, for your manuscript');
  await expect(caption).toHaveValue(/Jonathan Steele, "Iraq: The Way Out".*data version [0-9a-f]{12}\.$/);
  const first = await exportFile(page, 'PNG');
  expect(readPngDpi(first)).toEqual({ width: 1028, height: 709, dpi: 150 });
  expect(readPngText(first).Description).toBe(await dialog.getByLabel('Description (alt text, stored in the file)').inputValue());
  expect((await exportFile(page, 'PNG')).equals(first)).toBe(true);
});

test('an edited description is what the file carries, and the caption can be copied', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dialog = await openDialog(page, '#t=2007-12-16');
  await dialog.getByLabel('Resolution').selectOption('150');
  await dialog.getByLabel('Description (alt text, stored in the file)').fill('Province control in Iraq at the end of 2007.');
  expect(readPngText(await exportFile(page, 'PNG')).Description).toBe('Province control in Iraq at the end of 2007.');
  await dialog.getByRole('button', { name: 'Copy caption' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await dialog.getByLabel('Caption, for your manuscript').inputValue());
});

test('a single-column figure, 85 × 65 mm, exports with the defaults; at 60 mm the dialog says what crowds out the map', async ({ page }) => {
  test.setTimeout(120_000);
  const dialog = await openDialog(page);
  await dialog.getByLabel('Page').selectOption('journal-1col');
  // On the opening date the legend has 15 rows and the credit names three texts (Steele's since
  // the Awakening was dated September 2006): at 60 mm they would leave the map under a third.
  await dialog.getByLabel('Height (mm)').fill('60');
  await expect(dialog.getByRole('alert')).toContainText('would leave the map less than a third of a 85 × 60 mm page');
  await dialog.getByLabel('Height (mm)').fill('65');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  expect(readPngDpi(await exportFile(page, 'PNG'))).toEqual({ width: 1004, height: 768, dpi: 300 });
});

const run = promisify(execFile);

test('the dialog and `npm run figure` give the same bytes for the same permalink, in every format', async ({ page }) => {
  test.setTimeout(180_000);
  const dialog = await openDialog(page, '#t=2007-12-16&layers=events,control,displacement,context&c=44.3,33.4,6.2');
  await dialog.getByLabel('Height (mm)').fill('100');
  await dialog.getByLabel('Resolution').selectOption('150');
  const link = await page.evaluate(() => location.href);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-same-'));
  for (const format of ['png', 'svg', 'pdf'] as const) {
    await dialog.getByLabel('Format').selectOption(format);
    const fromDialog = await exportFile(page, format.toUpperCase());
    const out = join(dir, `fig.${format}`);
    await run('node_modules/.bin/tsx', ['src/cli/figure.ts', '--url', link, '--preset', 'journal-2col', '--height', '100', '--dpi', '150', '--out', out]);
    expect(readFileSync(out).equals(fromDialog), `${format}: the dialog's file differs from the command's`).toBe(true);
  }
});

test('174 mm at 600 DPI works', async ({ page }) => {
  test.setTimeout(180_000);
  const dialog = await openDialog(page, '#t=2006-11-14');
  await dialog.getByLabel('Height (mm)').fill('120');
  await dialog.getByLabel('Resolution').selectOption('600');
  expect(readPngDpi(await exportFile(page, 'PNG'))).toEqual({ width: 4110, height: 2835, dpi: 600 });
});

test('an impossible page is refused with what to change', async ({ page }) => {
  const dialog = await openDialog(page);
  await dialog.getByLabel('Page').selectOption('custom');
  await dialog.getByLabel('Width (mm)').fill('420');
  await dialog.getByLabel('Height (mm)').fill('297');
  await dialog.getByLabel('Resolution').selectOption('600');
  await expect(dialog).toContainText("over this renderer's 8192 px limit: lower the DPI to 495 or less");
  await expect(dialog.getByRole('button', { name: 'Export PNG' })).toBeDisabled();
});

test('SVG and PDF figures are vector, the exact page size, with labels as text, and the same twice', async ({ page }) => {
  test.setTimeout(120_000);
  const dialog = await openDialog(page, '#t=2007-12-16&layers=events,control,context');
  await dialog.getByLabel('Height (mm)').fill('120');
  await dialog.getByLabel('Format').selectOption('svg');
  const svg = (await exportFile(page, 'SVG')).toString('utf8');
  expect(svg).toMatch(
    /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" aria-labelledby="figure-title" aria-describedby="figure-desc" width="174mm" height="120mm"/,
  );
  for (const label of ['Baghdad', 'Mosul', 'Basra', 'ANBAR']) expect(svg).toContain(`>${label}</text>`);
  expect((await exportFile(page, 'SVG')).toString('utf8')).toBe(svg);

  await dialog.getByLabel('Format').selectOption('pdf');
  await dialog.getByRole('checkbox', { name: 'Governorate names in Arabic' }).check();
  const pdf = await exportFile(page, 'PDF');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // 174 × 120 mm in points (1/72 inch).
  expect(mediaBox(pdf)).toEqual([493.23, 340.16]);
  expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Regular/);
  expect((await exportFile(page, 'PDF')).equals(pdf)).toBe(true);
});

test('the map frames what the figure will show, and the frame goes when the dialog closes', async ({ page }) => {
  const dialog = await openDialog(page, '#t=2007-12-16&c=44.3,33.4,6.5');
  const frame = () =>
    page.evaluate(() => (window.__map!.getSource('print_frame') as unknown as { _data: { geojson: GeoJSON.FeatureCollection } } | undefined)?._data.geojson);
  await expect.poll(async () => (await frame())?.features.length).toBe(1);
  // The frame is a hole in a dimmed world: its ring holds the figure's corners around Baghdad.
  const ring = ((await frame())!.features[0].geometry as GeoJSON.Polygon).coordinates[1];
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  expect(Math.min(...lngs)).toBeLessThan(44.3);
  expect(Math.max(...lngs)).toBeGreaterThan(44.3);
  expect(Math.min(...lats)).toBeLessThan(33.4);
  expect(Math.max(...lats)).toBeGreaterThan(33.4);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(async () => (await frame())?.features.length).toBe(0);
});

test('each format looks as it did (pixelmatch against the committed snapshots)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await mapIdle(page);
  const options = (format: 'png' | 'svg' | 'pdf'): FigureOptions => ({
    links: ['#t=2007-12-16&layers=events,control,context'],
    page: { widthMm: 114, heightMm: 90, dpi: 100 },
    format,
  });
  const make = async (format: 'png' | 'svg' | 'pdf') => Buffer.from((await page.evaluate((o) => window.iraqAtlas.figure(o), options(format))).base64, 'base64');

  expectLooksLike(await make('png'), 'figure-png');

  // SVG: drawn by Chromium, with the fonts the file embeds.
  const svg = (await make('svg')).toString('utf8');
  await page.evaluate((svg) => {
    const holder = document.createElement('div');
    holder.id = 'svg-raster';
    Object.assign(holder.style, { position: 'fixed', left: '0', top: '0', zIndex: '1000', background: '#fff', lineHeight: '0' });
    holder.innerHTML = svg;
    document.body.append(holder);
  }, svg);
  expectLooksLike(await page.locator('#svg-raster svg').screenshot(), 'figure-svg');
  await page.evaluate(() => document.getElementById('svg-raster')!.remove());

  // PDF: drawn by pdf.js (served from node_modules under the app's origin) at 100 DPI.
  await page.route('**/__pdfjs/*', (route) =>
    route.fulfill({ path: `node_modules/pdfjs-dist/build/${route.request().url().split('/').pop()}`, contentType: 'text/javascript' }),
  );
  const pdfPng = await page.evaluate(
    async (base64) => {
      const pdfjs = await import(/* @vite-ignore */ `${location.origin}/__pdfjs/pdf.min.mjs`);
      pdfjs.GlobalWorkerOptions.workerSrc = `${location.origin}/__pdfjs/pdf.worker.min.mjs`;
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const pdfPage = await (await pdfjs.getDocument({ data }).promise).getPage(1);
      const viewport = pdfPage.getViewport({ scale: 100 / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      await pdfPage.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
      return canvas.toDataURL('image/png').split(',')[1];
    },
    (await make('pdf')).toString('base64'),
  );
  expectLooksLike(Buffer.from(pdfPng, 'base64'), 'figure-pdf');
});
