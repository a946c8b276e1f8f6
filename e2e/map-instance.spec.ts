// The map is built once: panning, zooming, a tour chapter and an import change what it shows,
// never the map itself (which would tear down its style, sources, WebGL context and the
// reader's imported points, and, before this test, happened on every move: issue 13).
import { expect, test } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

test('one map instance survives panning, zooming, a tour chapter and an import', async ({ page }) => {
  await page.goto('/#t=2006-11-14');
  await mapIdle(page);
  await page.evaluate(() => Object.assign(window, { __firstMap: window.__map }));
  const same = () => page.evaluate(() => window.__map === (window as unknown as { __firstMap: unknown }).__firstMap);
  const canvas = page.locator('.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];

  // A drag, then a wheel zoom: each ends in a moveend, which writes the view's camera.
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 120, cy + 60, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[#&]c=/);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await page.evaluate(() => window.__map!.getZoom())) > 0).toBe(true);
  await mapIdle(page);
  expect(await same()).toBe(true);

  await page.getByRole('button', { name: /^Take the guided tour/ }).click();
  await page.getByRole('button', { name: 'Next chapter' }).click();
  await expect(page).toHaveURL(/chapter=2(&|$)/);
  await mapIdle(page);
  expect(await same()).toBe(true);

  const csv = 'longitude,latitude,date,label\n44.4,33.3,2006-11-01,Baghdad';
  await page.getByLabel('Import a file').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect.poll(() => page.evaluate(() => window.__map!.getLayer('imported_events')?.type)).toBe('custom');
  // A later move keeps the imported layer on the same map.
  await page.mouse.wheel(0, 200);
  await mapIdle(page);
  expect(await same()).toBe(true);
  expect(await page.evaluate(() => window.__map!.getLayer('imported_events')?.type)).toBe('custom');
});

test('a link without a map position shows all of Iraq again, on the same map', async ({ page }) => {
  await page.goto('/#t=2006-11-14&c=44.4,33.3,9');
  await mapIdle(page);
  await page.evaluate(() => Object.assign(window, { __firstMap: window.__map }));
  await page.evaluate(() => (location.hash = '#t=2006-11-14'));
  // Iraq's bounds (style.ts iraqBounds) inside what the map shows.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const b = window.__map!.getBounds();
        return b.getWest() <= 38.6 && b.getSouth() <= 28.9 && b.getEast() >= 48.9 && b.getNorth() >= 37.5;
      }),
    )
    .toBe(true);
  expect(await page.evaluate(() => window.__map === (window as unknown as { __firstMap: unknown }).__firstMap)).toBe(true);
});
