// How close the map comes. Natural Earth's outlines and GSHHG's rivers end near zoom 8; the places'
// cited points hold to about zoom 10 (Sadr City and the Green Zone apart), so the map stops there
// rather than imply detail no source gives (issue 15).
import type { Place } from '../data/schema.ts';

export const MAX_ZOOM = 10;
/** With a collection server named, its events may be located to the metre: the map comes closer. */
export const SERVER_MAX_ZOOM = 16;

/** How close the map comes to a place when it is chosen: a district needs a closer look than a province. */
export const zoomForKind: Record<Place['properties']['kind'], number> = {
  city: 8,
  district: 10,
  site: 10,
  route: 6,
  border: 6.5,
  governorate: 6.5,
  region: 6,
  country: 5,
};

/** A place's zoom: a point placed approximately (at its city's, say) is shown no closer than a city. */
export const zoomForPlace = (place: Place): number =>
  place.properties.precision === 'approximate' ? Math.min(zoomForKind[place.properties.kind], zoomForKind.city) : zoomForKind[place.properties.kind];
