// The map opens on the view already written into its style, so the effects' first writes change
// nothing: each that did made MapLibre lay out a whole source again before the first idle map.
import type * as maplibregl from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { defaultView, type LayerName } from '../state/snapshot.ts';
import { dayFromIso } from '../time/day.ts';
import { screen } from '../look/palette.ts';
import { atlasStyle } from './style/style.ts';
import { layers as ids, state } from './style/ids.ts';
import { setLayerVisibility, setLeads, setSelection, styleAsOpened } from './sync.ts';
import type { LeadOrGap } from '../look/leads.ts';

const { atlas } = loadAtlas(readRawFiles());

/**
 * A map that holds a style's visibility, global state and feature-state as MapLibre does, and
 * counts the writes that lay a source out again (visibility, global state; feature-state is paint).
 */
function fakeMap(style: maplibregl.StyleSpecification) {
  const visibility = new Map(style.layers.map((l) => [l.id, (l as { layout?: { visibility?: string } }).layout?.visibility]));
  const global: Record<string, unknown> = Object.fromEntries(Object.entries(style.state ?? {}).map(([key, entry]) => [key, entry.default]));
  const writes: string[] = [];
  const featureState = new Map<string, Record<string, unknown>>();
  const map = {
    getFeatureState: ({ source, id }: { source: string; id: string }) => featureState.get(`${source} ${id}`) ?? {},
    setFeatureState: ({ source, id }: { source: string; id: string }, state: Record<string, unknown>) =>
      featureState.set(`${source} ${id}`, { ...featureState.get(`${source} ${id}`), ...state }),
    getLayoutProperty: (id: string) => visibility.get(id),
    setLayoutProperty: (id: string, _name: string, value: string) => {
      // The events' custom layer is added once the style has loaded; hiding it lays out no source.
      if (id !== ids.eventsCircle) writes.push(`${id}=${value}`);
      visibility.set(id, value);
    },
    getGlobalState: () => global,
    setGlobalStateProperty: (key: string, value: unknown) => {
      // MapLibre reloads only on a change (deepEqual); so does this count.
      if (JSON.stringify(global[key]) !== JSON.stringify(value)) writes.push(key);
      global[key] = value;
    },
  };
  return { map: map as unknown as maplibregl.Map, writes, visibility, global, featureState };
}

/** The words under the names as the map would draw them (lead-lines.ts): each governorate's lead as last shown. */
function fakeWords() {
  const shown = new Map<string, LeadOrGap | null>();
  return { words: { show: (governorate: string, lead: LeadOrGap | null) => void shown.set(governorate, lead) }, shown };
}

const views: { name: string; t: number; layers: LayerName[]; place: string | null }[] = [
  { name: 'the default view', t: defaultView.t, layers: [...defaultView.layers], place: null },
  { name: 'control hidden, displacement shown, a region chosen', t: dayFromIso('2004-06-01'), layers: ['events', 'displacement'], place: 'kurdistan' },
  { name: 'events hidden, a governorate chosen by its id, on the invasion', t: dayFromIso('2003-03-20'), layers: ['control', 'context'], place: 'IQ-BA' },
];

describe('the style as the view opens it', () => {
  for (const view of views) {
    it(`leaves the first writes nothing to change: ${view.name}`, () => {
      const { map, writes } = fakeMap(styleAsOpened(atlasStyle(atlas, screen), atlas, view));
      setLayerVisibility(map, view.layers);
      setLeads(map, atlas, view.t, fakeWords().words);
      setSelection(map, atlas, view.place);
      expect(writes).toEqual([]);
    });
  }

  it('lays nothing out again when a step changes a lead: the patterns and the words are paint', () => {
    const { map, writes, featureState } = fakeMap(styleAsOpened(atlasStyle(atlas, screen), atlas, views[0]));
    const { words, shown } = fakeWords();
    // Basra: UK-led in 2006, in Iraqi control from 16 December 2007 (geo/control.json).
    setLeads(map, atlas, dayFromIso('2006-11-14'), words);
    expect(shown.get('IQ-BA')).toBe('uk');
    setLeads(map, atlas, dayFromIso('2008-06-01'), words);
    expect(shown.get('IQ-BA')).toBeNull();
    expect(featureState.get('governorates IQ-BA')).toEqual({ lead: '' });
    expect(writes).toEqual([]);
  });

  it('hides the layers of each toggle that is off, and writes whether control is shown and the selection in', () => {
    const { visibility, global } = fakeMap(styleAsOpened(atlasStyle(atlas, screen), atlas, views[1]));
    expect(visibility.get(ids.controlFill)).toBe('none');
    expect(visibility.get(ids.countriesFill)).toBe('none');
    expect(visibility.get(ids.displacementCircle)).toBeUndefined();
    expect(visibility.get(ids.placesCircle)).toBeUndefined();
    expect(global[state.selected]).toBe('kurdistan');
    expect(global[state.selectedAreas]).toEqual(['IQ-AR', 'IQ-DA', 'IQ-SU']);
    // Control hidden: the names carry no leads.
    expect(global[state.control]).toBe(false);
    expect(fakeMap(styleAsOpened(atlasStyle(atlas, screen), atlas, views[2])).global[state.control]).toBe(true);
  });

  it('writes what changed when the view moves on from where it opened', () => {
    const { map, writes, global } = fakeMap(styleAsOpened(atlasStyle(atlas, screen), atlas, views[0]));
    setLayerVisibility(map, ['events', 'displacement', 'context']);
    setSelection(map, atlas, 'kurdistan');
    expect(writes).toContain(`${ids.controlFill}=none`);
    expect(writes).toContain(`${ids.displacementCircle}=visible`);
    expect(writes).toContain(state.selectedAreas);
    // Hiding control takes the leads off the names (their layout: a toggle, not a step).
    expect(writes).toContain(state.control);
    expect(global[state.control]).toBe(false);
    expect(global[state.selectedAreas]).toEqual(['IQ-AR', 'IQ-DA', 'IQ-SU']);
  });

  it('gives each governorate its lead as feature-state, which the patterns draw by, and as the words under its name', () => {
    const { map, featureState } = fakeMap(styleAsOpened(atlasStyle(atlas, screen), atlas, views[0]));
    const { words, shown } = fakeWords();
    setLeads(map, atlas, dayFromIso('2006-11-14'), words);
    expect(featureState.get('governorates IQ-BA')).toEqual({ lead: 'uk' });
    expect(shown.get('IQ-BA')).toBe('uk');
    // Erbil in the Korean-led sector in 2005 (geo/control.json); a governorate in Iraqi control leads none.
    setLeads(map, atlas, dayFromIso('2005-06-01'), words);
    expect(featureState.get('governorates IQ-AR')).toEqual({ lead: 'kr' });
    expect(shown.get('IQ-AR')).toBe('kr');
    setLeads(map, atlas, dayFromIso('2011-06-01'), words);
    expect(featureState.get('governorates IQ-BA')).toEqual({ lead: '' });
    expect(shown.get('IQ-BA')).toBeNull();
    expect(shown.size).toBe(atlas.governorates.features.length);
  });
});
