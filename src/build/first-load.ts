// The scripts a visitor's first load fetches: the entry the built index.html runs and every chunk
// it imports statically, level by level (not those it imports on first use, `import("./…")`),
// gzipped as a server would send them. One definition for the build's summary (build-summary.ts)
// and the bench's "Initial JavaScript" row (cli/bench.ts). The page's head names none of them: the
// script that runs the entry after the first frame preloads its chunks then (opening-picture.ts,
// deferEntry), so they are found here from the entry's own imports.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The chunks a built chunk imports statically, as paths beside it: `import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`. */
export function staticImports(code: string): string[] {
  return [...code.matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.\.?\/[^"']+\.js)["']/g)].map((m) => m[1]);
}

export function firstLoadScripts(outDir: string): { files: number; bytes: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // Named by a src or href, or imported by the inline script that runs the entry after the first paint.
  const named = [...html.matchAll(/(?:src=|href=|import\()"(?:\.?\/)?(assets\/[^"]+\.js)"/g)].map((m) => normalize(m[1]));
  const scripts = new Set<string>();
  for (let next = named; next.length;) {
    next = next.filter((s) => !scripts.has(s));
    next.forEach((s) => scripts.add(s));
    next = next.flatMap((s) => staticImports(readFileSync(join(outDir, s), 'utf8')).map((i) => normalize(join(dirname(s), i))));
  }
  return { files: scripts.size, bytes: [...scripts].reduce((sum, s) => sum + gzipSync(readFileSync(join(outDir, s)), { level: 9 }).length, 0) };
}
