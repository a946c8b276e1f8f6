// Layer functions: (source id, palette) → layer specifications (protomaps/basemaps style).
// https://maplibre.org/maplibre-style-spec/layers/
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { layers as ids, state } from './ids.ts';
import { displacedOpacity, displacementScale, NO_DATA_RADIUS } from '../../look/displacement.ts';
import { leadImage, leadKeys, leadPatternOpacity, type LeadKey } from '../../look/leads.ts';
import { GOVERNORATE_LETTER_SPACING, LEAD_SCALE, leadLineImage } from '../../look/lead-line.ts';
import { labelFont, type Palette } from '../../look/palette.ts';
import { widths, type ZoomStops } from '../../look/sizes.ts';

/** A width that follows the zoom, from its stops in sizes.ts (which the figures read too). */
const byZoom = ([z0, w0, z1, w1]: ZoomStops): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], z0, w0, z1, w1];

const halo = (p: Palette) => ({ 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2 });

/**
 * For fills whose edge a line layer draws anyway (governorate lines, borders, the coast): no
 * antialiased outline of their own. Each fill configuration's outline is one more WebGL program
 * to compile before the first frame, the largest part of a cold load in software WebGL (issue 16).
 */
const edgeDrawnByLine = { 'fill-antialias': false } as const;

/**
 * A colour that is the same for every feature, written as an expression that reads the feature.
 * MapLibre compiles one WebGL program for each mix of constant and per-feature paint values in a
 * layer type: the control fill's colour (by status) is per-feature, so the plain fills, written
 * this way, share its program instead of compiling one more before the first frame (issue 44).
 * The labels' colours are all constant: one program for their text, one for the leads' words.
 */
const perFeature = (colour: string): ExpressionSpecification => ['case', ['has', 'id'], colour, colour];

/** The neighbouring countries' land (Iraq's is drawn by its governorates). */
export function neighbourLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    { id: ids.countriesFill, type: 'fill', source, filter: ['!', ['get', 'iraq']], paint: { 'fill-color': perFeature(p.neighbour), ...edgeDrawnByLine } },
  ];
}

/**
 * Lakes, rivers and coast, drawn over all land. Rivers are three layers, one per width and
 * opacity, rather than one whose width and opacity follow each river's level: per-feature line
 * widths would compile a second line program before the first frame (issue 44).
 */
export function waterLayers(src: { coast: string; rivers: string; lakes: string }, p: Palette): LayerSpecification[] {
  // The named courses repeat parts of the network for their labels; draw the network only.
  const level = (levels: number[]): ExpressionSpecification => ['in', ['get', 'level'], ['literal', levels]];
  const river = (id: string, levels: ExpressionSpecification, width: ZoomStops, opacity: number | ExpressionSpecification = 1): LayerSpecification => ({
    id,
    type: 'line',
    source: src.rivers,
    filter: ['all', ['!', ['get', 'named']], levels],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': p.river, 'line-width': byZoom(width), 'line-opacity': opacity },
  });
  return [
    // The lake's edge is a thin line of its own colour, not the fill's antialiased outline (a
    // program of its own, compiled only for this layer).
    { id: ids.lakesFill, type: 'fill', source: src.lakes, paint: { 'fill-color': perFeature(p.water), ...edgeDrawnByLine } },
    { id: ids.lakesEdge, type: 'line', source: src.lakes, paint: { 'line-color': p.water, 'line-width': 1 } },
    // WDBII level 0–1 (double-lined and major) rivers are drawn heavier than level 2–3, and
    // level 3 fainter while zoomed out; a river of no known level is drawn as a minor one.
    river(ids.riversFaint, level([3]), widths.minorRiver, ['interpolate', ['linear'], ['zoom'], 4, 0.5, 7, 1]),
    river(ids.riversMinor, ['!', level([0, 1, 3])], widths.minorRiver),
    river(ids.riversMajor, level([0, 1]), widths.majorRiver),
    { id: ids.coast, type: 'line', source: src.coast, paint: { 'line-color': p.river, 'line-width': byZoom(widths.coast) } },
  ];
}

/** Borders drawn over the governorates, so Iraq's national border reads above its internal ones. */
export function countryBorderLayers(source: string, p: Palette): LayerSpecification[] {
  return [{ id: ids.countriesBorder, type: 'line', source, paint: { 'line-color': p.countryBorder, 'line-width': byZoom(widths.countryBorder) } }];
}

export function contextLabelLayers(src: { countryLabels: string; rivers: string; lakes: string; waterLabels: string }, p: Palette): LayerSpecification[] {
  return [
    {
      id: ids.countriesLabel,
      type: 'symbol',
      source: src.countryLabels,
      layout: { 'text-field': ['upcase', ['get', 'name']], 'text-font': [labelFont], 'text-size': 13, 'text-letter-spacing': 0.25, 'text-max-width': 8 },
      paint: { 'text-color': p.neighbourLabel, ...halo(p) },
    },
    {
      id: ids.waterLabel,
      type: 'symbol',
      source: src.waterLabels,
      layout: { 'text-field': ['get', 'name'], 'text-font': [labelFont], 'text-size': 12, 'text-max-width': 6, 'text-letter-spacing': 0.1 },
      paint: { 'text-color': p.waterLabel, ...halo(p) },
    },
    {
      id: ids.riversLabel,
      type: 'symbol',
      source: src.rivers,
      filter: ['get', 'named'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [labelFont],
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 9, 9, 13],
        'symbol-placement': 'line',
        // Close spacing gives a label several chances to find a straight, uncrowded stretch.
        'symbol-spacing': 120,
        'text-padding': 0,
        'text-letter-spacing': 0.08,
        'text-max-angle': 60,
      },
      paint: { 'text-color': p.waterLabel, ...halo(p) },
    },
    {
      id: ids.lakesLabel,
      type: 'symbol',
      source: src.lakes,
      filter: ['has', 'name'],
      layout: { 'text-field': ['get', 'name'], 'text-font': [labelFont], 'text-size': 11, 'text-max-width': 6 },
      paint: { 'text-color': p.waterLabel, ...halo(p) },
    },
  ];
}

export function governorateFillLayers(source: string, p: Palette): LayerSpecification[] {
  return [{ id: ids.governoratesFill, type: 'fill', source, paint: { 'fill-color': perFeature(p.land), ...edgeDrawnByLine } }];
}

export function governorateLineLayers(source: string, p: Palette): LayerSpecification[] {
  return [{ id: ids.governoratesLine, type: 'line', source, paint: { 'line-color': p.governorateLine, 'line-width': byZoom(widths.governorateLine) } }];
}

/**
 * Governorate names, and under each, while control is shown, who led it if it was a coalition
 * sector on the slider's date ("UK-led", "lead: no data"): the name sits on the label's point and
 * the lead's words hang under it, an image of the same symbol (lead-lines.ts), never shown without
 * the name, and a lead that changes changes the image's pixels, not the layout.
 */
export function governorateLabelLayers(source: string, p: Palette): LayerSpecification[] {
  const control = global(state.control);
  const size = (scale: number) => ['interpolate', ['linear'], ['zoom'], 4, 9 * scale, 8, 13 * scale] as ExpressionSpecification;
  return [
    {
      id: ids.governoratesLabel,
      type: 'symbol',
      // Labels sit on Natural Earth's label point, carried as a point source beside the polygons.
      source,
      layout: {
        'text-field': ['upcase', ['get', 'name']],
        'text-font': [labelFont],
        'text-size': size(1),
        'text-letter-spacing': GOVERNORATE_LETTER_SPACING,
        'text-max-width': 7,
        'text-anchor': ['case', control, 'bottom', 'center'],
        'icon-image': ['case', control, ['concat', leadLineImage(''), ['get', 'id']], ''],
        'icon-anchor': 'top',
        // Where the line has no room the name is shown without it (the pattern and the legend
        // still say the lead); a line that has room never shows without its name.
        'icon-optional': true,
        // The image is drawn at MapLibre's 24 px em: this size sets the words at LEAD_SCALE of the name's.
        'icon-size': size(LEAD_SCALE / 24),
      },
      paint: {
        'text-color': p.governorateLabel,
        ...halo(p),
        'icon-color': p.leadPattern,
        'icon-halo-color': p.labelHalo,
        'icon-halo-width': halo(p)['text-halo-width'],
      },
    },
  ];
}

/** Symbol colour by place kind. */
function kindColour(p: Palette): ExpressionSpecification {
  return ['match', ['get', 'kind'], 'city', p.city, 'district', p.district, 'site', p.site, 'governorate', p.area, 'region', p.area, p.other];
}

/**
 * Governorate, region and country places are areas the base map already draws and names; a dot
 * and a second label on top of them would only repeat it. They are reached from the place list.
 */
const pointLikePlaces: ExpressionSpecification = ['match', ['get', 'kind'], ['governorate', 'region', 'country'], false, true];
/** Routes and borders are drawn as lines (placeShapeLayers); their label stays at the line's middle. */
const dotPlaces: ExpressionSpecification = ['match', ['get', 'kind'], ['governorate', 'region', 'country', 'route', 'border'], false, true];

/** Places with a line of their own; a line drawn by hand (approximate) is dashed. */
export function placeShapeLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    {
      id: ids.placeLines,
      type: 'line',
      source,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': p.other,
        'line-width': 2,
        'line-dasharray': ['match', ['get', 'precision'], 'approximate', ['literal', [2, 2]], ['literal', [1, 0]]],
      },
    },
  ];
}

export function placeLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    {
      id: ids.placesCircle,
      type: 'circle',
      source,
      filter: dotPlaces,
      // A site drawn approximately at its city's point must not hide the city's dot.
      layout: { 'circle-sort-key': ['match', ['get', 'kind'], 'city', 3, 'district', 2, 1] },
      paint: {
        'circle-color': kindColour(p),
        // Cities are the largest marks; a point that stands for an area is drawn hollow-ish.
        'circle-radius': ['match', ['get', 'kind'], 'city', 5.5, 'governorate', 7, 4.5],
        'circle-opacity': ['match', ['get', 'precision'], 'area', 0.55, 1],
        'circle-stroke-color': p.symbolStroke,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: ids.placesLabel,
      type: 'symbol',
      source,
      // A tour chapter's ringed places are labelled by the layer below, always.
      filter: ['all', pointLikePlaces, ['!', ['in', ['get', 'id'], global(state.highlighted)]]],
      layout: {
        // Where labels compete, cities win, then districts and sites, then areas: a site drawn
        // approximately at its city's point must not take the city's label away.
        'symbol-sort-key': ['match', ['get', 'kind'], 'city', 0, 'district', 1, 'site', 2, 'governorate', 3, 'region', 4, 5],
        'text-field': ['get', 'name'],
        'text-font': [labelFont],
        'text-size': ['match', ['get', 'kind'], 'city', 13, 12],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.7,
        'text-justify': 'auto',
        'text-padding': 1,
      },
      paint: { 'text-color': p.placeLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
    },
    {
      // A ringed place is always named: its label may overlap others, and is placed first (top layer).
      id: ids.highlightLabel,
      type: 'symbol',
      source,
      filter: ['in', ['get', 'id'], global(state.highlighted)],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [labelFont],
        'text-size': 13,
        'text-allow-overlap': true,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 1.3,
        'text-justify': 'auto',
      },
      paint: { 'text-color': p.selected, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.8 },
    },
  ];
}

const global = (key: string) => ['global-state', key] as unknown as ExpressionSpecification;

/** Province control, coloured by the status the app writes into each governorate's feature-state. */
export function controlLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    {
      id: ids.controlFill,
      type: 'fill',
      source,
      paint: {
        'fill-color': [
          'match',
          ['coalesce', ['feature-state', 'status'], 'none'],
          'coalition',
          p.control.coalition,
          'iraqi',
          p.control.iraqi,
          'krg',
          p.control.krg,
          'security-agreement',
          p.control['security-agreement'],
          p.land,
        ],
        'fill-opacity': 0.85,
        ...edgeDrawnByLine,
      },
    },
    // Each lead's pattern where the governorate's feature-state names that lead (sync.ts setLeads):
    // a change of lead is a paint value, drawn in the next frame, not a filter that lays the
    // governorates out again. A governorate of another lead is not drawn (MapLibre drops a fill's
    // vertices below 1% opacity).
    ...leadKeys.map((lead): LayerSpecification => ({
      id: leadLayer[lead],
      type: 'fill',
      source,
      paint: {
        'fill-pattern': leadImage(lead),
        'fill-opacity': ['case', ['==', ['feature-state', 'lead'], lead], leadPatternOpacity, 0],
        ...edgeDrawnByLine,
      },
    })),
  ];
}

export const leadLayer: Record<LeadKey, string> = {
  us: ids.controlLeadUs,
  uk: ids.controlLeadUk,
  pl: ids.controlLeadPl,
  kr: ids.controlLeadKr,
};

/**
 * Displacement: a circle at each governorate's label point, its area proportional to the people
 * displaced there since February 2006 (feature-state written per date), or a small hollow ring
 * where no source gives a figure (displacement.ts).
 */
export function displacementLayers(labelSource: string, p: Palette): LayerSpecification[] {
  const hasData: ExpressionSpecification = ['boolean', ['feature-state', 'hasData'], false];
  const { radius, reference } = displacementScale;
  return [
    {
      id: ids.displacementCircle,
      type: 'circle',
      source: labelSource,
      paint: {
        'circle-radius': ['case', hasData, ['*', radius, ['sqrt', ['/', ['coalesce', ['feature-state', 'displaced'], 0], reference]]], NO_DATA_RADIUS],
        'circle-color': p.displaced,
        'circle-opacity': ['case', hasData, displacedOpacity, 0],
        'circle-stroke-color': ['case', hasData, p.displaced, p.displacedNoData],
        'circle-stroke-width': 1.3,
      },
    },
  ];
}

/** The selected place: its governorates outlined (a governorate or region place), or its dot ringed. */
export function selectionLayers(areaSource: string, pointSource: string, p: Palette): LayerSpecification[] {
  return [
    {
      id: ids.selectedArea,
      type: 'line',
      source: areaSource,
      filter: ['in', ['get', 'id'], global(state.selectedAreas)],
      paint: { 'line-color': p.selected, 'line-width': 3 },
    },
    {
      id: ids.selectedCircle,
      type: 'circle',
      source: pointSource,
      filter: ['==', ['get', 'id'], global(state.selected)],
      paint: { 'circle-radius': 11, 'circle-opacity': 0, 'circle-stroke-color': p.selected, 'circle-stroke-width': 3 },
    },
    // A tour chapter's places.
    {
      id: ids.highlightCircle,
      type: 'circle',
      source: pointSource,
      filter: ['in', ['get', 'id'], global(state.highlighted)],
      paint: { 'circle-radius': 15, 'circle-color': p.selected, 'circle-opacity': 0.15, 'circle-stroke-color': p.selected, 'circle-stroke-width': 2 },
    },
  ];
}
