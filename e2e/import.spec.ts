// Bring your own events: a good file, a file with bad rows (listed, the good rows kept), and a
// 400,000-row file generated here, read without freezing the page.
import { expect, test, type Page } from '@playwright/test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { Float64, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
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
  const chooser = panel.getByRole('form', { name: 'Which column is which in wrong.csv?' });
  await expect(chooser).toContainText('The header has no column for longitude');
  await chooser.getByRole('button', { name: 'Cancel' }).click();
  await expect(chooser).toBeHidden();
  // A bad file loses nothing: the set already imported stays.
  await expect(panel.getByRole('status')).toContainText('rows.csv: 2 events');
});

test('columns the atlas does not know are chosen from the header and first rows, with the date order, and remembered for the header', async ({ page }) => {
  await page.goto('/#t=2007-02-05');
  await mapIdle(page);
  // A public data set's own names: nothing here is called date, latitude or longitude.
  const csv = [
    'id,death_date,geo_lat,geo_lon,name,source_url',
    '1,01/10/2006,33.3,44.4,Baghdad,https://example.org/1',
    '2,03/02/2007,36.3,43.1,Mosul,https://example.org/2',
    '3,25/12/2006,30.5,47.8,Basra,https://example.org/3',
  ].join('\n');
  await importCsv(page, 'deaths.csv', csv);
  const panel = page.getByRole('region', { name: 'Your events' });
  const chooser = panel.getByRole('form', { name: 'Which column is which in deaths.csv?' });
  await expect(chooser).toContainText('The header has no column for longitude');
  await expect(chooser.getByRole('table')).toContainText('death_date');
  await expect(chooser.getByRole('table')).toContainText('03/02/2007');
  // The atlas's guess, preselected.
  await expect(chooser.getByLabel('Date (or start)')).toHaveValue('death_date');
  await expect(chooser.getByLabel('Latitude')).toHaveValue('geo_lat');
  await expect(chooser.getByLabel('Longitude')).toHaveValue('geo_lon');
  await expect(chooser.getByLabel('Label (optional)')).toHaveValue('name');
  await expect(chooser.getByLabel('Source (optional)')).toHaveValue('source_url');
  // Day first: 03/02/2007 is 3 February and 25/12/2006 Christmas, both in the 90 days to 5 February
  // (month first, the one would be 2 March, not yet, and the other no date); 1 October is too early.
  await chooser.getByLabel('Dates are written as').selectOption('dmy');
  await chooser.getByRole('button', { name: 'Read with these columns' }).click();
  await expect(panel.getByRole('status')).toContainText('deaths.csv: 3 events');
  await expect(panel).toContainText('2 shown at 5 February 2007');
  await expect(panel).toContainText('Read with the columns you chose: date death_date, position geo_lon and geo_lat.');

  // The same header again: read at once with the remembered choice.
  await panel.getByRole('button', { name: 'Remove' }).click();
  await importCsv(page, 'deaths-2.csv', csv);
  await expect(panel.getByRole('status')).toContainText('deaths-2.csv: 3 events');
  await expect(panel).toContainText('Read with the columns you chose before for this header');
  await expect(panel.getByRole('form')).toHaveCount(0);
});

test('a GeoJSON whose time is epoch milliseconds is read once the reader says so', async ({ page }) => {
  await page.goto('/#t=2006-11-20');
  await mapIdle(page);
  const geojson = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [44.4, 33.3] }, properties: { time: 1163462400000, title: 'Baghdad' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [43.1, 36.3] }, properties: { time: 1163980800000, title: 'Mosul' } },
    ],
  };
  await page
    .getByLabel('Import a file')
    .setInputFiles({ name: 'quakes.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geojson)) });
  const panel = page.getByRole('region', { name: 'Your events' });
  const chooser = panel.getByRole('form', { name: 'Which column is which in quakes.geojson?' });
  await expect(chooser).toContainText('properties have no column for date');
  // Position is the Point's: nothing to choose.
  await expect(chooser.getByLabel('Latitude')).toHaveCount(0);
  await expect(chooser.getByLabel('Date (or start)')).toHaveValue('time');
  await expect(chooser.getByLabel('Dates are written as')).toHaveValue('epoch-ms');
  await chooser.getByRole('button', { name: 'Read with these columns' }).click();
  await expect(panel.getByRole('status')).toContainText('quakes.geojson: 2 events');
  // 14 and 20 November 2006, both in the 90 days to 20 November.
  await expect(panel).toContainText('2 shown at 20 November 2006');
  await page.evaluate(() => (location.hash = '#t=2006-11-15'));
  await expect(panel).toContainText('1 shown at 15 November 2006');
});

test('a GeoParquet file and an Arrow file are read in the worker, their bad records named', async ({ page }) => {
  await page.goto('/#t=2006-11-20');
  await mapIdle(page);
  const point = (x: number, y: number) => {
    const view = new DataView(new ArrayBuffer(21));
    view.setUint8(0, 1);
    view.setUint32(1, 1, true);
    view.setFloat64(5, x, true);
    view.setFloat64(13, y, true);
    return new Uint8Array(view.buffer);
  };
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'geometry', data: [point(44.4, 33.3), point(43.1, 36.3), point(47.8, 30.5)], type: 'BYTE_ARRAY' },
      { name: 'date', data: [new Date('2006-11-14T10:00Z'), new Date('2006-11-19T10:00Z'), new Date('2013-01-01T00:00Z')], type: 'TIMESTAMP' },
      { name: 'label', data: ['Baghdad', 'Mosul', 'too late'], type: 'STRING' },
    ],
    kvMetadata: [
      {
        key: 'geo',
        value: JSON.stringify({ version: '1.1.0', primary_column: 'geometry', columns: { geometry: { encoding: 'WKB', geometry_types: ['Point'] } } }),
      },
    ],
  });
  const input = page.getByLabel('Import a file');
  await input.setInputFiles({ name: 'deaths.geoparquet', mimeType: 'application/octet-stream', buffer: Buffer.from(parquet) });
  const panel = page.getByRole('region', { name: 'Your events' });
  await expect(panel.getByRole('status').first()).toContainText('deaths.geoparquet: 2 events');
  await expect(panel).toContainText('2 shown at 20 November 2006');
  await panel.getByText('1 record with problems (left out)').click();
  await expect(panel.locator('details').getByRole('listitem')).toHaveText([
    /^record 2, column date: "2013-01-01T00:00:00.000Z" lies outside 1990-01-01..2012-12-31/,
  ]);

  const arrow = tableToIPC(
    new Table({
      lon: vectorFromArray([44.4], new Float64()),
      lat: vectorFromArray([33.3], new Float64()),
      date: vectorFromArray([new Date('2006-11-18T00:00Z')], new TimestampMillisecond()),
      title: vectorFromArray(['Sadr City'], new Utf8()),
    }),
    'file',
  );
  await input.setInputFiles({ name: 'log.arrow', mimeType: 'application/octet-stream', buffer: Buffer.from(arrow) });
  await expect(panel.getByRole('status').first()).toContainText('log.arrow: 1 event');
  await expect(panel).toContainText('1 shown at 20 November 2006');

  await input.setInputFiles({ name: 'broken.parquet', mimeType: 'application/octet-stream', buffer: Buffer.from('not parquet at all') });
  await expect(panel.getByRole('alert')).toContainText('broken.parquet: not a readable Parquet file');
  // A bad file loses nothing: the set already imported stays.
  await expect(panel.getByRole('status').first()).toContainText('log.arrow: 1 event');
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
  // So many events are drawn as density unless the reader asks for dots (style/density.ts).
  await expect(panel.getByRole('radio', { name: /density/ })).toBeChecked();
  await expect(panel.getByRole('list', { name: /Density key/ })).toContainText('1,000 or more');
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
