// The floors hold (issue 38, docs/architecture.md): time/, data/, look/ and state/ are pure
// TypeScript floors, lowest first, each importing only itself and the floors below it; ui/ holds
// the shared Svelte pieces and imports only floors; no floor imports a feature (map/, explore/,
// tour/, print/, video/, own/, import/, server/, export/, opening/), and look/ imports no MapLibre. A move that
// breaks the layering fails here, naming the file and the import. (It took the place of
// time/ground-floor.test.ts, which held the same rule for time/ alone.)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const lib = new URL('./', import.meta.url).pathname;
/** Lowest first: each may import itself and those before it. */
const floors = ['time', 'data', 'look', 'state', 'ui'];
/** The atlas's inputs, as a module of src/lib reaches them. */
const dataFile = /^\.\.\/\.\.\/(places|geo)\//;
const features = ['map', 'explore', 'tour', 'print', 'video', 'own', 'import', 'server', 'export', 'opening'];

function modulesIn(dir: string): string[] {
  return readdirSync(join(lib, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|svelte)$/.test(f) && !/\.test\.ts$/.test(f))
    .map((f) => join(dir, f));
}

/** Every import of a module (static, dynamic, and `import type`), resolved to lib-relative paths or package names. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(lib, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map(([, spec]) =>
    spec.startsWith('.') ? relative(lib, normalize(join(lib, dirname(file), spec))) : spec,
  );
}

describe('the floors of src/lib', () => {
  it('every folder of src/lib is a floor or a feature, so none escapes the rule', () => {
    const folders = readdirSync(lib, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.filter((f) => !floors.includes(f) && !features.includes(f))).toEqual([]);
  });

  for (const [level, floor] of floors.entries()) {
    it(`${floor}/ imports only ${floors.slice(0, level + 1).join(', ')}`, () => {
      const allowed = floors.slice(0, level + 1);
      const modules = modulesIn(floor);
      expect(modules.length).toBeGreaterThan(3);
      const wrong = modules.flatMap((file) =>
        importsOf(file)
          // The project's own modules (a package name has no ./ before it; the data files outside src/lib, data/ alone reads).
          .filter((target) => target.includes('/') && !target.startsWith('@') && !target.startsWith('svelte') && !target.startsWith('node:'))
          .filter((target) => !(floor === 'data' && dataFile.test(target)) && !target.startsWith('../../node_modules/'))
          .filter((target) => !allowed.some((f) => target.startsWith(`${f}/`)))
          .map((target) => `${file} imports ${target}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it('only data/ reads the files outside src/lib (places/, geo/)', () => {
    const readers = [...floors, ...features].filter((dir) => dir !== 'data' && modulesIn(dir).some((file) => importsOf(file).some((t) => dataFile.test(t))));
    expect(readers).toEqual([]);
  });

  it('look/ draws with no MapLibre: the screen and the paper share it', () => {
    const wrong = modulesIn('look').flatMap((file) =>
      importsOf(file)
        .filter((t) => t.startsWith('maplibre-gl'))
        .map((t) => `${file} imports ${t}`),
    );
    expect(wrong).toEqual([]);
  });

  it('reads imports as they are written', () => {
    expect(importsOf('state/tallies.ts')).toContain('look/leads.ts');
  });
});
