// Every place found where a reader looks for it (issue 40): the gazetteer's towns and Arabic names
// in search, with the keyboard; "Named in" on a place and a governorate; the first screen's line on
// what the map holds; Escape; a phone-sized screen.
import { expect, test, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search places' });

/** Types a query, moves to the first option with ArrowDown, and opens it with Enter. */
async function searchAndOpen(page: Page, query: string) {
  await searchBox(page).fill(query);
  await expect(page.getByRole('listbox', { name: 'Places' })).toBeVisible();
  await searchBox(page).press('ArrowDown');
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await searchBox(page).press('Enter');
}

const center = (page: Page) => page.evaluate(() => window.__map!.getCenter().toArray());

test('search reaches Ramadi and Tikrit, towns no text names, and Basra and Fallujah as Arabic writers spell them', async ({ page }) => {
  await page.goto('/');
  await mapIdle(page);

  // Ramadi: a town of the gazetteer, marked so, in a small panel of its own, and the map moves there.
  await searchBox(page).fill('Ramadi');
  await expect(page.getByRole('option').first()).toHaveText(/^\s*Ramadi\s+town, Anbar · not in the texts\s*$/);
  // No option is chosen until the reader moves to one: ArrowDown then Enter opens the first.
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'false');
  await searchBox(page).press('ArrowDown');
  await searchBox(page).press('Enter');
  const town = page.getByRole('region', { name: 'Ramadi' });
  await expect(town).toContainText('town in Anbar · 33.421° N, 43.308° E');
  await expect(town).toContainText('No text in the atlas names it');
  await expect(town).toContainText('الرمادي');
  await expect(town.getByRole('button', { name: 'Add a text' })).toBeVisible();
  await expect.poll(() => center(page)).toEqual([expect.closeTo(43.308, 2), expect.closeTo(33.421, 2)]);
  // Escape closes it.
  await page.keyboard.press('Escape');
  await expect(town).toHaveCount(0);

  await searchAndOpen(page, 'Tikrit');
  await expect(page.getByRole('region', { name: 'Tikrīt' })).toContainText('town in Salah ad-Din');

  await searchAndOpen(page, 'البصره');
  await expect(page.locator('#place-title')).toHaveText('Basra');
  await expect(page).toHaveURL(/place=basra/);

  await searchAndOpen(page, 'الفلوجة');
  await expect(page.locator('#place-title')).toHaveText('Fallujah');
  await expect(page).toHaveURL(/place=fallujah/);

  // Escape closes a place panel too.
  await page.locator('#place-title').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('#place-title')).toHaveCount(0);
  await expect(page).not.toHaveURL(/place=/);
});

test('a place and a governorate list the texts that name them, each mention one click from the text', async ({ page }) => {
  await page.goto('/#place=tal-afar');
  await mapIdle(page);
  const named = page.getByRole('list', { name: 'Texts that name Tal Afar' });
  await expect(named).toContainText('November 2006 · 5 mentions');
  await named.getByRole('button', { name: /at mention 2 of 5$/ }).click();
  const reader = page.getByRole('dialog', { name: /Mosul, Diyala and Baghdad|report/ }).or(page.getByRole('dialog').first());
  await expect(reader.locator('mark')).toHaveText('Tal Afar');
  await reader.getByRole('button', { name: 'Close text' }).click();

  // A governorate with no place of its own, by its name in the texts.
  await page.evaluate(() => (location.hash = '#place=IQ-KI'));
  await expect(page.locator('#governorate-title')).toHaveText('Kirkuk');
  // Kirkuk is not named in the five texts: the panel says so rather than list nothing.
  const panel = page.locator('section[aria-labelledby="governorate-title"]');
  await expect(panel.getByRole('heading', { name: 'Named in (0 texts)' })).toBeVisible();
  await expect(panel).toContainText('No text in the atlas names Kirkuk.');
});

test('the first screen says what the map holds and where the texts are listed', async ({ page }) => {
  await page.goto('/');
  await mapIdle(page);
  await expect(page.locator('header .about')).toContainText(
    'Places, events and quotes from five texts about the Iraq war, 2003–2011: what they say, not a complete record of the war.',
  );
  const before = page.url();
  await page.getByRole('button', { name: 'The texts', exact: true }).click();
  await expect(page.locator('#texts-title')).toBeFocused();
  // The link's state is untouched: the button scrolls, it does not navigate.
  expect(page.url()).toBe(before);
});

test('at 375 px the search box is usable and the attribution leaves the scale bar readable', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await mapIdle(page);
  const box = (await searchBox(page).boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(200);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await searchAndOpen(page, 'Mosul');
  await expect(page.locator('#place-title')).toHaveText('Mosul');

  const scale = (await page.locator('.maplibregl-ctrl-scale').boundingBox())!;
  const attribution = (await page.locator('.maplibregl-ctrl-attrib').boundingBox())!;
  const overlap = !(
    attribution.x >= scale.x + scale.width ||
    scale.x >= attribution.x + attribution.width ||
    attribution.y >= scale.y + scale.height ||
    scale.y >= attribution.y + attribution.height
  );
  expect(overlap).toBe(false);
  expect(scale.x).toBeGreaterThanOrEqual(0);
});
