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
import { leadImage, leadKeys, leadPatterns } from '../look/leads.ts';
import { leadsOn } from '../state/tallies.ts';
import { leadLayer } from './style/layers.ts';
import { LEAD_LINES_FILE, LeadLines } from './lead-lines.ts';
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
 * The leads on day t: as feature-state `lead` on each governorate, which the lead patterns read,
 * and as the words under each name (lead-lines.ts): both paint, drawn in the step's one frame.
 * Until issue 44 the patterns filtered on global-state lists, and until December 2026 the names'
 * second line read them: a step that changed a lead laid the labels out again, 2 to 4 frames.
 */
export function setLeads(map: maplibregl.Map, atlas: Atlas, t: number, words: Pick<LeadLines, 'show'>): void {
  for (const [id, lead] of leadsOn(atlas, t)) {
    writeChanged(map, { source: sources.governorates, id }, { lead: lead ?? '' });
    words.show(id, lead);
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
 * The style as the view opens: each toggle's layers shown or hidden, and whether control is shown
 * and the selection written in as the global state's defaults. The map's first writes
 * then change nothing; each that did (a layer's visibility, a filter's global state) made MapLibre
 * lay out that layer's whole source a second time, just after its first (on 3 December that
 * was a quarter to a third of a cold load).
 */
export function styleAsOpened(style: StyleSpecification, atlas: Atlas, view: { t: number; layers: LayerName[]; place: string | null }): StyleSpecification {
  const hidden = new Set(
    (Object.entries(layersOfToggle) as [LayerName, string[]][]).flatMap(([name, layerIds]) => (view.layers.includes(name) ? [] : layerIds)),
  );
  const opening: Record<string, unknown> = { [globalState.control]: view.layers.includes('control'), ...selectionState(atlas, view.place) };
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
  // The governorates' names carry their leads while control is shown (style/layers.ts).
  if (map.getGlobalState()[globalState.control] !== shown.includes('control')) map.setGlobalStateProperty(globalState.control, shown.includes('control'));
}

/**
 * The map's images, made when the style first asks for them (no sprite server): the leads'
 * patterns, drawn in code, and the leads' words under the names (lead-lines.ts), read from beside
 * the glyph ranges and opened on day t; returned for setLeads. A file that fails goes to onError.
 */
export function provideImages(map: maplibregl.Map, palette: Palette, atlas: Atlas, t: number, onError: (error: Error) => void): LeadLines {
  const words = new LeadLines(map, new URL(`glyphs/${LEAD_LINES_FILE}`, document.baseURI).href, onError);
  for (const [id, lead] of leadsOn(atlas, t)) words.show(id, lead);
  const tiles = new Map(leadKeys.map((lead) => [leadImage(lead), () => patternTile(leadPatterns[lead], palette.leadPattern)]));
  map.setMissingStyleImageResolver((id) => {
    const tile = tiles.get(id);
    if (tile && !map.hasImage(id)) map.addImage(id, tile(), { pixelRatio: 2 });
    return words.provide(id) ?? undefined;
  });
  return words;
}
