// Figures checked by tools that are not ours, as a journal's production office would: poppler's
// pdftotext and pdffonts, qpdf, pngcheck, and a strict XML parser (resvg's) for the SVG. .ci/run
// installs them from Debian (poppler-utils, qpdf, pngcheck); without them this file fails and says so.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-wasm';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { dayFromIso } from '../time/day.ts';
import { defaultView, type ViewSnapshot } from '../state/snapshot.ts';
import { screen } from '../look/palette.ts';
import { makeFigure, type Format } from './figure.ts';
import { defaultFurniture } from './options.ts';
import { buildScene, type FigureSpec, type TextItem } from './scene.ts';
import { loadFigureTools } from './tools-node.ts';

const { atlas } = loadAtlas(readRawFiles());
const tools = await loadFigureTools();
const dir = mkdtempSync(join(tmpdir(), 'atlas-checks-'));
const view: ViewSnapshot = { ...defaultView, t: dayFromIso('2007-12-16'), layers: ['events', 'control', 'displacement', 'context'] };
const spec: FigureSpec = {
  page: { widthMm: 297, heightMm: 210, dpi: 150 },
  panels: [view],
  title: 'Iraq, 16 December 2007',
  furniture: { ...defaultFurniture([view]), arabicNames: true },
  palette: screen,
  version: 'test',
};

function tool(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' });
  } catch (e) {
    const failed = e as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (failed.code === 'ENOENT') throw new Error(`${command} is not installed: apt-get install poppler-utils qpdf pngcheck (.ci/run does).`, { cause: e });
    throw new Error(`${command} ${args.join(' ')} failed: ${failed.stdout ?? ''}${failed.stderr ?? ''}`, { cause: e });
  }
}

async function file(format: Format): Promise<string> {
  const path = join(dir, `figure.${format}`);
  writeFileSync(path, (await makeFigure(atlas, spec, format, tools)).bytes);
  return path;
}

describe('figures as independent tools see them', () => {
  it('the PDF passes qpdf --check, has every font embedded, and its text is every label exactly as placed, Arabic included', async () => {
    const pdf = await file('pdf');
    expect(tool('qpdf', ['--check', pdf])).toContain('No syntax or stream encoding errors found');
    const fonts = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBe(3);
    // name type encoding emb sub uni: every face embedded, subset, with a ToUnicode map.
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    // In reading order, as a reader copies it. pdftotext wraps right-to-left words in bidi
    // embedding marks; the letters between them are what count.
    const text = tool('pdftotext', [pdf, '-']).replace(/[\u202a-\u202e]/g, '');
    const labels = buildScene(atlas, spec, tools.fonts)
      .panels[0].overlay.filter((i): i is TextItem => i.kind === 'text' && i.tag?.role === 'label')
      .map((t) => t.text);
    expect(labels).toEqual(expect.arrayContaining(['أربيل', 'نينوى', 'ذي قار', 'SYRIA', 'BASRA', 'Baghdad']));
    for (const label of labels) expect(text.includes(label), `"${label}" is not in pdftotext's output`).toBe(true);
  });

  it('the PNG passes pngcheck', async () => {
    expect(tool('pngcheck', ['-v', await file('png')])).toMatch(/No errors detected/);
  });

  it('the SVG is well-formed XML (parsed by resvg, which refuses malformed XML)', async () => {
    const svg = (await makeFigure(atlas, spec, 'svg', tools)).bytes;
    expect(() => new Resvg(svg).free()).not.toThrow();
    expect(() => new Resvg(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><text>a & b</text></svg>'))).toThrow();
  });
});
