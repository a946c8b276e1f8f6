// End-to-end tests run against a production build made with --mode e2e, which differs from the
// shipped build in one thing only: it exposes the map as window.__map for the tests to inspect.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/cli/browser.ts';

const port = 4174;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    // Dates follow the reader's English (time/words.ts); the tests read British ones unless they say otherwise.
    locale: 'en-GB',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `vite build --mode e2e --outDir dist-e2e --emptyOutDir --logLevel warn && vite preview --outDir dist-e2e --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
