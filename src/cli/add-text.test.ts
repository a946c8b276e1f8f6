// `npm run add-text`: the proposals printed, the draft written into a copy of the project, and
// `npm run validate` passing on it; bad input named by flag or file, with nothing written.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = resolve('node_modules/.bin/tsx');
const TEXT = `Dispatch from the road, April 2007.
We left Ramadi at dawn and reached Falluja by noon. In Ba'quba the market was shut.
A police officer in Haditha said: "We have not been paid since March."
From Tall Afar came word of new checkpoints, and the road to Najaf was closed.
`;

function project() {
  const root = mkdtempSync(join(tmpdir(), 'atlas-add-text-'));
  for (const dir of ['places', 'geo']) cpSync(dir, join(root, dir), { recursive: true });
  writeFileSync(join(root, 'dispatch.txt'), TEXT);
  return root;
}
const run = (cwd: string, script: string, args: string[] = []) => spawnSync(tsx, [resolve(script), ...args], { cwd, encoding: 'utf8' });

describe('npm run add-text', () => {
  it('prints every mention proposed and writes a draft that npm run validate accepts', () => {
    const root = project();
    // A text written after the war (a memoir, 2016): its own date is free (issue 40).
    const added = run(root, 'src/cli/add-text.ts', ['dispatch.txt', '--title', 'A dispatch from the road', '--date', '2016-07', '--author', 'A. Reporter']);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('a-dispatch-from-the-road-2016: 6 mentions of places proposed');
    // One candidate per real place: the GeoNames town at the atlas's Fallujah is not offered beside it.
    expect(added.stdout).toMatch(/"Falluja" → fallujah\n/);
    expect(added.stdout).toMatch(/"Haditha" → new place haditha \(from GeoNames/);
    expect(readFileSync(join(root, 'places/sources/a-dispatch-from-the-road-2016.txt'), 'utf8')).toBe(TEXT);
    expect(JSON.parse(readFileSync(join(root, 'places/haditha.geojson'), 'utf8')).properties).toMatchObject({
      name: 'Haditha',
      gazetteer: { ref: 'Ḩadīthah' },
    });
    const validated = run(root, 'src/cli/validate.ts');
    expect(validated.stderr).toBe('');
    expect(validated.stdout).toMatch(/a-dispatch-from-the-road-2016\s+0 event passages\s+0 quotes/);
    expect(validated.stdout).toMatch(/Mentions of mapped places: .*a-dispatch-from-the-road-2016 6/);
  });

  it('names the flag or the file that is wrong, and writes nothing', () => {
    const root = project();
    const badDate = run(root, 'src/cli/add-text.ts', ['dispatch.txt', '--title', 'X', '--date', 'April 2007']);
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain('--date: Not a date the atlas reads');
    writeFileSync(join(root, 'latin1.txt'), Buffer.from([0x42, 0x61, 0x73, 0x72, 0x61, 0xe9]));
    const latin1 = run(root, 'src/cli/add-text.ts', ['latin1.txt', '--title', 'X', '--date', '2007']);
    expect(latin1.status).toBe(1);
    expect(latin1.stderr).toContain('latin1.txt is not UTF-8 text');
    expect(existsSync(join(root, 'places/sources/x-2007.txt'))).toBe(false);
  });
});
