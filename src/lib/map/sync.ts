// Writes view state into a MapLibre map, one function per concern. The screen map (MapView) opens
// on styleAsOpened and then calls each from its own effect. (Figures do not use a MapLibre map:
// they draw the same state from the figure scene, src/lib/print/scene.ts.)
import type * as maplibregl from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import type { Atlas } from '../data/schema.ts';
import type { LayerName } from '../state/snapshot.ts';
import { controlAt, displacementAt } from '../time/questions.ts';
import { patternTile } from './patterns.ts';
import { layers as ids, sources, state as globalState } from './style/ids.ts';
import { leadImage, leadKeys, leadPatterns, type LeadOrGap } from '../look/leads.ts';
import { governoratesByLead } from '../state/tallies.ts';
import { leadLayer, leadState } from './style/layers.ts';
import type { Palette } from '../look/palette.ts';

/** The style layers each layer toggle shows or hides. */
export const layersOfToggle: Record<LayerName, string[]> = {
  events: [ids.eventsCircle],
  control: [ids.controlFill, ...Object.values(leadLayer)],
  displacement: [ids.displacementCircle],
  context: [
    ids.countriesFill,
    ids.lakesFill,
    ids.lakesEdge,
    ids.riversMajor,
    ids.riversMinor,
    ids.riversFaint,
    ids.coast,
    ids.countriesLabel,
    ids.waterLabel,
    ids.riversLabel,
    ids.lakesLabel,
  ],
};

/**
 * Control status and displacement at day t, as feature-state on each of the 18 governorates: the
 * status on the polygon (its fill), the figure on the label point (its circle).
 */
export function setGovernorateStates(map: maplibregl.Map, atlas: Atlas, t: number): void {
  for (const g of atlas.governorates.features) {
    const id = g.properties.id;
    const displaced = displacementAt(atlas.displacement, id, t, 'idps-since-2006');
    writeChanged(map, { source: sources.governorates, id }, { status: controlAt(atlas.control, id, t)?.status ?? 'none' });
    writeChanged(map, { source: sources.governorateLabels, id }, { hasData: displaced?.value != null, displaced: displaced?.value ?? 0 });
  }
}

/**
 * Feature-state written only where it changes: status and figures change a few times a year, and
 * each write makes MapLibre rebuild the paint data of the tiles that hold the feature.
 */
function writeChanged(map: maplibregl.Map, feature: { source: string; id: string }, next: Record<string, string | number | boolean>): void {
  const current = map.getFeatureState(feature);
  if (Object.entries(next).some(([key, value]) => current[key] !== value)) map.setFeatureState(feature, next);
}

/**
 * Which governorates each lead held (governoratesByLead), as four global-state lists the
 * governorate labels read; empty while control is hidden, so the labels name the leads only then.
 */
function leadLists(held: Record<LeadOrGap, string[]>, shown: boolean): Record<string, string[]> {
  return Object.fromEntries((Object.keys(held) as LeadOrGap[]).map((lead) => [leadState[lead], shown ? held[lead] : []]));
}

/**
 * The leads on day t: as feature-state `lead` on each governorate, which the lead patterns read
 * (a paint value: a change is drawn in the next frame), and as the labels' lists (their text: a
 * change lays the labels out again). Until issue 44 the patterns filtered on the lists too, and
 * a step that changed a lead laid the governorates out again as well: two to four frames.
 */
export function setLeads(map: maplibregl.Map, atlas: Atlas, t: number, shown: boolean): void {
  const held = governoratesByLead(atlas, t);
  const leadOf = new Map((Object.keys(held) as LeadOrGap[]).flatMap((lead) => held[lead].map((id) => [id, lead] as const)));
  for (const g of atlas.governorates.features)
    writeChanged(map, { source: sources.governorates, id: g.properties.id }, { lead: leadOf.get(g.properties.id) ?? '' });
  for (const [key, ids] of Object.entries(leadLists(held, shown))) {
    // A lead changes a few times a year: write (and so lay the labels out again) only when its list does.
    const current = map.getGlobalState()[key] as string[] | undefined;
    if (current?.join() !== ids.join()) map.setGlobalStateProperty(key, ids);
  }
}

/**
 * The place chosen, and the governorates that outline it: the governorate itself, or a region's
 * members; a governorate chosen by its id, by itself.
 */
function selectionState(atlas: Atlas, placeId: string | null): Record<string, unknown> {
  const place = atlas.places.find((p) => p.id === placeId);
  const governorate = atlas.governorates.features.find((g) => g.properties.id === placeId);
  const areas = governorate
    ? [governorate.properties.id]
    : place?.properties.kind === 'governorate'
      ? [place.properties.governorate]
      : place?.properties.kind === 'region'
        ? (place.properties.members ?? [])
        : [];
  return { [globalState.selected]: placeId ?? '', [globalState.selectedAreas]: areas };
}

export function setSelection(map: maplibregl.Map, atlas: Atlas, placeId: string | null): void {
  for (const [key, value] of Object.entries(selectionState(atlas, placeId))) map.setGlobalStateProperty(key, value);
}

/**
 * The style as the view opens: each toggle's layers shown or hidden, and the leads and the
 * selection of the opening day written in as the global state's defaults. The map's first writes
 * then change nothing; each that did (a layer's visibility, a filter's global state) made MapLibre
 * lay out that layer's whole source a second time, just after its first (on 3 December that
 * was a quarter to a third of a cold load).
 */
export function styleAsOpened(style: StyleSpecification, atlas: Atlas, view: { t: number; layers: LayerName[]; place: string | null }): StyleSpecification {
  const hidden = new Set(
    (Object.entries(layersOfToggle) as [LayerName, string[]][]).flatMap(([name, layerIds]) => (view.layers.includes(name) ? [] : layerIds)),
  );
  const opening = { ...leadLists(governoratesByLead(atlas, view.t), view.layers.includes('control')), ...selectionState(atlas, view.place) };
  return {
    ...style,
    state: Object.fromEntries(Object.entries(style.state ?? {}).map(([key, entry]) => [key, key in opening ? { default: opening[key] } : entry])),
    layers: style.layers.map((layer) => (hidden.has(layer.id) ? { ...layer, layout: { ...layer.layout, visibility: 'none' } } : layer) as typeof layer),
  };
}

export function setLayerVisibility(map: maplibregl.Map, shown: LayerName[]): void {
  for (const [name, layerIds] of Object.entries(layersOfToggle) as [LayerName, string[]][]) {
    const visibility = shown.includes(name) ? 'visible' : 'none';
    // Unset reads as visible: writing 'visible' over it would make MapLibre lay out the layer's
    // whole source again.
    for (const id of layerIds) if ((map.getLayoutProperty(id, 'visibility') ?? 'visible') !== visibility) map.setLayoutProperty(id, 'visibility', visibility);
  }
}

/** The leads' patterns are drawn in code when the style first asks for them (no sprite server). */
export function providePatterns(map: maplibregl.Map, palette: Palette): void {
  const tiles = new Map(leadKeys.map((lead) => [leadImage(lead), () => patternTile(leadPatterns[lead], palette.leadPattern)]));
  map.setMissingStyleImageResolver((id) => {
    const tile = tiles.get(id);
    if (tile && !map.hasImage(id)) map.addImage(id, tile(), { pixelRatio: 2 });
  });
}
