import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { loadFigureTools } from '../print/tools-node.ts';
import { fitCamera } from '../print/camera.ts';
import { iraqBounds } from '../look/bounds.ts';
import { mercatorUnit } from '../look/mercator.ts';
import { screen } from '../look/palette.ts';
import { defaultView } from '../state/snapshot.ts';
import { shareInView } from '../time/window.ts';
import { eventPoints } from '../data/features.ts';
import { drawOpening, type OpeningData, type OpeningLabel } from './draw.ts';
import { breakLines, openingPicture, OPENING_PADDING } from './picture.ts';
import { poleOfInaccessibility } from './pole.ts';
import { LEAD_LINE, LEAD_SCALE } from '../look/lead-line.ts';

const { atlas } = loadAtlas(readRawFiles());
const tools = await loadFigureTools();
const fonts = tools.fonts;
const { svg, image, data } = openingPicture(atlas, fonts, screen, (world) => tools.rasterize(world));

const fit: OpeningData['fit'] = {
  box: [...mercatorUnit(iraqBounds[0], iraqBounds[3]), ...mercatorUnit(iraqBounds[2], iraqBounds[1])] as [number, number, number, number],
  padding: OPENING_PADDING,
};

/** A one-line label of `width` glyph units (a place's, with its four anchors) at a point of the unit square. */
const placeLabel = (name: string, x: number, y: number, key = 0, width = 96): OpeningLabel => ({
  x,
  y,
  lines: [{ text: name, width, scale: 1, fill: '#000' }],
  size: 12,
  spacing: 0,
  padding: 1,
  anchors: ['left', 'right', 'top', 'bottom'],
  offset: 0.7,
  halo: '#fff',
  haloWidth: 1,
  key,
  layer: 'places_label',
  name,
  below: null,
});

const layout = (labels: OpeningLabel[], width = 800, height = 600) =>
  drawOpening({ fit, world: { zoom: 5, x: 0, y: 0 }, baseline: 27, circles: [], labels }, null, width, height);

describe('the opening picture fits and lays out as the map does', () => {
  it('opens on the camera fitBounds gives, in any box (the figures fit the same way)', () => {
    for (const [w, h] of [
      [864, 605],
      [375, 444],
      [1920, 900],
    ]) {
      const opened = layout([], w, h);
      const figure = fitCamera(iraqBounds, w, h, OPENING_PADDING);
      expect(opened.zoom).toBeCloseTo(figure.zoom, 9);
      expect(opened.center[0]).toBeCloseTo(figure.center[0], 9);
      expect(opened.center[1]).toBeCloseTo(figure.center[1], 9);
    }
  });

  it("puts a place's name at its first free anchor, and leaves it out when none is free", () => {
    const [x, y] = [(fit.box[0] + fit.box[2]) / 2, (fit.box[1] + fit.box[3]) / 2];
    // Names 12 px wide: above and below the point they keep clear of those beside it.
    const placed = layout(['First', 'Second', 'Third', 'Fourth', 'Fifth'].map((n) => placeLabel(n, x, y, 0, 24)));
    const at = (name: string) => placed.labels.find((l) => l.label.name === name);
    // Right of the point, then left, above and below it; the fifth finds no room.
    const [first, second, third, fourth] = ['First', 'Second', 'Third', 'Fourth'].map((n) => at(n)!.box);
    expect(first[0]).toBeGreaterThan(400);
    expect(second[2]).toBeLessThan(400);
    expect(third[1]).toBeGreaterThan(300);
    expect(fourth[3]).toBeLessThan(300);
    expect(at('Fifth')).toBeUndefined();
    // No two placed boxes overlap.
    for (const a of placed.labels)
      for (const b of placed.labels) if (a !== b) expect(a.box[0] < b.box[2] && a.box[2] > b.box[0] && a.box[1] < b.box[3] && a.box[3] > b.box[1]).toBe(false);
  });

  it('places by sort key across tiles, and else tile by tile from the bottom row up', () => {
    const [x, y] = [(fit.box[0] + fit.box[2]) / 2, (fit.box[1] + fit.box[3]) / 2];
    // A site listed first, a town second at the same point: the town (key 0) takes the first anchor.
    const byKey = layout([placeLabel('Site', x, y, 2), placeLabel('Town', x, y, 0)]);
    expect(byKey.labels.map((l) => l.label.name)).toEqual(['Town', 'Site']);
    // Without a sort key the lower label is placed first (symbol-z-order viewport-y).
    const centred = (name: string, dy: number): OpeningLabel => ({ ...placeLabel(name, x, y + dy), key: null, anchors: null, layer: 'countries_label' });
    const lower = layout([centred('Upper', 0), centred('Lower', 1e-5)]);
    expect(lower.labels.map((l) => l.label.name)).toEqual(['Lower']);
  });

  it("sits a governorate's name on its point with its lead line under it, the two placed or left out together", () => {
    const [x, y] = [(fit.box[0] + fit.box[2]) / 2, (fit.box[1] + fit.box[3]) / 2];
    const image = { width: 187, height: LEAD_LINE.height, baseline: LEAD_LINE.baseline };
    const governorate = (name: string, text: string | null): OpeningLabel => ({
      ...placeLabel(name.toUpperCase(), x, y),
      name,
      key: null,
      anchors: null,
      padding: 2,
      layer: 'governorates_label',
      below: { text, width: text ? 80 : 0, scale: LEAD_SCALE, fill: '#000', image },
    });
    const placed = layout([governorate('Basra', 'UK-led')]).labels[0];
    // The name's box ends at the point (the box's middle, on the tiles' grid) and its padding; the
    // lead's words are centred under the point, their baseline where the image has it.
    const point = placed.box[3] - 2;
    expect(point).toBeCloseTo(300, 0);
    expect(placed.lines[0].y).toBeLessThan(point);
    expect(placed.lead!.y).toBeCloseTo(point + LEAD_LINE.baseline * (12 / 24) * LEAD_SCALE, 5);
    expect(placed.lead!.x + (80 / 2) * (12 / 24) * LEAD_SCALE).toBeCloseTo((placed.box[0] + placed.box[2]) / 2, 5);
    // Placed first, the name keeps a label just above the point out.
    const above = { ...placeLabel('Above', x, y - 14 / (512 * 2 ** layout([]).zoom)), key: null, anchors: null, layer: 'countries_label' };
    expect(layout([governorate('Basra', null), above]).labels.map((l) => l.label.name)).toEqual(['Basra']);
    // A label placed first just under the point leaves no room for the line: the name is placed
    // without it (icon-optional), its words not drawn, and the line's room is not taken.
    const below = { ...above, name: 'Below', y: y + 14 / (512 * 2 ** layout([]).zoom) };
    const crowded = layout([below, { ...governorate('Basra', 'UK-led'), layer: 'zz_label' }]).labels;
    expect(crowded.map((l) => [l.label.name, l.lead])).toEqual([
      ['Below', null],
      ['Basra', null],
    ]);
    // With room, a line without words still takes its room: a label placed after it under the point is left out.
    const later = { ...below, layer: 'zz_later' };
    expect(layout([{ ...governorate('Basra', null), layer: 'zz_label' }, later]).labels.map((l) => l.label.name)).toEqual(['Basra']);
  });
});

describe('the opening picture of the shipped atlas', () => {
  it('draws the events of the opening window and every dotted place', () => {
    const events = eventPoints(atlas).features.filter(
      (e) => shareInView(e.properties as { t0: number; t1: number }, defaultView.t, defaultView.mode, defaultView.windowDays) > 0,
    );
    const rings = data.circles.filter((c) => c.paint.includes('stroke-opacity'));
    expect(rings).toHaveLength(events.length);
    expect(events.length).toBeGreaterThan(5);
  });

  it("names each governorate, and under it its lead on the opening day, as the map's label does", () => {
    const governorates = data.labels.filter((l) => l.layer === 'governorates_label');
    expect(governorates).toHaveLength(atlas.governorates.features.length);
    const nineveh = governorates.find((l) => l.name === 'Nineveh')!;
    expect(nineveh.lines.map((l) => l.text)).toEqual(['NINEVEH']);
    expect(nineveh.below).toMatchObject({ text: 'US-led', scale: LEAD_SCALE, image: { height: LEAD_LINE.height, baseline: LEAD_LINE.baseline } });
    // A governorate that led no coalition sector that day keeps the line's place, with no words.
    const blank = governorates.filter((l) => l.below && l.below.text === null);
    expect(blank.length).toBeGreaterThan(0);
  });

  it('carries its geometry as one image beside it, and no script or other reference', () => {
    const written = svg('./assets/opening.png');
    expect(written.match(/<image /g)).toHaveLength(1);
    expect(written.match(/href="[^"]*"/g)).toEqual(['href="./assets/opening.png"']);
    expect(written).not.toMatch(/<script|url\(/);
    // A PNG of the map's box and more around it.
    expect([...image.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(Buffer.from(image).readUInt32BE(16)).toBeGreaterThan(864);
  });

  it('breaks a long name into even lines at its spaces, and leaves a short one whole', () => {
    expect(breakLines(fonts, 'Basra', 10, 0)).toEqual(['Basra']);
    expect(breakLines(fonts, 'Kuwait–Baghdad supply route', 10, 0)).toEqual(['Kuwait–Baghdad', 'supply route']);
  });

  it("finds a polygon's pole of inaccessibility", () => {
    const [x, y] = poleOfInaccessibility(
      [
        [
          [0, 0],
          [4, 0],
          [4, 2],
          [0, 2],
          [0, 0],
        ],
      ],
      1e-3,
    );
    expect(x).toBeCloseTo(2, 1);
    expect(y).toBeCloseTo(1, 1);
  });
});
