// A Vite plugin (issue 38): the build says in one line what a person needs (where the atlas is,
// how large, what the first screen loads), instead of Vite's table of every one of its ~120 files.
// Vite's own report is switched off in vite.config.ts (build.reportCompressedSize, logLevel);
// warnings and errors still print.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { firstLoadScripts } from './first-load.ts';

const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 0 })} kB`;

export function buildSummary(): Plugin {
  let outDir = 'dist';
  return {
    name: 'build-summary',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // Once every file is written, index.html among them (a worker's build writes none: it is not summed).
    closeBundle() {
      if (!existsSync(join(outDir, 'index.html'))) return;
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(outDir, f)).isFile());
      const total = files.reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
      const first = firstLoadScripts(outDir);
      console.log(
        `Built the atlas in ${shown(outDir)}/: ${files.length} files, ${kb(total)}. ` +
          `The first screen loads ${first.files} scripts, ${kb(first.bytes)} gzipped; the rest loads on first use.`,
      );
    },
  };
}

/** The folder as the reader named it: relative to where the command runs. */
const shown = (dir: string) => dir.replace(`${process.cwd()}/`, '');
