import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { dayFromIso } from '../time/instant.ts';
import { defaultView } from '../state/url.ts';
import { screen } from '../map/style/palette.ts';
import { renderSvg } from './svg.ts';

const { atlas } = loadAtlas(readRawFiles());
const view = { ...defaultView, t: dayFromIso('2007-12-16'), layers: ['events', 'control', 'context'] as const };
const request = { page: { widthMm: 174, heightMm: 120, dpi: 300 }, title: 'Iraq, 16 December 2007', caption: 'A caption & credits <test>.', furniture: { title: true, legend: true, scaleBar: true, northArrow: true, dateStamp: true, caption: true } };

describe('SVG figure', () => {
  const svg = renderSvg(atlas, { ...view, layers: [...view.layers] }, request);

  it('is the page size in millimetres, with labels as real text', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="174mm" height="120mm"')).toBe(true);
    for (const label of ['Baghdad', 'Basra', 'Mosul', 'BASRA', 'Iraq, 16 December 2007', '200 km', 'Provincial Iraqi Control']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).not.toContain('NaN');
  });

  it('colours governorates by control at the date (Basra Iraqi on 16 December 2007)', () => {
    expect(svg).toMatch(new RegExp(`data-governorate="IQ-BA" d="[^"]+" fill="${screen.control.iraqi}"`));
    expect(svg).toMatch(new RegExp(`data-governorate="IQ-BG" d="[^"]+" fill="${screen.control.coalition}"`));
  });

  it('escapes text, and gives the same bytes for the same inputs', () => {
    expect(svg).toContain('A caption &amp; credits &lt;test&gt;.');
    expect(renderSvg(atlas, { ...view, layers: [...view.layers] }, request)).toBe(svg);
  });
});
