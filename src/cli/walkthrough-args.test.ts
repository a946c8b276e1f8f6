import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../lib/time/day.ts';
import { isWalkthrough, parseWalkthrough } from './walkthrough-args.ts';

const args = (line: string) => line.split(' ');

describe('npm run figure walkthrough arguments', () => {
  it('reads the documented range video command', () => {
    const argv = [
      '--url',
      'http://localhost:4173/#t=2007-12-16',
      ...args('--from 2006-02-22 --to 2007-12-31 --seconds 20 --fps 30 --size 1920x1080px --out walk.webm'),
    ];
    expect(isWalkthrough(argv)).toBe(true);
    expect(parseWalkthrough(argv)).toMatchObject({
      kind: 'range-video',
      container: 'webm',
      link: 'http://localhost:4173/#t=2007-12-16',
      from: dayFromIso('2006-02-22'),
      to: dayFromIso('2007-12-31'),
      seconds: 20,
      fps: 30,
      size: { width: 1920, height: 1080 },
    });
  });

  it('reads the tour video and the handout, with their defaults', () => {
    expect(parseWalkthrough(args('--tour iraq-2003-2011 --seconds-per-chapter 6 --out tour.mp4'))).toMatchObject({
      kind: 'tour-video',
      container: 'mp4',
      secondsPerChapter: 6,
      fps: 30,
      size: { width: 1920, height: 1080 },
    });
    expect(parseWalkthrough(args('--tour iraq-2003-2011 --preset a4-portrait --out handout.pdf'))).toEqual({
      kind: 'handout',
      out: 'handout.pdf',
      tour: 'iraq-2003-2011',
      widthMm: 210,
      heightMm: 297,
      palette: undefined,
      base: 'http://127.0.0.1:4173/',
    });
    expect(parseWalkthrough(args('--tour t --base https://example.org/atlas/#t=2007 --out h.pdf'))).toMatchObject({ base: 'https://example.org/atlas/' });
  });

  it('leaves still figures to figure-args', () => {
    expect(isWalkthrough(args('--preset journal-1col --out fig.pdf'))).toBe(false);
    expect(isWalkthrough(args('--out walk.mp4'))).toBe(true);
  });

  it('says what is wrong, naming the option', () => {
    expect(() => parseWalkthrough(args('--from 2006-02-30 --out w.webm'))).toThrow('--from: "2006-02-30" is not a day');
    expect(() => parseWalkthrough(args('--from 2006-02-22 --out w.gif'))).toThrow('--out: "w.gif" must end in .webm, .mp4');
    expect(() => parseWalkthrough(args('--tour t --from 2006-02-22 --out t.webm'))).toThrow('--from does not apply to a tour video');
    expect(() => parseWalkthrough(args('--from 2006-02-22 --out h.pdf'))).toThrow('name the tour');
    expect(() => parseWalkthrough(args('--tour t --preset journal-1col --out h.pdf'))).toThrow('a handout is a page');
    expect(() => parseWalkthrough(args('--tour t --dpi 300 --out h.pdf'))).toThrow('--dpi is not an option of a walkthrough');
    expect(() => parseWalkthrough(args('--size 1280x720 --from 2006-02-22 --out w.webm'))).toThrow('--size: "1280x720" is not a frame size');
    expect(() => parseWalkthrough(args('--tour t --base not-an-address --out h.pdf'))).toThrow('--base: "not-an-address" is not an address');
    expect(() => parseWalkthrough(args('--tour t --base https://example.org/ --out t.webm'))).toThrow('--base does not apply to a video');
  });
});
