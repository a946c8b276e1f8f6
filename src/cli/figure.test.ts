// `npm run figure` as a user runs it: in Node, with no browser on the machine (ATLAS_CHROMIUM
// points at nothing), the opening view without --url, the caption beside the figure, a tour
// chapter's link drawn as the chapter, and one-line errors with exit code 2.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readPngDpi, readPngText } from '../lib/print/png.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'atlas-figure-cli-'));

async function figure(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/cli/figure.ts', ...args], {
      env: { ...process.env, ATLAS_CHROMIUM: '/nonexistent/chromium', PATH: '/usr/local/bin:/bin' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run figure', () => {
  it('draws the opening view at a journal preset with no browser, and writes the caption beside it', async () => {
    const out = join(dir, 'opening.png');
    const result = await figure(['--preset', 'journal-1col', '--dpi', '300', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`wrote ${out} (85 × 120 mm, 300 DPI`);
    const png = readFileSync(out);
    expect(readPngDpi(png)).toEqual({ width: 1004, height: 1417, dpi: 300 });
    // The opening view: 14 November 2006, all of Iraq.
    expect(readPngText(png).Description).toMatch(/^Map of all of Iraq \(Web Mercator\), events of the 90 days to 14 November 2006\. \d+ events from the texts/);
    const caption = readFileSync(`${out}.caption.txt`, 'utf8');
    expect(caption).toMatch(/^Iraq, events of the 90 days to 14 November 2006\. Events \(\d+\) from: [^.]*Patrick Cockburn, report from Mosul/);
    expect(caption).toMatch(/Projection: Web Mercator\. Iraq War Atlas, data version [0-9a-f]{12}\.\n\nAlt text: Map of all of Iraq/);
    // The README quotes this figure's alt text: it must be the one the figure carries.
    const alt = caption.slice(caption.indexOf('Alt text: ') + 'Alt text: '.length).trim();
    expect(alt).toBe(readPngText(png).Description);
    const version = (text: string) => text.replace(/data version [0-9a-f]{12}/g, 'data version <hash>');
    expect(version(readFileSync('README.md', 'utf8').replace(/\n> /g, ' '))).toContain(version(alt));
  }, 60_000);

  it('draws a tour chapter as the chapter shows it, titled with the chapter', async () => {
    const out = join(dir, 'chapter.svg');
    const result = await figure(['--url', '#tour=iraq-2003-2011&chapter=13', '--out', out]);
    expect(result.stderr).toBe('');
    const tour = JSON.parse(readFileSync('places/tours/iraq-2003-2011.json', 'utf8'));
    const chapter = tour.chapters[12];
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain(`<title id="figure-title">${chapter.title.replace(/&/g, '&amp;')}</title>`);
    const day = new Date(`${chapter.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(svg).toContain(day);
  }, 60_000);

  it('refuses with one line and exit code 2: a malformed link, an empty one, an impossible page', async () => {
    const typo = await figure(['--url', '#t=2007-13-45&camera=44,33,7', '--out', join(dir, 'x.pdf')]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/the permalink "#t=2007-13-45&camera=44,33,7" is malformed: .*“2007-13-45”.*"camera", which a link does not use/);
    expect(typo.stderr.trim().split('\n')).toHaveLength(1);
    const empty = await figure(['--url', '', '--out', join(dir, 'x.pdf')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('url: a permalink is empty');
    const huge = await figure(['--preset', 'a4-landscape', '--dpi', '1200', '--out', join(dir, 'x.png')]);
    expect(huge.code).toBe(2);
    expect(huge.stderr.trim()).toMatch(/over this renderer's 8192 px limit: lower the DPI to 700 or less/);
    expect(huge.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('npm run figure --batch', () => {
  it('renders small multiples, one panel per year, lettered, with one shared legend', async () => {
    const result = await figure(['--batch', 'src/cli/figures-by-year.json']);
    expect(result.code, result.stderr).toBe(0);
    const pdf = readFileSync('test-results/figures/control-by-year.pdf');
    // 174 × 170 mm in points.
    expect(
      /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/
        .exec(pdf.toString('latin1'))!
        .slice(1)
        .map((v) => Math.round(Number(v) * 100) / 100),
    ).toEqual([493.23, 481.89]);
    const svg = readFileSync('test-results/figures/control-by-year.svg', 'utf8');
    [2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010].forEach((year, i) =>
      expect(svg).toContain(`>(${String.fromCharCode(97 + i)}) up to 31 December ${year}</text>`),
    );
    // The last panel is the day of the last convoy, the slider's end.
    expect(svg).toContain('>(i) up to 18 December 2011</text>');
    expect(svg.match(/>Provincial Iraqi Control<\/text>/g)).toHaveLength(1);
  }, 60_000);
});
