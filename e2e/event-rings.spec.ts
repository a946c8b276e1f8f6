// Issue 16: the shipped events moved from a MapLibre circle layer to a GPU layer that filters by
// time in its shader. These tests look at the drawn pixels: an event dated to the day still has a
// filled halo, one dated to a span an open ring, and a click on a ring still opens its place.
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

/** The map's pixels, as the screen shows them. */
async function mapPixels(page: Page): Promise<PNG> {
  return PNG.sync.read(await page.locator('.map canvas').screenshot());
}

/** Labels and place dots hidden, so only the fills, lines and event marks are left to compare. */
async function hideLabelsAndDots(page: Page): Promise<void> {
  await page.evaluate(() => {
    const map = window.__map!;
    for (const layer of map.getStyle().layers)
      if (layer.type === 'symbol' || layer.id === 'places_circle') map.setLayoutProperty(layer.id, 'visibility', 'none');
  });
  await mapIdle(page);
}

/** Where an event is drawn on the canvas, in CSS pixels, and its radius there. */
const eventOnCanvas = (page: Page, eventId: string) =>
  page.evaluate((eventId) => {
    const map = window.__map!;
    const { x, y } = map.project(window.__events!.positionOf(eventId)!);
    // event-marks.ts: 8 px at zoom 4 to 13 px at zoom 10.
    const radius = 8 + 5 * Math.min(1, Math.max(0, (map.getZoom() - 4) / 6));
    return { x, y, radius };
  }, eventId);

const rgbAt = (png: PNG, x: number, y: number) => {
  // The pixel that holds the point (x, y).
  const i = (Math.floor(y) * png.width + Math.floor(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
};
const differs = (a: number[], b: number[]) => a.some((v, i) => Math.abs(v - b[i]) > 8);

for (const { name, hash, eventId, halo } of [
  // Sinjar, 14 August 2007: dated to the day.
  {
    name: 'an event dated to the day has a filled halo and a ring',
    hash: '#t=2007-08-28&c=41.8766,36.3209,8',
    eventId: 'sinjar-2007-08-14-yazidi-bombings',
    halo: true,
  },
  // Karbala, 27–28 August 2007: a span of two days, an open ring.
  {
    name: 'an event dated to a span has an open ring and no halo',
    hash: '#t=2007-08-28&c=44.0249,32.616,8',
    eventId: 'karbala-2007-08-27-mahdi-army-badr-clashes',
    halo: false,
  },
]) {
  test(`on the GPU layer, ${name}`, async ({ page }) => {
    await page.goto(`/${hash}`);
    await mapIdle(page);
    expect(await page.evaluate((id) => window.__events!.shownEvents().some((e) => e.id === id), eventId)).toBe(true);
    await hideLabelsAndDots(page);
    const { x, y, radius } = await eventOnCanvas(page, eventId);
    const withEvents = await mapPixels(page);
    await page.getByRole('checkbox', { name: 'Events' }).uncheck();
    await mapIdle(page);
    const without = await mapPixels(page);

    // Inside the radius: tinted by a halo, or left as the map beneath.
    for (const [dx, dy] of [
      [0, 0],
      [radius / 2, 0],
      [0, -radius / 2],
    ])
      expect(differs(rgbAt(withEvents, x + dx, y + dy), rgbAt(without, x + dx, y + dy)), `halo at ${dx},${dy}`).toBe(halo);
    // On the ring, just outside the radius, in all four directions: drawn either way. (A point
    // sprite may be placed half a pixel off its exact centre, so any of three pixels on the ring will do.)
    for (const [dx, dy] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ]) {
      const onRing = [0, 1, 2].some((k) => {
        const [rx, ry] = [x + dx * (radius + k), y + dy * (radius + k)];
        return differs(rgbAt(withEvents, rx, ry), rgbAt(without, rx, ry));
      });
      expect(onRing, `ring at ${dx},${dy}`).toBe(true);
    }
    // Well outside the ring: nothing.
    expect(differs(rgbAt(withEvents, x + radius + 6, y), rgbAt(without, x + radius + 6, y))).toBe(false);
  });
}

test('a click on an event ring opens its place; the list shows the event the map draws', async ({ page }) => {
  await page.goto('/#t=2007-08-28&c=44.0249,32.616,8');
  await mapIdle(page);
  const eventId = 'karbala-2007-08-27-mahdi-army-badr-clashes';
  const { x, y, radius } = await eventOnCanvas(page, eventId);
  const box = (await page.locator('.map canvas').boundingBox())!;
  // On the ring's right edge, outside Karbala's own dot (5.5 px), so the event is what is hit.
  await page.mouse.move(box.x + x + radius + 1, box.y + y);
  await expect(page.locator('.map canvas')).toHaveCSS('cursor', 'pointer');
  await page.mouse.click(box.x + x + radius + 1, box.y + y);
  await expect(page.getByRole('heading', { level: 2, name: 'Karbala' })).toBeVisible();
  await expect(page).toHaveURL(/place=karbala/);
  await expect(page.locator('section[aria-labelledby="events-title"]')).toContainText('gun battles between the Mehdi Army and the Badr Organisation');
});

for (const width of [1280, 375]) {
  test(`at ${width} px, stepping through the dates never changes the map's size`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/#t=2003-03-20');
    await mapIdle(page);
    await page.evaluate(() => {
      const w = window as unknown as { resizes: number };
      w.resizes = 0;
      window.__map!.on('resize', () => w.resizes++);
    });
    const size = () => page.locator('.map canvas').evaluate((c) => [c.clientWidth, c.clientHeight]);
    const before = await size();
    // A month at a time over four years: dates and counts of every length pass through the readout.
    await page.getByRole('slider', { name: 'Date' }).focus();
    for (let i = 0; i < 48; i++) await page.keyboard.press('PageUp');
    await expect(page.getByRole('slider', { name: 'Date' })).toHaveAttribute('aria-valuetext', '20 March 2007');
    await mapIdle(page);
    expect(await size()).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { resizes: number }).resizes)).toBe(0);
  });
}
