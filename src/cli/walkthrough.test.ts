// Walkthroughs as a user makes them with `npm run figure`, checked with tools that are not ours:
// ffprobe and ffmpeg (Debian's ffmpeg) for the videos, pdfinfo and pdftotext (poppler-utils) for
// the handout. .ci/run installs them and Chromium, which encodes the videos.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../lib/data/files-node.ts';
import { loadAtlas } from '../lib/data/load.ts';
import { loadTours } from '../lib/tour/check-tour.ts';
import { paragraphAt } from '../lib/data/paragraph.ts';
import { isoDay } from '../lib/time/day.ts';
import { quoteByRef, tourJson } from '../lib/tour/tour.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'atlas-walkthrough-'));
const files = readRawFiles();
const { atlas } = loadAtlas(files);
const tour = loadTours(files, atlas).tours.find((t) => t.id === 'iraq-2003-2011')!;

async function figure(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/cli/figure.ts', ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A binary PGM (pdftoppm -gray): its size and grey levels. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

function tool(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${command} is not installed: apt-get install ffmpeg poppler-utils (.ci/run does).`, { cause: e });
    throw e;
  }
}

const probe = (file: string) =>
  JSON.parse(
    tool('ffprobe', [
      '-v',
      'error',
      '-count_frames',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=codec_name,width,height,nb_read_frames:format=duration',
      '-of',
      'json',
      file,
    ]),
  ) as { streams: { codec_name: string; width: number; height: number; nb_read_frames: string }[]; format: { duration: string } };

/** A decoded frame's pixels, hashed. */
const frameHash = (file: string, n: number) =>
  createHash('sha256')
    .update(
      execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${n})`, '-vframes', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
        maxBuffer: 64 * 1024 * 1024,
      }),
    )
    .digest('hex');

/** Words as pdftotext gives them, and as the data has them, compared with the spaces and line breaks evened out. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('npm run figure walkthroughs', () => {
  it('writes a 4 s, 10 fps, 1280 × 720 range video of 40 frames whose first and last frames differ', { timeout: 120_000 }, async () => {
    const out = join(dir, 'walk.webm');
    const result = await figure(['--from', '2006-02-22', '--to', '2007-12-31', '--seconds', '4', '--fps', '10', '--size', '1280x720px', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { streams, format } = probe(out);
    expect(streams[0]).toMatchObject({ codec_name: 'vp9', width: 1280, height: 720, nb_read_frames: '40' });
    expect(Number(format.duration)).toBeCloseTo(4, 1);
    expect(frameHash(out, 0)).not.toBe(frameHash(out, 39));
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('writes a tour video of the right size, about chapters × seconds long, as MP4 (H.264)', { timeout: 180_000 }, async () => {
    const out = join(dir, 'tour.mp4');
    const result = await figure(['--tour', 'iraq-2003-2011', '--seconds-per-chapter', '1', '--fps', '6', '--size', '640x360px', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const { streams, format } = probe(out);
    expect(streams[0]).toMatchObject({ codec_name: 'h264', width: 640, height: 360, nb_read_frames: String(tour.chapters.length * 6) });
    expect(Number(format.duration)).toBeCloseTo(tour.chapters.length, 0);
  });

  it('says in one line that a video needs Chromium when there is none, and leaves no file', { timeout: 60_000 }, async () => {
    const out = join(dir, 'none.webm');
    const result = await figure(['--from', '2006-02-22', '--to', '2006-12-31', '--seconds', '1', '--fps', '10', '--size', '720p', '--out', out], {
      ATLAS_CHROMIUM: '/nonexistent/chromium',
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/needs Chromium to encode.*\/nonexistent\/chromium.*ATLAS_CHROMIUM/)]);
    expect(existsSync(out) || existsSync(`${out}.part`)).toBe(false);
  });

  it(
    'writes the tour handout with no browser: a title page, one filled page per chapter, the texts at the end, every title and quote searchable and cited as a reader cites',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'handout.pdf');
      const result = await figure(['--tour', 'iraq-2003-2011', '--preset', 'a4-portrait', '--base', 'https://atlas.example.org/', '--out', out], {
        ATLAS_CHROMIUM: '/nonexistent/chromium',
      });
      expect(result.code, result.stderr).toBe(0);
      const pageCount = tour.chapters.length + 2;
      expect(result.stdout).toContain(`(${pageCount} pages, 210 × 297 mm)`);
      const info = tool('pdfinfo', [out]);
      expect(info).toMatch(new RegExp(`Pages:\\s+${pageCount}\\n`));
      expect(info).toMatch(/Page size:\s+595\.27\d* x 841\.89 pts \(A4\)/);
      expect(tool('pdffonts', [out])).not.toMatch(/ no /); // every font embedded
      const pages = tool('pdftotext', ['-layout', out, '-']).split('\f').map(flat);
      expect(pages[0]).toContain(flat(tour.title));
      tour.chapters.forEach((chapter, i) => {
        const page = pages[i + 1];
        expect(page).toContain(flat(chapter.title));
        expect(page).toContain(`page ${i + 2} of ${pageCount}`);
        for (const ref of chapter.quotes) {
          const quote = quoteByRef(atlas, ref)!;
          const source = atlas.sources.find((s) => s.id === quote.doc)!;
          expect(flat(tool('pdftotext', ['-f', String(i + 2), '-l', String(i + 2), out, '-']))).toContain(flat(quote.text));
          // As a reader cites: the text and its paragraph, and the link that opens the passage.
          expect(page).toContain(`“${flat(source.title)}”`);
          expect(page).toContain(`para. ${paragraphAt(source.text, quote.start)}.`);
          expect(page).toContain(`https://atlas.example.org/#t=${isoDay(chapter.t)}&doc=${quote.doc}&at=${quote.start}-${quote.end}`);
        }
      });
      // No citation names a file or character offsets.
      for (const page of pages) expect(page).not.toMatch(/places\/sources|\.txt\b|characters \d/);
      // The texts quoted, listed at the end.
      for (const doc of new Set(tour.chapters.flatMap((c) => c.quotes.map((r) => r.split('@')[0]))))
        expect(pages[pageCount - 1]).toContain(flat(atlas.sources.find((s) => s.id === doc)!.title));

      // Every chapter page is filled: its ink (above the page number) reaches into its bottom quarter.
      tool('pdftoppm', ['-r', '30', '-gray', '-f', '2', '-l', String(pageCount - 1), out, join(dir, 'handout-page')]);
      const images = readdirSync(dir).filter((f) => f.startsWith('handout-page') && f.endsWith('.pgm'));
      expect(images).toHaveLength(tour.chapters.length);
      for (const name of images) {
        const { width, height, pixels } = readPgm(readFileSync(join(dir, name)));
        // The page number sits in the bottom margin (18 mm of 297): the ink above it is the page's own.
        const footer = Math.floor(height * (1 - 18 / 297));
        let last = 0;
        for (let y = 0; y < footer; y++) for (let x = 0; x < width; x++) if (pixels[y * width + x] < 200) last = y;
        expect(last / height, name).toBeGreaterThan(0.75);
      }
    },
  );

  it('writes the handout of a tour of your own (--tour-file), and names a broken one by chapter and field', { timeout: 60_000 }, async () => {
    const mine = {
      id: 'my-tour',
      title: 'My tour of two views',
      summary: 'Made in the page.',
      chapters: [
        { ...tourJson(tour).chapters[1], id: 'first', title: 'Fallujah, my first chapter' },
        { ...tourJson(tour).chapters[12], id: 'second', title: 'Basra, my second chapter' },
      ],
    };
    const file = join(dir, 'my-tour.json');
    writeFileSync(file, JSON.stringify(mine));
    const out = join(dir, 'my-handout.pdf');
    const result = await figure(['--tour-file', file, '--preset', 'a4-portrait', '--out', out], { ATLAS_CHROMIUM: '/nonexistent/chromium' });
    expect(result.code, result.stderr).toBe(0);
    const text = flat(tool('pdftotext', ['-layout', out, '-']));
    for (const title of [mine.title, ...mine.chapters.map((c) => c.title)]) expect(text).toContain(flat(title));

    writeFileSync(file, JSON.stringify({ ...mine, chapters: [{ ...mine.chapters[0], date: '2013-01-01' }] }));
    const broken = await figure(['--tour-file', file, '--preset', 'a4-portrait', '--out', join(dir, 'broken.pdf')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`--tour-file: ${file} has 1 problem(s)`);
    expect(broken.stderr).toMatch(/chapters\[0\]\.date/);
    expect(existsSync(join(dir, 'broken.pdf'))).toBe(false);
  });
});
