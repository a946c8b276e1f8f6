// Entry: bundle the fonts, load and validate the data once, mount the app.
import '@fontsource/noto-sans/400.css';
// Figure titles and date stamps are set in the semibold; the PDF embeds the same face.
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-arabic/400.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { bundledFiles } from './lib/data/files-vite.ts';
import { loadAtlas } from './lib/data/load.ts';
import { formatProblem } from './lib/data/problem.ts';

const loaded = loadAtlas(bundledFiles);
// Warn rather than error: a data problem is shown in the page and must not read as a crash.
for (const p of loaded.problems) console.warn(formatProblem(p));

mount(App, { target: document.getElementById('app')!, props: { loaded } });
