// The opening view index.html paints before the scripts arrive (issue 44): the same camera as the
// map that replaces it, the same labels where the map puts them, and gone once the map is idle.
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest();

interface PictureLabel {
  name: string;
  layer: string;
  box: { x: number; y: number; width: number; height: number };
}

/** Holds the page's entry script until released: what a reader sees while the scripts download. */
async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The centre of what a label adds to a screenshot (its difference from the same screen without labels), inside a box. */
function inkCentre(withLabels: PNG, without: PNG, box: PictureLabel['box']): { x: number; y: number; weight: number } {
  let [sx, sy, weight] = [0, 0, 0];
  for (let y = Math.floor(box.y); y < Math.ceil(box.y + box.height); y++)
    for (let x = Math.floor(box.x); x < Math.ceil(box.x + box.width); x++) {
      if (x < 0 || y < 0 || x >= withLabels.width || y >= withLabels.height) continue;
      const i = (y * withLabels.width + x) * 4;
      const w =
        Math.abs(withLabels.data[i] - without.data[i]) +
        Math.abs(withLabels.data[i + 1] - without.data[i + 1]) +
        Math.abs(withLabels.data[i + 2] - without.data[i + 2]);
      sx += x * w;
      sy += y * w;
      weight += w;
    }
  return { x: sx / weight, y: sy / weight, weight };
}

test('the first paint is the opening view, and the map takes over at its first idle with the same camera and labels', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/', { waitUntil: 'commit' });
  const picture = page.locator('#opening-picture[data-zoom]');
  await expect(picture).toBeVisible();
  // Nothing of the app has run: what shows is the page's HTML alone.
  expect(await page.evaluate(() => 'iraqAtlas' in window)).toBe(false);
  const drawn = await picture.evaluate((svg: SVGSVGElement) => ({
    zoom: Number(svg.dataset.zoom),
    center: svg.dataset.center!.split(',').map(Number),
    rect: svg.getBoundingClientRect().toJSON() as DOMRect,
    labels: [...svg.querySelectorAll('text')].map((t) => {
      const r = t.getBoundingClientRect();
      return { name: t.dataset.name!, layer: t.dataset.layer!, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }),
  }));
  expect(drawn.labels.length).toBeGreaterThan(20);
  const before = PNG.sync.read(await page.screenshot());
  const labelGroups = (visibility: string) =>
    picture.evaluate((svg, v) => svg.querySelectorAll('.opening-labels, .opening-labels-under').forEach((g) => g.setAttribute('visibility', v)), visibility);
  await labelGroups('hidden');
  const beforeBare = PNG.sync.read(await page.screenshot());
  await labelGroups('visible');

  release();
  await mapIdle(page);
  // The picture and the page's still frame are gone, and the map's canvas shows.
  await expect(page.locator('#opening-picture')).toHaveCount(0);
  await expect(page.locator('#opening')).toHaveCount(0);
  const live = await page.evaluate(() => {
    const map = window.__map!;
    const c = map.getCenter();
    const names = (layer: string) => [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.name)))].sort();
    return {
      zoom: map.getZoom(),
      center: [c.lng, c.lat],
      rect: map.getCanvas().getBoundingClientRect().toJSON() as DOMRect,
      visible: getComputedStyle(map.getCanvas()).visibility,
      layers: Object.fromEntries(['places_label', 'governorates_label', 'lakes_label', 'water_label', 'countries_label'].map((l) => [l, names(l)])),
    };
  });
  expect(live.visible).toBe('visible');

  // The same camera, and the same box: nothing moves when the page mounts or the map takes over.
  expect(Math.abs(live.zoom - drawn.zoom)).toBeLessThan(1e-6);
  expect(Math.abs(live.center[0] - drawn.center[0])).toBeLessThan(1e-6);
  expect(Math.abs(live.center[1] - drawn.center[1])).toBeLessThan(1e-6);
  for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(live.rect[key] - drawn.rect[key]), key).toBeLessThan(0.5);

  // The same labels: each layer names the same places (river names, along their lines, are left to the map).
  for (const [layer, names] of Object.entries(live.layers))
    expect([...new Set(drawn.labels.filter((l) => l.layer === layer).map((l) => l.name))].sort(), layer).toEqual(names);

  // In the same places: each label's ink, in the picture and on the map, within a pixel or two.
  // The map's buttons and credits, which the picture has not got, are not part of the comparison.
  await page.addStyleTag({ content: '.maplibregl-control-container { display: none !important }' });
  const after = PNG.sync.read(await page.screenshot());
  const labelLayers = Object.keys(live.layers).concat('rivers_label');
  await page.evaluate((ids) => ids.forEach((id) => window.__map!.setLayoutProperty(id, 'visibility', 'none')), labelLayers);
  await mapIdle(page);
  const afterBare = PNG.sync.read(await page.screenshot());
  const onScreen = drawn.labels.filter((l) => l.box.x >= drawn.rect.x && l.box.x + l.box.width <= drawn.rect.x + drawn.rect.width && l.box.y >= drawn.rect.y);
  expect(onScreen.length).toBeGreaterThan(20);
  for (const label of onScreen) {
    const box = { x: label.box.x - 3, y: label.box.y - 3, width: label.box.width + 6, height: label.box.height + 6 };
    const [a, b] = [inkCentre(before, beforeBare, box), inkCentre(after, afterBare, box)];
    expect(a.weight, `${label.name}: ink in the picture`).toBeGreaterThan(1000);
    expect(b.weight, `${label.name}: ink on the map`).toBeGreaterThan(1000);
    expect(Math.hypot(a.x - b.x, a.y - b.y), `${label.name} (${label.layer})`).toBeLessThan(2);
  }

  // And no visible jump overall: the map box differs in a few percent of its pixels (glyph edges, pattern phase).
  const crop = (png: PNG) => {
    const out = new PNG({ width: Math.floor(drawn.rect.width), height: Math.floor(drawn.rect.height) });
    PNG.bitblt(png, out, Math.round(drawn.rect.x), Math.round(drawn.rect.y), out.width, out.height, 0, 0);
    return out;
  };
  const [pa, pb] = [crop(before), crop(after)];
  const differing = pixelmatch(pa.data, pb.data, undefined, pa.width, pa.height, { threshold: 0.2 });
  expect(differing / (pa.width * pa.height)).toBeLessThan(0.04);
});

test('a link with a view of its own shows no picture: the map shows its view when it has it', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/#t=2007-12-16&c=47.75,30.5,7', { waitUntil: 'commit' });
  await expect(page.locator('#opening')).toBeVisible();
  await expect(page.locator('#opening-picture')).toHaveCount(0);
  release();
  await mapIdle(page);
  await expect(page.locator('#opening')).toHaveCount(0);
  expect(await page.evaluate(() => window.__map!.getZoom())).toBeCloseTo(7, 5);
});

test("on a phone, where the page's header is taller than the still frame's, the picture is fitted again to the map's box", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const release = await holdScripts(page);
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.locator('#opening-picture[data-zoom]')).toBeAttached();
  // The camera the picture shows last, before the map replaces it.
  await page.evaluate(() => {
    const svg = document.getElementById('opening-picture')!;
    const w = window as unknown as { lastPicture: number[] };
    const note = () => (w.lastPicture = [Number(svg.dataset.zoom), ...svg.dataset.center!.split(',').map(Number), svg.parentElement!.clientHeight]);
    note();
    new MutationObserver(note).observe(svg, { attributes: true, attributeFilter: ['data-zoom'] });
  });
  const first = await page.evaluate(() => (window as unknown as { lastPicture: number[] }).lastPicture);
  release();
  await mapIdle(page);
  const [zoom, lng, lat] = await page.evaluate(() => (window as unknown as { lastPicture: number[] }).lastPicture);
  const map = await page.evaluate(() => [
    window.__map!.getZoom(),
    window.__map!.getCenter().lng,
    window.__map!.getCenter().lat,
    window.__map!.getContainer().clientHeight,
  ]);
  expect(Math.abs(zoom - map[0])).toBeLessThan(1e-6);
  expect(Math.abs(lng - map[1])).toBeLessThan(1e-6);
  expect(Math.abs(lat - map[2])).toBeLessThan(1e-6);
  // It was fitted again only where the box changed.
  if (first[3] === map[3]) expect(first[0]).toBe(zoom);
});
