// The style is code; these tests hold it to the spec and to the atlas's promises (offline, labels
// only on symbol layers, ids from ids.ts), the way protomaps/basemaps tests its flavours.
import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../../data/files-node.ts';
import { loadAtlas } from '../../data/load.ts';
import { layers as layerIds, state } from './ids.ts';
import { screen } from '../../look/palette.ts';
import { atlasStyle } from './style.ts';

const { atlas } = loadAtlas(readRawFiles());
const style = atlasStyle(atlas, screen);

describe('atlas style', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('needs nothing from the network: no sprite or tile URLs, and glyphs only where the map says', () => {
    expect(style.glyphs).toBeUndefined();
    expect(atlasStyle(atlas, screen, 'http://127.0.0.1/glyphs/{fontstack}/{range}.pbf').glyphs).toBe('http://127.0.0.1/glyphs/{fontstack}/{range}.pbf');
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
  });

  it('draws labels only from symbol layers, in the bundled font', () => {
    for (const layer of style.layers) {
      const layout = (layer as { layout?: Record<string, unknown> }).layout ?? {};
      if ('text-field' in layout) {
        expect(layer.type).toBe('symbol');
        expect(layout['text-font']).toEqual(['Noto Sans']);
      }
    }
  });

  it('uses only the layer ids declared in ids.ts, each once', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => (Object.values(layerIds) as string[]).includes(id))).toBe(true);
  });
});

describe('the lead under a governorate name', () => {
  const label = style.layers.find((l) => l.id === layerIds.governoratesLabel) as { layout: Record<string, unknown> };
  const text = (globals: Record<string, unknown>, id: string) => {
    const parsed = createExpression(label.layout['text-field'], 'text-field', null, globals);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const formatted = parsed.value.evaluate({ zoom: 6 }, { type: 1, properties: { id, name: 'Basra' }, geometry: [] } as never) as {
      sections: { text: string }[];
    };
    return formatted.sections.map((s) => s.text).join('');
  };
  const none = { [state.leadUs]: [], [state.leadUk]: [], [state.leadPl]: [], [state.leadKr]: [], [state.leadUnknown]: [] };

  it('names the lead nation of a coalition governorate, and the gap where no source names one', () => {
    expect(text({ ...none, [state.leadUk]: ['IQ-BA'] }, 'IQ-BA')).toBe('BASRA\nUK-led');
    expect(text({ ...none, [state.leadUnknown]: ['IQ-BA'] }, 'IQ-BA')).toBe('BASRA\nlead: no data');
  });

  it('adds nothing where the governorate is in no coalition list (Iraqi control, or control hidden)', () => {
    expect(text({ ...none, [state.leadUk]: ['IQ-MA'] }, 'IQ-BA')).toBe('BASRA');
  });
});
