// Map-ready FeatureCollections derived from the atlas: flat properties that style expressions can read.
import type { Atlas, AtlasEvent, PlaceKind, Precision } from './schema.ts';
import { shownSpan } from '../time/window.ts';

export interface PlaceAnchorProperties {
  id: string;
  name: string;
  kind: PlaceKind;
  precision: Precision;
  events: number;
  quotes: number;
}

/** One point per place, where its symbol and label go. */
export function placeAnchors(atlas: Atlas): GeoJSON.FeatureCollection<GeoJSON.Point, PlaceAnchorProperties> {
  return {
    type: 'FeatureCollection',
    features: atlas.places.map((place) => ({
      type: 'Feature',
      id: place.id,
      geometry: { type: 'Point', coordinates: place.anchor },
      properties: {
        id: place.id,
        name: place.properties.name,
        kind: place.properties.kind,
        precision: place.properties.precision,
        events: place.properties.events.length,
        quotes: place.properties.quotes.length,
      },
    })),
  };
}

/** Governorate names at Natural Earth's label points. */
export function governorateLabelPoints(atlas: Atlas): GeoJSON.FeatureCollection<GeoJSON.Point, { id: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: atlas.governorates.features.map((g) => ({
      type: 'Feature',
      id: g.properties.id,
      geometry: { type: 'Point', coordinates: g.properties.label },
      properties: { id: g.properties.id, name: g.properties.name },
    })),
  };
}

/** Neighbouring countries' names at the label points the build computed (one per country). */
export function countryLabelPoints(atlas: Atlas): GeoJSON.FeatureCollection<GeoJSON.Point, { name: string }> {
  return {
    type: 'FeatureCollection',
    features: atlas.context.countries.features
      .filter((c) => !c.properties?.iraq && Array.isArray(c.properties?.label))
      .map((c) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: c.properties!.label }, properties: { name: c.properties!.name } })),
  };
}

/** The places that have a line or area of their own (a route, a border), for drawing that shape. */
export function placeShapes(atlas: Atlas): GeoJSON.FeatureCollection<GeoJSON.Geometry, { id: string; name: string; kind: PlaceKind; precision: Precision }> {
  return {
    type: 'FeatureCollection',
    features: atlas.places
      .filter((place) => place.geometry && place.geometry.type !== 'Point')
      .map((place) => ({
        type: 'Feature',
        id: place.id,
        geometry: place.geometry!,
        properties: { id: place.id, name: place.properties.name, kind: place.properties.kind, precision: place.properties.precision },
      })),
  };
}

export interface EventFilters {
  /** Only events citing one of these texts; empty = all. */
  texts: string[];
  /** Only events carrying one of these tags; empty = all. */
  tags: string[];
}

/**
 * One point per event, at its place, with the numbers the time filter compares. Events of a
 * country place (Iraq as a whole, a neighbour) have no point that would not mislead: they are
 * listed beside the map, not drawn on it.
 */
/**
 * An event the map, the figures and the list draw as uncertain (an open ring, faded by how much of
 * its span is in view): not dated to the day, dated about a day, or at a place the text only implies.
 */
export const drawnUncertain = (e: AtlasEvent): boolean => e.precision !== 'day' || e.approximate || e.placeImplied !== undefined;

export function eventPoints(atlas: Atlas, filters: EventFilters = { texts: [], tags: [] }): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const anchors = new Map(atlas.places.filter((p) => p.properties.kind !== 'country').map((p) => [p.id, p.anchor]));
  return {
    type: 'FeatureCollection',
    features: atlas.events
      .filter((e) => anchors.has(e.placeId))
      .filter((e) => !filters.texts.length || e.sources.some((s) => filters.texts.includes(s.doc)))
      .filter((e) => !filters.tags.length || e.tags.some((t) => filters.tags.includes(t)))
      .map((e) => ({
        type: 'Feature',
        id: e.id,
        geometry: { type: 'Point', coordinates: anchors.get(e.placeId)! },
        properties: { id: e.id, placeId: e.placeId, title: e.title, ...shownSpan(e), uncertain: drawnUncertain(e) },
      })),
  };
}
