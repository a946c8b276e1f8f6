// A reader's own text, start to end in the browser (issue 18): added from a .txt file, its places
// found and accepted, a quote and an event made by selecting passages, saved, still there after a
// reload (search, the quote in context), and downloaded as place files that `npm run validate`
// accepts in a copy of the project.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';
import { validateInCopy } from './project-copy.ts';

guardEachTest();

// Written after the war (issue 40): a text's own date is free; its events stay within the war.
const TEXT = `Looking back in 2016 on a dispatch from the road, April 2007.

We left Ramadi at dawn and reached Falluja by noon. In Ba'quba the market was shut.
A police officer in Haditha said: "We have not been paid since March."
Later that week a car bomb killed 12 people near Kirkuk.
From Tall Afar came word of new checkpoints, and the road to Najaf was closed.
`;
const NAMES = ['Ramadi', 'Falluja', "Ba'quba", 'Haditha', 'Kirkuk', 'Tall Afar', 'Najaf'];

/** Selects `words` in the editor's text as a reader would by dragging (the DOM range may cross a place link). */
async function select(page: Page, words: string) {
  await page
    .locator('.text-body')
    .evaluate((body, words) => {
      const start = body.textContent!.indexOf(words);
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const len = node.data.length;
        if (seen <= start && start < seen + len) range.setStart(node, start - seen);
        if (seen < start + words.length && start + words.length <= seen + len) range.setEnd(node, start + words.length - seen);
        seen += len;
      }
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return document.getSelection()!.toString();
    }, words)
    .then((s) => console.log('SELECTED', JSON.stringify(s)));
  const start = TEXT.indexOf(words);
  await expect(page.getByText(`Selected: characters ${start}–${start + words.length}`)).toBeVisible();
}

async function addText(page: Page): Promise<Locator> {
  await page.goto('/');
  await mapIdle(page);
  await page.getByRole('button', { name: 'Add a text' }).click();
  const editor = page.getByRole('dialog', { name: 'Add a text' });
  await editor.getByLabel('Title').fill('A dispatch from the road');
  await editor.getByLabel('Date', { exact: true }).fill('2016-07');
  await expect(editor.getByText('Read as: July 2016')).toBeVisible();
  await editor.getByLabel('Author').fill('A. Reporter');
  await editor.getByLabel('Kind').selectOption('news report');
  return editor;
}

test('a text of your own: places found and accepted, a quote and an event by selection, saved, searched, read in context, downloaded as place files that validate', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const editor = await addText(page);

  // A file that is not UTF-8 is refused by name, and loses nothing typed so far.
  const file = editor.getByLabel('Load a .txt file');
  await file.setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x42, 0x61, 0x73, 0x72, 0x61, 0xe9]) });
  await expect(editor.getByRole('alert')).toContainText('latin1.txt is not UTF-8 text');
  await expect(editor.getByLabel('Title')).toHaveValue('A dispatch from the road');
  await file.setInputFiles({ name: 'dispatch.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT, 'utf8') });
  await expect(editor.getByLabel('Text', { exact: true })).toHaveValue(TEXT);

  await editor.getByRole('button', { name: 'Find places' }).click();
  const proposals = editor.locator('.proposals li');
  await expect(proposals).toHaveCount(NAMES.length);
  for (const [i, name] of NAMES.entries()) await expect(proposals.nth(i).locator('b')).toHaveText(name);
  // The atlas's own place is proposed before the gazetteer's town of the same name.
  await expect(proposals.nth(1).getByRole('combobox')).toHaveText(/^Fallujah \(in the atlas\)/);
  await editor.getByRole('button', { name: 'Accept all' }).click();
  await expect(editor.getByText(`${NAMES.length} accepted.`)).toBeVisible();
  await expect(proposals.nth(3)).toContainText('Accepted: Haditha');
  // Mentions become links in the text, as in the shipped texts.
  await expect(editor.locator('.text-body .mention')).toHaveCount(NAMES.length);

  const quote = 'We have not been paid since March.';
  await select(page, quote);
  await editor.getByRole('button', { name: 'Quote', exact: true }).click();
  const quoteForm = editor.getByRole('form', { name: 'New quote' });
  await quoteForm.getByLabel('Place', { exact: true }).selectOption({ label: 'Haditha' });
  await quoteForm.getByLabel('Speaker').fill('a police officer');
  // Said by the text's date: the text does not say when (issue 39).
  await expect(quoteForm.getByLabel('Date said')).toHaveValue('../2016-07');
  await quoteForm.getByRole('button', { name: 'Add quote' }).click();
  await expect(editor.getByText('Quote added at Haditha.')).toBeVisible();

  // The passage crosses the link on "Kirkuk": its offsets still count the text's own characters.
  await select(page, 'a car bomb killed 12 people near Kirkuk');
  await editor.getByRole('button', { name: 'Event', exact: true }).click();
  const eventForm = editor.getByRole('form', { name: 'New event' });
  await eventForm.getByLabel('Place', { exact: true }).selectOption({ label: 'Kirkuk' });
  await eventForm.getByLabel('Title').fill('A car bomb near Kirkuk');
  // The event's date starts as the text's; 2016 is past the war, and the field says so.
  await expect(eventForm.getByLabel('Date', { exact: true })).toHaveValue('2016-07');
  await expect(eventForm.locator('#own-event-date-echo')).toContainText('Outside the atlas’s span (1990–2012)');
  await eventForm.getByLabel('Date', { exact: true }).fill('2007-04');
  await eventForm.getByLabel('How it was dated').fill('"Later that week" in a dispatch of April 2007');
  // The date's numbers are not offered as counts; the 12 killed is.
  await expect(eventForm.getByLabel('12 counts')).toBeVisible();
  // No tag ticked: refused at the field, with no error in the page (guardEachTest).
  await eventForm.getByRole('button', { name: 'Add event' }).click();
  await expect(eventForm.locator('#own-tags-error')).toHaveText('Tick at least one tag: what kind of event it is.');
  await expect(editor.getByText('Event added at Kirkuk.')).toHaveCount(0);
  await eventForm.getByLabel('bombing').check();
  await eventForm.getByLabel('12 counts').selectOption('killed');
  await eventForm.getByRole('button', { name: 'Add event' }).click();
  await expect(editor.getByText('Event added at Kirkuk.')).toBeVisible();
  await expect(editor.getByRole('list', { name: 'Quotes and events from your text' })).toContainText('“A car bomb near Kirkuk”');

  // Saved: the page reloads with the text in the atlas, open in the reader.
  await editor.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/doc=a-dispatch-from-the-road-2016/);
  const opened = page.getByRole('dialog', { name: 'A dispatch from the road' });
  await expect(opened).toContainText('your own text, kept in this browser');
  await expect(opened.locator('.mention')).toHaveCount(NAMES.length);
  // Its place files are one click away right after Save (issue 40).
  await expect(opened.getByRole('button', { name: 'Download as place files' })).toBeVisible();
  await expect(opened).toContainText('A. Reporter · outlet not named · news report · July 2016');
  await opened.getByRole('button', { name: 'Close text' }).click();
  await expect(page.getByText('Your text is saved in this browser.')).toBeVisible();

  // Still there after a reload: in the texts, marked as the reader's own, and its new places searchable.
  await page.reload();
  await mapIdle(page);
  await expect(page.locator('section[aria-labelledby="texts-title"]')).toContainText(/A dispatch from the road\s*your text/);
  // Kept as made: Edit opens it with its places accepted and its quote and event listed.
  await page.getByRole('button', { name: 'Edit A dispatch from the road' }).click();
  const again = page.getByRole('dialog', { name: 'Edit “A dispatch from the road”' });
  await expect(again.locator('.proposals li.accepted')).toHaveCount(NAMES.length);
  await expect(again.getByRole('list', { name: 'Quotes and events from your text' }).getByRole('listitem')).toHaveCount(2);
  await again.getByRole('button', { name: 'Close', exact: true }).click();

  await page.getByRole('combobox', { name: 'Search places' }).fill('Haditha');
  await page.getByRole('option', { name: /^Haditha/ }).click();
  const panel = page.locator('aside');
  await expect(panel).toContainText(quote);
  // Named in: the text that names Haditha, its one mention one click from the text.
  const namedIn = panel.getByRole('list', { name: 'Texts that name Haditha' });
  await expect(namedIn).toContainText('A dispatch from the road');
  await expect(namedIn).toContainText('July 2016 · your text · 1 mention');
  await namedIn.getByRole('button', { name: 'Open A dispatch from the road at mention 1 of 1' }).click();
  await expect(page.getByRole('dialog', { name: 'A dispatch from the road' }).locator('mark')).toHaveText('Haditha');
  await page.getByRole('dialog', { name: 'A dispatch from the road' }).getByRole('button', { name: 'Close text' }).click();
  await panel.getByRole('button', { name: 'Read in context', exact: true }).first().click();
  const reader = page.getByRole('dialog', { name: 'A dispatch from the road' });
  await expect(reader.locator('mark')).toHaveText(quote);
  await expect(reader).toContainText('your own text, kept in this browser');
  await reader.getByRole('button', { name: 'Close text' }).click();

  // The event is on the atlas's event list at its date, cited to the text.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download A dispatch from the road as place files' }).click();
  const zipFile = { name: (await download).suggestedFilename(), mimeType: 'application/zip', buffer: readFileSync(await (await download).path()) };
  expect(zipFile.name).toBe('a-dispatch-from-the-road-2016-place-files.zip');
  const zip = unzipSync(zipFile.buffer);
  expect(Object.keys(zip).sort()).toEqual(
    expect.arrayContaining([
      'places/sources/a-dispatch-from-the-road-2016.txt',
      'places/sources/index.json',
      'places/haditha.geojson',
      'places/kirkuk.geojson',
    ]),
  );

  // Unpacked into a copy of the project, the text is part of the atlas: npm run validate passes.
  const out = validateInCopy(zip);
  expect(out).toContain('Atlas data is valid');
  expect(out).toMatch(/a-dispatch-from-the-road-2016\s+1 event passages\s+1 quotes/);

  // Loaded back, the zip's text clashes with the one kept: it is offered a new id, never written over.
  await page.getByLabel('Load place files').setInputFiles(zipFile);
  await expect(page.getByRole('alert')).toContainText('The atlas already has a text “a-dispatch-from-the-road-2016”');
  await page.getByRole('button', { name: 'Load it as “a-dispatch-from-the-road-2016-2”' }).click();
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    'Loaded “A dispatch from the road” from a-dispatch-from-the-road-2016-place-files.zip as “a-dispatch-from-the-road-2016-2”',
  );
  await expect(page.locator('section[aria-labelledby="texts-title"] li').filter({ hasText: 'A dispatch from the road' })).toHaveCount(2);
});

test('a place no gazetteer has is put on the map by a click, approximate and saying so', async ({ page }) => {
  const editor = await addText(page);
  await editor.getByLabel('Text', { exact: true }).fill('We reached Falluja at noon.');
  await editor.getByRole('button', { name: 'Find places' }).click();
  await editor.getByLabel('Place for “Falluja”').selectOption({ label: 'Another place: put it on the map…' });
  await editor.getByRole('button', { name: 'Accept “Falluja” at 11' }).click();
  await expect(editor.getByText('Click the map where “Falluja” is')).toBeVisible();
  const box = (await page.locator('.map canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await expect(editor.getByRole('status')).toContainText('(approximate: placed by you, from no gazetteer)');
  await expect(editor.locator('.proposals li')).toContainText('Accepted: Falluja');
  // The click chose a point: no place was opened under it.
  await expect(page.locator('aside')).not.toContainText('Read in context');

  // A passage can be chosen from the keyboard by its words, as well as by dragging.
  await editor.getByLabel('Or type the words').fill('reached Falluja');
  await editor.getByLabel('Or type the words').press('Enter');
  await expect(editor.getByText('Selected: characters 3–18')).toBeVisible();
  await editor.getByLabel('Or type the words').fill('reached Fallujah');
  await editor.getByRole('button', { name: 'Select', exact: true }).click();
  await expect(editor.getByText('These words are not in the text exactly as typed.')).toBeVisible();
});

test('bad input is named and loses nothing: an empty text, a date that is not EDTF, a zip that is not place files', async ({ page }) => {
  const editor = await addText(page);
  await editor.getByLabel('Date', { exact: true }).fill('April 2007');
  await editor.getByRole('button', { name: 'Find places' }).click();
  await expect(editor.locator('#own-date-echo')).toContainText('Not a date the atlas reads');
  await expect(editor.locator('#own-text-about')).toContainText('The text is empty');
  await expect(editor.getByLabel('Title')).toHaveValue('A dispatch from the road');
  await editor.getByRole('button', { name: 'Close', exact: true }).click();

  await page.getByLabel('Load place files').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.zip is not a zip file' })).toBeVisible();
});
