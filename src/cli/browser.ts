// How the tests and the figure command launch Chromium: Debian's by default (Playwright cannot
// download its own browser here); set ATLAS_CHROMIUM to another executable, or to "" to use the
// browser Playwright installed. Software WebGL2 (SwiftShader) so MapLibre renders headless, and no
// background network traffic.
import type { LaunchOptions } from '@playwright/test';

const executablePath = process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: executablePath || undefined,
  args: [
    '--no-sandbox',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
