// End-to-end tests run against a production build made with --mode e2e, which differs from the
// shipped build in one thing only: it exposes the map as window.__map for the tests to inspect.
import { defineConfig } from '@playwright/test';

const port = 4174;
// Debian's Chromium by default (Playwright cannot download its own browser here); set
// ATLAS_CHROMIUM to another executable, or to "" to use the browser Playwright installed.
const executablePath = process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium';

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
    launchOptions: {
      executablePath: executablePath || undefined,
      // Software WebGL2 (SwiftShader) so MapLibre renders headless; no background network traffic.
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command: `vite build --mode e2e --outDir dist-e2e --emptyOutDir --logLevel warn && vite preview --outDir dist-e2e --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
