import { describe, expect, it } from 'vitest';
import { parseArgs, parseBatch } from './figure-args.ts';

const noBatch = () => {
  throw new Error('no batch file here');
};

describe('npm run figure arguments', () => {
  it('turns the documented command into one job', () => {
    const { jobs } = parseArgs(
      ['--url', 'http://localhost:4173/#t=2007-12-16', '--size', '174x120mm', '--dpi', '600', '--format', 'pdf', '--out', 'fig.pdf'],
      noBatch,
    );
    expect(jobs).toEqual([
      {
        out: 'fig.pdf',
        options: {
          links: ['http://localhost:4173/#t=2007-12-16'],
          columns: undefined,
          page: { widthMm: 174, heightMm: 120, dpi: 600 },
          format: 'pdf',
          palette: undefined,
          title: undefined,
          caption: undefined,
          alt: undefined,
          furniture: {},
        },
      },
    ]);
  });

  it('draws the opening view without --url, and refuses an empty one', () => {
    expect(parseArgs(['--preset', 'journal-1col', '--out', 'fig.png'], noBatch).jobs[0].options.links).toEqual([]);
    expect(() => parseArgs(['--url', '', '--out', 'fig.png'], noBatch)).toThrow('url: a permalink is empty');
  });

  it('takes the format from the file name, presets with a height, and furniture switches', () => {
    const [job] = parseArgs(
      ['--url', '#t=2007-12-16', '--preset', 'journal-1col', '--height', '70', '--without', 'legend,caption', '--with', 'arabicNames', '--out', 'a.svg'],
      noBatch,
    ).jobs;
    expect(job.options.format).toBe('svg');
    expect(job.options.page).toEqual({ widthMm: 85, heightMm: 70, dpi: 300 });
    expect(job.options.furniture).toEqual({ legend: false, caption: false, arabicNames: true });
  });

  it('names the field and what to change', () => {
    const attempt = (argv: string[]) => () => parseArgs(argv, noBatch);
    expect(attempt(['--url', '#t=2007-12-16', '--out', 'fig.tiff'])).toThrow('format: "tiff" is not a figure format: use png, svg or pdf.');
    expect(attempt(['--url', '#t=2007-12-16', '--format', 'pdf', '--out', 'fig.png'])).toThrow('out: "fig.png" does not end in .pdf');
    expect(attempt(['--url', '#t=2007-12-16', '--preset', 'a5', '--out', 'f.png'])).toThrow('preset: Unknown page preset "a5"');
    expect(attempt(['--url', '#t=2007-12-16', '--without', 'compass', '--out', 'f.png'])).toThrow('without: "compass" is not part of a figure');
    expect(attempt(['--url', '#t=2007-12-16', '--out', 'f.png', '--alt'])).toThrow('--alt needs a value');
    expect(attempt(['--url'])).toThrow('--url needs a value');
  });

  it('reads a batch over its defaults, naming the figure that is wrong', () => {
    const text = JSON.stringify({
      defaults: { size: '174x100mm', format: 'png' },
      figures: [
        { url: '#t=2004-01-01', out: 'a.png' },
        { panels: ['#t=2005-01-01', '#t=2006-01-01'], columns: 2, out: 'b.png', dpi: 150 },
      ],
    });
    const jobs = parseBatch('figs.json', text);
    expect(jobs.map((j) => [j.out, j.options.links.length, j.options.page.dpi, j.options.columns])).toEqual([
      ['a.png', 1, 300, undefined],
      ['b.png', 2, 150, 2],
    ]);
    expect(() =>
      parseBatch(
        'figs.json',
        JSON.stringify({
          figures: [
            { url: '#t=2004-01-01', out: 'a.png' },
            { url: '#t=2004-01-01', out: 'a.png', size: '9' },
          ],
        }),
      ),
    ).toThrow('figs.json: figures[1].size: "9" is not a size');
    expect(() => parseBatch('figs.json', '{"figures": [')).toThrow('figs.json: not valid JSON');
  });

  it('refuses what would otherwise draw a figure other than the one asked for', () => {
    const batch =
      (figure: object, extra: object = {}) =>
      () =>
        parseBatch('figs.json', JSON.stringify({ figures: [{ url: '#t=2004-01-01', out: 'a.png', ...figure }], ...extra }));
    expect(batch({ colors: 'grayscale' })).toThrow('figs.json: figures[0].colors: is not a figure setting: use url, panels,');
    expect(batch({}, { default: { dpi: 600 } })).toThrow('figs.json: "default" is not part of a batch file: use "defaults" and "figures".');
    expect(batch({ panels: ['#t=2004-01-01', '#t=2005-01-01'], columns: 1.5 })).toThrow(
      'figs.json: figures[0].columns: 1.5 is not a whole number of columns from 1 to 2',
    );
    expect(batch({ url: '' })).toThrow('figs.json: figures[0].url: a permalink is empty');
  });
});
