// `npm run figure` arguments and batch files → figure jobs, or errors that say what to change.
// Pure, so the tests can feed it anything.
import { formats, type Format } from '../lib/print/figure.ts';
import type { FigureOptions } from '../lib/print/options.ts';
import { dpis, presetById, presets, type Furniture } from '../lib/print/page.ts';
import { palettes, type PaletteName } from '../lib/look/palette.ts';

export interface FigureJob {
  out: string;
  options: FigureOptions;
}

/** One figure's settings as written on the command line or in a batch file. */
export interface FigureEntry {
  url?: string;
  panels?: string[];
  columns?: number;
  size?: string;
  preset?: string;
  height?: number;
  dpi?: number;
  format?: string;
  out?: string;
  title?: string;
  caption?: string;
  alt?: string;
  colours?: string;
  with?: string[];
  without?: string[];
}

/** The keys a batch entry may use: a misspelt one ("colors") is refused, not ignored. */
const entryKeys = [
  'url',
  'panels',
  'columns',
  'size',
  'preset',
  'height',
  'dpi',
  'format',
  'out',
  'title',
  'caption',
  'alt',
  'colours',
  'with',
  'without',
] as const satisfies readonly (keyof FigureEntry)[];

const furnitureKeys: (keyof Furniture)[] = ['title', 'legend', 'scaleBar', 'northArrow', 'dateStamp', 'inset', 'credit', 'caption', 'arabicNames'];

export const usage = `Usage:
  npm run figure -- --url "<permalink>" --size 174x120mm --dpi 600 --format pdf --out fig.pdf
  npm run figure -- --preset journal-1col --out fig.png        (the atlas's opening view)
  npm run figure -- --batch figures.json

Runs in Node: no browser and no build needed. Beside each figure it writes <out>.caption.txt,
the full caption for the manuscript (the figure itself carries a short credit line).

Options:
  --url <link>        a permalink copied from the atlas, or a tour chapter's link (repeat it
                      for small multiples); leave it out for the atlas's opening view
  --columns <n>       columns of small multiples
  --size <W>x<H>mm    page size, or
  --preset <id>       ${presets.map((p) => p.id).join(', ')}
  --height <mm>       height for the journal-column presets (default 120)
  --dpi <n>           PNG resolution: ${dpis.join(', ')} or any value 72–1200 (default 300)
  --format <f>        png, svg or pdf (default: from --out's extension)
  --out <file>        where to write the figure
  --title <text>      the title (default: "Iraq, <date>", or the tour chapter's title)
  --caption <text>    replaces the automatic caption
  --alt <text>        replaces the automatic description (alt text) stored in the file
  --colours <c>       colour or grayscale (safe in greyscale print)
  --with <list>       turn on: ${furnitureKeys.join(', ')}
  --without <list>    turn off, as above`;

/** One entry → one job; `where` names the entry in messages ("figures.json: figures[2]"). */
export function jobFromEntry(entry: FigureEntry, where: string): FigureJob {
  const fail = (field: string, message: string): never => {
    throw new Error(`${where}${where ? '.' : ''}${field}: ${message}`);
  };
  const unknown = Object.keys(entry).filter((k) => !(entryKeys as readonly string[]).includes(k));
  if (unknown.length) fail(unknown[0], `is not a figure setting: use ${entryKeys.join(', ')}.`);
  if (!entry.out) fail('out', 'missing: say where to write the figure (--out fig.pdf).');
  const links = entry.panels ?? (entry.url !== undefined ? [entry.url] : []);
  if (links.some((l) => typeof l !== 'string' || !l.trim()))
    fail(entry.panels && where ? 'panels' : 'url', "a permalink is empty: copy one from the atlas's address bar, or leave it out for the opening view.");
  if (entry.columns !== undefined && !(Number.isInteger(entry.columns) && entry.columns >= 1 && entry.columns <= links.length))
    fail('columns', `${entry.columns} is not a whole number of columns from 1 to ${Math.max(1, links.length)} (the number of panels).`);
  const extension = entry.out!.split('.').pop()?.toLowerCase() ?? '';
  const format = (entry.format ?? extension) as Format;
  if (!formats.includes(format)) fail('format', `"${entry.format ?? extension}" is not a figure format: use png, svg or pdf.`);
  if (entry.format && extension !== format) fail('out', `"${entry.out}" does not end in .${format}, the format asked for.`);

  let widthMm: number;
  let heightMm: number;
  if (entry.size) {
    const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm)?$/.exec(entry.size.trim());
    if (!m) fail('size', `"${entry.size}" is not a size: write width x height in mm, as 174x120mm.`);
    [widthMm, heightMm] = [Number(m![1]), Number(m![2])];
  } else {
    const preset = presetById(entry.preset ?? 'journal-2col');
    if ('error' in preset) return fail('preset', preset.error);
    widthMm = preset.widthMm;
    heightMm = preset.heightMm ?? entry.height ?? 120;
  }
  const dpi = entry.dpi ?? 300;
  if (!Number.isFinite(dpi)) fail('dpi', `"${entry.dpi}" is not a number: use ${dpis.join(', ')}.`);
  if (entry.colours && !(entry.colours in palettes)) fail('colours', `"${entry.colours}" is not a colour scheme: use ${Object.keys(palettes).join(' or ')}.`);
  const furniture: Partial<Furniture> = {};
  for (const [list, on] of [
    [entry.with ?? [], true],
    [entry.without ?? [], false],
  ] as const) {
    for (const key of list) {
      if (!furnitureKeys.includes(key as keyof Furniture)) fail(on ? 'with' : 'without', `"${key}" is not part of a figure: use ${furnitureKeys.join(', ')}.`);
      furniture[key as keyof Furniture] = on;
    }
  }
  return {
    out: entry.out!,
    options: {
      links,
      columns: entry.columns,
      page: { widthMm: widthMm!, heightMm: heightMm!, dpi },
      format,
      palette: entry.colours as PaletteName | undefined,
      title: entry.title,
      caption: entry.caption,
      alt: entry.alt,
      furniture,
    },
  };
}

export interface ParsedArgs {
  jobs: FigureJob[];
}

/** Command-line arguments → jobs. A batch file's text is read by the caller and passed in. */
export function parseArgs(argv: string[], readBatch: (path: string) => string): ParsedArgs {
  const entry: FigureEntry = {};
  let batch: string | null = null;
  const list = (v: string) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined || value.startsWith('--'))
      throw new Error(`${flag.startsWith('--') ? `${flag} needs a value` : `"${flag}" is not an option`}.\n\n${usage}`);
    i++;
    switch (flag) {
      case '--url':
        entry.panels = [...(entry.panels ?? []), value];
        break;
      case '--columns':
        entry.columns = Number(value);
        break;
      case '--size':
        entry.size = value;
        break;
      case '--preset':
        entry.preset = value;
        break;
      case '--height':
        entry.height = Number(value);
        break;
      case '--dpi':
        entry.dpi = Number(value);
        break;
      case '--format':
        entry.format = value;
        break;
      case '--out':
        entry.out = value;
        break;
      case '--title':
        entry.title = value;
        break;
      case '--caption':
        entry.caption = value;
        break;
      case '--alt':
        entry.alt = value;
        break;
      case '--colours':
        entry.colours = value;
        break;
      case '--with':
        entry.with = list(value);
        break;
      case '--without':
        entry.without = list(value);
        break;
      case '--batch':
        batch = value;
        break;
      default:
        throw new Error(`Unknown option ${flag}.\n\n${usage}`);
    }
  }
  if (batch) return { jobs: parseBatch(batch, readBatch(batch)) };
  if (!Object.keys(entry).length) throw new Error(usage);
  return { jobs: [jobFromEntry(entry, '')] };
}

/** A batch file: { "defaults": {...}, "figures": [{...}, ...] }, each figure an entry over the defaults. */
export function parseBatch(path: string, text: string): FigureJob[] {
  let data: { defaults?: FigureEntry; figures?: FigureEntry[] };
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (!Array.isArray(data.figures) || !data.figures.length) throw new Error(`${path}: "figures" must be a non-empty list of figures.`);
  const extra = Object.keys(data).filter((k) => k !== 'defaults' && k !== 'figures');
  if (extra.length) throw new Error(`${path}: "${extra[0]}" is not part of a batch file: use "defaults" and "figures".`);
  const outs = new Set<string>();
  return data.figures.map((figure, i) => {
    const job = jobFromEntry({ ...data.defaults, ...figure }, `${path}: figures[${i}]`);
    if (outs.has(job.out)) throw new Error(`${path}: figures[${i}].out: "${job.out}" is written by an earlier figure too: give each figure its own file.`);
    outs.add(job.out);
    return job;
  });
}
