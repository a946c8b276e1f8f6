// Issue 15: overlays are keyboard-sound. The export dialog and the reader take focus, keep Tab
// inside, close on Escape and give focus back; closing a place, starting the tour and leaving it
// put focus on a control, never on <body>; targets are at least 24 × 24 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

const focusedInside = (page: Page, selector: string) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);
const bodyHasFocus = (page: Page) => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);

/** Tab forwards and backwards more times than the overlay has stops: focus never leaves it. */
async function staysInside(page: Page, selector: string, presses = 40) {
  for (const key of ['Tab', 'Shift+Tab'])
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key);
      expect(await focusedInside(page, selector), `${key} #${i + 1}`).toBe(true);
    }
}

test('the export dialog takes focus, traps Tab, closes on Escape and returns focus to its button', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#t=2007-12-16');
  await mapIdle(page);
  const opener = page.getByRole('button', { name: 'Export figure' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => focusedInside(page, '.dialog')).toBe(true);
  // Wait for the layout, so the caption boxes (disabled until then) are stops too.
  await expect(dialog.getByLabel('Caption, for your manuscript')).toBeEnabled();
  await staysInside(page, '.dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the reader does the same, returning focus to the quote that opened it', async ({ page }) => {
  await page.goto('/#t=2003-04-28&place=fallujah');
  await mapIdle(page);
  const opener = page.getByRole('button', { name: 'Read in context' }).first();
  await opener.click();
  const reader = page.getByRole('dialog', { name: /./ }).filter({ has: page.locator('#reader-title') });
  await expect(reader).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close text' })).toBeFocused();
  await staysInside(page, '.reader', 15);
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await expect(opener).toBeFocused();
});

test('closing a place, starting the tour and exploring from it leave focus on a control', async ({ page }) => {
  await page.goto('/#t=2006-11-20');
  await mapIdle(page);
  const entry = page.getByRole('button', { name: /Sunni Arabs drive out Shia and Kurds/ });
  await entry.click();
  await expect(page.locator('#place-title')).toBeFocused();
  await page.getByRole('button', { name: /^Close / }).click();
  await expect(entry).toBeFocused();

  await page.getByRole('button', { name: /Take the guided tour/ }).click();
  await expect.poll(() => bodyHasFocus(page)).toBe(false);
  await expect(page.locator('.tour h2')).toBeFocused();
  await page.getByRole('button', { name: 'Explore from here' }).click();
  await expect(page.getByRole('button', { name: /Back to the tour/ })).toBeFocused();
  await page.getByRole('button', { name: /Back to the tour/ }).click();
  await expect(page.locator('.tour h2')).toBeFocused();
});

test('every target is at least 24 × 24 px (axe target-size), on the page and in the dialog', async ({ page }) => {
  const check = async (what: string) => {
    const { violations } = await new AxeBuilder({ page }).withRules(['target-size']).exclude('.maplibregl-canvas').analyze();
    expect(violations.flatMap((v) => v.nodes.map((n) => `${what}: ${n.target.join(' ')}`))).toEqual([]);
  };
  await page.goto('/#t=2006-11-14&place=mosul');
  await mapIdle(page);
  await check('page');
  await page.getByRole('button', { name: 'Export figure' }).click();
  await expect(page.getByRole('dialog', { name: 'Export a figure' })).toBeVisible();
  await check('dialog');
});
