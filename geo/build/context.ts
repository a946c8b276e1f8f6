// Derives the context layers around and inside Iraq:
//   geo/countries.geojson  neighbouring countries (Natural Earth 10m admin-0 via npm world-atlas, public domain)
//   geo/coast.geojson      coastline (GSHHG high resolution, level 1)
//   geo/rivers.geojson     rivers (GSHHG/WDBII levels 1–3) plus the named courses of the main rivers
//   geo/lakes.geojson      lakes (GSHHG level 2) with names where a cited point lies in them
//   geo/water-labels.geojson  the Gulf's name, in open water
// GSHHG (LGPL) is read through GMT: `apt-get install gmt gmt-gshhg-high`. Run: npm run geo:build
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  area,
  bboxClip,
  bboxPolygon,
  booleanPointInPolygon,
  difference,
  featureCollection,
  union,
  centerOfMass,
  cleanCoords,
  distance,
  nearestPointOnLine,
  point,
  pointOnFeature,
  polygon,
  simplify,
} from '@turf/turf';
import { feature as topoFeature } from 'topojson-client';
import { roundCoordinates, writeFeatureCollection } from './write.ts';
import { riverCourses, lakeNames, gulfLabel, type Anchor } from './context-names.ts';
import { contextBounds } from '../../src/lib/look/bounds.ts';

const require = createRequire(import.meta.url);
type Position = [number, number];

// The region the context layers cover: Iraq with room for a figure's margins and insets.
const bbox: [number, number, number, number] = [36, 27, 52, 40];
// At 1:2,000,000 one millimetre is 2 km; 0.003° (≈300 m) keeps every visible bend.
const tolerance = 0.003;

function gmtSegments(args: string[]): Position[][] {
  let out: string;
  try {
    out = execFileSync('gmt', ['coast', `-R${bbox[0]}/${bbox[2]}/${bbox[1]}/${bbox[3]}`, '-Dh', '-M', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28,
    });
  } catch {
    throw new Error('GMT is needed to read GSHHG: apt-get install gmt gmt-gshhg-high');
  }
  const segments: Position[][] = [];
  for (const line of out.split('\n')) {
    if (line.startsWith('>')) segments.push([]);
    else if (line.trim()) segments.at(-1)!.push(line.trim().split(/\s+/).map(Number) as Position);
  }
  return segments.filter((s) => s.length > 1);
}

const key = (p: Position) => `${p[0].toFixed(7)},${p[1].toFixed(7)}`;

/**
 * GMT cuts every line at the edges of its storage bins; rejoin pieces that meet end to end where
 * exactly two meet (a point shared by three is a confluence and stays a node).
 */
function joinPieces(pieces: Position[][]): Position[][] {
  const ends = new Map<string, number[]>();
  pieces.forEach((p, i) => {
    for (const k of [key(p[0]), key(p.at(-1)!)]) ends.set(k, [...(ends.get(k) ?? []), i]);
  });
  const used = new Set<number>();
  const lines: Position[][] = [];
  const partnerAt = (k: string, self: number) => {
    const here = ends.get(k)!;
    return here.length === 2 ? here.find((j) => j !== self && !used.has(j)) : undefined;
  };
  for (let i = 0; i < pieces.length; i++) {
    if (used.has(i)) continue;
    used.add(i);
    let line = [...pieces[i]];
    for (const forward of [true, false]) {
      for (;;) {
        const end = forward ? line.at(-1)! : line[0];
        const j = partnerAt(key(end), -1);
        if (j === undefined) break;
        used.add(j);
        let next = pieces[j];
        const fits = forward ? key(next[0]) === key(end) : key(next.at(-1)!) === key(end);
        if (!fits) next = [...next].reverse();
        line = forward ? [...line, ...next.slice(1)] : [...next.slice(0, -1), ...line];
      }
    }
    lines.push(line);
  }
  return lines;
}

function lineFeature(coords: Position[], properties: object, simplifyBy = tolerance) {
  const simplified = simplify({ type: 'LineString', coordinates: coords }, { tolerance: simplifyBy, highQuality: true });
  return { type: 'Feature' as const, properties, geometry: roundCoordinates(simplified, 4) };
}

// ── Countries ──
// Every country in the figures' reach (contextBounds), so land runs to the edge of any view. The
// neighbours are drawn from the 10m set near Iraq (nearBox, where their borders with Iraq must
// meet the governorates exactly) and from the 50m set beyond it, joined into one shape so no
// seam is drawn; the countries further off come from the 50m set alone. The far parts are only
// ever seen small, and the 10m coasts of Turkey, Iran and Saudi Arabia would triple the file.
const nearBox: [number, number, number, number] = [36, 27, 52, 40];
const neighbours = new Set(['Iran', 'Jordan', 'Kuwait', 'Saudi Arabia', 'Syria', 'Turkey', 'Iraq']);
type Country = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string }>;
const countriesOf = (file: string): Country[] => {
  const world = require(file);
  return (topoFeature(world, world.objects.countries) as unknown as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string }>)
    .features;
};
const fine = new Map(
  countriesOf('world-atlas/countries-10m.json')
    .filter((f) => neighbours.has(f.properties.name))
    .map((f) => [f.properties.name, f]),
);
/** Clipped to a box and simplified, without the degenerate rings either can leave (polyclip refuses them). */
const clip = (f: Country, box: [number, number, number, number], by: number): Country | null => {
  const simplified = simplify(bboxClip(f, box), { tolerance: by, highQuality: true }).geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
  const polygons = (simplified.type === 'Polygon' ? [simplified.coordinates] : simplified.coordinates)
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0);
  return polygons.length ? { type: 'Feature', properties: f.properties, geometry: { type: 'MultiPolygon', coordinates: polygons } } : null;
};
const countries = countriesOf('world-atlas/countries-50m.json')
  .flatMap((coarse) => {
    const name = coarse.properties.name;
    const near = fine.get(name);
    let shape: Country | null;
    if (near) {
      const inner = clip(near, nearBox, tolerance);
      const outer = clip(coarse, contextBounds, 0.02);
      const beyond = outer && difference(featureCollection([outer, bboxPolygon(nearBox)]));
      shape = inner && beyond ? (union(featureCollection([inner, beyond])) as Country) : inner;
    } else shape = clip(coarse, contextBounds, 0.02);
    if (!shape) return [];
    const source = near
      ? 'Natural Earth 10m admin-0 (within 36–52°E, 27–40°N; 50m beyond) via npm world-atlas'
      : 'Natural Earth 50m admin-0 via npm world-atlas';
    return [
      {
        type: 'Feature' as const,
        id: String(coarse.id),
        properties: { id: String(coarse.id), name, iraq: name === 'Iraq', source },
        geometry: roundCoordinates(shape.geometry, near ? 4 : 3),
      },
    ];
  })
  // Slivers a figure could never show are left out.
  .filter((c) => area(c) > 5e7)
  .sort((a, b) => a.properties.name.localeCompare(b.properties.name));
// One label point per country: the centre of its largest part, moved inside if the centre falls
// outside (a concave shape). For a neighbour, its largest part near Iraq (nearBox), so the name
// stands where the map of Iraq shows the country, not in its far interior.
for (const c of countries) {
  const near = neighbours.has(c.properties.name) ? clip(c as unknown as Country, nearBox, 0) : null;
  const shape = (near ?? c).geometry;
  const parts = shape.type === 'Polygon' ? [shape.coordinates] : (shape as GeoJSON.MultiPolygon).coordinates;
  const largest = parts.map((rings) => polygon(rings)).sort((a, b) => area(b) - area(a))[0];
  const centre = centerOfMass(largest);
  const label = booleanPointInPolygon(centre, largest) ? centre : pointOnFeature(largest);
  (c.properties as Record<string, unknown>).label = label.geometry.coordinates.map((v) => Math.round(v * 1e4) / 1e4);
}
writeFeatureCollection('geo/countries.geojson', countries);

// ── Coast ──
const coast = joinPieces(gmtSegments(['-W1/0.5p'])).map((c) => lineFeature(c, { source: 'GSHHG 2.3.7 high resolution, level 1' }));
writeFeatureCollection('geo/coast.geojson', coast);

// ── Rivers: the network by WDBII level, then the named courses routed along it ──
// Level 0 is the banks of double-lined rivers (the Tigris through Baghdad is one); 1–3 are the
// permanent rivers from major to minor.
const network: { coords: Position[]; level: number }[] = [];
for (const level of [0, 1, 2, 3]) {
  for (const coords of joinPieces(gmtSegments([`-I${level}/0.5p`]))) network.push({ coords, level });
}

/** Shortest path along the network between two anchors (each snapped to the nearest vertex). */
function buildGraph() {
  const nodes = new Map<string, Position>();
  const edges = new Map<string, { to: string; km: number }[]>();
  const link = (a: Position, b: Position) => {
    const km = distance(a, b);
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      nodes.set(key(x), x);
      edges.set(key(x), [...(edges.get(key(x)) ?? []), { to: key(y), km }]);
    }
  };
  for (const { coords } of network) for (let i = 1; i < coords.length; i++) link(coords[i - 1], coords[i]);
  // Where a single-line river meets a double-lined stretch the two datasets do not share a point:
  // bridge every loose end to the nearest vertex of another line within 2 km.
  network.forEach(({ coords }, self) => {
    for (const end of [coords[0], coords.at(-1)!]) {
      if ((edges.get(key(end)) ?? []).length > 1) continue;
      let best: Position | null = null;
      let bestKm = 2;
      network.forEach(({ coords: other }, j) => {
        if (j === self) return;
        for (const p of other) {
          const km = distance(end, p);
          if (km < bestKm) [best, bestKm] = [p, km];
        }
      });
      if (best) link(end, best);
    }
  });
  return { nodes, edges };
}
const graph = buildGraph();

function snap(anchor: Anchor): string {
  let best = '';
  let bestKm = Infinity;
  for (const [k, p] of graph.nodes) {
    const km = distance(p, anchor.at);
    if (km < bestKm) [best, bestKm] = [k, km];
  }
  if (bestKm > 8) throw new Error(`${anchor.name} is ${bestKm.toFixed(1)} km from any river vertex; check its coordinates`);
  return best;
}

function route(from: string, to: string): Position[] {
  const dist = new Map<string, number>([[from, 0]]);
  const prev = new Map<string, string>();
  const open = new Set([from]);
  while (open.size) {
    let current = '';
    let least = Infinity;
    for (const k of open) if (dist.get(k)! < least) [current, least] = [k, dist.get(k)!];
    if (current === to) break;
    open.delete(current);
    for (const { to: next, km } of graph.edges.get(current) ?? []) {
      if (least + km < (dist.get(next) ?? Infinity)) {
        dist.set(next, least + km);
        prev.set(next, current);
        open.add(next);
      }
    }
  }
  if (!prev.has(to) && from !== to) throw new Error(`no river path between ${from} and ${to}`);
  const path: Position[] = [];
  for (let k: string | undefined = to; k; k = prev.get(k)) path.unshift(graph.nodes.get(k)!);
  return path;
}

const courses = new Map<string, Position[]>();
for (const river of riverCourses) {
  const stops = river.anchors.map(snap);
  let coords: Position[] = [];
  for (let i = 1; i < stops.length; i++) coords.push(...route(stops[i - 1], stops[i]).slice(i === 1 ? 0 : 1));
  if (river.joins) {
    // A tributary routed towards a town on its main river ends where it first touches that river.
    const main = new Set(courses.get(river.joins)!.map(key));
    const confluence = coords.findIndex((p) => main.has(key(p)));
    if (confluence < 0) throw new Error(`${river.name} never reaches the ${river.joins}`);
    coords = coords.slice(0, confluence + 1);
  }
  courses.set(river.name, coords);
}
// The named courses carry only labels (the network draws the water), so they are smoothed hard
// (≈4 km): a label set along a line cannot follow every meander.
const named = riverCourses.map((river) => lineFeature(courses.get(river.name)!, { name: river.name, named: true, source: river.source }, 0.04));
const rivers = [...network.map(({ coords, level }) => lineFeature(coords, { level, named: false, source: 'GSHHG 2.3.7 / WDBII rivers' })), ...named];
writeFeatureCollection('geo/rivers.geojson', rivers);

// ── Lakes and river-lakes: close the level-2 shorelines into rings ──
function waterRings(selector: string) {
  return joinPieces(gmtSegments(['-W2/0.5p', `-A0/2/2${selector}`]))
    .filter((ring) => key(ring[0]) === key(ring.at(-1)!) && ring.length >= 4)
    .map((ring) => cleanCoords(polygon([ring])));
}
const riverLakes = waterRings('+r').map((water) => ({
  type: 'Feature' as const,
  properties: { kind: 'river', name: null, source: 'GSHHG 2.3.7 high resolution, level 2 river-lakes (double-lined rivers)' },
  geometry: roundCoordinates(simplify(water, { tolerance, highQuality: true }).geometry, 4),
}));
const lakes = waterRings('+l')
  .filter((lake) => area(lake) > 15e6)
  .map((lake) => {
    const name = lakeNames.find(
      (l) =>
        booleanPointInPolygon(l.at, lake) ||
        distance(nearestPointOnLine({ type: 'LineString', coordinates: lake.geometry.coordinates[0] }, l.at), point(l.at)) < 3,
    );
    const simplified = simplify(lake, { tolerance, highQuality: true });
    return {
      type: 'Feature' as const,
      properties: { kind: 'lake', name: name?.name ?? null, source: name ? name.source : 'GSHHG 2.3.7 high resolution, level 2 (unnamed)' },
      geometry: roundCoordinates(simplified.geometry, 4),
    };
  });
for (const l of lakeNames) if (!lakes.some((f) => f.properties.name === l.name)) throw new Error(`no GSHHG lake at the cited point of ${l.name}`);
writeFeatureCollection('geo/lakes.geojson', [...lakes, ...riverLakes]);

// ── The Gulf's name: a label point, checked to lie in open water ──
if (countries.some((c) => booleanPointInPolygon(gulfLabel.at, c as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>))) {
  throw new Error('the Gulf label point lies on land');
}
writeFeatureCollection('geo/water-labels.geojson', [
  { type: 'Feature', properties: { name: gulfLabel.name, source: gulfLabel.source }, geometry: { type: 'Point', coordinates: gulfLabel.at } },
]);
