// Shared e2e plumbing: a page whose console errors and off-origin requests are recorded, and a
// wait for the map to be idle (asserting on map state rather than sleeping).
import { expect, test, type Page } from '@playwright/test';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { EventRingsLayer } from '../src/lib/map/event-rings-layer.ts';

declare global {
  interface Window {
    __map?: MaplibreMap;
    /** The shipped events' GPU layer. */
    __events?: EventRingsLayer;
  }
}

export interface PageWatch {
  errors: string[];
  foreignRequests: string[];
}

/** Records console errors, uncaught exceptions and every request that leaves the app's origin. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { errors: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.errors.push(msg.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watch.foreignRequests.push(url);
  });
  return watch;
}

/** Resolves once the map has loaded its style and finished rendering. */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__map?.loaded());
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__map!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/**
 * For every test of a file: fail on a console error, an uncaught exception or a request that
 * leaves the app's origin. With reducedMotion, camera moves are instant (MapLibre honours it).
 */
export function guardEachTest(options: { reducedMotion?: boolean } = {}): void {
  let watch: PageWatch;
  test.beforeEach(async ({ page, baseURL }) => {
    watch = watchPage(page, new URL(baseURL!).origin);
    if (options.reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
  });
  test.afterEach(() => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
}
