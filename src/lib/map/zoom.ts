// How close the map comes to a place when it is chosen: a district needs a closer look than a
// province.
import type { Place } from '../data/schema.ts';

export const zoomForKind: Record<Place['properties']['kind'], number> = {
  city: 8,
  district: 11,
  site: 11,
  route: 6,
  border: 6.5,
  governorate: 6.5,
  region: 6,
  country: 5,
};
