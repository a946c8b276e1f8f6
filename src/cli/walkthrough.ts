// Runs a walkthrough job from `npm run figure`: a range or tour video (frames drawn here, encoded
// in Chromium by video.ts) or a tour handout (a PDF, no browser).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { palettes } from '../lib/look/palette.ts';
import { viewFromLink, type FigureContext } from '../lib/print/options.ts';
import type { FigureTools } from '../lib/print/raster.ts';
import { defaultView } from '../lib/state/snapshot.ts';
import { RUN_MS } from '../lib/time/playback.ts';
import { humanDate } from '../lib/time/window.ts';
import { FIGURE_LOCALE } from '../lib/time/words.ts';
import { drawFrame, frameSpec } from '../lib/video/frames.ts';
import { rangePlan, tourPlan, type VideoPlan } from '../lib/video/plan.ts';
import { makeHandout } from '../lib/print/handout.ts';
import { writeVideo } from './video.ts';
import type { WalkthroughJob } from './walkthrough-args.ts';

function tourOf(ctx: FigureContext, id: string) {
  const tour = ctx.tours.find((t) => t.id === id);
  if (!tour) throw new Error(`--tour: there is no tour "${id}": the tours are ${ctx.tours.map((t) => t.id).join(', ')}.`);
  return tour;
}

/** Writes the job's file and says what it wrote. */
export async function runWalkthrough(job: WalkthroughJob, ctx: FigureContext, tools: FigureTools): Promise<string> {
  mkdirSync(dirname(job.out), { recursive: true });
  const palette = palettes[job.palette ?? 'colour'];
  if (job.kind === 'handout') {
    const tour = tourOf(ctx, job.tour);
    const handout = await makeHandout({ ...ctx, base: job.base }, tour, { widthMm: job.widthMm, heightMm: job.heightMm }, palette, tools.fonts);
    writeFileSync(job.out, handout.bytes);
    return `wrote ${job.out} (${handout.pages} pages, ${job.widthMm} × ${job.heightMm} mm)`;
  }
  let plan: VideoPlan | { error: string };
  if (job.kind === 'tour-video') plan = tourPlan(tourOf(ctx, job.tour), defaultView, job.secondsPerChapter, job.fps, RUN_MS);
  else {
    const base = job.link ? viewFromLink(ctx, job.link, '--url: ').view : structuredClone(defaultView);
    const title = job.title ?? `Iraq, ${humanDate(job.from, FIGURE_LOCALE)} to ${humanDate(job.to, FIGURE_LOCALE)}`;
    plan = rangePlan({ ...base, tour: null, chapter: null }, job.from, job.to, { seconds: job.seconds, fps: job.fps }, title);
  }
  if ('error' in plan) throw new Error(plan.error);
  const { still, frames, fps } = plan;
  const settings = { size: job.size, palette, version: ctx.version };
  const tty = process.stderr.isTTY;
  await writeVideo({
    out: job.out,
    container: job.container,
    ...job.size,
    fps,
    frames,
    frame: (i) => drawFrame(ctx.atlas, frameSpec(still(i), settings), tools, job.size),
    progress: (done, total) => {
      if (tty) process.stderr.write(`\rframe ${done} of ${total}${done === total ? '\n' : ''}`);
    },
  });
  return `wrote ${job.out} (${job.size.width} × ${job.size.height} px, ${frames} frames at ${fps} a second, ${(frames / fps).toFixed(1)} s)`;
}
