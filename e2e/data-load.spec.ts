// The data is a file beside the scripts (src/build/shipped-atlas.ts): if the server cannot give it,
// the page says so and what to do, never a blank page.
import { expect, test } from '@playwright/test';

test('a page whose data file is missing says so instead of staying blank', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/assets/atlas-data-*.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toHaveText(
    "The atlas could not load its data (The atlas data did not load: 404 Not Found). Reload the page; if this persists, the atlas's files on this server are incomplete: build it again with npm run build.",
  );
  // The failure is still thrown, so it reaches the console and any error reporting.
  expect(errors).toEqual(['The atlas data did not load: 404 Not Found']);
});
