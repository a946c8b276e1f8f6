// The events as GeoJSON (issue 42): a FeatureCollection, one Point an event at its place's
// coordinates, with the CSV's fields as properties (figures as figure_<measure>). RFC 7946:
// longitude first, WGS 84. Pure.
import type { EventRow } from './rows.ts';

export function eventsGeojson(rows: EventRow[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: rows.map(({ figures, longitude, latitude, ...rest }) => ({
      type: 'Feature',
      id: rest.id,
      geometry: { type: 'Point', coordinates: [longitude, latitude] },
      properties: { ...rest, ...Object.fromEntries(Object.entries(figures).map(([m, v]) => [`figure_${m}`, v])) },
    })),
  };
}
