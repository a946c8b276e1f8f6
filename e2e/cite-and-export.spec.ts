// Cite it and take it out (issue 42): "Cite this view" gives a Chicago citation with the permalink
// and the data version, copied as shown; a quote's Cite names its text and paragraph; "Download
// data" gives the events as CSV, your own texts marked; the page carries citation meta tags and a
// schema.org Dataset for reference managers and dataset search.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';
import { placeFilesOfAText } from './own-text-fixture.ts';

guardEachTest();

test('Cite this view: the Chicago citation, copied, holds the permalink and the data version', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#t=2007-12-16&w=30&c=47.75,30.5,7');
  await mapIdle(page);
  const version = await page.locator('meta[name="citation_version"]').getAttribute('content');
  expect(version).toMatch(/^[0-9a-f]{12}$/);
  await page.getByRole('button', { name: 'Cite this view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cite this view' });
  await dialog.getByRole('button', { name: 'Copy the Chicago (author-date) citation' }).click();
  await expect(dialog.getByRole('status')).toHaveText('The Chicago (author-date) citation is copied.');
  const chicago = await page.evaluate(() => navigator.clipboard.readText());
  expect(chicago).toBe(await dialog.locator('#cite-chicago').innerText());
  const link = new URL(chicago.match(/http:\/\/\S+#\S+?(?=\.?$)/)![0]);
  expect(link.origin).toBe(new URL(page.url()).origin);
  expect(new URLSearchParams(link.hash.slice(1)).get('t')).toBe('2007-12-16');
  expect(new URLSearchParams(link.hash.slice(1)).get('w')).toBe('30');
  expect(chicago).toContain(`data version ${version}`);
  expect(chicago.toLowerCase()).toContain('16 december 2007, events in the 30 days to that day');
  expect(chicago).toMatch(/Accessed \w+ \d+, \d{4}\./);
  await expect(dialog.locator('#cite-bibtex')).toContainText('@misc{');
  // The link opens the same view.
  await page.goto(link.href);
  await mapIdle(page);
  await expect(page.getByRole('slider', { name: 'Date' })).toHaveAttribute('aria-valuetext', /16 December 2007/);
});

test("a quote's Cite names its text and the paragraph the quote is in", async ({ page }) => {
  await page.goto('/#t=2007-12-16&place=basra');
  await mapIdle(page);
  const card = page.locator('section[aria-labelledby="place-title"] figure.quote').first();
  await card.getByRole('button', { name: 'Cite' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cite this quote' });
  await expect(dialog.locator('#cite-chicago')).toContainText(/In the text: \(.+, para\. \d+\)/);
  await expect(dialog.locator('#cite-csl-json')).toContainText('"label": "paragraph"');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('Download data gives the events as CSV, one row an event of the texts chosen', async ({ page }) => {
  await page.goto('/');
  await mapIdle(page);
  const panel = page.getByRole('region', { name: 'Download data' });
  await panel.getByLabel('Format').selectOption('csv');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('iraq-war-atlas.csv');
  const all = readFileSync(await (await download).path(), 'utf8');
  expect(all.startsWith('\uFEFFid,date,first_day,last_day,precision,title')).toBe(true);
  // One text only: fewer rows, each of that text.
  for (const id of await panel.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)))
    if (id !== 'cockburn-2006') await panel.locator(`input[value="${id}"]`).uncheck();
  const one = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download' }).click();
  expect((await one).suggestedFilename()).toBe('iraq-war-atlas-cockburn-2006.csv');
  const rows = readFileSync(await (await one).path(), 'utf8')
    .trim()
    .split('\r\n')
    .slice(1);
  expect(rows.length).toBeGreaterThan(3);
  expect(rows.length).toBeLessThan(all.trim().split('\r\n').length - 1);
  for (const row of rows) expect(row).toContain(',cockburn-2006,');
  await expect(panel.getByRole('status')).toHaveText('Downloaded iraq-war-atlas-cockburn-2006.csv.');
});

test('the page tells reference managers and dataset search what it is', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('meta[name="citation_title"]')).toHaveAttribute('content', 'Iraq War Atlas');
  const dataset = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(dataset).toMatchObject({ '@type': 'Dataset', name: 'Iraq War Atlas', temporalCoverage: '2003-03-20/2011-12-18' });
  expect(dataset.version).toBe(await page.locator('meta[name="citation_version"]').getAttribute('content'));
  expect(dataset.citation).toHaveLength(5);
});

test("your text's annotations, downloaded, load back into the text in a browser that lacks them", async ({ page }) => {
  await page.goto('/#t=2007-04-15');
  await mapIdle(page);
  const yours = page.locator('section[aria-labelledby="own-texts-title"]');
  await page.getByLabel('Load place files').setInputFiles(placeFilesOfAText());
  await expect(yours).toContainText('A dispatch from Anbar');
  // Download data → the annotations of that text alone, marked as the reader's.
  const panel = page.getByRole('region', { name: 'Download data' });
  await panel.getByLabel('Format').selectOption('annotations');
  await expect(panel.getByText('(your text, kept in this browser)')).toBeVisible();
  for (const id of await panel.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)))
    if (id !== 'a-dispatch-from-anbar-2007') await panel.locator(`input[value="${id}"]`).uncheck();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download' }).click();
  const file = { name: 'anbar.annotations.jsonld', mimeType: 'application/ld+json', buffer: readFileSync(await (await download).path()) };
  const list = JSON.parse(file.buffer.toString('utf8')) as { motivation: string; target: { source: string } }[];
  expect(list.map((a) => a.motivation)).toContain('highlighting');
  for (const a of list) expect(a.target.source).toMatch(/#doc=a-dispatch-from-anbar-2007$/);

  // Another browser has the text without its quote: the annotations give it back.
  // Removing it reloads the page: wait for the new page's load, not the old page's (already past).
  page.once('dialog', (d) => d.accept());
  const reloaded = page.waitForEvent('load');
  await yours.getByRole('button', { name: 'Remove A dispatch from Anbar' }).click();
  await reloaded;
  await mapIdle(page);
  await page.getByLabel('Load place files').setInputFiles(placeFilesOfAText({ quoted: false }));
  await expect(yours).toContainText('A dispatch from Anbar');
  await page.getByLabel('Load annotations into A dispatch from Anbar').setInputFiles(file);
  await expect(page.locator('aside')).toContainText('Added to “A dispatch from Anbar” from anbar.annotations.jsonld:');
  await page.evaluate(() => (location.hash = 't=2007-04-15&place=fallujah'));
  await expect(page.locator('section[aria-labelledby="place-title"] figure.quote').filter({ hasText: 'It was quiet' })).toHaveCount(1);
});
