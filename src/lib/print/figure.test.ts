// Vector figures from the scene: SVG and PDF page sizes, labels as text, control colours at the
// date, label collisions resolved, Arabic shaped, and the same bytes for the same inputs.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { dayFromIso } from '../time/instant.ts';
import { defaultView, type ViewSnapshot } from '../state/url.ts';
import { grayscaleSafe, screen } from '../map/style/palette.ts';
import { readFigureFonts } from './fonts-node.ts';
import { buildScene, type FigureSpec, type Item } from './scene.ts';
import { writeSvg } from './svg.ts';
import { pointsFromMm, writePdf } from './pdf.ts';
import { EventColumns } from '../import/events.ts';

const { atlas } = loadAtlas(readRawFiles());
const fonts = readFigureFonts();
const view: ViewSnapshot = { ...defaultView, t: dayFromIso('2007-12-16'), layers: ['events', 'control', 'context'] };
const furniture = { title: true, legend: true, scaleBar: true, northArrow: true, dateStamp: true, inset: true, caption: true, arabicNames: true };
const spec: FigureSpec = { page: { widthMm: 174, heightMm: 120, dpi: 300 }, panels: [view], title: 'Iraq, 16 December 2007', caption: 'A caption & credits <test>.', furniture, palette: screen };
const texts = (items: Item[]) => items.filter((i): i is Extract<Item, { kind: 'text' }> => i.kind === 'text');

async function pdfText(bytes: Uint8Array): Promise<{ text: string; size: number[] }> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  return { text: content.items.map((i) => ('str' in i ? i.str : '')).join('\n'), size: page.view.slice(2) };
}

describe('SVG figure', () => {
  const svg = writeSvg(buildScene(atlas, spec, fonts), 174, 120);

  it('is the page size in millimetres, with labels and furniture as real text', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="174mm" height="120mm"')).toBe(true);
    for (const label of ['Baghdad', 'Mosul', 'Basra', 'NINEVEH', 'Iraq, 16 December 2007', '200 km', 'Provincial Iraqi Control', 'نينوى']) expect(svg).toMatch(new RegExp(`>${label}</text>`));
    expect(svg).not.toContain('NaN');
  });

  it('colours governorates by control at the date (Basra Iraqi, Baghdad coalition, on 16 December 2007)', () => {
    expect(svg).toMatch(new RegExp(`data-control="IQ-BA" d="[^"]+" fill="${screen.control.iraqi}"`));
    expect(svg).toMatch(new RegExp(`data-control="IQ-BG" d="[^"]+" fill="${screen.control.coalition}"`));
    const gray = writeSvg(buildScene(atlas, { ...spec, palette: grayscaleSafe }, fonts), 174, 120);
    expect(gray).toMatch(new RegExp(`data-control="IQ-BA" d="[^"]+" fill="${grayscaleSafe.control.iraqi}"`));
  });

  it('escapes text, and gives the same bytes for the same inputs', () => {
    expect(svg).toContain('A caption &amp; credits &lt;test&gt;.');
    expect(writeSvg(buildScene(atlas, spec, fonts), 174, 120)).toBe(svg);
  });
});

describe('label placement', () => {
  it('never lets two labels overlap, and says which it left out', () => {
    // All of Iraq on a single column: crowded around Baghdad and Basra.
    const scene = buildScene(atlas, { ...spec, page: { widthMm: 85, heightMm: 80, dpi: 300 }, furniture: { ...furniture, caption: false } }, fonts);
    const labels = texts(scene.panels[0].overlay).filter((t) => t.tag?.role === 'label');
    const boxes = labels.map((t) => {
      const w = fonts.width(t.text, t.size, t.weight, t.letterSpacing ?? 0);
      const x0 = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
      return { x0, x1: x0 + w, y0: t.y - t.size * 0.8, y1: t.y + t.size * 0.25, text: t.text };
    });
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `${a.text} overlaps ${b.text}`).toBe(false);
    expect(labels.map((l) => l.text)).toContain('Baghdad');
    expect(scene.dropped.length).toBeGreaterThan(0);
  });

  it('lays out small multiples with one legend and a date on every panel', () => {
    const years = [2004, 2006, 2008, 2010].map((y) => ({ ...view, t: dayFromIso(`${y}-06-30`), mode: 'cumulative' as const }));
    const scene = buildScene(atlas, { ...spec, panels: years, columns: 2 }, fonts);
    expect(scene.panels.map((p) => [Math.round(p.x), Math.round(p.width)])).toEqual([[0, 326], [331, 326], [0, 326], [331, 326]]);
    expect(scene.panels.map((p) => texts(p.overlay).find((t) => t.text.startsWith('up to'))?.text)).toEqual(['up to 30 June 2004', 'up to 30 June 2006', 'up to 30 June 2008', 'up to 30 June 2010']);
    expect(texts(scene.furniture).filter((t) => t.text === 'Provincial Iraqi Control')).toHaveLength(1);
  });
});

describe('PDF figure', () => {
  it('is exactly the page in points, with the fonts embedded and the labels as text', async () => {
    const bytes = await writePdf(buildScene(atlas, spec, fonts), 174, 120, fonts, { title: spec.title, subject: spec.caption });
    const { text, size } = await pdfText(bytes);
    expect(size[0]).toBeCloseTo(pointsFromMm(174), 3);
    expect(size[1]).toBeCloseTo(pointsFromMm(120), 3);
    expect(pointsFromMm(210)).toBeCloseTo(595.28, 2);
    for (const label of ['Baghdad', 'Mosul', 'NINEVEH', '200 km', 'Provincial Iraqi Control', 'A caption & credits <test>.']) expect(text).toContain(label);
    const raw = new TextDecoder('latin1').decode(bytes);
    expect(raw.match(/\/FontFile2/g)?.length).toBe(3);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Regular/);
  });

  it('gives the same bytes for the same inputs', async () => {
    const scene = buildScene(atlas, spec, fonts);
    const [a, b] = await Promise.all([writePdf(scene, 174, 120, fonts, { title: 't', subject: 's' }), writePdf(scene, 174, 120, fonts, { title: 't', subject: 's' })]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('shapes Arabic: the joined forms, not the isolated letters', () => {
    const arabic = fonts.runs('نينوى', 400)[0];
    expect(arabic.face.rtl).toBe(true);
    const shaped = arabic.face.font.layout(arabic.text).glyphs.map((g) => g.id);
    const isolated = [...arabic.text].map((c) => arabic.face.font.glyphForCodePoint(c.codePointAt(0)!).id);
    // نينوى: ن ي ن و join up (initial, medial, medial, final forms); ى follows و, which never joins
    // to its left, so only ى keeps its isolated form. (The font draws dots as glyphs of their own.)
    expect(shaped.filter((id) => isolated.includes(id))).toEqual([isolated[4]]);
  });
});

describe('imported events in a figure', () => {
  it('draws the ones the date shows, inside the panel, with a legend row naming the file', () => {
    const columns = new EventColumns();
    columns.push({ lng: 44.4, lat: 33.3, t0: dayFromIso('2007-12-01'), t1: dayFromIso('2007-12-01'), label: 'in the window', source: '' });
    columns.push({ lng: 44.4, lat: 33.3, t0: dayFromIso('2005-01-01'), t1: dayFromIso('2005-01-01'), label: 'long before', source: '' });
    columns.push({ lng: 44.4, lat: 33.3, t0: dayFromIso('2008-06-01'), t1: dayFromIso('2008-06-01'), label: 'after the date', source: '' });
    const imported = columns.finish('mine.csv');
    const scene = buildScene(atlas, { ...spec, imported }, fonts);
    const dots = scene.panels[0].geometry.filter((i) => i.kind === 'circle' && i.paint.fill === screen.imported);
    expect(dots).toHaveLength(1);
    expect(texts(scene.furniture).map((t) => t.text)).toContain('imported: mine.csv');
    const cumulative = buildScene(atlas, { ...spec, imported, panels: [{ ...view, mode: 'cumulative' }] }, fonts);
    expect(cumulative.panels[0].geometry.filter((i) => i.kind === 'circle' && i.paint.fill === screen.imported)).toHaveLength(2);
  });
});
