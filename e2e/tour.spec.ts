// The guided tour played through as a reader would, with the chapters' own data as the expectation.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

const tour = JSON.parse(readFileSync('places/tours/iraq-2003-2011.json', 'utf8')) as {
  title: string;
  chapters: { title: string; date: string; layers: string[]; places: string[] }[];
};
const n = tour.chapters.length;
const human = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const layerBoxes: Record<string, string> = {
  events: 'Events',
  control: 'Province control',
  displacement: 'Displacement',
  context: 'Rivers, lakes and neighbours',
};

guardEachTest({ reducedMotion: true });

async function expectChapter(page: Page, k: number) {
  const chapter = tour.chapters[k];
  const panel = page.locator('section[aria-labelledby="tour-title"]');
  await expect(panel).toContainText(`chapter ${k + 1} of ${n}`);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(chapter.title);
  await expect(page.getByRole('slider', { name: 'Date' })).toHaveAttribute('aria-valuetext', human(chapter.date));
  for (const [layer, label] of Object.entries(layerBoxes)) {
    await expect(page.getByRole('checkbox', { name: label })).toBeChecked({ checked: chapter.layers.includes(layer) });
  }
  await expect.poll(() => page.evaluate(() => window.__map!.getGlobalState().highlighted)).toEqual(chapter.places);
  await expect(page).toHaveURL(new RegExp(`chapter=${k + 1}(&|$)`));
}

test('the default tour plays through, each chapter setting date, layers and highlighted places', async ({ page }) => {
  await page.goto('/');
  await mapIdle(page);
  await page.getByRole('button', { name: `Take the guided tour: ${tour.title}` }).click();
  for (let k = 0; k < n; k++) {
    await expectChapter(page, k);
    if (k < n - 1) await page.getByRole('button', { name: 'Next chapter' }).click();
  }
  await expect(page.getByRole('button', { name: 'Next chapter' })).toBeDisabled();
  // The narrative is in a live region, so each chapter is announced.
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: tour.chapters[n - 1].title })).toHaveCount(1);
});

test('arrow keys turn the chapters', async ({ page }) => {
  await page.goto('/#tour=iraq-2003-2011&chapter=2');
  await mapIdle(page);
  await expectChapter(page, 1);
  await page.locator('body').press('ArrowRight');
  await expectChapter(page, 2);
  await page.locator('body').press('ArrowLeft');
  await page.locator('body').press('ArrowLeft');
  await expectChapter(page, 0);
});

test('step out to explore from a chapter, and back to the tour', async ({ page }) => {
  await page.goto('/#tour=iraq-2003-2011&chapter=13');
  await mapIdle(page);
  await expectChapter(page, 12);
  await page.getByRole('button', { name: 'Explore from here' }).click();
  await expect(page.locator('section[aria-labelledby="tour-title"]')).toHaveCount(0);
  // The chapter's view stays, and everything is interactive.
  await expect(page.getByRole('slider', { name: 'Date' })).toHaveAttribute('aria-valuetext', human(tour.chapters[12].date));
  await page.getByRole('combobox', { name: 'Search places' }).fill('Basra Palace');
  await page.getByRole('combobox', { name: 'Search places' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Basra Palace' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to the tour (chapter 13)' }).click();
  await expectChapter(page, 12);
});

test('every chapter is a permalink', async ({ page }) => {
  for (const k of [0, 6, n - 1]) {
    await page.goto(`/#tour=iraq-2003-2011&chapter=${k + 1}`);
    await mapIdle(page);
    await expectChapter(page, k);
  }
});
