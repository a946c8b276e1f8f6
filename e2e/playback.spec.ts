// Issue 16: play fits sparse and dense data: a step of a day, a week or a month, and a speed the
// reader can type besides the presets.
import { expect, test } from '@playwright/test';
import { guardEachTest, mapIdle } from './helpers.ts';

guardEachTest({ reducedMotion: true });

const dayOf = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(2003, 0, 1)) / 86_400_000);

test('play moves a week at a time at a typed speed, and the date stays on a whole week', async ({ page }) => {
  await page.goto('/#t=2006-01-01');
  await mapIdle(page);
  const slider = page.getByRole('slider', { name: 'Date' });
  await page.getByLabel('Step').selectOption({ label: 'a week' });
  const speed = page.getByRole('spinbutton', { name: 'Speed in days a second' });
  await speed.fill('70');
  await expect(page.getByRole('combobox', { name: /^Speed/ })).toHaveValue('typed');

  await page.getByRole('button', { name: 'Play' }).click();
  // Every day the slider shows while playing is a whole number of weeks on from the start.
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        seen.push(Number(await slider.inputValue()) - dayOf('2006-01-01'));
        return seen.at(-1)!;
      },
      { timeout: 10_000, intervals: [150] },
    )
    .toBeGreaterThanOrEqual(35);
  await page.getByRole('button', { name: 'Pause' }).click();
  seen.push(Number(await slider.inputValue()) - dayOf('2006-01-01'));
  expect(new Set(seen.filter((d) => d > 0)).size).toBeGreaterThan(1);
  expect(seen.filter((d) => d % 7 !== 0)).toEqual([]);

  // A speed out of range is refused, said so, and the last good one kept.
  await speed.fill('0');
  await expect(page.getByRole('alert')).toHaveText('A speed is 0.1 to 3650 days a second; play keeps the last valid one.');
  await speed.fill('30');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /^Speed/ })).toHaveValue('30');
});
