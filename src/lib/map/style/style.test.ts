// The style is code; these tests hold it to the spec and to the atlas's promises (offline, labels
// only on symbol layers, ids from ids.ts), the way protomaps/basemaps tests its flavours.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../../data/files-node.ts';
import { loadAtlas } from '../../data/load.ts';
import { layers as layerIds } from './ids.ts';
import { screen } from './palette.ts';
import { atlasStyle } from './style.ts';

const { atlas } = loadAtlas(readRawFiles());
const style = atlasStyle(atlas, screen);

describe('atlas style', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('needs nothing from the network: no glyphs, sprite or tile URLs', () => {
    expect(style.glyphs).toBeUndefined();
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
