// Figures from the scene, in Node as `npm run figure` makes them: the view fitted whole on every
// page, nothing of the furniture over data, labels off labels and symbols, words that credit what
// is shown, the alt text in every format, and the same bytes for the same inputs.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { dayFromIso } from '../time/day.ts';
import { defaultView, type ViewSnapshot } from '../state/snapshot.ts';
import { grayscaleSafe, screen } from '../look/palette.ts';
import { iraqBounds } from '../look/bounds.ts';
import { EventColumns } from '../import/events.ts';
import { seededEvents } from '../import/seeded.ts';
import { densityClass, densityClasses } from '../look/density.ts';
import { projector } from './camera.ts';
import { blend, controlFill } from './geometry.ts';
import { figureFileName, makeFigure } from './figure.ts';
import { defaultFurniture } from './options.ts';
import { presets, sizeScale } from './page.ts';
import { widthAt, widths } from '../look/sizes.ts';
import { legendWords } from '../look/legend-words.ts';
import { readPngDpi, readPngText } from './png.ts';
import { buildScene, type FigureSpec, type Item, type Scene, type TextItem } from './scene.ts';
import { loadFigureTools } from './tools-node.ts';
import { pointsFromMm } from './pdf.ts';
import type { Rect } from './clip.ts';

const files = readRawFiles();
const { atlas } = loadAtlas(files);
const tools = await loadFigureTools();
const { fonts } = tools;
const view: ViewSnapshot = { ...defaultView, t: dayFromIso('2007-12-16'), layers: ['events', 'control', 'context'] };
const spec = (over: Partial<FigureSpec> = {}): FigureSpec => ({
  page: { widthMm: 174, heightMm: 120, dpi: 150 },
  panels: [view],
  title: 'Iraq, 16 December 2007',
  furniture: defaultFurniture([view]),
  palette: screen,
  version: 'test',
  ...over,
});
const texts = (items: Item[]) => items.filter((i): i is TextItem => i.kind === 'text');
const allItems = (scene: Scene) => [...scene.panels.flatMap((p) => [...p.geometry, ...p.overlay]), ...scene.furniture];

const textBox = (t: TextItem): Rect => {
  const w = fonts.width(t.text, t.size, t.weight, t.letterSpacing ?? 0);
  const x0 = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
  return { x0, x1: x0 + w, y0: t.y - t.size * 0.8, y1: t.y + t.size * 0.25 };
};
/** The box a path's coordinates span (the scene writes M, L, H, V and Z only outside glyphs). */
const pathBox = (d: string): Rect => {
  const xs: number[] = [];
  const ys: number[] = [];
  let [x, y] = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const v = args.trim().split(/\s+/).filter(Boolean).map(Number);
    if (cmd === 'M' || cmd === 'L') [x, y] = v;
    else if (cmd === 'H') x = v[0];
    else if (cmd === 'V') y = v[0];
    else continue;
    xs.push(x);
    ys.push(y);
  }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
};
const overlap = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
/** Every data symbol a panel draws: events, place dots, imported points. */
const symbolBoxes = (scene: Scene): Rect[] =>
  scene.panels.flatMap((p) =>
    p.geometry.flatMap((i) =>
      i.kind === 'circle'
        ? [{ x0: i.cx - i.r, y0: i.cy - i.r, x1: i.cx + i.r, y1: i.cy + i.r }]
        : i.kind === 'path' && (i.tag?.role === 'event' || i.tag?.role === 'place') && i.d.startsWith('M') && !i.paint.stroke
          ? [pathBox(i.d)]
          : [],
    ),
  );

describe('density classes', () => {
  it('puts each count in its decade, and none in no class', () => {
    expect([0, 1, 2, 9, 10, 99, 100, 999, 1000, 65504].map(densityClass)).toEqual([-1, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('steps darker class by class, so the order survives greyscale', () => {
    const luminance = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const steps = densityClasses.map((c) => luminance(c.colour));
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeLessThan(steps[i - 1] - 20);
  });
});

describe('the page', () => {
  const sizes = [...presets.map((p) => ({ widthMm: p.widthMm, heightMm: p.heightMm ?? 120, name: p.id })), { widthMm: 85, heightMm: 60, name: '85 × 60 mm' }];

  it.each(sizes)('$name takes the defaults and shows all of Iraq inside the map frame', ({ widthMm, heightMm }) => {
    const scene = buildScene(atlas, spec({ page: { widthMm, heightMm, dpi: 300 } }), fonts);
    const [panel] = scene.panels;
    const xy = projector(panel.camera, panel);
    const [w, s, e, n] = iraqBounds;
    for (const corner of [
      [w, s],
      [w, n],
      [e, s],
      [e, n],
    ]) {
      const [x, y] = xy(corner);
      expect(x).toBeGreaterThanOrEqual(panel.x - 0.01);
      expect(x).toBeLessThanOrEqual(panel.x + panel.width + 0.01);
      expect(y).toBeGreaterThanOrEqual(panel.y - 0.01);
      expect(y).toBeLessThanOrEqual(panel.y + panel.height + 0.01);
    }
    // Everything drawn stays on the page.
    for (const t of texts(allItems(scene))) {
      const b = textBox(t);
      expect(b.x0 >= -0.5 && b.x1 <= scene.width + 0.5 && b.y0 >= -0.5 && b.y1 <= scene.height + 0.5, `${t.text} leaves the page`).toBe(true);
    }
  });

  it('puts no title, date stamp, legend, scale bar or north arrow over data on an 85 mm figure', () => {
    for (const heightMm of [60, 120]) {
      const scene = buildScene(atlas, spec({ page: { widthMm: 85, heightMm, dpi: 300 } }), fonts);
      const symbols = symbolBoxes(scene);
      expect(symbols.length).toBeGreaterThan(20);
      const furniture = [
        ...texts(scene.furniture).map(textBox),
        ...scene.furniture.flatMap((i) =>
          i.kind === 'path' ? [pathBox(i.d)] : i.kind === 'circle' ? [{ x0: i.cx - i.r, y0: i.cy - i.r, x1: i.cx + i.r, y1: i.cy + i.r }] : [],
        ),
        ...scene.panels.flatMap((p) =>
          p.overlay
            .filter((i) => i.tag?.role === 'furniture')
            .map((i) => (i.kind === 'text' ? textBox(i) : i.kind === 'path' ? pathBox(i.d) : { x0: 0, y0: 0, x1: 0, y1: 0 })),
        ),
      ];
      expect(furniture.length).toBeGreaterThan(10);
      for (const f of furniture)
        for (const s of symbols) expect(overlap(f, s), `furniture at ${JSON.stringify(f)} covers a symbol at ${JSON.stringify(s)}`).toBe(false);
    }
  });

  it('keeps labels off each other and off every symbol, and a label beside its own point', () => {
    const scene = buildScene(atlas, spec({ page: { widthMm: 85, heightMm: 80, dpi: 300 } }), fonts);
    const labels = texts(scene.panels[0].overlay).filter((t) => t.tag?.role === 'label');
    const boxes = labels.map(textBox);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${labels[i].text} overlaps another label`).toBe(false);
    for (const [i, a] of boxes.entries()) for (const s of symbolBoxes(scene)) expect(overlap(a, s), `${labels[i].text} covers a symbol`).toBe(false);
    // Samarra's name is within a few points of Samarra's own dot.
    const samarra = atlas.places.find((p) => p.id === 'samarra')!;
    const [sx, sy] = projector(scene.panels[0].camera, scene.panels[0])(samarra.anchor);
    const label = boxes[labels.findIndex((l) => l.text === 'Samarra')];
    expect(Math.max(label.x0 - sx, sx - label.x1, label.y0 - sy, sy - label.y1)).toBeLessThan(12);
    expect(labels.map((l) => l.text)).toContain('Baghdad');
  });

  it('refuses a title that would run off the page, and columns that are not a whole number', () => {
    expect(() => buildScene(atlas, spec({ page: { widthMm: 85, heightMm: 60, dpi: 300 }, title: 'A very long title '.repeat(14) }), fonts)).toThrow(
      /title: .* takes \d lines on a 85 mm page, and a figure's title may take two/,
    );
    const years = [2004, 2006].map((y) => ({ ...view, t: dayFromIso(`${y}-06-30`) }));
    expect(() => buildScene(atlas, spec({ panels: years, columns: 1.5 }), fonts)).toThrow('columns: 1.5 is not a whole number of columns from 1 to 2');
  });

  it('refuses a view beyond the base map, and draws land to the frame at A4 landscape', () => {
    expect(() => buildScene(atlas, spec({ panels: [{ ...view, camera: [44, 33, 2] }] }), fonts)).toThrow(/beyond the base map's data/);
    const scene = buildScene(atlas, spec({ page: { widthMm: 297, heightMm: 210, dpi: 300 } }), fonts);
    const [panel] = scene.panels;
    // Iran's land reaches the frame's right edge (it used to end at 52°E, with sea beyond).
    const iran = atlas.context.countries.features.find((c) => c.properties?.name === 'Iran')!;
    const xy = projector(panel.camera, panel);
    const east = Math.max(...(iran.geometry as GeoJSON.MultiPolygon).coordinates.flat(2).map((p) => xy(p)[0]));
    expect(east).toBeGreaterThan(panel.x + panel.width);
  });

  it('letters small multiples, with each date above its panel, and one legend', () => {
    const years = [2004, 2006, 2008, 2010].map((y) => ({ ...view, t: dayFromIso(`${y}-06-30`), mode: 'cumulative' as const }));
    const scene = buildScene(atlas, spec({ panels: years, columns: 2 }), fonts);
    const stamps = scene.panels.map((p) => texts(p.overlay).find((t) => t.tag?.id === 'date-stamp')!);
    expect(stamps.map((s) => s.text)).toEqual(['(a) up to 30 June 2004', '(b) up to 30 June 2006', '(c) up to 30 June 2008', '(d) up to 30 June 2010']);
    scene.panels.forEach((p, i) => expect(textBox(stamps[i]).y1).toBeLessThanOrEqual(p.y));
    expect(texts(scene.furniture).filter((t) => t.text === 'Provincial Iraqi Control')).toHaveLength(1);
  });
});

describe("one home for the style's numbers and the legend's words", () => {
  it("draws rivers and borders as wide as the map style does at the figure's zoom, scaled with the page", () => {
    for (const page of [
      { widthMm: 85, heightMm: 60, dpi: 300 },
      { widthMm: 297, heightMm: 210, dpi: 300 },
    ]) {
      const scene = buildScene(atlas, spec({ page }), fonts);
      const [panel] = scene.panels;
      const k = sizeScale(page);
      const strokes = new Set(
        panel.geometry.flatMap((i) => (i.kind === 'path' && i.paint.stroke ? [`${i.paint.stroke} ${i.paint.strokeWidth!.toFixed(4)}`] : [])),
      );
      for (const [colour, stops] of [
        [screen.river, widths.majorRiver],
        [screen.river, widths.minorRiver],
        [screen.governorateLine, widths.governorateLine],
        [screen.countryBorder, widths.countryBorder],
      ] as const) {
        expect(strokes, `${colour} at zoom ${panel.camera.zoom.toFixed(2)}`).toContain(`${colour} ${(widthAt(stops, panel.camera.zoom) * k).toFixed(4)}`);
      }
    }
  });

  it('words the figure legend as the screen legend does', () => {
    const scene = buildScene(atlas, spec({ panels: [{ ...view, layers: ['events', 'displacement', 'context'] }] }), fonts);
    const words = texts(scene.furniture).map((t) => t.text);
    for (const w of [legendWords.eventDay, legendWords.eventUncertain, legendWords.displacedPeople(50_000), legendWords.displacementNoData, legendWords.river])
      expect(words).toContain(w);
    expect(words).toContain(`${legendWords.displaced}: ${legendWords.displacedPeople(10_000)}`);
  });
});

describe('the words with a figure', () => {
  it('credits only the texts whose events are shown, cites the control sources, and states the projection', () => {
    const { words } = buildScene(atlas, spec(), fonts);
    // On 16 December 2007 (90 days) the events in view come from Steele and the Basra editorial.
    expect(words.caption).toContain('Jonathan Steele, "Iraq: The Way Out"');
    expect(words.caption).not.toContain('Cockburn');
    expect(words.credit).toMatch(/^Texts: Steele 2008; .*Web Mercator\. Iraq War Atlas, data test\.$/);
    // Each control source by outlet and title (geo/web-sources.json), then its address; never the data file.
    expect(words.caption).toContain(
      'Province control: I Marine Expeditionary Force (marines.mil), “I MEF takes command in western Iraq” (https://www.imef.marines.mil/',
    );
    expect(words.caption).toContain('BBC News, “Flowers and prayers mark Iraq milestone” (http://news.bbc.co.uk/2/hi/uk_news/7147309.stm)');
    expect(words.caption).not.toContain('geo/control.json');
    expect(words.alt).toMatch(/^Map of all of Iraq \(Web Mercator\), events of the 90 days to 16 December 2007\. \d+ events from the texts/);
  });

  it('puts the full caption on the page only when asked', () => {
    const plain = buildScene(atlas, spec(), fonts);
    expect(texts(plain.furniture).some((t) => t.text.startsWith('Iraq, events of'))).toBe(false);
    // Citing every source by outlet and title makes the caption long: on the page it takes an A4 sheet.
    const withCaption = buildScene(
      atlas,
      spec({ furniture: { ...defaultFurniture([view]), caption: true }, page: { widthMm: 297, heightMm: 210, dpi: 150 } }),
      fonts,
    );
    expect(texts(withCaption.furniture).some((t) => t.text.startsWith('Iraq, events of'))).toBe(true);
  });

  it('has a glyph in an embedded face for every character it places', () => {
    const scene = buildScene(
      atlas,
      spec({
        furniture: { ...defaultFurniture([view]), arabicNames: true, caption: true },
        panels: [{ ...view, layers: ['events', 'control', 'displacement', 'context'] }],
        page: { widthMm: 297, heightMm: 210, dpi: 150 },
      }),
      fonts,
    );
    const missing = texts(allItems(scene)).flatMap((t) =>
      [...t.text].filter((c) => c !== ' ' && !fonts.faces.some((f) => f.font.hasGlyphForCodePoint(c.codePointAt(0)!))),
    );
    expect(missing).toEqual([]);
  });
});

describe('leads', () => {
  it('draws each lead nation as a pattern over the coalition colour, and counts it in the legend', async () => {
    const panel = { ...view, t: dayFromIso('2005-06-01') };
    const svg = new TextDecoder().decode((await makeFigure(atlas, spec({ panels: [panel], furniture: defaultFurniture([panel]) }), 'svg', tools)).bytes);
    for (const label of [
      'Coalition sector, US-led (9)',
      'Coalition sector, UK-led (4)',
      'Coalition sector, Polish-led (3)',
      'Coalition sector, Korean-led (1)',
      // Diyala, February–October 2005: no source names its sector's lead.
      'Coalition sector, lead: no data (1)',
    ])
      expect(svg).toContain(`>${label}</text>`);
    // Vertical lines (UK), horizontal (US), dots (Poland) and diagonals (Korea), each filling one path of its governorates.
    expect(svg).toMatch(/<pattern id="pattern\d" [^>]*><path d="M2\.5 0L2\.5 5"/);
    expect(svg).toMatch(/<pattern id="pattern\d" [^>]*><path d="M0 2\.5L5 2\.5"/);
    expect(svg).toMatch(/<pattern id="pattern\d" [^>]*><circle /);
    expect(svg).toMatch(/<pattern id="pattern\d" [^>]*><path d="M-0\.5 5\.5L5\.5 -0\.5"/);
    // Greyscale-safe: the patterns are lines and dots, the same in any palette.
    const grey = new TextDecoder().decode((await makeFigure(atlas, spec({ panels: [panel], palette: grayscaleSafe }), 'svg', tools)).bytes);
    expect(grey.match(/<pattern /g)?.length).toBe(svg.match(/<pattern /g)?.length);
  });
});

describe('the corrected leads in figures (issue 39)', () => {
  const legendOn = async (iso: string) => {
    const panel = { ...view, t: dayFromIso(iso) };
    const svg = new TextDecoder().decode((await makeFigure(atlas, spec({ panels: [panel], furniture: defaultFurniture([panel]) }), 'svg', tools)).bytes);
    return [...svg.matchAll(/>((?:Coalition sector|Provincial Iraqi Control|Kurdistan Regional Government)[^<]*)<\/text>/g)].map((m) => m[1]);
  };

  it('20 November 2006: Erbil Korean-led, Wasit and Qadisiyah Polish-led, no governorate without a lead', async () => {
    expect(await legendOn('2006-11-20')).toEqual([
      'Coalition sector, US-led (11)',
      'Coalition sector, UK-led (2)',
      'Coalition sector, Polish-led (2)',
      'Coalition sector, Korean-led (1)',
      'Provincial Iraqi Control (2)',
    ]);
  });

  it("15 January 2008: Wasit US-led (MND-Center), Qadisiyah the last Polish-led; Erbil is the KRG's, so no Korean-led sector", async () => {
    expect(await legendOn('2008-01-15')).toEqual([
      'Coalition sector, US-led (8)',
      'Coalition sector, Polish-led (1)',
      'Provincial Iraqi Control (6)',
      'Kurdistan Regional Government (3)',
    ]);
  });
});

describe('a legend of what is in the frame', () => {
  const legendOn = async (iso: string, camera: [number, number, number]) => {
    const panel = { ...view, t: dayFromIso(iso), camera };
    const svg = new TextDecoder().decode((await makeFigure(atlas, spec({ panels: [panel], furniture: defaultFurniture([panel]) }), 'svg', tools)).bytes);
    return [...svg.matchAll(/>((?:Coalition sector|Provincial Iraqi Control|Kurdistan Regional Government)[^<]*)<\/text>/g)].map((m) => m[1]);
  };
  it('counts control among the governorates the frame shows: around Basra on 16 December 2007, no Kurdish or Polish row', async () => {
    // Basra, Dhi Qar, Maysan and Muthanna meet the frame, all four under Iraqi control by that day.
    expect(await legendOn('2007-12-16', [47.75, 30.5, 8])).toEqual(['Provincial Iraqi Control (4)']);
  });
});

describe('displacement over control', () => {
  it('draws displacement as circles sized by their figure, over the control fill, with a size key at the same scale', async () => {
    const panel = { ...view, t: dayFromIso('2007-06-01'), layers: ['control' as const, 'displacement' as const] };
    const figure = spec({ panels: [panel], furniture: defaultFurniture([panel]) });
    const scene = buildScene(atlas, figure, fonts);
    const k = sizeScale(figure.page);
    const circles = allItems(scene).filter((i): i is Extract<Item, { kind: 'circle' }> => i.kind === 'circle' && i.tag?.role === 'displacement');
    expect(circles).toHaveLength(18);
    // Baghdad, 150,000 people in May 2007 (the scale's reference): 22 px at the map's scale.
    expect(circles.find((c) => c.tag!.id === 'IQ-BG')!.r).toBeCloseTo(22 * k, 6);
    // A governorate with no figure: the small hollow ring.
    const empty = circles.filter((c) => c.paint.fill === 'none');
    expect(empty.length).toBeGreaterThan(0);
    for (const c of empty) expect(c.r).toBeCloseTo(4 * k, 6);
    // No governorate is filled in a displacement colour: the fills are control's alone.
    const fills = new Set(allItems(scene).flatMap((i) => (i.kind === 'path' && i.tag?.role === 'control' ? [i.paint.fill] : [])));
    expect(fills.size).toBeGreaterThan(0);
    expect(fills.has(screen.displaced)).toBe(false);
    // The key's 150,000 circle is Baghdad's size.
    const key = scene.furniture.filter((i): i is Extract<Item, { kind: 'circle' }> => i.kind === 'circle' && i.paint.fill === screen.displaced);
    expect(Math.max(...key.map((c) => c.r))).toBeCloseTo(22 * k, 6);
  });
});

describe('uncertainty in time', () => {
  it('draws an event dated to a month fainter than one dated to the day while the window covers part of its month, and explains it', async () => {
    const svgAt = async (iso: string) => {
      const panel = { ...view, t: dayFromIso(iso) };
      return new TextDecoder().decode((await makeFigure(atlas, spec({ panels: [panel], furniture: defaultFurniture([panel]) }), 'svg', tools)).bytes);
    };
    const strokeOpacity = (svg: string, id: string) => Number(svg.match(new RegExp(`<circle data-event="${id}"[^>]* stroke-opacity="([\\d.]+)"`))?.[1]);
    // On 30 April 2003, the 90 days to the day hold all of April and the school shooting of the 28th.
    const april = await svgAt('2003-04-30');
    expect(strokeOpacity(april, 'fallujah-2003-04-28-school-shooting')).toBe(0.9);
    expect(strokeOpacity(april, 'fallujah-2003-04-new-mayor')).toBe(0.9);
    // On 16 December 2007: 16 of December's 31 days, 14 of September's 30.
    const december = await svgAt('2007-12-16');
    expect(strokeOpacity(december, 'baghdad-2007-12-bodies')).toBeCloseTo(0.15 + 0.75 * (16 / 31), 3);
    expect(strokeOpacity(december, 'basra-2007-09-british-down-to-two-bases')).toBeCloseTo(0.15 + 0.75 * (14 / 30), 3);
    expect(december).toContain(`>${legendWords.eventFaded}</text>`);
    // …and the Green Zone's "2003", 91 of its 365 days in view.
    expect(strokeOpacity(april, 'green-zone-2003-cpa-hunkered-down')).toBeCloseTo(0.15 + 0.75 * (91 / 365), 3);
    const noEvents = { ...view, layers: ['control' as const] };
    const without = new TextDecoder().decode(
      (await makeFigure(atlas, spec({ panels: [noEvents], furniture: defaultFurniture([noEvents]) }), 'svg', tools)).bytes,
    );
    expect(without).not.toContain(`>${legendWords.eventFaded}</text>`);
  });
});

describe('the three formats', () => {
  it('SVG: the page in millimetres, labels as text in embedded fonts, title and description, the same bytes twice', async () => {
    const made = await makeFigure(atlas, spec({ furniture: { ...defaultFurniture([view]), arabicNames: true } }), 'svg', tools);
    const svg = new TextDecoder().decode(made.bytes);
    expect(
      svg.startsWith(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="figure-title" aria-describedby="figure-desc" width="174mm" height="120mm"',
      ),
    ).toBe(true);
    for (const label of [
      'Baghdad',
      'Mosul',
      'Basra',
      'NINEVEH',
      'Iraq, 16 December 2007',
      'Provincial Iraqi Control (6)',
      'Coalition sector, Polish-led (1)',
      'نينوى',
    ])
      expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain(`<desc id="figure-desc">${made.words.alt}</desc>`);
    expect(svg).toContain('<title id="figure-title">Iraq, 16 December 2007</title>');
    // The Latin and Arabic faces the labels use, embedded as data.
    expect(svg.match(/@font-face\{font-family:Atlas\d;font-weight:\d+;src:url\(data:font\/woff;base64,/g)?.length).toBeGreaterThanOrEqual(3);
    expect(svg.replace(/<style>.*<\/style>/, '')).not.toContain('NaN');
    // Basra passed to Iraqi control on 16 December 2007; Baghdad was still a coalition sector.
    expect(svg).toMatch(new RegExp(`data-control="IQ-BA" d="[^"]+" fill="${controlFill(screen, 'iraqi')}"`));
    expect(svg).toMatch(new RegExp(`data-control="IQ-BG" d="[^"]+" fill="${controlFill(screen, 'coalition')}"`));
    expect(blend('#000000', '#ffffff', 0.85)).toBe('#d9d9d9');
    expect(
      Buffer.from((await makeFigure(atlas, spec({ furniture: { ...defaultFurniture([view]), arabicNames: true } }), 'svg', tools)).bytes).equals(
        Buffer.from(made.bytes),
      ),
    ).toBe(true);
  });

  it("names the file by the view's date, its size and DPI", () => {
    expect(figureFileName(spec(), 'png')).toBe('iraq-atlas-2007-12-16-174x120mm-150dpi.png');
    expect(figureFileName(spec({ panels: [{ ...view, t: dayFromIso('2003-04-28') }, view] }), 'pdf')).toBe('iraq-atlas-2003-04-28-to-2007-12-16-174x120mm.pdf');
  });

  it('PNG: exact pixels, its DPI, title and description recorded, and the same bytes twice', async () => {
    const made = await makeFigure(atlas, spec({ page: { widthMm: 85, heightMm: 60, dpi: 300 } }), 'png', tools);
    expect(readPngDpi(made.bytes)).toEqual({ width: 1004, height: 709, dpi: 300 });
    expect(readPngText(made.bytes)).toEqual({ Title: 'Iraq, 16 December 2007', Description: made.words.alt });
    const again = await makeFigure(atlas, spec({ page: { widthMm: 85, heightMm: 60, dpi: 300 } }), 'png', tools);
    expect(Buffer.from(again.bytes).equals(Buffer.from(made.bytes))).toBe(true);
  });

  it('PDF: the page in points, fonts embedded, each label in the text layer once, title and subject, the map a tagged Figure with its alt text', async () => {
    const made = await makeFigure(atlas, spec(), 'pdf', tools);
    const doc = await getDocument({ data: made.bytes.slice(), useSystemFonts: false }).promise;
    const page = await doc.getPage(1);
    expect(page.view[2]).toBeCloseTo(pointsFromMm(174), 3);
    expect(page.view[3]).toBeCloseTo(pointsFromMm(120), 3);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : ''));
    expect(text.filter((s) => s === 'Baghdad')).toHaveLength(1);
    const { info } = (await doc.getMetadata()) as unknown as { info: { Title: string; Subject: string } };
    expect(info).toMatchObject({ Title: 'Iraq, 16 December 2007', Subject: made.words.alt });
    const tree = (await page.getStructTree()) as { children: { role: string; alt?: string }[] };
    expect(tree.children).toEqual([expect.objectContaining({ role: 'Figure', alt: made.words.alt })]);
    const again = await makeFigure(atlas, spec(), 'pdf', tools);
    expect(Buffer.from(again.bytes).equals(Buffer.from(made.bytes))).toBe(true);
  });

  it('greyscale colours keep each class a distinct grey (CIE L* steps of 6 or more)', () => {
    const lightness = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
    };
    const p = grayscaleSafe;
    // The classes a reader must tell apart in one figure: land (no data) and each control status.
    // (Displacement is read by circle size, the leads by pattern: the same in any palette.)
    for (const classes of [[p.land, ...Object.values(p.control)]]) {
      const l = classes.map(lightness).sort((a, b) => a - b);
      for (let i = 1; i < l.length; i++) expect(l[i] - l[i - 1], `${classes.join(', ')}`).toBeGreaterThanOrEqual(6);
    }
  });
});

describe('imported events in a figure', () => {
  it('draws the ones the date shows, inside the panel, with a legend row naming the file', () => {
    const columns = new EventColumns();
    columns.push({ lng: 44.4, lat: 33.3, t0: dayFromIso('2007-12-01'), t1: dayFromIso('2007-12-01'), label: 'in the window', source: '', row: 2 });
    columns.push({ lng: 44.4, lat: 33.3, t0: dayFromIso('2005-01-01'), t1: dayFromIso('2005-01-01'), label: 'long before', source: '', row: 3 });
    columns.push({ lng: 44.4, lat: 33.3, t0: dayFromIso('2008-06-01'), t1: dayFromIso('2008-06-01'), label: 'after the date', source: '', row: 4 });
    const imported = columns.finish('mine.csv');
    const scene = buildScene(atlas, spec({ imported }), fonts);
    const dots = scene.panels[0].geometry.filter((i) => i.kind === 'circle' && i.paint.fill === screen.imported);
    expect(dots).toHaveLength(1);
    expect(texts(scene.furniture).map((t) => t.text)).toContain('imported: mine.csv');
    const cumulative = buildScene(atlas, spec({ imported, panels: [{ ...view, mode: 'cumulative' }] }), fonts);
    expect(cumulative.panels[0].geometry.filter((i) => i.kind === 'circle' && i.paint.fill === screen.imported)).toHaveLength(2);
  });

  it('bins 400,000 points into dots a dot wide, says so in the caption, and stays under 20 MB in every format', async () => {
    const imported = seededEvents(400_000, dayFromIso('2007-01-01'), 700, 'seeded.csv');
    const big = spec({ imported, panels: [{ ...view, mode: 'cumulative' }] });
    const scene = buildScene(atlas, big, fonts);
    const dots = scene.panels[0].geometry.filter((i) => i.kind === 'circle' && i.paint.fill === screen.imported).length;
    expect(dots).toBeLessThan(40_000);
    expect(scene.words.caption).toMatch(
      /Imported events: seeded\.csv .* [\d,]+ imported points in view are drawn as [\d,]+ dots, one per occupied cell [\d.]+ mm across\./,
    );
    for (const format of ['svg', 'pdf', 'png'] as const) expect((await makeFigure(atlas, big, format, tools)).bytes.length, format).toBeLessThan(20_000_000);
  }, 60_000);
  it('draws a dense set as density: squares coloured by their count class, keyed in the legend and named in the caption', () => {
    // 1,200 events in one spot, 5 in another, 1 alone; one outside the date.
    const columns = new EventColumns();
    const at = (lng: number, lat: number, n: number, day = '2007-12-01') => {
      for (let i = 0; i < n; i++) columns.push({ lng, lat, t0: dayFromIso(day), t1: dayFromIso(day), label: '', source: '', row: i + 2 });
    };
    at(44.4, 33.3, 1200);
    at(47.8, 30.5, 5);
    at(43.1, 36.3, 1);
    at(45.0, 35.0, 1, '2008-06-01');
    const imported = columns.finish('dense.csv');
    const scene = buildScene(atlas, spec({ imported, importedStyle: 'density' }), fonts);
    const squares = (colour: string) =>
      scene.panels[0].geometry.filter((i) => i.kind === 'path' && i.paint.fill === colour).flatMap((i) => (i as { d: string }).d.match(/M/g) ?? []).length;
    expect(densityClasses.map((c) => squares(c.colour))).toEqual([1, 1, 0, 0, 1]);
    expect(scene.panels[0].geometry.some((i) => i.kind === 'circle' && i.paint.fill === screen.imported)).toBe(false);
    const legend = texts(scene.furniture).map((t) => t.text);
    expect(legend).toContain('imported: dense.csv, events per 2 mm square: 1 event');
    for (const c of densityClasses.slice(1)) expect(legend).toContain(c.label);
    expect(scene.words.caption).toContain(
      'Drawn as density: the 1,206 imported events in view counted in 2 mm squares (3 occupied), each coloured by its count: 1 event, 2–9, 10–99, 100–999, 1,000 or more.',
    );
  });
});
