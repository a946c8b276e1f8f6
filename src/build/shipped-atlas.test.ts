import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Shipped } from '../shipped.ts';
import { shippedAtlas } from './shipped-atlas.ts';

/** Runs the plugin's build-time load over a copy of the repository's data, `edit`ed first. */
async function buildLoad(edit: (root: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'atlas-data-'));
  roots.push(root);
  for (const dir of ['places', 'geo']) cpSync(dir, join(root, dir), { recursive: true });
  edit(root);
  const plugin = shippedAtlas(root);
  (plugin.configResolved as (c: unknown) => void)({ command: 'build' });
  const emitted: { fileName: string; source: string }[] = [];
  const context = {
    error: (message: string) => {
      throw new Error(message);
    },
    emitFile: (file: { fileName: string; source: string }) => (emitted.push(file), 'ref'),
  };
  const code = await (plugin.load as (this: unknown, id: string) => Promise<string>).call(context, '\0virtual:shipped-atlas');
  return { code, emitted };
}
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('the build ships the data checked', () => {
  it('writes the checked atlas as one JSON file that the page fetches', async () => {
    const { code, emitted } = await buildLoad(() => {});
    expect(emitted).toHaveLength(1);
    expect(emitted[0].fileName).toMatch(/^assets\/atlas-data-[0-9a-f]{12}\.json$/);
    const shipped = JSON.parse(emitted[0].source) as Shipped;
    expect(shipped.problems).toEqual([]);
    expect(shipped.atlas.places.find((p) => p.id === 'fallujah')?.properties.name).toBe('Fallujah');
    expect(shipped.tours.map((t) => t.id)).toContain('iraq-2003-2011');
    expect(code).toContain('fetch(import.meta.ROLLUP_FILE_URL_ref)');
  });

  it('fails on a data problem, naming the file, the feature and the field', async () => {
    const broken = (root: string) => {
      const file = join(root, 'places/fallujah.geojson');
      const place = JSON.parse(readFileSync(file, 'utf8'));
      place.properties.events[0].date = '2004-13-45';
      writeFileSync(file, JSON.stringify(place));
    };
    await expect(buildLoad(broken)).rejects.toThrow(/places\/fallujah\.geojson: fallujah properties\.events\[0\]\.date: /);
  });
});
