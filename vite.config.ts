import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { shippedAtlas } from './src/build/shipped-atlas.ts';
import { preloadFonts } from './src/build/preload-fonts.ts';
import { buildSummary } from './src/build/build-summary.ts';
import { glyphRanges } from './src/build/glyph-ranges.ts';

export default defineConfig(({ command }) => ({
  plugins: [svelte(), shippedAtlas(), preloadFonts(), glyphRanges(), buildSummary()],
  // Relative asset URLs, so the built atlas works from any folder of any static host.
  base: './',
  // Citation.js's fetch libraries, never used (it is given CSL-JSON): a refusing stub, so the page
  // neither carries node-fetch nor can fetch for a citation (src/build/no-fetch.ts).
  resolve: {
    alias: {
      'node-fetch': fileURLToPath(new URL('./src/build/no-fetch.ts', import.meta.url)),
      'sync-fetch': fileURLToPath(new URL('./src/build/no-fetch.ts', import.meta.url)),
    },
  },
  // The build says what it made in a few lines (src/build/build-summary.ts), not a line a file.
  // `vite preview` and `vite` still print the address to open.
  logLevel: command === 'build' ? 'warn' : 'info',
  build: {
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Pure modules: a chunk that shares one with code loaded later need not import it for its
      // side effects (it has none), so the first load carries only what it uses (issue 16).
      // Plugin timings are for whoever tunes the build; they are not the reader's business.
      checks: { pluginTimings: false },
      treeshake: {
        moduleSideEffects: [
          { test: /node_modules[\\/]jsonc-parser[\\/]/, sideEffects: false },
          { test: /src[\\/]lib[\\/](data|time|own|server)[\\/][^/\\]+\.ts$/, sideEffects: false },
        ],
      },
    },
  },
  // Module workers, so the import worker's Parquet and Arrow readers are chunks of their own,
  // loaded when such a file is opened, not with every CSV.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
}));
