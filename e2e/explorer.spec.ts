// The explorer driven as a reader would: search, open a place, read a quote in context, move the
// slider with the keyboard, reload and step through permalinks, open a malformed link.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

const slider = (page: Page) => page.getByRole('slider', { name: 'Date' });
const status = (page: Page, gov: string) => page.evaluate((id) => window.__map!.getFeatureState({ source: 'governorates', id }).status, gov);

test('search "Falluja", open the place, read a quote in context, follow a mention', async ({ page }) => {
  await page.goto('/');
  await mapIdle(page);
  const search = page.getByRole('combobox', { name: 'Search places' });
  await search.fill('Falluja');
  await expect(page.getByRole('option', { name: /^Fallujah/ })).toBeVisible();
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Fallujah' })).toBeVisible();
  await expect(page).toHaveURL(/place=fallujah/);

  const nantz = page.getByRole('figure').filter({ hasText: "We had no idea we weren't wanted." });
  await nantz.getByRole('button', { name: 'Read in context' }).click();
  const reader = page.getByRole('dialog', { name: 'Iraq: The Way Out' });
  await expect(reader).toBeVisible();
  const mark = reader.locator('mark');
  await expect(mark).toHaveText("We had no idea we weren't wanted.");
  await expect(mark).toBeInViewport();

  // A mention in the text is a link to its place on the map.
  await reader.getByRole('button', { name: 'Basra', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Basra' })).toBeVisible();
  await expect(page).toHaveURL(/place=basra/);
});

test('a governorate place is outlined on the map when selected', async ({ page }) => {
  await page.goto('/#place=diyala');
  await mapIdle(page);
  expect(await page.evaluate(() => window.__map!.getGlobalState().selectedAreas)).toEqual(['IQ-DI']);
  await expect
    .poll(() => page.evaluate(() => window.__map!.queryRenderedFeatures({ layers: ['selected_area'] }).map((f) => f.properties.id)))
    .toContain('IQ-DI');
});

test('search finds places by Arabic name and by governorate', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Search places' });
  await search.fill('ديالى');
  await expect(page.getByRole('option', { name: /^Diyala/ })).toBeVisible();
  await search.fill('Nineveh');
  await expect(page.getByRole('option', { name: /^Tal Afar/ })).toBeVisible();
  await search.fill('Kerbala');
  await expect(page.getByRole('option', { name: /^Karbala/ })).toBeVisible();
});

test("the keyboard moves the slider, and Basra's control changes on 16 December 2007", async ({ page }) => {
  await page.goto('/#t=2007-12-15');
  await mapIdle(page);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '15 December 2007');
  expect(await status(page, 'IQ-BA')).toBe('coalition');

  await slider(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '16 December 2007');
  await expect.poll(() => status(page, 'IQ-BA')).toBe('iraqi');
  await expect(page.getByRole('region', { name: /Layers and legend/ }).or(page.locator('section[aria-labelledby="layers-title"]'))).toContainText(
    'Provincial Iraqi Control',
  );

  await page.keyboard.press('PageUp');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '16 January 2008');
  await page.keyboard.press('Home');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '20 March 2003');
  await page.keyboard.press('End');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '18 December 2011');
});

test('events follow the clock, and choosing one sets the date and opens its place', async ({ page }) => {
  await page.goto('/#t=2006-11-20');
  await mapIdle(page);
  const events = page.locator('section[aria-labelledby="events-title"]');
  await expect(events).toContainText('Police commandos kidnap 150 people');
  await page.getByRole('button', { name: 'Next event' }).click();
  await expect(slider(page)).not.toHaveAttribute('aria-valuetext', '20 November 2006');

  await page.goto('/#t=2003-04-30');
  await mapIdle(page);
  await page
    .locator('section[aria-labelledby="events-title"]')
    .getByRole('button', { name: /US troops fire on a crowd/ })
    .click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '28 April 2003');
  await expect(page.getByRole('heading', { level: 2, name: 'Fallujah' })).toBeVisible();
  await page.waitForFunction(() => !window.__map!.isMoving());
  await mapIdle(page);
  await expect.poll(() => page.evaluate(() => window.__events!.shownEvents().map((e) => e.id))).toContain('fallujah-2003-04-28-school-shooting');
});

test('a permalink restores the whole view, and back and forward step through views', async ({ page }) => {
  await page.goto('/#t=2007-12-16&mode=cumulative&layers=events,displacement&place=fallujah&doc=steele-2008&at=13181-13208');
  await mapIdle(page);
  const check = async () => {
    await expect(slider(page)).toHaveAttribute('aria-valuetext', '16 December 2007');
    await expect(page.getByRole('radio', { name: 'Cumulative' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Displacement' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Province control' })).not.toBeChecked();
    await expect(page.getByRole('heading', { level: 2, name: 'Fallujah' })).toBeVisible();
    await expect(page.getByRole('dialog').locator('mark')).toHaveText('Seventeen Iraqis were dead.');
  };
  await check();
  await page.reload();
  await mapIdle(page);
  await check();
  expect(await page.evaluate(() => window.__map!.getLayoutProperty('control_fill', 'visibility'))).toBe('none');

  await page.getByRole('button', { name: 'Close text' }).click();
  await page.getByRole('combobox', { name: 'Search places' }).fill('Mosul');
  await page.getByRole('combobox', { name: 'Search places' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Mosul' })).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/place=mosul/);
  await page.goBack();
  await expect(page.getByRole('dialog').locator('mark')).toHaveText('Seventeen Iraqis were dead.');
  await page.goForward();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 2, name: 'Mosul' })).toBeVisible();
});

test('a malformed or hostile link falls back to defaults with a visible notice', async ({ page }) => {
  await page.goto(`/#t=banana&mode=sideways&place=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}&doc=nope`);
  await mapIdle(page);
  const notice = page.getByRole('status', { name: 'Notices' });
  await expect(notice).toContainText("The link's date “banana” is not valid");
  await expect(notice).toContainText('“<img src=x onerror="window.__pwned=1">”');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '14 November 2006');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('layers toggle, and the legend explains what is shown', async ({ page }) => {
  await page.goto('/#t=2007-06-15&mode=cumulative');
  await mapIdle(page);
  await page.getByRole('checkbox', { name: 'Displacement' }).check();
  expect(await page.evaluate(() => window.__map!.getLayoutProperty('displacement_circle', 'visibility'))).toBe('visible');
  const legend = page.locator('section[aria-labelledby="layers-title"]');
  await expect(legend).toContainText('no data');
  await expect(legend.getByRole('img', { name: /internally displaced people/ })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__map!.getFeatureState({ source: 'governorate_labels', id: 'IQ-DI' }).displaced)).toBe(50640);
  // Diyala's circle: its area is its figure, at the scale the legend shows (150,000 people, 22 px across the radius).
  const radius = await page.evaluate(() => {
    const map = window.__map!;
    const feature = map.queryRenderedFeatures({ layers: ['displacement_circle'] }).find((f) => f.properties.id === 'IQ-DI')!;
    const layer = map.getLayer('displacement_circle') as unknown as { paint: { get: (p: string) => { evaluate: (f: unknown, s: object) => number } } };
    return layer.paint.get('circle-radius').evaluate(feature, map.getFeatureState({ source: 'governorate_labels', id: 'IQ-DI' }));
  });
  expect(radius).toBeCloseTo(22 * Math.sqrt(50640 / 150000), 3);
  await expect(legend).toContainText('150,000 people');
  // Filtering by text: only events that cite the Odierno post.
  await page.getByText(/^Filter events by text/).click();
  // In the layer panel's filter (Download data lists the texts too).
  await legend.getByRole('checkbox', { name: /Odierno: We're negotiating/ }).check();
  const events = page.locator('section[aria-labelledby="events-title"]');
  await expect(events).toContainText('General Odierno says US officers are negotiating ceasefires');
  await expect(events).not.toContainText('Police commandos kidnap');
  await expect(page).toHaveURL(/texts=odierno-blog-2007/);
  await page.getByRole('checkbox', { name: 'Events' }).uncheck();
  expect(await page.evaluate(() => window.__map!.getLayoutProperty('events_circle', 'visibility'))).toBe('none');
  await expect(page).toHaveURL(/layers=/);
});

for (const width of [375, 1440]) {
  test(`usable at ${width} px, with no serious accessibility violations`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/#t=2006-11-14&place=mosul');
    await mapIdle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expect(slider(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
