// Figures (first part: PNG): exact pixel size, the DPI recorded, the same bytes twice, 600 DPI at
// 174 mm, and a clear error for an impossible page.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readPngDpi } from '../src/lib/print/png.ts';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest();

async function exportPng(page: Page): Promise<Uint8Array> {
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Export PNG' }).click();
  // A failed render says why in the dialog: fail with that, not with a bare timeout.
  const failed = page.getByRole('dialog', { name: 'Export a figure' }).getByRole('alert');
  const outcome = await Promise.race([download.then((d) => ({ d })), failed.waitFor({ timeout: 90_000 }).then(async () => ({ error: await failed.innerText() }))]);
  if ('error' in outcome) throw new Error(`export failed: ${outcome.error}`);
  return new Uint8Array(readFileSync(await outcome.d.path()));
}

test('a double-column PNG has the exact pixel size, records its DPI, and is the same twice', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#t=2007-12-16&layers=events,control,context');
  await mapIdle(page);
  await page.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await dialog.getByLabel('Height (mm)').fill('120');
  await dialog.getByLabel('Resolution').selectOption('150');
  await expect(dialog).toContainText('174 × 120 mm at 150 DPI = 1028 × 709 px');
  await expect(dialog.getByLabel('Caption', { exact: true })).toHaveValue(/Jonathan Steele, "Iraq: The Way Out".*data version [0-9a-f]{12}/);
  const first = await exportPng(page);
  expect(readPngDpi(first)).toEqual({ width: 1028, height: 709, dpi: 150 });
  const second = await exportPng(page);
  expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
});

test('a single-column figure too small for its caption says so, and exports without the caption band', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await mapIdle(page);
  await page.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await dialog.getByLabel('Page').selectOption('journal-1col');
  await dialog.getByLabel('Height (mm)').fill('60');
  await dialog.getByLabel('Resolution').selectOption('150');
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/caption would take more than two thirds of the page: shorten it, or make the page taller/);
  await dialog.getByRole('checkbox', { name: 'Caption and credits' }).uncheck();
  expect(readPngDpi(await exportPng(page))).toEqual({ width: 502, height: 354, dpi: 150 });
});

test('174 mm at 600 DPI works', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#t=2006-11-14');
  await mapIdle(page);
  await page.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await dialog.getByLabel('Height (mm)').fill('120');
  await dialog.getByLabel('Resolution').selectOption('600');
  expect(readPngDpi(await exportPng(page))).toEqual({ width: 4110, height: 2835, dpi: 600 });
});

test('an impossible page is refused with what to change', async ({ page }) => {
  await page.goto('/');
  await mapIdle(page);
  await page.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await dialog.getByLabel('Page').selectOption('custom');
  await dialog.getByLabel('Width (mm)').fill('420');
  await dialog.getByLabel('Height (mm)').fill('297');
  await dialog.getByLabel('Resolution').selectOption('600');
  await expect(dialog).toContainText('over this renderer\'s 8192 px limit: lower the DPI to 495 or less');
  await expect(dialog.getByRole('button', { name: 'Export PNG' })).toBeDisabled();
});

test('an SVG figure is vector, the page size in mm, with labels as text, and the same twice', async ({ page }) => {
  await page.goto('/#t=2007-12-16&layers=events,control,context');
  await mapIdle(page);
  await page.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await dialog.getByLabel('Height (mm)').fill('120');
  await dialog.getByLabel('Format').selectOption('svg');
  const save = async () => {
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export SVG' }).click();
    return readFileSync(await (await download).path(), 'utf8');
  };
  const svg = await save();
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="174mm" height="120mm"/);
  for (const label of ['Baghdad', 'Mosul', 'Basra', 'NINEVEH']) expect(svg).toContain(`>${label}</text>`);
  expect(await save()).toBe(svg);
});
