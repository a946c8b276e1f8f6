import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { firstScreenFonts } from '../src/build/preload-fonts.ts';
import { mapIdle, watchPage } from './helpers.ts';

// The eight places the product card names; Diyala is a governorate, drawn and named by the base map.
const eightPlaces = ['Basra', 'Diyala', 'Fallujah', 'Green Zone', 'Khanaqin', 'Mosul', 'Sadr City', 'Tal Afar'];
const pointPlaces = eightPlaces.filter((name) => name !== 'Diyala');

test('the first screen draws the governorates and the places, offline and without errors', async ({ page, baseURL }) => {
  const watch = watchPage(page, new URL(baseURL!).origin);
  await page.goto('/');
  await mapIdle(page);
  // The shipped data is valid in the built app too (a minifier once broke date parsing there).
  await expect(page.getByRole('alert')).toHaveCount(0);

  const rendered = (layer: string) =>
    page.evaluate((id) => [...new Set(window.__map!.queryRenderedFeatures({ layers: [id] }).map((f) => f.properties.name))], layer);

  const governorates = await page.evaluate(() =>
    [...new Set(window.__map!.queryRenderedFeatures({ layers: ['governorates_fill'] }).map((f) => f.properties.id))].sort(),
  );
  expect(governorates).toHaveLength(18);
  expect(governorates).toContain('IQ-KI');

  const placeMarks = await page.evaluate(() =>
    [...new Set(window.__map!.queryRenderedFeatures({ layers: ['places_circle'] }).map((f) => f.properties.name))].sort(),
  );
  expect(placeMarks).toEqual(expect.arrayContaining(pointPlaces));

  // The context: neighbours, lakes and rivers, named.
  expect(await rendered('countries_label')).toEqual(expect.arrayContaining(['Syria', 'Iran', 'Saudi Arabia', 'Jordan', 'Kuwait']));
  // Which lake keeps its name depends on label collisions with the places near it; one must.
  expect((await rendered('lakes_label')).filter((n) => ['Lake Tharthar', 'Lake Habbaniyah', 'Lake Razazah'].includes(n)).length).toBeGreaterThan(0);
  // River names give way to place names at the overview; closer in there is room for them.
  await page.evaluate(() => window.__map!.jumpTo({ center: [44.4, 33.0], zoom: 7 }));
  await mapIdle(page);
  expect(await rendered('rivers_label')).toContain('Tigris');

  // The list beside the map names every place too (the text alternative to the map).
  await page.getByText(/^All places/).click();
  const fallujah = JSON.parse(readFileSync('places/fallujah.geojson', 'utf8')).properties;
  await expect(page.getByRole('button', { name: 'Fallujah', exact: true }).locator('..')).toContainText(
    `${fallujah.events.length} events · ${fallujah.quotes.length} quotes`,
  );
  const list = page.getByRole('region', { name: /Places/ }).or(page.locator('section[aria-labelledby="places-title"]'));
  for (const name of eightPlaces) await expect(list.getByRole('button', { name, exact: true })).toBeVisible();

  // Labels are drawn with the bundled font and the atlas's own glyphs, not a glyph server.
  expect(await page.evaluate(() => document.fonts.check('13px "Noto Sans"'))).toBe(true);
  const style = await page.evaluate(() => window.__map!.getStyle());
  // Glyphs come from the page's own folder, prepared at build time (src/build/glyph-ranges.ts).
  expect(style.glyphs).toBe(`${new URL(baseURL!).origin}/glyphs/{fontstack}/{range}.pbf`);

  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('the font files the first screen sets text in are preloaded, and only those', async ({ page }) => {
  const fontsFetched = () =>
    page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\.woff2?$/.test(new URL(e.name).pathname))
        .map((e) => ({
          face: new URL(e.name).pathname
            .split('/')
            .pop()!
            .replace(/-[\w-]{8}\.woff2?$/, ''),
          by: e.initiatorType,
        }))
        .sort((a, b) => a.face.localeCompare(b.face)),
    );
  const preloaded = [...firstScreenFonts].sort();

  // Every font file came from index.html's preload links (src/build/preload-fonts.ts), none from
  // the stylesheet once text was laid out: a file missing from the list would be fetched late.
  await page.goto('/');
  await mapIdle(page);
  expect(await fontsFetched()).toEqual(preloaded.map((face) => ({ face, by: 'link' })));

  // Without the links, the stylesheet asks for exactly these files: none is preloaded in vain.
  await page.route(/\/(index\.html)?$/, async (route) => {
    const html = await (await route.fetch()).text();
    await route.fulfill({ body: html.replace(/<link rel="preload" as="font"[^>]*>/g, ''), contentType: 'text/html' });
  });
  await page.goto('/');
  await mapIdle(page);
  await expect.poll(async () => (await fontsFetched()).map((f) => f.face)).toEqual(preloaded);
  expect((await fontsFetched()).every((f) => f.by === 'css')).toBe(true);
});

for (const when of ['before', 'after'] as const) {
  test(`a map whose worker fails ${when} the map is made shows what it has, and the error reaches the console once`, async ({ page }) => {
    // The canvas waits for the map's load (MapView.svelte); an error before it (here MapLibre's
    // worker cannot be had) must not leave the map hidden, and is still reported in the console.
    // The worker starts as the page's scripts run (lib/map/worker.ts) and the map is made once the
    // data has come: held back, the data makes the worker fail first, which the map alone never
    // hears (CI once caught that race); the worker's answer held back makes it fail after.
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    const aWhile = () => new Promise((resolve) => setTimeout(resolve, 1500));
    await page.route(/maplibre-gl-worker-[\w-]+\.js$/, async (route) => {
      if (when === 'after') await aWhile();
      await route.fulfill({ status: 404, body: '' });
    });
    if (when === 'before') await page.route('**/assets/atlas-data-*.json', (route) => aWhile().then(() => route.continue()));
    await page.goto('/');
    await expect(page.locator('.maplibregl-canvas')).toBeVisible();
    await expect(page.getByRole('region', { name: /^Map of Iraq/ })).toHaveAttribute('aria-busy', 'false');
    await expect.poll(() => errors.join('\n')).toMatch(/Worker failed to load/);
    await page.waitForTimeout(500);
    expect(errors.filter((e) => /Worker failed to load/.test(e))).toHaveLength(1);
  });
}

test('every place gets its label where there is room for it', async ({ page }) => {
  // MapLibre jumps instead of flying under reduced motion, which keeps this test quick.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await mapIdle(page);
  await page.getByText(/^All places/).click();
  for (const name of eightPlaces) {
    await page.getByRole('button', { name, exact: true }).click();
    await page.waitForFunction(() => !window.__map!.isMoving());
    await mapIdle(page);
    // Diyala is a governorate: the base map's governorate label names it.
    const layer = pointPlaces.includes(name) ? 'places_label' : 'governorates_label';
    const labels = await page.evaluate((id) => window.__map!.queryRenderedFeatures({ layers: [id] }).map((f) => f.properties.name), layer);
    expect(labels, `label for ${name}`).toContain(name);
  }
});
