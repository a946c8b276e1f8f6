// Visual snapshots of figures: an image is compared with the committed one by pixelmatch, with a
// tolerance for anti-aliasing. A missing snapshot is written and the test fails, so a snapshot is
// only ever added on purpose (run with UPDATE_SNAPSHOTS=1 to rewrite them after a wanted change).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const dir = new URL('./snapshots/', import.meta.url);

/** Fails if more than `maxDiffRatio` of the pixels differ noticeably from the snapshot. */
export function expectLooksLike(actual: Buffer, name: string, maxDiffRatio = 0.01): void {
  const file = new URL(`${name}.png`, dir);
  if (!existsSync(file) || process.env.UPDATE_SNAPSHOTS) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
    if (!process.env.UPDATE_SNAPSHOTS) throw new Error(`No snapshot e2e/snapshots/${name}.png: wrote one; look at it, commit it, and run again.`);
    return;
  }
  const [a, b] = [PNG.sync.read(actual), PNG.sync.read(readFileSync(file))];
  expect([a.width, a.height], `${name}: size`).toEqual([b.width, b.height]);
  const diff = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
  expect(diff / (a.width * a.height), `${name}: ${diff} pixels differ`).toBeLessThanOrEqual(maxDiffRatio);
}
