// `npm run figure` arguments for walkthroughs: a video of a date range, a video of a tour, and a
// tour's printed handout. Pure, so the tests can feed it anything; figure-args.ts keeps stills.
import { DEFAULT_BASE, readBase } from './base.ts';
import { presetById, presets } from '../lib/print/page.ts';
import { palettes, type PaletteName } from '../lib/look/palette.ts';
import { dayFromIso, isoDay } from '../lib/time/day.ts';
import { FIRST_DAY, LAST_DAY } from '../lib/time/window.ts';
import { containers, type Container } from '../lib/video/containers.ts';
import { parseVideoSize, videoSizes, type VideoSize } from '../lib/video/plan.ts';

export interface RangeVideoJob {
  kind: 'range-video';
  out: string;
  container: Container;
  /** A permalink for the camera, layers and filters; none for the opening view. */
  link?: string;
  from: number;
  to: number;
  seconds: number;
  fps: number;
  size: VideoSize;
  title?: string;
  palette?: PaletteName;
}

export interface TourVideoJob {
  kind: 'tour-video';
  out: string;
  container: Container;
  tour: string;
  /** A tour file of the reader's own (--tour-file), read in place of a shipped tour; `tour` is its path. */
  tourFile?: boolean;
  secondsPerChapter: number;
  fps: number;
  size: VideoSize;
  palette?: PaletteName;
}

export interface HandoutJob {
  kind: 'handout';
  out: string;
  tour: string;
  /** A tour file of the reader's own (--tour-file), read in place of a shipped tour; `tour` is its path. */
  tourFile?: boolean;
  widthMm: number;
  heightMm: number;
  palette?: PaletteName;
  /** The atlas's address, for the links that open each passage. */
  base: string;
}

export type WalkthroughJob = RangeVideoJob | TourVideoJob | HandoutJob;

export const walkthroughUsage = `Walkthroughs:
  npm run figure -- --url "<link>" --from 2006-02-22 --to 2007-12-31 --seconds 20 --fps 30 --size 1920x1080px --out walk.webm
  npm run figure -- --tour iraq-2003-2011 --seconds-per-chapter 6 --out tour.webm
  npm run figure -- --tour iraq-2003-2011 --preset a4-portrait --out handout.pdf
  npm run figure -- --tour-file my-tour.json --preset a4-portrait --out handout.pdf

  --from, --to <day>          the range's first and last day (default: the atlas's whole span)
  --seconds <s>, --fps <n>    the range video's length and frame rate (default 20 s, 30 a second);
                              every frame shows a new day, so the range needs a day per frame
  --tour <id>                 a tour: as a video (.webm, .mp4) or as a printed handout (.pdf)
  --tour-file <file.json>     a tour of your own (Download tour in the page), in place of --tour
  --seconds-per-chapter <s>   how long a tour video holds each chapter (default 6)
  --size <W>x<H>px            a video's frame size, or ${Object.keys(videoSizes).join(', ')} (default 1080p)
  --preset, --size <W>x<H>mm  a handout's page (default a4-portrait)
  --base <address>            the atlas's address for a handout's passage links (default ${DEFAULT_BASE})

A video is WebM (VP9) or MP4 (H.264), from --out's extension. Its frames are drawn in Node, as
figures are, and encoded by Chromium's WebCodecs encoder (Node has none): the command starts
Debian's Chromium at /usr/bin/chromium, or the one ATLAS_CHROMIUM names, as the tests do. The
file is written only when the last frame is in; a stopped run (Ctrl-C) leaves none.
A handout needs no browser.`;

const walkthroughFlags = ['--from', '--to', '--seconds', '--fps', '--tour', '--tour-file', '--seconds-per-chapter'] as const;

/** Whether these arguments ask for a walkthrough rather than a still figure. */
export function isWalkthrough(argv: string[]): boolean {
  const out = argv[argv.indexOf('--out') + 1] ?? '';
  return argv.some((a) => (walkthroughFlags as readonly string[]).includes(a)) || /\.(webm|mp4)$/i.test(out);
}

const allowed = new Set<string>([...walkthroughFlags, '--url', '--size', '--preset', '--out', '--title', '--colours', '--base']);

export function parseWalkthrough(argv: string[]): WalkthroughJob {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!flag.startsWith('--')) throw new Error(`"${flag}" is not an option.\n\n${walkthroughUsage}`);
    if (!allowed.has(flag)) throw new Error(`${flag} is not an option of a walkthrough (it is of a still figure, or of none).\n\n${walkthroughUsage}`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value.`);
    if (given.has(flag)) throw new Error(`${flag} is given twice: a walkthrough has one.`);
    given.set(flag, value);
  }
  const out = given.get('--out');
  if (!out) throw new Error('--out is missing: say where to write the walkthrough (--out walk.webm, tour.webm or handout.pdf).');
  const extension = out.split('.').pop()!.toLowerCase();
  const palette = given.get('--colours');
  if (palette && !(palette in palettes)) throw new Error(`--colours: "${palette}" is not a colour scheme: use ${Object.keys(palettes).join(' or ')}.`);
  const number = (flag: string, fallback: number) => {
    const text = given.get(flag);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n)) throw new Error(`${flag}: "${text}" is not a number.`);
    return n;
  };
  const refuse = (flags: string[], what: string) => {
    const wrong = flags.find((f) => given.has(f));
    if (wrong) throw new Error(`${wrong} does not apply to ${what}.`);
  };
  if (given.has('--tour') && given.has('--tour-file')) throw new Error('--tour and --tour-file are both given: a walkthrough has one tour.');
  const tour = given.get('--tour') ?? given.get('--tour-file');
  const tourFile = given.has('--tour-file') ? { tourFile: true } : {};

  if (extension === 'pdf') {
    if (!tour)
      throw new Error('A .pdf walkthrough is a tour handout: name the tour (--tour iraq-2003-2011). For a still figure as PDF, leave out the video options.');
    refuse(['--from', '--to', '--seconds', '--fps', '--seconds-per-chapter', '--url', '--title'], 'a handout');
    let widthMm: number;
    let heightMm: number;
    const size = given.get('--size');
    if (size) {
      const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)mm$/.exec(size);
      if (!m) throw new Error(`--size: "${size}" is not a page size: write width x height in mm (210x297mm).`);
      [widthMm, heightMm] = [Number(m[1]), Number(m[2])];
    } else {
      const preset = presetById(given.get('--preset') ?? 'a4-portrait');
      if ('error' in preset) throw new Error(`--preset: ${preset.error}`);
      if (preset.heightMm === null)
        throw new Error(
          `--preset: a handout is a page: use ${presets
            .filter((p) => p.heightMm)
            .map((p) => p.id)
            .join(', ')}.`,
        );
      [widthMm, heightMm] = [preset.widthMm, preset.heightMm];
    }
    const base = readBase(given.get('--base') ?? DEFAULT_BASE);
    if ('error' in base) throw new Error(base.error);
    return { kind: 'handout', out, tour, ...tourFile, widthMm, heightMm, palette: palette as PaletteName | undefined, base: base.base };
  }

  if (!(containers as readonly string[]).includes(extension))
    throw new Error(`--out: "${out}" must end in .${containers.join(', .')} for a video, or .pdf for a tour handout.`);
  refuse(['--preset'], 'a video (give --size in pixels)');
  refuse(['--base'], 'a video (its frames hold no links)');
  const size = parseVideoSize(given.get('--size') ?? '1080p');
  if ('error' in size) throw new Error(`--size: ${size.error}`);
  const container = extension as Container;
  if (tour) {
    refuse(['--from', '--to', '--seconds', '--url', '--title'], 'a tour video (the tour sets them)');
    return {
      kind: 'tour-video',
      out,
      container,
      tour,
      ...tourFile,
      secondsPerChapter: number('--seconds-per-chapter', 6),
      fps: number('--fps', 30),
      size,
      palette: palette as PaletteName | undefined,
    };
  }
  refuse(['--seconds-per-chapter'], 'a range video (it is for --tour)');
  const day = (flag: string, fallback: number) => {
    const text = given.get(flag);
    if (text === undefined) return fallback;
    const t = /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayFromIso(text) : NaN;
    if (!Number.isInteger(t) || isoDay(t) !== text) throw new Error(`${flag}: "${text}" is not a day: write it as YYYY-MM-DD (2006-02-22).`);
    return t;
  };
  return {
    kind: 'range-video',
    out,
    container,
    link: given.get('--url'),
    from: day('--from', FIRST_DAY),
    to: day('--to', LAST_DAY),
    seconds: number('--seconds', 20),
    fps: number('--fps', 30),
    size,
    title: given.get('--title'),
    palette: palette as PaletteName | undefined,
  };
}
