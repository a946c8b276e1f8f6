// One clock owns the date (issue 13): a tour chapter opened while playing stops the play, and the
// date stays at the chapter's; Play again after that moves on from the chapter's date.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

const tour = JSON.parse(readFileSync('places/tours/iraq-2003-2011.json', 'utf8')) as { title: string; chapters: { date: string }[] };
const human = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

test('a chapter opened while playing stops the play and holds its date', async ({ page }) => {
  await page.goto('/#t=2004-01-01');
  await mapIdle(page);
  const slider = page.getByRole('slider', { name: 'Date' });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(slider).not.toHaveAttribute('aria-valuetext', human('2004-01-01'));
  await page.getByRole('button', { name: `Take the guided tour: ${tour.title}` }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  await expect(slider).toHaveAttribute('aria-valuetext', human(tour.chapters[0].date));
  // Held: a second later the date has not moved on.
  await page.waitForTimeout(1000);
  await expect(slider).toHaveAttribute('aria-valuetext', human(tour.chapters[0].date));
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(slider).not.toHaveAttribute('aria-valuetext', human(tour.chapters[0].date));
});

test('stepping the date asks the server for nothing, however often the link changes', async ({ page }) => {
  // Each step rewrites the link (history.replaceState), and Chromium fetches a page's icon again
  // on every such change unless the icon is in the page itself (index.html).
  await page.goto('/#t=2004-01-01');
  await mapIdle(page);
  const asked: string[] = [];
  page.on('request', (r) => void (r.url().startsWith('data:') || asked.push(r.url())));
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  for (let i = 0; i < 4; i++) {
    const before = await page.evaluate(() => location.hash);
    await page.keyboard.press('ArrowRight');
    // The link is rewritten 300 ms after the step (state/url-sync.svelte.ts); the icon's request, if any, follows it.
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(before);
    await page.waitForTimeout(200);
  }
  await mapIdle(page);
  expect(asked).toEqual([]);
});
