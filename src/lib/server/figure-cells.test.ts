// A served collection in a figure: the cells each panel needs are fetched (here from a stand-in
// server that counts a few points by the grid's rule), the figure is laid out with them, and a
// figure whose cells were never fetched is refused rather than drawn without them.
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { densityClasses } from '../look/density.ts';
import { mercatorUnit } from '../look/mercator.ts';
import { screen } from '../look/palette.ts';
import { projector } from '../print/camera.ts';
import { makeFigure } from '../print/figure.ts';
import { defaultFurniture } from '../print/options.ts';
import { buildScene, checkServed, type FigureSpec, type TextItem } from '../print/scene.ts';
import type { ServedCells, ServedNeed } from '../print/served.ts';
import { loadFigureTools } from '../print/tools-node.ts';
import { defaultView, type ViewSnapshot } from '../state/snapshot.ts';
import { dayFromIso } from '../time/day.ts';
import { drawFrame, frameSpec } from '../video/frames.ts';
import { videoSizes } from '../video/plan.ts';
import { withServedCells, type CellsFetcher } from './figure-cells.ts';

const { atlas } = loadAtlas(readRawFiles());
const tools = await loadFigureTools();
const view: ViewSnapshot = { ...defaultView, t: dayFromIso('2007-12-16'), layers: ['events', 'control'] };
const spec = (over: Partial<FigureSpec> = {}): FigureSpec => ({
  page: { widthMm: 174, heightMm: 120, dpi: 150 },
  panels: [view],
  title: 'Served',
  furniture: defaultFurniture([view]),
  palette: screen,
  version: 'test',
  served: { name: 'logs.csv', cells: [] },
  ...over,
});

// 1,200 events at Baghdad, 5 at Basra, 1 at Mosul.
const points: [number, number, number][] = [
  [44.4, 33.3, 1200],
  [47.8, 30.5, 5],
  [43.1, 36.3, 1],
];
/** A stand-in for the server's /cells: each point's cell at the level, worked out from its longitude and latitude. */
function standIn(asked: ServedNeed[]): CellsFetcher {
  return async (_view, need) => {
    asked.push(need);
    const cells = new Map<string, [number, number, number]>();
    for (const [lng, lat, n] of points) {
      const [u, v] = mercatorUnit(lng, lat);
      const [column, row] = [Math.floor(u * 2 ** need.level), Math.floor(v * 2 ** need.level)];
      const cell = cells.get(`${column},${row}`) ?? [column, row, 0];
      cell[2] += n;
      cells.set(`${column},${row}`, cell);
    }
    return { ...need, cells: [...cells.values()] } satisfies ServedCells;
  };
}

describe('a served collection in a figure', () => {
  it('fetches the cells each panel needs once, and draws each as a square of its count class over its own point', async () => {
    const asked: ServedNeed[] = [];
    const ready = await withServedCells(atlas, spec(), tools.fonts, standIn(asked));
    expect(asked).toHaveLength(1);
    // Cells nearest 2 mm wide on the page: between 1.41 and 2.83 mm.
    const scene = buildScene(atlas, ready, tools.fonts);
    expect(scene.served).toEqual({ needs: [asked[0]], complete: true });
    expect(() => checkServed(scene)).not.toThrow();
    const [, mm] = /squares ([\d.]+) mm wide here/.exec(scene.words.caption)!;
    expect(Number(mm)).toBeGreaterThan(1.41);
    expect(Number(mm)).toBeLessThan(2.83);

    const panel = scene.panels[0];
    const xy = projector(panel.camera, panel);
    const squares = (colour: string) =>
      panel.geometry
        .filter((i) => i.kind === 'path' && i.paint.fill === colour)
        .flatMap((i) => [...(i as { d: string }).d.matchAll(/M([\d.]+) ([\d.]+)H([\d.]+)V([\d.]+)/g)].map((m) => m.slice(1).map(Number)));
    // 1 event, 2–9, 10–99, 100–999, 1,000 or more: Mosul, Basra, none, none, Baghdad.
    expect(densityClasses.map((c) => squares(c.colour).length)).toEqual([1, 1, 0, 0, 1]);
    const [baghdad] = squares(densityClasses[4].colour);
    const [x, y] = xy([44.4, 33.3]);
    expect(x).toBeGreaterThanOrEqual(baghdad[0]);
    expect(x).toBeLessThan(baghdad[2]);
    expect(y).toBeGreaterThanOrEqual(baghdad[1]);
    expect(y).toBeLessThan(baghdad[3]);
    expect((baghdad[2] - baghdad[0]) * (25.4 / 96)).toBeCloseTo(Number(mm), 1);

    const legend = scene.furniture.filter((i): i is TextItem => i.kind === 'text').map((t) => t.text);
    expect(legend).toContain('served: logs.csv, events per grid square: 1 event');
    expect(scene.words.credit).toContain('Served: logs.csv.');
    expect(scene.words.caption).toMatch(
      /Served collection: logs\.csv \(.*\)\. Its 1,206 events in view counted by the server in the cells of the Web Mercator grid at zoom \d+, squares [\d.]+ mm wide here \(3 occupied; a square cut by the frame is counted whole\)/,
    );

    // Asked again for the same spec: the cells in hand cover it, so nothing is fetched.
    await withServedCells(atlas, ready, tools.fonts, standIn(asked));
    expect(asked).toHaveLength(1);
  });

  it('fetches for each panel of small multiples, with its own date', async () => {
    const asked: { t: number }[] = [];
    const fetcher = standIn([]);
    const panels = [view, { ...view, t: dayFromIso('2008-06-01') }];
    const ready = await withServedCells(atlas, spec({ panels }), tools.fonts, (v, need) => {
      asked.push({ t: v.t });
      return fetcher(v, need);
    });
    expect(asked.map((a) => a.t).sort()).toEqual(panels.map((p) => p.t).sort());
    expect(buildScene(atlas, ready, tools.fonts).served?.complete).toBe(true);
  });

  it('refuses a figure or frame whose cells were not fetched, and passes on what the server said', async () => {
    const draft = buildScene(atlas, spec(), tools.fonts);
    expect(draft.served?.complete).toBe(false);
    expect(() => checkServed(draft)).toThrow(/have not been fetched from its server yet/);
    await expect(makeFigure(atlas, spec(), 'svg', tools)).rejects.toThrow(/have not been fetched/);
    const down: CellsFetcher = async () => {
      throw new Error('The collection server at http://127.0.0.1:7800 did not answer');
    };
    await expect(withServedCells(atlas, spec(), tools.fonts, down)).rejects.toThrow('did not answer');
  });

  it("draws a video frame with the frame's own cells, and refuses one without them", async () => {
    const settings = { size: videoSizes['720p'], palette: screen, version: 'test', served: { name: 'logs.csv', cells: [] } };
    const still = { view, title: 'A frame' };
    expect(() => drawFrame(atlas, frameSpec(still, settings), tools, settings.size)).toThrow(/have not been fetched/);
    const asked: ServedNeed[] = [];
    const ready = await withServedCells(atlas, frameSpec(still, settings), tools.fonts, standIn(asked));
    expect(asked).toHaveLength(1);
    expect(drawFrame(atlas, ready, tools, settings.size)).toHaveLength(1280 * 720 * 4);
  }, 30_000);

  it('leaves a figure without a served collection alone, and asks nothing', async () => {
    const asked: ServedNeed[] = [];
    const plain = spec({ served: null });
    expect(await withServedCells(atlas, plain, tools.fonts, standIn(asked))).toBe(plain);
    expect(asked).toHaveLength(0);
    expect(buildScene(atlas, plain, tools.fonts).served).toBeNull();
  });
});
