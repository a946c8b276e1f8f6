// time/ is the ground floor (docs/architecture.md, issue 13): its modules import nothing of the project
// outside time/, so data/, map/, print/ and the UI can all build on it. (Its tests may load data.)
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('src/lib/time', () => {
  it('imports nothing of the project outside itself', () => {
    const dir = new URL('./', import.meta.url);
    const modules = readdirSync(dir).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
    expect(modules.length).toBeGreaterThan(3);
    for (const file of modules) {
      const imports = [...readFileSync(new URL(file, dir), 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      expect(
        imports.filter((path) => path.startsWith('.') && !path.startsWith('./')),
        file,
      ).toEqual([]);
    }
  });
});
