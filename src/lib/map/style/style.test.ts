// The style is code; these tests hold it to the spec and to the atlas's promises (offline, labels
// only on symbol layers, ids from ids.ts), the way protomaps/basemaps tests its flavours.
import { createExpression, createPropertyExpression, latest, validateStyleMin, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../../data/files-node.ts';
import { loadAtlas } from '../../data/load.ts';
import { layers as layerIds, state } from './ids.ts';
import { screen } from '../../look/palette.ts';
import { atlasStyle } from './style.ts';
import { styleAsOpened } from '../sync.ts';
import { defaultView } from '../../state/snapshot.ts';
import { leadLineImage } from '../../look/lead-line.ts';

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
  const evaluate = (property: string, control: boolean) => {
    const parsed = createExpression(label.layout[property], property, null, { [state.control]: control });
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    return parsed.value.evaluate({ zoom: 6 }, { type: 1, properties: { id: 'IQ-BA', name: 'Basra' }, geometry: [] } as never);
  };

  it("hangs the governorate's own lead line image under its name while control is shown", () => {
    expect(String(evaluate('icon-image', true))).toBe(leadLineImage('IQ-BA'));
    expect(evaluate('text-anchor', true)).toBe('bottom');
    expect(label.layout['icon-anchor']).toBe('top');
    // The name is shown without its line where the line has no room, never the line without the name.
    expect(label.layout['icon-optional']).toBe(true);
    expect(label.layout['text-optional']).toBeUndefined();
    expect(evaluate('text-field', true)).toBe('BASRA');
  });

  it('has the name alone, centred on its point, while control is hidden', () => {
    expect(String(evaluate('icon-image', false) ?? '')).toBe('');
    expect(evaluate('text-anchor', false)).toBe('center');
  });
});

describe('WebGL programs before the first frame', () => {
  // MapLibre compiles a WebGL program for each kind of drawing (a fill, a patterned fill, a line, a
  // dashed line, a circle, a label's text, a label's image) and each mix of constant and
  // per-feature paint values in it.
  // Each is tens of milliseconds of a cold load in software WebGL (issue 44): the layers drawn at
  // the opening share one program per kind.
  const opened = styleAsOpened(style, atlas, defaultView);
  // Drawn only once a place is chosen or a tour is played.
  const chosenOnly: string[] = [layerIds.selectedArea, layerIds.selectedCircle, layerIds.highlightCircle, layerIds.highlightLabel];
  const drawn = opened.layers.filter((l) => l.type !== 'background' && l.layout?.visibility !== 'none' && !chosenOnly.includes(l.id));

  const paintOf = (layer: LayerSpecification) => ((layer as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;
  const kindOf = (layer: LayerSpecification) => {
    const paint = paintOf(layer);
    return `${layer.type}${'fill-pattern' in paint ? ' pattern' : ''}${'line-dasharray' in paint ? ' dashed' : ''}`;
  };
  /** The paint values MapLibre reads per feature (vertex attributes): a program of their own. */
  const perFeature = (layer: LayerSpecification): string[] => {
    const specs = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`];
    const paint = paintOf(layer);
    const read = Object.entries(paint).filter(([name, value]) => {
      if (!Array.isArray(value) || name.endsWith('-antialias')) return false;
      const parsed = createPropertyExpression(value, `paint.${name}`, specs[name] as never, {});
      if (parsed.result !== 'success') throw new Error(`${layer.id} ${name}: ${JSON.stringify(parsed.value)}`);
      return parsed.value.kind === 'source' || parsed.value.kind === 'composite';
    });
    return read.map(([name]) => name).sort();
  };

  it('has one paint configuration per kind of drawing among the layers the opening view draws', () => {
    const configurations = new Map<string, Set<string>>();
    for (const layer of drawn) {
      // A label's text and its image are drawn by programs of their own, each from its own paint values.
      const parts =
        layer.type === 'symbol'
          ? [['symbol', 'text-'], ...((layer.layout as Record<string, unknown> | undefined)?.['icon-image'] ? [['symbol icon', 'icon-']] : [])]
          : [[kindOf(layer), '']];
      for (const [kind, prefix] of parts) {
        const names = perFeature(layer).filter((name) => name.startsWith(prefix));
        configurations.set(kind, (configurations.get(kind) ?? new Set()).add(names.join(' ')));
      }
    }
    const several = [...configurations].filter(([, set]) => set.size > 1).map(([kind, set]) => `${kind}: ${[...set].map((c) => `[${c}]`).join(' ')}`);
    expect(several).toEqual([]);
    // The opening draws each of these (and the events' own layer), no more.
    expect([...configurations.keys()].sort()).toEqual(['circle', 'fill', 'fill pattern', 'line', 'line dashed', 'symbol', 'symbol icon']);
  });

  it('tells a per-feature paint value from a constant one (the check above can fail)', () => {
    const rivers = drawn.find((l) => l.id === layerIds.riversMajor)!;
    const perFeatureWidth = { ...rivers, paint: { ...paintOf(rivers), 'line-width': ['match', ['get', 'level'], 0, 2, 1] } } as LayerSpecification;
    expect(perFeature(rivers)).toEqual([]);
    expect(perFeature(perFeatureWidth)).toEqual(['line-width']);
    expect(perFeature(drawn.find((l) => l.id === layerIds.controlFill)!)).toEqual(['fill-color']);
  });
});
