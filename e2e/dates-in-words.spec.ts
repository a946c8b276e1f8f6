// No raw EDTF on screen (issue 14): every place's and governorate's panel, every text in the
// reader, every tour chapter and the whole event list, with all the shipped data, say their dates in words.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

const places = readdirSync('places')
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => f.replace(/\.geojson$/, ''));
const governorates = (JSON.parse(readFileSync('geo/governorates.geojson', 'utf8')) as { features: { properties: { id: string } }[] }).features.map(
  (g) => g.properties.id,
);
const texts = (JSON.parse(readFileSync('places/sources/index.json', 'utf8')) as { texts: { id: string }[] }).texts.map((t) => t.id);
const tours = readdirSync('places/tours').map((f) => ({
  id: f.replace(/\.json$/, ''),
  chapters: (JSON.parse(readFileSync(`places/tours/${f}`, 'utf8')) as { chapters: unknown[] }).chapters.length,
}));
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
  for (const id of governorates) {
    await page.evaluate((id) => (location.hash = `#t=2011-12-18&mode=cumulative&place=${id}`), id);
    await expect(page.getByRole('region', { name: /^Control on / })).toBeVisible();
    expect(await rawDates(page), id).toEqual([]);
  }
  for (const id of texts) {
    await page.evaluate((id) => (location.hash = `#t=2011-12-18&mode=cumulative&doc=${id}`), id);
    await expect(page.getByRole('button', { name: /close/i }).first()).toBeVisible();
    expect(await rawDates(page), id).toEqual([]);
  }
  for (const tour of tours)
    for (let chapter = 1; chapter <= tour.chapters; chapter++) {
      await page.evaluate(([id, n]) => (location.hash = `#tour=${id}&chapter=${n}`), [tour.id, chapter] as const);
      await expect(page.getByText(new RegExp(`chapter ${chapter} of ${tour.chapters}`, 'i'))).toBeVisible();
      expect(await rawDates(page), `${tour.id} chapter ${chapter}`).toEqual([]);
    }
  // The scan can fail: a date the page did show raw is caught.
  expect('said: 2007-05-31~ and 2011-10-21/2011-12-31, in 2006~'.match(edtf)).toEqual(['2007-05-31', '2011-10-21', '2011-12-31', '2006~']);
});

test.describe('for a reader whose browser asks for American English', () => {
  test.use({ locale: 'en-US' });

  test('dates on screen follow it; a figure keeps its own convention, so the dialog and the command still agree', async ({ page }) => {
    await page.goto('/#t=2005-06-01&place=basra-province');
    await mapIdle(page);
    await expect(page.locator('.slider output.date')).toHaveText('June 1, 2005');
    await expect(page.getByRole('region', { name: 'Control on June 1, 2005' })).toContainText('From July 12, 2003 to December 15, 2007.');
    const made = await page.evaluate(() =>
      (window as unknown as { iraqAtlas: { figure: (o: object) => Promise<{ caption: string }> } }).iraqAtlas.figure({
        links: ['#t=2005-06-01'],
        page: { widthMm: 85, heightMm: 80, dpi: 72 },
        format: 'svg',
      }),
    );
    expect(made.caption).toContain('1 June 2005');
    expect(made.caption).not.toContain('June 1, 2005');
  });
});
