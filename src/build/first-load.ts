// The scripts a visitor's first load fetches: the ones the built index.html names (the entry and
// the chunks Vite preloads for it), gzipped as a server would send them. One definition for the
// build's summary (build-summary.ts) and the bench's "Initial JavaScript" row (cli/bench.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function firstLoadScripts(outDir: string): { files: number; bytes: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // Named by a src or href, or imported by the inline script that runs the entry after the first paint.
  const scripts = [...new Set([...html.matchAll(/(?:src=|href=|import\()"(?:\.?\/)?(assets\/[^"]+\.js)"/g)].map((m) => m[1]))];
  return { files: scripts.length, bytes: scripts.reduce((sum, s) => sum + gzipSync(readFileSync(join(outDir, s)), { level: 9 }).length, 0) };
}
