// Issue 14: who led a coalition sector is drawn, labelled and sourced; an event's ring fades with
// how much of its date's span is in view; while the clock plays, screen readers hear the date and
// the counts, politely and at most once a second.
import { expect, test, type Page } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

/**
 * The governorates a lead's pattern layer draws, as MapLibre rendered them: those whose pattern
 * the layer's opacity shows (it reads the governorate's lead from feature-state).
 */
const drawnBy = (page: Page, layer: string) =>
  page.evaluate((layer) => {
    const map = window.__map!;
    const opacity = (map.getLayer(layer) as unknown as { paint: { get: (p: string) => { evaluate: (f: unknown, s: object) => number } } }).paint.get(
      'fill-opacity',
    );
    const shown = map.queryRenderedFeatures({ layers: [layer] }).filter((f) => opacity.evaluate(f, f.state) > 0);
    return [...new Set(shown.map((f) => f.properties.id as string))].sort();
  }, layer);

/**
 * A governorate's label as the map draws it: its name, and under it the words its lead line image
 * holds (lead-lines.ts), found by comparing the image's pixels with each lead's in the shipped file.
 */
const labelOf = (page: Page, id: string) =>
  page.evaluate(async (id) => {
    const map = window.__map!;
    const feature = map.querySourceFeatures('governorate_labels').find((f) => f.properties.id === id)!;
    const layout = (map.getLayer('governorates_label') as unknown as { layout: { get: (p: string) => { evaluate: (f: unknown, s: object) => unknown } } })
      .layout;
    const name = String(layout.get('text-field').evaluate(feature, {}));
    const image = String(layout.get('icon-image').evaluate(feature, {}) ?? '');
    if (!image) return name;
    const file = (await (await fetch('glyphs/lead-lines.json')).json()) as { width: number; lines: Record<string, { x: number; width: number; data: string }> };
    const pixels = map.getImage(image)!.data.data;
    const words = { us: 'US-led', uk: 'UK-led', pl: 'Polish-led', kr: 'Korean-led', unknown: 'lead: no data' } as Record<string, string>;
    const lead = Object.keys(file.lines).find((lead) => {
      const line = file.lines[lead];
      const bytes = Uint8Array.from(atob(line.data), (c) => c.charCodeAt(0));
      return bytes.every((b, i) => pixels[(Math.floor(i / line.width) * file.width + line.x + (i % line.width)) * 4 + 3] === b) && bytes.some((b) => b);
    });
    const blank = pixels.every((b, i) => i % 4 !== 3 || b === 0);
    return lead ? `${name}\n${words[lead]}` : blank ? name : `${name}\n(an image that is no lead's)`;
  }, id);

test('a governorate of the British-led MND-SE in 2005 is drawn, labelled and explained with its lead and the source', async ({ page }) => {
  await page.goto('/#t=2005-06-01&place=basra-province');
  await mapIdle(page);
  expect(await drawnBy(page, 'control_lead_uk')).toEqual(['IQ-BA', 'IQ-DQ', 'IQ-MA', 'IQ-MU']);
  expect(await drawnBy(page, 'control_lead_us')).not.toContain('IQ-BA');
  expect(await labelOf(page, 'IQ-BA')).toBe('BASRA\nUK-led');

  const card = page.getByRole('region', { name: 'Control on 1 June 2005' });
  await expect(card).toContainText('Coalition sector · UK-led (United Kingdom) · MND-SE');
  await expect(card).toContainText('From 12 July 2003 to 15 December 2007.');
  await expect(card.getByRole('link', { name: /The Report of the Iraq Inquiry \(2016\)/ })).toHaveAttribute('href', /chilcot-interactive\/page5432/);
  await expect(page.getByRole('list', { name: 'Coalition sectors by lead nation' })).toContainText('UK-led (4)');

  // Two and a half years on, Basra is under Iraqi control: no pattern, no lead under its name.
  await page.evaluate(() => (location.hash = '#t=2007-12-20&place=basra-province'));
  await expect(page.getByRole('region', { name: 'Control on 20 December 2007' })).toContainText('Provincial Iraqi Control');
  await mapIdle(page);
  expect(await drawnBy(page, 'control_lead_uk')).toEqual([]);
  expect(await labelOf(page, 'IQ-BA')).toBe('BASRA');

  // With control hidden, the labels are names only.
  await page.evaluate(() => (location.hash = '#t=2005-06-01&layers=events,context'));
  await mapIdle(page);
  expect(await labelOf(page, 'IQ-BA')).toBe('BASRA');
});

test('Erbil in November 2006 is drawn Korean-led, with its own pattern and legend row (issue 39)', async ({ page }) => {
  await page.goto('/#t=2006-11-20&place=IQ-AR');
  await mapIdle(page);
  expect(await drawnBy(page, 'control_lead_kr')).toEqual(['IQ-AR']);
  expect(await labelOf(page, 'IQ-AR')).toBe('ERBIL\nKorean-led');
  await expect(page.getByRole('region', { name: 'Control on 20 November 2006' })).toContainText('Korean-led (South Korea) · Zaytun Division');
  await expect(page.getByRole('list', { name: 'Coalition sectors by lead nation' })).toContainText('Korean-led (1)');
});

test('an event dated to a year is drawn fainter than one dated to the day while a 90-day window covers part of its year', async ({ page }) => {
  await page.goto('/#t=2003-06-15');
  await mapIdle(page);
  const opacities = await page.evaluate(() => window.__events!.shownEvents().map((e) => ({ id: e.id, uncertain: e.uncertain, opacity: e.strokeOpacity })));
  const year = opacities.find((o) => o.id === 'green-zone-2003-cpa-hunkered-down')!;
  const days = opacities.filter((o) => !o.uncertain);
  expect(days.length).toBeGreaterThan(0);
  for (const day of days) expect(year.opacity, day.id).toBeLessThan(day.opacity / 2);
  // The list marks it too, and says how much of its year is in view (91 of 365 days).
  await expect(page.getByRole('button', { name: /Occupation officials hunker down/ })).toContainText('(25% of its span in view)');
  await expect(page.locator('.slider')).toContainText(/\d+ events in view, \d+ certain to the day/);
});

test('while playing, the date and the counts are announced politely, at most once a second', async ({ page }) => {
  await page.goto('/#t=2006-01-01');
  await mapIdle(page);
  const region = page.getByTestId('playback-announcer');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(region).toBeEmpty();
  // Count the region's changes over three seconds of play.
  await page.evaluate(() => {
    const w = window as unknown as { changes: number };
    w.changes = 0;
    new MutationObserver(() => w.changes++).observe(document.querySelector('[data-testid="playback-announcer"]')!, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Pause' }).click();
  const changes = await page.evaluate(() => (window as unknown as { changes: number }).changes);
  // At most one a second, plus the first and the one on pausing.
  expect(changes).toBeGreaterThan(0);
  expect(changes).toBeLessThanOrEqual(5);
  const date = (await page.locator('.slider output.date').textContent())!;
  await expect(region).toHaveText(new RegExp(`^${date}: \\d+ events? in view, \\d+ certain to the day\\. Control: .*Coalition sector \\d+`));
});
