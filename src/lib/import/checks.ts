// What a reader should hear about their file once it is read (issue 15): how many rows were refused
// for a date outside 1990–2012, how many good rows lie outside the map's area (and so cannot be
// seen), how many of those look like latitude and longitude swapped, how many labels were cut,
// and where the data lies.
import { contextBounds, iraqBounds } from '../look/bounds.ts';
import type { ImportedSet } from './events.ts';
import { MAX_LABEL, type RecordUnit } from './rows.ts';

export interface ImportChecks {
  /** Rows refused because a date lies outside 1990–2012. */
  outOfRange: number;
  /** Good rows outside the map's area: kept, but nothing draws them. */
  outsideArea: number;
  /** Good rows outside Iraq that would fall in Iraq with latitude and longitude swapped. */
  likelySwapped: number;
  /** Good rows whose label or source was cut to MAX_LABEL characters (rows.ts). */
  cut: number;
  /** The good rows inside the map's area, [west, south, east, north]; null if none. */
  bounds: [number, number, number, number] | null;
}

const inside =
  ([w, s, e, n]: [number, number, number, number]) =>
  (lng: number, lat: number): boolean =>
    lng >= w && lng <= e && lat >= s && lat <= n;
const inArea = inside(contextBounds);
// Swapped Iraqi coordinates land in Turkey or the Black Sea, inside the map's area: compare with Iraq.
const inIraq = inside(iraqBounds);

export function checkImport(set: ImportedSet, outOfRange: number, cut = 0): ImportChecks {
  let outsideArea = 0;
  let likelySwapped = 0;
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < set.count; i++) {
    const [lng, lat] = [set.lngLat[2 * i], set.lngLat[2 * i + 1]];
    if (!inIraq(lng, lat) && inIraq(lat, lng)) likelySwapped++;
    if (!inArea(lng, lat)) {
      outsideArea++;
      continue;
    }
    b[0] = Math.min(b[0], lng);
    b[1] = Math.min(b[1], lat);
    b[2] = Math.max(b[2], lng);
    b[3] = Math.max(b[3], lat);
  }
  return { outOfRange, outsideArea, likelySwapped, cut, bounds: b[0] === Infinity ? null : (b as ImportChecks['bounds']) };
}

/** The checks in words, one sentence each; empty when there is nothing to say. */
export function checkWords(c: ImportChecks, unit: RecordUnit): string[] {
  const n = (k: number, what = unit) => `${k.toLocaleString('en-GB')} ${what}${k === 1 ? '' : 's'}`;
  const words: string[] = [];
  if (c.outOfRange) words.push(`${n(c.outOfRange)} refused for a date outside 1990–2012 (listed below).`);
  if (c.outsideArea) words.push(`${n(c.outsideArea)} lie outside the map's area (24–64° E, 12–46° N), so nothing draws them.`);
  if (c.cut) words.push(`${n(c.cut)} had a label or source longer than ${MAX_LABEL.toLocaleString('en-GB')} characters, cut to that length.`);
  if (c.likelySwapped) words.push(`${n(c.likelySwapped)} would fall in Iraq with latitude and longitude swapped: check which column is which.`);
  return words;
}
