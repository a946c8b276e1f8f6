// Issue 16: a dense set of a reader's events drawn as density, counted on the GPU in squares of
// the screen and coloured by class (style/density.ts). These tests look at the drawn pixels.
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { guardEachTest, mapIdle } from './helpers.ts';
import { densityClasses } from '../src/lib/look/density.ts';

guardEachTest({ reducedMotion: true });

/** The class whose colour is nearest the drawn pixel at a place, and how near. */
async function classAt(page: Page, lngLat: [number, number]): Promise<{ index: number; distance: number; distances: number[] }> {
  const png = PNG.sync.read(await page.locator('.map canvas').screenshot());
  const { x, y } = await page.evaluate((p) => window.__map!.project(p), lngLat);
  const i = (Math.floor(y) * png.width + Math.floor(x)) * 4;
  const pixel = [png.data[i], png.data[i + 1], png.data[i + 2]];
  const distances = densityClasses.map((c) => {
    const rgb = [1, 3, 5].map((k) => parseInt(c.colour.slice(k, k + 2), 16));
    return Math.hypot(...rgb.map((v, k) => v - pixel[k]));
  });
  const distance = Math.min(...distances);
  return { index: distances.indexOf(distance), distance, distances };
}

test('a set drawn as density colours each square by how many events it holds, and follows the date', async ({ page }) => {
  await page.goto('/#t=2007-12-16&c=44,34,6');
  await mapIdle(page);
  // Only the land, lines and the density left to see.
  await page.evaluate(() => {
    const map = window.__map!;
    for (const layer of map.getStyle().layers)
      if (layer.type === 'symbol' || layer.id === 'places_circle') map.setLayoutProperty(layer.id, 'visibility', 'none');
  });
  await page.getByRole('checkbox', { name: /^Events/ }).uncheck();
  const rows = ['longitude,latitude,date'];
  for (let i = 0; i < 1200; i++) rows.push('44.4,33.3,2007-12-01');
  for (let i = 0; i < 5; i++) rows.push('43.1,36.3,2007-12-01');
  await page.getByLabel('Import a file').setInputFiles({ name: 'dense.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  const panel = page.getByRole('region', { name: 'Your events' });
  await expect(panel.getByRole('status').first()).toContainText('dense.csv: 1,205 events');
  // 1,205 events are few enough to be dots unless the reader asks.
  await expect(panel.getByRole('radio', { name: /dots/ })).toBeChecked();
  await panel.getByRole('radio', { name: /density/ }).check();
  await expect(panel.getByRole('list', { name: 'Density key: events per 8-pixel square' })).toContainText('1,000 or more');
  await mapIdle(page);

  const baghdad = await classAt(page, [44.4, 33.3]);
  const mosul = await classAt(page, [43.1, 36.3]);
  expect(baghdad.index, 'Baghdad: 1,200 events in one square').toBe(4);
  expect(mosul.index, 'Mosul: 5 events').toBe(1);
  // Drawn at 85 % over the map: near the class colour, not the colour of another class.
  expect(baghdad.distance).toBeLessThan(40);
  expect(mosul.distance).toBeLessThan(40);

  // Moved, the squares follow the map: counted again for the new camera (the layer keeps its counts
  // only through frames that change neither the date nor the camera).
  await page.evaluate(() => window.__map!.jumpTo({ center: [44.9, 33.7] }));
  await mapIdle(page);
  expect((await classAt(page, [44.4, 33.3])).index, 'Baghdad, after a pan').toBe(4);
  expect((await classAt(page, [43.1, 36.3])).index, 'Mosul, after a pan').toBe(1);

  // Half a year on, the 90-day window holds none of them: the dark square is gone.
  await page.evaluate(() => (location.hash = '#t=2008-06-16&c=44,34,6'));
  await mapIdle(page);
  expect((await classAt(page, [44.4, 33.3])).distances[4]).toBeGreaterThan(150);

  // The figure draws what the map draws, and its caption says how.
  await page.evaluate(() => (location.hash = '#t=2007-12-16&c=44,34,6'));
  await mapIdle(page);
  await page.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await expect(dialog.getByLabel('Caption, for your manuscript')).toHaveValue(/Drawn as density: the 1,205 imported events in view counted in 2 mm squares/);
  await dialog.getByRole('button', { name: /^Close/ }).click();

  // Back to dots: one dot a place, in the imported colour, not a class colour.
  await page.evaluate(() => (location.hash = '#t=2007-12-16&c=44,34,6'));
  await panel.getByRole('radio', { name: /dots/ }).check();
  await mapIdle(page);
  await expect(panel.getByRole('list', { name: /Density key/ })).toHaveCount(0);
  expect((await classAt(page, [44.4, 33.3])).distances[4]).toBeGreaterThan(60);
});
