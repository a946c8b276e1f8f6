// Shared output helpers for the geo build scripts: stable, diff-friendly GeoJSON.
import { writeFileSync, statSync } from 'node:fs';

/** Rounds every coordinate to `digits` decimals (4 ≈ 11 m, finer than a 1:2,000,000 figure shows). */
export function roundCoordinates<G extends GeoJSON.Geometry>(geometry: G, digits: number): G {
  const k = 10 ** digits;
  const round = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v * k) / k : Array.isArray(v) ? v.map(round) : v);
  return { ...geometry, coordinates: round((geometry as { coordinates: unknown }).coordinates) } as G;
}

/** Writes one feature per line, so a changed feature shows as a changed line in git. */
export function writeFeatureCollection(path: string, features: object[]): void {
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  console.log(`${path}: ${features.length} features, ${(statSync(path).size / 1024).toFixed(1)} KiB`);
}
