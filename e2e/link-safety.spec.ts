// Issue 37: a link may ask, never act. A link naming a collection server on another origin opens
// the atlas with a question, and that server hears nothing until the reader presses Connect; a
// server that answers with anything at all leaves the panel in a clear state, with no page error.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { mapIdle, watchPage } from './helpers.ts';

/** A listener on another port (so another origin), recording each request and answering with `reply`. */
async function listener(reply: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string; heard: string[] }> {
  const heard: string[] = [];
  const server = createServer((req, res) => {
    heard.push(req.url ?? '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    reply(req, res);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, heard };
}

const json = (res: ServerResponse, value: unknown) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
};
const meta = {
  file: 'their-events.csv',
  rows_read: 3,
  events: 3,
  problems: 0,
  first_day: 0,
  last_day: 3000,
  west: 40,
  south: 30,
  east: 46,
  north: 36,
  raw_from_zoom: 9,
};
const event = { id: 1, row: 1, date: '2006-11-10', end_date: null, t0: 1409, t1: 1409, lng: 44.4, lat: 33.3, label: 'An event', source: '', tags: [] };

/** The question: in the notice at the top of the side panel. */
const question = (page: Page) => page.getByRole('group', { name: 'A link asks to connect to a collection server' }).first();

let servers: Server[] = [];
test.afterEach(() => {
  for (const s of servers) s.close();
  servers = [];
});

test('a link naming another origin’s server sends it nothing until Connect, then remembers the origin', async ({ page, baseURL }) => {
  const them = await listener((req, res) => {
    if (req.url?.startsWith('/meta')) return json(res, meta);
    if (req.url?.startsWith('/count')) return json(res, { count: 1 });
    if (req.url?.startsWith('/events')) return json(res, { events: [event], next: null });
    res.writeHead(204).end();
  });
  servers.push(them.server);
  const watch = watchPage(page, new URL(baseURL!).origin);
  await page.goto(`/#t=2006-11-14&db=${them.origin}`);
  await mapIdle(page);
  await expect(question(page)).toContainText(`This link asks to load events from ${them.origin}. Connect?`);
  // The map, the panels and the slider are all there, and the server has heard nothing.
  await page.getByRole('slider').first().press('ArrowRight');
  await mapIdle(page);
  expect(them.heard).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);

  await question(page).getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('.count strong[data-count]')).toHaveText('1');
  expect(them.heard.some((u) => u.startsWith('/meta'))).toBe(true);
  expect(them.heard.some((u) => u.startsWith('/count?'))).toBe(true);
  await expect(question(page)).toHaveCount(0);

  // Connected once: the same origin connects without asking on the next visit, and is listed.
  await page.reload();
  await expect(page.locator('.count strong[data-count]')).toHaveText('1');
  await expect(question(page)).toHaveCount(0);
  await page.getByText(/Servers this browser connects to without asking/).click();
  await page.getByRole('button', { name: `Remove ${them.origin}` }).click();
  // Taken off the list, it is asked about again before anything more is sent.
  await expect(question(page)).toBeVisible();
  const before = them.heard.length;
  await page.getByRole('slider').first().press('ArrowRight');
  await mapIdle(page);
  expect(them.heard.length).toBe(before);
  expect(watch.errors).toEqual([]);
});

test('Not now leaves the server unasked, and the link’s server can still be connected from the panel', async ({ page }) => {
  const them = await listener((_, res) => json(res, meta));
  servers.push(them.server);
  await page.goto(`/#db=${them.origin}`);
  await question(page).getByRole('button', { name: 'Not now' }).click();
  await expect(question(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Collection server' })).toContainText(`The link names a collection server at ${them.origin}; not connected`);
  expect(them.heard).toEqual([]);
});

test('a hostile reply is named by server, route and field; the panel offers Retry and Disconnect, and the page throws nothing', async ({ page, baseURL }) => {
  let hostile = true;
  const them = await listener((req, res) => {
    if (req.url?.startsWith('/meta')) return json(res, hostile ? { ...meta, events: 'many', file: { toString: 1 } } : meta);
    if (req.url?.startsWith('/count')) return json(res, { count: 2 });
    if (req.url?.startsWith('/events')) return json(res, { events: [event], next: null });
    // Tiles that are not vector tiles at all.
    res.writeHead(200, { 'Content-Type': 'application/x-protobuf' });
    res.end(Buffer.from('this is not a protocol buffer, not at all'));
  });
  servers.push(them.server);
  const watch = watchPage(page, new URL(baseURL!).origin);
  await page.goto(`/#db=${them.origin}`);
  await question(page).getByRole('button', { name: 'Connect' }).click();
  const panel = page.getByRole('region', { name: 'Collection server' });
  await expect(panel.getByRole('alert').first()).toContainText(`The collection server at ${them.origin} answered /meta with file not text`);
  await expect(panel.getByText('Asking the server…')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Disconnect' })).toBeVisible();
  // The server mends its ways: Retry asks again, and the collection is shown.
  hostile = false;
  await panel.getByRole('button', { name: 'Retry' }).click();
  await expect(panel.locator('.count strong[data-count]')).toHaveText('2');
  // Its tiles cannot be read: counted in the panel, not thrown.
  await expect(panel.locator('[data-tile-failures]')).toContainText(/tiles? of the server could not be read/);
  expect(watch.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
