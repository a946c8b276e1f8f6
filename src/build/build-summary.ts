// A Vite plugin (issue 38): the build says in a few lines what a person needs (where the atlas is,
// how large, what the first screen loads), instead of Vite's table of every one of its ~120 files.
// Vite's own report is switched off in vite.config.ts (build.reportCompressedSize, logLevel);
// warnings and errors still print.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 0 })} kB`;

export function buildSummary(): Plugin {
  let outDir = 'dist';
  return {
    name: 'build-summary',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // Runs once the files are written: the bundle is what was written.
    writeBundle(_options, bundle) {
      const files = Object.values(bundle);
      const bytes = (f: (typeof files)[number]) => (f.type === 'chunk' ? Buffer.byteLength(f.code) : Buffer.byteLength(f.source));
      const total = files.reduce((sum, f) => sum + bytes(f), 0);
      // The first screen's scripts: the entry and what it imports statically (later ones load on first use).
      const entry = files.find((f) => f.type === 'chunk' && f.isEntry);
      const initial = new Set<string>();
      const walk = (name: string) => {
        const chunk = bundle[name];
        if (!chunk || chunk.type !== 'chunk' || initial.has(name)) return;
        initial.add(name);
        chunk.imports.forEach(walk);
      };
      if (entry) walk(entry.fileName);
      const initialGzip = [...initial].reduce((sum, name) => sum + gzipSync((bundle[name] as { code: string }).code, { level: 9 }).length, 0);
      // The worker build has no entry of its own: only the page's build is summed.
      if (!entry) return;
      console.log(
        `Built the atlas in ${outDir}/: ${files.length} files, ${kb(total)}. ` +
          `The first screen loads ${initial.size} scripts, ${kb(initialGzip)} gzipped; the rest loads on first use.`,
      );
    },
  };
}
