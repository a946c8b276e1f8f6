// Issue 37: texts this browser keeps, written by another version of the atlas, are never dropped.
// A record the page cannot read is listed in Your texts with its problem, and downloads whole.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { guardEachTest } from './helpers.ts';

guardEachTest();

test('a kept record of a newer shape, and a broken one, are listed with their problem and download as kept', async ({ page }) => {
  await page.goto('/');
  const text = 'Words written in Ramadi in 2016, kept by a later atlas.';
  await page.evaluate(async (words) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('iraq-war-atlas', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('own-texts', { keyPath: 'entry.id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('own-texts', 'readwrite');
      const store = tx.objectStore('own-texts');
      store.put({ format: 9, entry: { id: 'later-text', title: 'A later text' }, text: words, places: {}, mentions: [], newField: true });
      store.put({ entry: { id: 'broken-text', title: 'A broken text' }, text: words, places: [1, 2] });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    localStorage.setItem('iraq-war-atlas:own-texts', '2');
  }, text);
  await page.reload();
  const panel = page.getByRole('region', { name: 'Your texts' });
  const list = panel.getByRole('list', { name: 'Texts kept in this browser that this version cannot read' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('A later text');
  await expect(list).toContainText('kept by a newer version of the atlas (format 9');
  await expect(list).toContainText('A broken text');
  await expect(list).toContainText('its places are not place features');
  await expect(list).toContainText(`Its text (${text.length} characters) is kept intact.`);
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Download A later text as kept' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('later-text-as-kept.json');
  const saved = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(saved).toEqual({ format: 9, entry: { id: 'later-text', title: 'A later text' }, text, places: {}, mentions: [], newField: true });
});
