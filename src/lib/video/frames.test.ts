// A video frame for the lecture hall (issue 43): the date band's height, read from the layout and
// from the pixels of a 1080p frame, and the day in words.
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { screen } from '../look/palette.ts';
import { buildScene, type TextItem } from '../print/scene.ts';
import { loadFigureTools } from '../print/tools-node.ts';
import { defaultView } from '../state/snapshot.ts';
import { dayFromIso } from '../time/day.ts';
import { drawFrame, frameSpec } from './frames.ts';

const { atlas } = loadAtlas(readRawFiles());
const tools = await loadFigureTools();

describe('a video frame', () => {
  it('carries the date in words, at least 48 pixels high at 1080p, in the laid-out frame and in its pixels', () => {
    const size = { width: 1920, height: 1080 };
    const spec = frameSpec({ view: { ...defaultView, t: dayFromIso('2006-02-22') }, title: 'Samarra' }, { size, palette: screen, version: 'test' });
    const scene = buildScene(atlas, spec, tools.fonts);
    const stamp = scene.furniture.find((i): i is TextItem => i.kind === 'text' && i.tag?.id === 'date-stamp')!;
    expect(stamp.text).toBe('22 February 2006');
    const scale = size.width / scene.width;
    expect(Math.round(stamp.size * scale)).toBeGreaterThanOrEqual(48);

    // The pixels: the rows the date's ink covers, in its own box at the top right, measured.
    const rgba = drawFrame(atlas, spec, tools, size);
    const width = tools.fonts.width(stamp.text, stamp.size, stamp.weight) * scale;
    const [x0, x1] = [Math.floor(stamp.x * scale - width), Math.ceil(stamp.x * scale)];
    const [y0, y1] = [Math.floor((stamp.y - stamp.size) * scale), Math.ceil((stamp.y + stamp.size * 0.3) * scale)];
    const inked: number[] = [];
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const i = (y * size.width + x) * 4;
        if (rgba[i] + rgba[i + 1] + rgba[i + 2] < 200) {
          inked.push(y);
          break;
        }
      }
    // Digits and capitals stand about 0.71 of the type size: 34 pixels of 48.
    expect(Math.max(...inked) - Math.min(...inked) + 1).toBeGreaterThanOrEqual(32);
  });
});
