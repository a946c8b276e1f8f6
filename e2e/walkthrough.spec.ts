// Walkthroughs from the page: the print dialog's video of a range of days (checked with ffprobe,
// as the command line's are in src/cli/walkthrough.test.ts), its Cancel, and the tour panel's
// printed handout (checked with pdfinfo and pdftotext).
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest();

async function openVideo(page: Page, hash: string) {
  await page.goto(`/${hash}`);
  await mapIdle(page);
  await page.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await dialog.getByLabel('A video of a range of days or a tour').check();
  return dialog;
}

async function setRange(page: Page, from: string, to: string, seconds: number, fps: number) {
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  await dialog.getByLabel('From').fill(from);
  await dialog.getByLabel('To', { exact: true }).fill(to);
  await dialog.getByLabel('Length (seconds)').fill(String(seconds));
  await dialog.getByLabel('Frames a second').fill(String(fps));
  await dialog.getByLabel('Frame size').selectOption('custom');
  await dialog.getByLabel('Width (px)').fill('640');
  await dialog.getByLabel('Height (px)').fill('360');
}

test('the dialog makes a WebM of the range: seconds × fps frames of the size asked for, with a progress count', async ({ page }) => {
  test.setTimeout(180_000);
  const dialog = await openVideo(page, '#t=2007-12-16');
  await setRange(page, '2007-01-01', '2007-12-31', 2, 10);
  await expect(dialog).toContainText('20 frames of 640 × 360 px, a new day on each');
  const download = page.waitForEvent('download', { timeout: 150_000 });
  await dialog.getByRole('button', { name: 'Make the video' }).click();
  await expect(dialog.getByText(/^Frame \d+ of 20$/)).toBeVisible();
  const file = await (await download).path();
  await expect(dialog.getByText('Saved iraq-atlas-2007-01-01-to-2007-12-31-640x360.webm: 20 frames, 2.0 s.')).toBeVisible();
  const probe = execFileSync(
    'ffprobe',
    ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-of', 'csv=p=0', file],
    { encoding: 'utf8' },
  );
  expect(probe.trim()).toBe('vp9,640,360,20');
});

test('Cancel stops the video between frames and saves nothing; a range too short for its frames is refused', async ({ page }) => {
  test.setTimeout(120_000);
  const dialog = await openVideo(page, '#t=2007-12-16');
  await setRange(page, '2007-01-01', '2007-01-10', 2, 10);
  await expect(dialog).toContainText("is 10 days, fewer than the video's 20 frames");
  await expect(dialog.getByRole('button', { name: 'Make the video' })).toBeDisabled();
  await setRange(page, '2004-01-01', '2007-12-31', 60, 10);
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await dialog.getByRole('button', { name: 'Make the video' }).click();
  await expect(dialog.getByText(/^Frame [1-9]\d* of 600$/)).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Cancelled: no file was saved.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Make the video' })).toBeEnabled();
  expect(downloaded).toBe(false);
});

test("the tour panel prints the tour's handout: a title page, a page per chapter with its quotes and their links, and the texts", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#tour=iraq-2003-2011&chapter=2');
  await mapIdle(page);
  const download = page.waitForEvent('download', { timeout: 100_000 });
  await page.getByRole('button', { name: 'Print the handout (PDF)' }).click();
  const file = await (await download).path();
  await expect(page.getByText('Saved iraq-2003-2011-handout.pdf: 17 A4 pages, a title page, 15 chapters and the texts quoted.')).toBeVisible();
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+17\n/);
  const page3 = execFileSync('pdftotext', ['-f', '3', '-l', '3', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(page3).toContain('Fallujah, April 2003');
  expect(page3).toContain("“We had no idea we weren't wanted.”");
  expect(page3).toContain('Lt Col Eric Nantz');
  // The passage's link opens this copy of the atlas.
  expect(page3).toContain(`${new URL(page.url()).origin}/#t=2003-04-28&doc=steele-2008&at=14025-14058`);
});
