// Bring your own events: a good file, a file with bad rows (listed, the good rows kept), and a
// 400,000-row file generated here, read without freezing the page.
import { expect, test, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest();

async function importCsv(page: Page, name: string, csv: string) {
  await page.getByLabel('Import a file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

test('a good CSV becomes a layer, counted by the slider, with a legend entry', async ({ page }) => {
  await page.goto('/#t=2006-11-14');
  await mapIdle(page);
  const csv = [
    'longitude,latitude,date,end,label,source',
    '44.4,33.3,2006-11-01,,Baghdad,my log',
    '43.1,36.3,2006-06-01,,Mosul,my log',
    '47.8,30.5,2007-01-10,,Basra,my log',
    '44.0,32.5,2006-09,2006-12,Hilla,my log',
  ].join('\n');
  await importCsv(page, 'mine.csv', csv);
  const panel = page.getByRole('region', { name: 'Your events' });
  await expect(panel.getByRole('status')).toContainText('mine.csv: 4 events');
  // 90 days to 14 November 2006: Baghdad (1 Nov) and Hilla (Sept.–Dec.); not Mosul (June) nor Basra (2007).
  await expect(panel).toContainText('2 shown at 14 November 2006');
  await expect.poll(() => page.evaluate(() => window.__map!.getLayer('imported_events')?.type)).toBe('custom');
  await page.getByRole('checkbox', { name: /mine.csv/ }).uncheck();
  await expect.poll(() => page.evaluate(() => window.__map!.getLayer('imported_events') ?? null)).toBeNull();
});

test('bad rows are named by row and column, and the good rows kept', async ({ page }) => {
  await page.goto('/');
  await mapIdle(page);
  const csv = [
    'lon,lat,date,label',
    '44.4,33.3,2006-11-14,ok',
    '44.4,33.3,2006-13-01,bad month',
    '500,33.3,2006-11-14,bad lon',
    '44.4,33.3,2006-11-15,ok',
  ].join('\n');
  await importCsv(page, 'rows.csv', csv);
  const panel = page.getByRole('region', { name: 'Your events' });
  await expect(panel.getByRole('status')).toContainText('rows.csv: 2 events');
  await panel.getByText('2 rows with problems (left out)').click();
  await expect(panel.getByRole('listitem')).toHaveText([
    'row 3, column date: "2006-13-01" is not a date',
    'row 4, column lon: "500" is not a longitude (-180 to 180)',
  ]);
  await importCsv(page, 'wrong.csv', 'place,when\nBaghdad,2006');
  await expect(panel.getByRole('alert')).toContainText('wrong.csv: The header has no column for longitude');
  // A bad file loses nothing: the set already imported stays.
  await expect(panel.getByRole('status')).toContainText('rows.csv: 2 events');
});

test('400,000 rows load with a progress bar, without freezing the page', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#t=2007-06-30&mode=cumulative');
  await mapIdle(page);
  // Seeded, so the file is the same each run: points over Iraq, days from 2004 to 2009.
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const lines = ['longitude,latitude,date,label'];
  for (let i = 0; i < 400_000; i++) {
    const day = new Date(Date.UTC(2004, 0, 1) + Math.floor(random() * 2190) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${(39 + random() * 9).toFixed(4)},${(29.5 + random() * 7.5).toFixed(4)},${day},event ${i}`);
  }
  // A heartbeat: the longest gap between timer ticks while the file is read, counted from the
  // moment the page has the file (Playwright's own hand-over of 20 MB is not the atlas's doing).
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; last: number };
    w.maxGap = 0;
    w.last = performance.now();
    const restart = () => {
      w.maxGap = 0;
      w.last = performance.now();
    };
    document.querySelector('input[type=file]')!.addEventListener('change', restart, { capture: true });
    setInterval(() => {
      const now = performance.now();
      w.maxGap = Math.max(w.maxGap, now - w.last);
      w.last = now;
    }, 20);
  });
  await importCsv(page, 'warlog.csv', lines.join('\n'));
  const panel = page.getByRole('region', { name: 'Your events' });
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await expect(panel.getByRole('status')).toContainText('warlog.csv: 400,000 events', { timeout: 120_000 });
  const maxGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
  expect(maxGap, 'longest pause of the page while reading (ms)').toBeLessThan(1000);
  await expect(panel).toContainText(/[\d,]+ shown at 30 June 2007/);
});

test('a file with latitude and longitude swapped is warned about; a click on a point shows its row; "Zoom to my data" frames it', async ({ page }) => {
  await page.goto('/#t=2006-11-14');
  await mapIdle(page);
  const csv = [
    'longitude,latitude,date,label,source',
    '44.4,33.3,2006-11-10,Checkpoint raid,my notes p. 4',
    '33.3,44.4,2006-11-10,Swapped Baghdad,my notes p. 5',
    '43.1,36.3,2013-05-01,Too late,my notes p. 6',
  ].join('\n');
  await importCsv(page, 'swapped.csv', csv);
  const checks = page.getByRole('alert').filter({ hasText: 'swapped' });
  await expect(checks).toContainText('1 row would fall in Iraq with latitude and longitude swapped');
  await expect(page.getByRole('region', { name: 'Your events' })).toContainText('1 row refused for a date outside 1990–2012');

  await page.getByRole('button', { name: 'Zoom to my data' }).click();
  await mapIdle(page);
  // The data runs from 33.3° E (the swapped row, in Turkey) to Baghdad: both in view.
  const bounds = await page.evaluate(() => window.__map!.getBounds().toArray());
  expect(bounds[0][0]).toBeLessThanOrEqual(33.3);
  expect(bounds[1][0]).toBeGreaterThanOrEqual(44.4);

  // Baghdad's point, clicked where it is drawn: its label, date in words, source and row.
  await page.evaluate(() => window.__map!.jumpTo({ center: [44.4, 33.3], zoom: 9 }));
  await mapIdle(page);
  const at = await page.evaluate(() => {
    const { x, y } = window.__map!.project([44.4, 33.3]);
    const box = window.__map!.getCanvas().getBoundingClientRect();
    return { x: box.left + x + 5, y: box.top + y + 4 };
  });
  await page.mouse.click(at.x, at.y);
  const popup = page.locator('.maplibregl-popup .imported-event');
  await expect(popup).toContainText('Checkpoint raid');
  await expect(popup).toContainText('10 November 2006');
  await expect(popup).toContainText('Source: my notes p. 4');
  await expect(popup).toContainText('swapped.csv, row 2');
});
