// Issue 19: a collection served from PostGIS. The atlas opened with the server's address shows the
// collection on the same slider, and the count it shows for the window in view equals SELECT
// count(*) over the same days and box, at three windows and three zooms (cells counted ahead,
// cells counted from the events, raw points). The server also serves the built atlas, so the page
// and its data share one origin and nothing leaves it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type pg from 'pg';
import { connect, ready, stop, whyNoDatabase, type Cluster } from '../src/db/cluster.ts';
import { loadFile } from '../src/db/load.ts';
import { writeSeededCsv } from '../src/db/seeded-collection.ts';
import { serve } from '../src/db/serve.ts';
import { dayFromIso } from '../src/lib/time/day.ts';
import { densityClasses } from '../src/lib/look/density.ts';
import { mapIdle, watchPage } from './helpers.ts';

const missing = whyNoDatabase();
if (missing) console.warn(`Skipping the collection-server tests: ${missing}`);
test.skip(missing !== null, `needs PostgreSQL with PostGIS: ${missing}`);

let dir: string;
let cluster: Cluster;
let pool: pg.Pool;
let server: Server;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-db-'));
  cluster = await ready(join(dir, 'db'));
  pool = connect(cluster);
  await writeSeededCsv(join(dir, 'events.csv'), 20_000);
  // A small tile limit, so 20,000 events give every kind of tile (load.ts RAW_LIMIT).
  await loadFile(pool, join(dir, 'events.csv'), { rawLimit: 500 });
  // dist-e2e is the build the Playwright web server has just made.
  server = serve(pool, { atlas: 'dist-e2e' }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server?.close();
  await pool?.end();
  if (cluster) stop(cluster);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** SELECT count(*) over the atlas's window (window mode: the days t - w .. t) and a box. */
async function sqlCount(t: string, w: number, [west, south, east, north]: number[]): Promise<number> {
  const day = dayFromIso(t);
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM atlas.events
     WHERE t0 <= $1 AND t1 >= $2 AND ST_Intersects(geom, ST_Transform(ST_MakeEnvelope($3, $4, $5, $6, 4326), 3857))`,
    [day, day - w, west, south, east, north],
  );
  return rows[0].n;
}

test('the count the atlas shows for the window in view equals SELECT count(*), at three windows and three zooms', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page, origin);
  const { rows } = await pool.query('SELECT raw_from_zoom, pyramid_level FROM atlas.meta');
  const { raw_from_zoom: raw, pyramid_level: pyramid } = rows[0];
  // Zooms whose tiles hold counts kept by month, counts made from the events, and the events themselves.
  const zooms = [Math.min(6, pyramid), pyramid + 1, Math.max(raw, 11)];
  expect(zooms[1]).toBeLessThan(raw);
  const windows: [string, number][] = [
    ['2006-11-14', 90],
    ['2004-04-30', 7],
    ['2009-06-30', 365],
  ];
  // A dense centre of the seeded collection, so every view holds events.
  const { rows: centre } = await pool.query(`SELECT lng, lat FROM atlas.events ORDER BY id LIMIT 1`);
  const [lng, lat] = [centre[0].lng, centre[0].lat].map((v: number) => v.toFixed(4));
  for (const z of zooms) {
    for (const [t, w] of windows) {
      await page.goto(`${origin}/#t=${t}&w=${w}&c=${lng},${lat},${z}&db=${origin}`);
      await mapIdle(page);
      const shown = page.locator('.count strong[data-count]');
      await expect(shown).toBeVisible();
      const box = await page.evaluate(() => window.__map!.getBounds().toArray().flat());
      const expected = await sqlCount(t, w, box);
      await expect(shown).toHaveAttribute('data-count', String(expected));
      expect(expected, `some events in view at zoom ${z}, ${t}`).toBeGreaterThan(0);
      // The map draws what the count counts: squares below the raw zoom, dots from it.
      const kinds = () =>
        page.evaluate(() => ['cells', 'events'].filter((sourceLayer) => window.__map!.querySourceFeatures('server', { sourceLayer }).length > 0));
      await expect.poll(kinds).toEqual([z >= raw ? 'events' : 'cells']);
    }
  }
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('the events in view are listed a page at a time, in time order, and the slider moves the tiles', async ({ page }) => {
  const watch = watchPage(page, origin);
  await page.goto(`${origin}/#t=2006-11-14&w=365&db=${origin}`);
  await mapIdle(page);
  const list = page.getByRole('list', { name: "The collection's events in view, in time order" });
  await expect(list.getByRole('listitem')).toHaveCount(50);
  const first = await list.getByRole('listitem').first().textContent();
  await page.getByRole('button', { name: 'Next 50' }).click();
  await expect(list.getByRole('listitem').first()).not.toHaveText(first!);
  await page.getByRole('button', { name: 'Previous 50' }).click();
  await expect(list.getByRole('listitem').first()).toHaveText(first!);
  // A step of the slider asks for the new window's tiles, and only once they are in (and drawn) for
  // the count and the list: asked while the tiles were drawn, they slowed the step on two cores.
  const span = 'from=2005-11-15&to=2006-11-15';
  const times: { tilesDone: number[]; countAsked: number[] } = { tilesDone: [], countAsked: [] };
  page.on('requestfinished', (r) => r.url().includes(`.pbf?${span}`) && times.tilesDone.push(Date.now()));
  page.on('request', (r) => r.url().includes(`/count?${span}`) && times.countAsked.push(Date.now()));
  const asked = page.waitForRequest((r) => r.url().includes(`.pbf?${span}`));
  const counted = page.waitForRequest((r) => r.url().includes(`/count?${span}`));
  await page.getByRole('slider', { name: 'Date' }).focus();
  type Drawn = { __map: { once: (event: string, f: () => void) => void }; __drawn?: Promise<number> };
  await page.evaluate(() => {
    const w = window as unknown as Drawn;
    w.__drawn = new Promise((resolve) => w.__map.once('idle', () => resolve(Date.now())));
  });
  await page.keyboard.press('ArrowRight');
  const drawn = page.evaluate(() => (window as unknown as Drawn).__drawn!);
  await asked;
  await counted;
  expect(times.tilesDone.length).toBeGreaterThan(0);
  expect(times.countAsked[0]).toBeGreaterThanOrEqual(Math.max(...times.tilesDone, await drawn));
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('a figure of the served collection draws its counts per grid cell, and its caption counts the events in the frame as SELECT count(*) does', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const watch = watchPage(page, origin);
  const [t, w] = ['2006-11-14', 365];
  await page.goto(`${origin}/#t=${t}&w=${w}&db=${origin}`);
  await mapIdle(page);
  await page.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a figure' });
  const caption = dialog.getByLabel('Caption, for your manuscript');
  await expect(caption).toHaveValue(/Served collection: events\.csv /, { timeout: 60_000 });
  const [, events, zoom] = /Its ([\d,]+) events in view counted by the server in the cells of the Web Mercator grid at zoom (\d+)/.exec(
    await caption.inputValue(),
  )!;
  // The frame the map shows for the figure (the hole in the mask it dims the world with), and
  // each event's cell at that zoom, worked out here.
  const ring: [number, number][] = await page.evaluate(
    () =>
      (window.__map!.getStyle().sources.print_frame as { data: GeoJSON.FeatureCollection<GeoJSON.Polygon> }).data.features[0].geometry.coordinates[1] as [
        number,
        number,
      ][],
  );
  const level = Number(zoom);
  const cellOf = (lng: number, lat: number) => [
    ((lng + 180) / 360) * 2 ** level,
    ((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** level,
  ];
  const [[x0, y0], [x1, y1]] = [
    cellOf(Math.min(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[1]))),
    cellOf(Math.max(...ring.map((p) => p[0])), Math.min(...ring.map((p) => p[1]))),
  ];
  const day = dayFromIso(t);
  const { rows } = await pool.query('SELECT lng, lat FROM atlas.events WHERE t0 <= $1 AND t1 >= $2', [day, day - w]);
  const inFrame = rows.filter(({ lng, lat }) => {
    const [x, y] = cellOf(lng, lat).map(Math.floor);
    return x + 1 > x0 && x < x1 && y + 1 > y0 && y < y1;
  }).length;
  expect(inFrame).toBeGreaterThan(0);
  expect(Number(events.replace(/,/g, ''))).toBe(inFrame);
  // The SVG draws the squares in the density classes' colours, and the legend names the collection.
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByLabel('Format').selectOption('svg');
  await dialog.getByRole('button', { name: 'Export SVG' }).click();
  const svg = readFileSync(await (await download).path(), 'utf8');
  expect(svg).toContain('served: events.csv, events per grid square');
  for (const colour of densityClasses.slice(0, 3).map((c) => c.colour)) expect(svg).toContain(`fill="${colour}"`);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('a server that does not answer, and an address that is not one, are said so; the atlas goes on', async ({ page }) => {
  await page.goto(`${origin}/#db=http://127.0.0.1:9`);
  // Another origin than the page's: asked about first (issue 37, e2e/link-safety.spec.ts).
  await page.getByRole('group', { name: 'A link asks to connect to a collection server' }).first().getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The collection server at http://127.0.0.1:9 did not answer' })).toBeVisible();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByLabel('Server address').fill('ftp://nowhere');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('“ftp://nowhere” is not a server address');
  await page.getByLabel('Server address').fill(origin);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('.count strong[data-count]')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`db=${origin.replace(/[.:/]/g, '\\$&')}`));
});
