// No raw EDTF on screen (issue 14): every place's panel, every text in the reader and the whole
// event list, with all the shipped data, say their dates in words.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

const places = readdirSync('places')
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => f.replace(/\.geojson$/, ''));
const texts = (JSON.parse(readFileSync('places/sources/index.json', 'utf8')) as { texts: { id: string }[] }).texts.map((t) => t.id);
// 2006, 2006-11, 2006-11-14, with a qualifier or as an interval's end.
const edtf = /\b\d{4}-\d{2}(?:-\d{2})?\b|\b\d{4}(?:-\d{2}){0,2}[~?%]|\b\d{4}(?:-\d{2}){0,2}\/\d{4}/g;

/** EDTF-looking dates in the page's text, outside web addresses (a source's URL is shown as it is). */
async function rawDates(page: Page): Promise<string[]> {
  return (await page.evaluate(() => document.body.innerText)).replace(/https?:\/\/\S+/g, '').match(edtf) ?? [];
}

test('no raw EDTF date reaches the page: panels, reader and event list', async ({ page }) => {
  test.setTimeout(180_000);
  // Cumulative at the last day: the event list holds every event.
  await page.goto('/#t=2011-12-18&mode=cumulative');
  await mapIdle(page);
  expect(await rawDates(page)).toEqual([]);
  await expect(page.getByRole('heading', { name: /^Events up to 18 December 2011/ })).toBeVisible();
  for (const id of places) {
    await page.evaluate((id) => (location.hash = `#t=2011-12-18&mode=cumulative&place=${id}`), id);
    await expect(page.locator('#place-title')).not.toBeEmpty();
    expect(await rawDates(page), id).toEqual([]);
  }
  for (const id of texts) {
    await page.evaluate((id) => (location.hash = `#t=2011-12-18&mode=cumulative&doc=${id}`), id);
    await expect(page.getByRole('button', { name: /close/i }).first()).toBeVisible();
    expect(await rawDates(page), id).toEqual([]);
  }
  // The scan can fail: a date the page did show raw is caught.
  expect('said: 2007-05-31~ and 2011-10-21/2011-12-31, in 2006~'.match(edtf)).toEqual(['2007-05-31', '2011-10-21', '2011-12-31', '2006~']);
});
