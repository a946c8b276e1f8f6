// `npm run figure`: figures without a person, in Node, by the same code as the print dialog: the
// permalink parsed by the atlas's url.ts, the data loaded by its loader, the scene laid out and
// written by src/lib/print. No browser, no build, nothing leaves the machine.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readRawFiles } from '../lib/data/files-node.ts';
import { loadAtlas } from '../lib/data/load.ts';
import { formatProblem } from '../lib/data/problem.ts';
import { knownOf } from '../lib/state/snapshot.ts';
import { atlasDataVersion } from '../lib/data/version.ts';
import { makeFigure } from '../lib/print/figure.ts';
import { specFromOptions, type FigureContext } from '../lib/print/options.ts';
import { loadFigureTools } from '../lib/print/tools-node.ts';
import { checkOwnTour } from '../lib/tour/kept-tours.ts';
import { loadTours } from '../lib/tour/check-tour.ts';
import { parseArgs, usage } from './figure-args.ts';
import { isWalkthrough, parseWalkthrough, walkthroughUsage, type WalkthroughJob } from './walkthrough-args.ts';

/** A one-line reason on standard error, never a stack trace (set ATLAS_DEBUG=1 for one). */
const oneLine = (e: unknown) => (process.env.ATLAS_DEBUG ? String((e as Error).stack) : String((e as Error).message ?? e).split('\n')[0]);

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(`${usage}\n\n${walkthroughUsage}`);
    return 0;
  }
  const argv = process.argv.slice(2);
  let parsed;
  let walkthrough: WalkthroughJob | null = null;
  try {
    if (isWalkthrough(argv)) walkthrough = parseWalkthrough(argv);
    else parsed = parseArgs(argv, (path) => readFileSync(path, 'utf8'));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const files = readRawFiles();
  const { atlas, problems } = loadAtlas(files);
  const tours = loadTours(files, atlas);
  if (problems.length || tours.problems.length) {
    console.error(
      `The atlas's data has ${problems.length + tours.problems.length} problem(s), so no figure is drawn from it: run npm run validate to see them.`,
    );
    return 2;
  }
  // A tour of the reader's own (--tour-file): checked as a tour file is, its problems named by chapter and field.
  if (walkthrough && walkthrough.kind !== 'range-video' && walkthrough.tourFile) {
    const path = walkthrough.tour;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      console.error(`--tour-file: ${path} is not a tour file: ${oneLine(e)}`);
      return 2;
    }
    const own = checkOwnTour(raw, atlas, 'kept');
    if (!own.tour) {
      console.error(
        `--tour-file: ${path} has ${own.problems.length} problem(s):\n${own.problems.map((p) => `  ${formatProblem({ ...p, file: path })}`).join('\n')}`,
      );
      return 2;
    }
    tours.tours.push(own.tour);
    walkthrough = { ...walkthrough, tour: own.tour.id };
  }
  const ctx: FigureContext = {
    atlas,
    tours: tours.tours,
    known: knownOf(atlas, tours.tours),
    version: await atlasDataVersion(files),
  };
  const tools = await loadFigureTools();
  if (walkthrough) {
    try {
      // Loaded only for a walkthrough: its video and handout code bring the TypeScript compiler
      // (the page's recorder is compiled for the browser) and PDFKit, about 0.6 s of a figure's start.
      const { runWalkthrough } = await import('./walkthrough.ts');
      console.log(await runWalkthrough(walkthrough, ctx, tools));
      return 0;
    } catch (e) {
      console.error(`${walkthrough.out}: ${oneLine(e)}`);
      return 2;
    }
  }
  let failed = 0;
  for (const job of parsed!.jobs) {
    try {
      const made = await makeFigure(atlas, specFromOptions(ctx, job.options), job.options.format, tools);
      mkdirSync(dirname(job.out), { recursive: true });
      writeFileSync(job.out, made.bytes);
      // The caption for the manuscript, then the alt text the file carries (for the journal's form).
      writeFileSync(`${job.out}.caption.txt`, `${made.words.caption}\n\nAlt text: ${made.words.alt}\n`);
      const { widthMm, heightMm, dpi } = job.options.page;
      const left = made.dropped.length ? `; left out where there was no room: ${made.dropped.join(', ')}` : '';
      console.log(
        `wrote ${job.out} (${widthMm} × ${heightMm} mm, ${job.options.format === 'png' ? `${dpi} DPI` : 'vector'}${left}) and ${job.out}.caption.txt`,
      );
    } catch (e) {
      failed++;
      console.error(`${job.out}: ${oneLine(e)}`);
    }
  }
  return failed ? 2 : 0;
}

process.exit(await main().catch((e) => (console.error(oneLine(e)), 2)));
