// A tour of your own (issue 41): three views made into chapters, titled, reordered, saved, played
// after a reload, shared as a link that opens in a fresh page, and downloaded as a file that
// `npm run validate` accepts in a copy of the project; a tour that quotes the reader's own text,
// with its rings, a drag, the page's tour video and the text travelling with the tour.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { placeFilesOfAText } from './own-text-fixture.ts';
import { guardEachTest, mapIdle } from './helpers.ts';
import { projectCopy, validateInCopy } from './project-copy.ts';

guardEachTest({ reducedMotion: true });

async function goTo(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash);
  await mapIdle(page);
}

test('make a three-chapter tour from three views, reorder, save, play after a reload, share as a link, download a file that validates', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#t=2003-04-28&c=43.786,33.349,9&place=fallujah');
  await mapIdle(page);
  await page.getByRole('button', { name: 'Make a tour' }).click();
  const editor = page.getByRole('region', { name: 'Make a tour' });
  await editor.getByLabel('Tour title').fill('Three views');
  await editor.getByLabel('Introduction').fill('Fallujah, Erbil and Basra in three chapters.');

  await editor.getByRole('button', { name: 'Add this view as a chapter' }).click();
  await expect(editor.getByRole('status')).toContainText('Chapter 1 added: 28 April 2003');
  await editor.getByLabel('Chapter title').nth(0).fill('Fallujah, April 2003');
  await editor.getByLabel('Narrative').nth(0).fill('The 82nd Airborne takes over a school.');
  // A quote from the place panel, kept by the chapter by its text and offsets.
  await page.locator('section[aria-labelledby="place-title"]').getByRole('button', { name: 'Add to chapter 1' }).first().click();
  await expect(editor.getByRole('status')).toContainText('Quote added to chapter 1, “Fallujah, April 2003”');

  await goTo(page, '#t=2006-11-20&c=44.01,36.19,7');
  await editor.getByRole('button', { name: 'Add this view as a chapter' }).click();
  await editor.getByLabel('Chapter title').nth(1).fill('Erbil, November 2006');
  await editor.getByLabel('Narrative').nth(1).fill('The Korean Zaytun Division leads the sector.');

  await goTo(page, '#t=2007-12-16&c=47.75,30.5,8');
  await editor.getByRole('button', { name: 'Add this view as a chapter' }).click();
  await editor.getByLabel('Chapter title').nth(2).fill('Basra handed over');
  await editor.getByLabel('Narrative').nth(2).fill('British forces pass Basra to Iraqi control.');

  // Reordered: Basra before Erbil. A deleted chapter comes back with Undo.
  await editor.getByRole('button', { name: 'Move chapter 3 up' }).click();
  await editor.getByRole('button', { name: 'Delete chapter 3' }).click();
  await expect(editor.getByLabel('Chapter title')).toHaveCount(2);
  await editor.getByRole('button', { name: 'Undo: restore “Erbil, November 2006”' }).click();
  const titles = editor.getByLabel('Chapter title');
  await expect(titles).toHaveCount(3);
  expect(await titles.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
    'Fallujah, April 2003',
    'Basra handed over',
    'Erbil, November 2006',
  ]);

  // Saved: the page reloads playing it, as the shipped tour plays.
  await editor.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/tour=three-views/);
  await mapIdle(page);
  await expect(page.locator('.tour h2')).toContainText('Fallujah, April 2003');
  // The chapter's quote, from the text: its words, and Read in context.
  await expect(page.locator('.tour figure.quote')).toHaveCount(1);
  await page.getByRole('button', { name: 'Next chapter' }).click();
  await expect(page.locator('.tour h2')).toContainText('Basra handed over');
  await expect(page).toHaveURL(/t=2007-12-16/);
  await expect.poll(() => page.evaluate(() => window.__map!.getCenter().toArray())).toEqual([expect.closeTo(47.75, 1), expect.closeTo(30.5, 1)]);

  // Listed under Your tours; shared as a link, it opens in a fresh page, asked before it plays.
  const yours = page.getByRole('region', { name: 'Your tours' });
  await yours.getByRole('button', { name: 'Share Three views as a link' }).click();
  const url = await yours.getByLabel('Link to the tour').inputValue();
  expect(url).toMatch(/#tourdata=[A-Za-z0-9_-]+$/);
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(url);
  const offer = fresh.getByRole('region', { name: 'A tour from the link' });
  await expect(offer).toContainText('Three views, 3 chapters');
  await offer.getByRole('button', { name: 'Play it' }).click();
  await expect(fresh.locator('.tour h2')).toContainText('Fallujah, April 2003');
  await fresh.context().close();

  // Downloaded, the file is a tour file that npm run validate accepts in a copy of the project.
  const download = page.waitForEvent('download');
  await yours.getByRole('button', { name: 'Download Three views' }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe('three-views.json');
  const root = projectCopy({ 'places/tours/three-views.json': readFileSync(file) });
  const out = execFileSync('npm', ['run', '--silent', 'validate'], { cwd: root, encoding: 'utf8' });
  expect(out).toContain('Tours: iraq-2003-2011 (15 chapters), three-views (3 chapters).');
  // …and npm run figure prints it as a handout whose text holds every chapter's title.
  execFileSync('npm', ['run', '--silent', 'figure', '--', '--tour-file', file, '--preset', 'a4-portrait', '--out', join(root, 'handout.pdf')], {
    cwd: root,
    env: { ...process.env, ATLAS_CHROMIUM: '/nonexistent/chromium' },
  });
  const handout = execFileSync('pdftotext', [join(root, 'handout.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const title of ['Three views', 'Fallujah, April 2003', 'Basra handed over', 'Erbil, November 2006']) expect(handout).toContain(title);
});

test('a damaged tour link is named, and the page opens without it', async ({ page }) => {
  await page.goto('/#t=2006-11-14&tourdata=eJzLSM3JyVcozy_KSQEAGgQEXQ-damaged');
  await mapIdle(page);
  await expect(page.getByRole('alert')).toContainText('the link');
  await expect(page.getByRole('alert')).toContainText('damaged');
  await expect(page.getByRole('region', { name: 'A tour from the link' })).toHaveCount(0);
  await expect(page).not.toHaveURL(/tourdata/);
});

test('a tour quoting your own text: rings picked from the map and a quote, a chapter dragged, a video from the dialog, the text in its download and named where it is missing', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.goto('/#t=2007-04-15&c=43.786,33.349,9');
  await mapIdle(page);
  await page.getByLabel('Load place files').setInputFiles(placeFilesOfAText());
  await expect(page.locator('section[aria-labelledby="own-texts-title"]')).toContainText('A dispatch from Anbar');
  await goTo(page, '#t=2007-04-15&c=43.786,33.349,9&place=fallujah');

  await page.getByRole('button', { name: 'Make a tour' }).click();
  const editor = page.getByRole('region', { name: 'Make a tour' });
  await editor.getByLabel('Tour title').fill('Anbar in my words');
  await editor.getByRole('button', { name: 'Add this view as a chapter' }).click();
  await editor.getByLabel('Chapter title').nth(0).fill('Fallujah quiet');
  await editor.getByLabel('Narrative').nth(0).fill('A sergeant finds the city quiet.');
  // The reader's own quote, from the place panel.
  const panel = page.locator('section[aria-labelledby="place-title"]');
  await panel.locator('figure.quote').filter({ hasText: 'It was quiet' }).getByRole('button', { name: 'Add to chapter 1' }).click();
  const quotes = editor.getByRole('list', { name: 'Quotes in chapter 1' });
  await expect(quotes).toContainText('It was quiet');
  // Rings: taken off, then picked again from the quote; another picked from the map's selection.
  await editor.getByRole('button', { name: 'Stop ringing Fallujah in chapter 1' }).click();
  await quotes.getByRole('button', { name: 'Ring Fallujah' }).click();
  await goTo(page, '#t=2007-04-15&c=44.4,33.3,9&place=baghdad');
  await editor.getByRole('button', { name: 'Ring the place selected on the map in chapter 1' }).click();
  await expect(editor.getByRole('status')).toContainText('Baghdad is ringed in chapter 1');

  await goTo(page, '#t=2007-12-16&c=47.75,30.5,8');
  await editor.getByRole('button', { name: 'Add this view as a chapter' }).click();
  await editor.getByLabel('Chapter title').nth(1).fill('Basra');
  await editor.getByLabel('Narrative').nth(1).fill('Basra under Iraqi control.');
  await goTo(page, '#t=2008-03-25&c=47.75,30.5,8');
  await editor.getByRole('button', { name: 'Add this view as a chapter' }).click();
  await editor.getByLabel('Chapter title').nth(2).fill('Charge of the Knights');
  await editor.getByLabel('Narrative').nth(2).fill('The Iraqi army moves on Basra.');
  // Dragged by its grip: the third chapter dropped on the first goes first.
  // The drag's events as the browser sends them (a pointer drag across a scrolling panel is not
  // reliable headless): dragstart on the grip, dragover and drop on the first chapter.
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  const first = editor.locator('.chapters > li:first-child > p.when');
  await editor.locator('.grip[data-chapter="3"]').dispatchEvent('dragstart', { dataTransfer });
  await first.dispatchEvent('dragover', { dataTransfer });
  await first.dispatchEvent('drop', { dataTransfer });
  await expect(editor.getByRole('status')).toHaveText('Chapter “Charge of the Knights” moved to 1.');
  const titles = editor.getByLabel('Chapter title');
  expect(await titles.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['Charge of the Knights', 'Fallujah quiet', 'Basra']);
  // Saving without an introduction is refused at its field.
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert', { name: 'Problems with your tour' })).toHaveText('Your tour: Anbar in my words Introduction: missing');
  await editor.getByLabel('Introduction').fill('Three chapters, one quoting my own dispatch.');
  await editor.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/tour=anbar-in-my-words/, { timeout: 10_000 });
  await mapIdle(page);
  await page.getByRole('button', { name: 'Next chapter' }).click();
  await expect(page.locator('.tour figure.quote')).toContainText('It was quiet');

  // The page's video dialog makes the tour's video: a second a chapter.
  await page.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await dialog.getByLabel('A video of a range of days or a tour').check();
  await dialog.getByLabel('Show').selectOption({ label: 'Tour: Anbar in my words (yours)' });
  await dialog.getByLabel('Seconds a chapter').fill('1');
  await dialog.getByLabel('Frames a second').fill('4');
  await dialog.getByLabel('Frame size').selectOption('custom');
  await dialog.getByLabel('Width (px)').fill('640');
  await dialog.getByLabel('Height (px)').fill('360');
  await expect(dialog).toContainText('12 frames of 640 × 360 px: 3 chapters of 1 s');
  const video = page.waitForEvent('download', { timeout: 150_000 });
  await dialog.getByRole('button', { name: 'Make the video' }).click();
  expect((await video).suggestedFilename()).toBe('iraq-atlas-tour-anbar-in-my-words-640x360.webm');
  const probe = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-count_frames',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=width,height,nb_read_frames',
      '-of',
      'csv=p=0',
      await (await video).path(),
    ],
    { encoding: 'utf8' },
  );
  expect(probe.trim()).toBe('640,360,12');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Downloaded, the tour comes with the text it quotes; unzipped into a copy, npm run validate accepts both.
  const yours = page.getByRole('region', { name: 'Your tours' });
  const download = page.waitForEvent('download');
  await yours.getByRole('button', { name: 'Download Anbar in my words' }).click();
  expect((await download).suggestedFilename()).toBe('anbar-in-my-words-with-texts.zip');
  const zip = unzipSync(readFileSync(await (await download).path()));
  const tour = JSON.parse(strFromU8(zip['places/tours/anbar-in-my-words.json']));
  expect(tour.texts).toEqual([{ id: 'a-dispatch-from-anbar-2007', title: 'A dispatch from Anbar' }]);
  expect(tour.chapters[1].places).toEqual(['fallujah', 'baghdad']);
  expect(validateInCopy(zip)).toContain('anbar-in-my-words (3 chapters)');

  // Shared with someone whose browser lacks the text: the tour opens, and says which text its quote needs.
  await yours.getByRole('button', { name: 'Share Anbar in my words as a link' }).click();
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(await yours.getByLabel('Link to the tour').inputValue());
  await expect(fresh.getByRole('region', { name: 'A tour from the link' })).toContainText('Anbar in my words, 3 chapters');
  await expect(fresh.locator('aside')).toContainText('“A dispatch from Anbar” (a-dispatch-from-anbar-2007), which this atlas does not have');
  await fresh.context().close();
});
