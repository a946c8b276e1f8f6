// Issue 15: every governorate can be inspected, by pointer or keyboard, with its control period,
// lead, source and displacement; quotes say when they were said, not when their events were.
import { expect, test } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

test('a click on Najaf on 31 December 2007 shows its status, who held it, the source and the displacement figure', async ({ page }) => {
  await page.goto('/#t=2007-12-31');
  await mapIdle(page);
  // Najaf's label point, where no place dot lies.
  const point = await page.evaluate(() => {
    const map = window.__map!;
    const label = map.querySourceFeatures('governorate_labels').find((f) => f.properties.id === 'IQ-NA')!;
    const { x, y } = map.project((label.geometry as GeoJSON.Point).coordinates as [number, number]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  });
  await page.mouse.click(point.x, point.y);
  await expect(page.locator('#governorate-title')).toHaveText('Najaf');
  const control = page.getByRole('region', { name: 'Control on 31 December 2007' });
  await expect(control).toContainText('Provincial Iraqi Control · held by Iraq');
  await expect(control).toContainText('From 20 December 2006 to 31 December 2011.');
  // Sources are cited by outlet and title (geo/web-sources.json), not by a bare address.
  await expect(control.getByRole('link', { name: "freedemocracy.blogspot.com (blog), “Najaf handed to Iraqis' control”" })).toHaveAttribute(
    'href',
    'http://freedemocracy.blogspot.com/2006/12/najaf-handed-to-iraqis-control.html',
  );
  const displacement = page.getByRole('region', { name: 'Displacement on 31 December 2007' });
  await expect(displacement).toContainText('12,414 people displaced since February 2006, as of 24 December 2006.');
  await expect(displacement).toContainText('Method: IOM monitoring partners');
  await expect(
    displacement.getByRole('link', { name: /^IOM monitoring partners \(copy on docslib\.org\), “Emergency Assessment: Displacement Due to Recent Violence/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/place=IQ-NA/);
});

test('every governorate opens a panel, from the map or by search with the keyboard', async ({ page }) => {
  await page.goto('/#t=2005-06-01');
  await mapIdle(page);
  const search = page.getByRole('combobox', { name: 'Search places' });
  await search.fill('Qadisiyah');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('#governorate-title')).toHaveText('Qadisiyah');
  await expect(page.getByRole('region', { name: 'Control on 1 June 2005' })).toContainText('Polish-led (Poland) · MND-CS');
  // A period resting on a blog says so (Maysan's Provincial Iraqi Control, April 2007)…
  await page.evaluate(() => (location.hash = '#t=2008-01-15&place=IQ-MA'));
  await expect(page.locator('#governorate-title')).toHaveText('Maysan');
  await expect(page.getByRole('region', { name: 'Control on 15 January 2008' })).toContainText('A blog post, the only source found');
  // …and Erbil, once drawn with no lead, is the Korean Zaytun Division's, from a Korean daily (issue 39).
  await page.evaluate(() => (location.hash = '#t=2007-01-15&place=IQ-AR'));
  await expect(page.locator('#governorate-title')).toHaveText('Erbil');
  const erbil = page.getByRole('region', { name: 'Control on 15 January 2007' });
  await expect(erbil).toContainText('Korean-led (South Korea) · Zaytun Division');
  await expect(erbil).toContainText('Dong-A Ilbo');
  await expect(erbil).not.toContainText('A blog post');
  // No data is said, and why.
  await page.evaluate(() => (location.hash = '#t=2004-06-01&place=IQ-MU'));
  await expect(page.getByRole('region', { name: 'Displacement on 1 June 2004' })).toContainText(
    'No data: no source counts people displaced since February 2006',
  );
});

test("a quote under an event says when it was said (the text's date) and what time it is about", async ({ page }) => {
  await page.goto('/#t=2003-04-28&place=fallujah');
  await mapIdle(page);
  const card = page.locator('figure.quote', { hasText: 'Seventeen Iraqis were dead.' });
  await expect(card).toContainText('said: 30 January 2008');
  await expect(card).toContainText('of events: 28 April 2003');
  await expect(card).not.toContainText('said: 28 April 2003');
});

test('the displacement chart dots can be focused, name their source, and set the date', async ({ page }) => {
  await page.goto('/#t=2007-12-31&layers=displacement');
  await mapIdle(page);
  const dot = page.getByRole('button', {
    name: /^24 November 2004: more than 1,000,000 \(IDMC country profile\); source: Internal Displacement Monitoring Centre \(IDMC\)/,
  });
  await dot.focus();
  await expect(dot).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.slider output.date')).toHaveText('24 November 2004');
});

test('the window box refuses what a link would refuse, and keeps the last valid window', async ({ page }) => {
  await page.goto('/#t=2006-11-20&w=30');
  await mapIdle(page);
  const box = page.getByRole('spinbutton', { name: 'Window in days' });
  for (const bad of ['0', '1.5', '5000']) {
    await box.fill(bad);
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toContainText('1 to 3650 whole days');
    await expect(page).toHaveURL(/w=30/);
  }
  await box.fill('60');
  await expect(box).toHaveAttribute('aria-invalid', 'false');
  await expect(page).toHaveURL(/w=60/);
});

test("a link's bidi controls cannot reverse the notice's own words", async ({ page }) => {
  await page.goto(`/#place=${encodeURIComponent('x\u202Eevil')}`);
  const notice = page.getByRole('status', { name: 'Notices' });
  await expect(notice).toContainText("The link's place \u201cx<U+202E>evil\u201d is not valid");
  expect(await notice.innerText()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
});

test('every ringed place of every tour chapter is labelled', async ({ page }) => {
  test.setTimeout(120_000);
  const chapters = 15;
  await page.goto('/#tour=iraq-2003-2011&chapter=1');
  await mapIdle(page);
  for (let chapter = 1; chapter <= chapters; chapter++) {
    await page.evaluate((n) => (location.hash = `#tour=iraq-2003-2011&chapter=${n}`), chapter);
    await expect(page.getByText(new RegExp(`chapter ${chapter} of ${chapters}`, 'i'))).toBeVisible();
    await mapIdle(page);
    const { ringed, labelled } = await page.evaluate(() => {
      const map = window.__map!;
      const ids = (layer: string) => [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties.id as string))].sort();
      return { ringed: ids('highlight_circle'), labelled: ids('highlight_label') };
    });
    expect(labelled, `chapter ${chapter}`).toEqual(ringed);
  }
});

test('the map stops at the data: no closer than zoom 10, an approximate site no closer than its city, and never past the context layers', async ({ page }) => {
  await page.goto('/#t=2007-12-16&c=44.4,33.3,14');
  await mapIdle(page);
  expect(await page.evaluate(() => window.__map!.getZoom())).toBeLessThanOrEqual(10);
  await page.evaluate(() => window.__map!.setZoom(1));
  await mapIdle(page);
  const bounds = await page.evaluate(() => window.__map!.getBounds().toArray());
  // contextBounds [24, 12, 64, 46]: the neighbours' land is drawn to every edge the map can show.
  expect(bounds[0][0]).toBeGreaterThanOrEqual(24 - 1e-6);
  expect(bounds[0][1]).toBeGreaterThanOrEqual(12 - 1e-6);
  expect(bounds[1][0]).toBeLessThanOrEqual(64 + 1e-6);
  expect(bounds[1][1]).toBeLessThanOrEqual(46 + 1e-6);
  // Basra Palace's point is placed approximately: choosing it goes no closer than a city.
  await page.getByRole('combobox', { name: 'Search places' }).fill('Basra Palace');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('#place-title')).toHaveText('Basra Palace');
  await mapIdle(page);
  expect(await page.evaluate(() => window.__map!.getZoom())).toBeLessThanOrEqual(8.01);
});
