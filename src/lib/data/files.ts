// Where the atlas's inputs live. Only src/lib/data knows these paths (docs/architecture.md); the two
// readers (files-node.ts for the command line and tests, files-vite.ts for the browser) fill RawFiles.

export const paths = {
  placesDir: 'places',
  toursDir: 'places/tours',
  sourcesDir: 'places/sources',
  sourceIndex: 'places/sources/index.json',
  geoDir: 'geo',
  governorates: 'geo/governorates.geojson',
  control: 'geo/control.json',
  displacement: 'geo/displacement.json',
  webSources: 'geo/web-sources.json',
  gazetteer: 'geo/gazetteer.json',
  coverage: 'places/coverage.json',
} as const;

/** The raw text of every input file, keyed by repository-relative path. */
export interface RawFiles {
  /** places/<id>.geojson */
  places: Record<string, string>;
  /** places/sources/<doc-id>.txt */
  texts: Record<string, string>;
  /** places/tours/<tour-id>.json */
  tours: Record<string, string>;
  sourceIndex: string;
  /** geo/<layer>.geojson: the governorates and the context layers */
  geo: Record<string, string>;
  control: string;
  displacement: string;
  /** geo/web-sources.json: outlet and title of every page the two layers cite */
  webSources: string;
  /** Only the command line reads these two (the coverage check); the app does not. */
  gazetteer?: string;
  coverage?: string;
}

export function textPath(docId: string): string {
  return `${paths.sourcesDir}/${docId}.txt`;
}

/** The context layers drawn under the data, by name, each at geo/<name>.geojson. */
export const contextLayers = ['countries', 'coast', 'rivers', 'lakes', 'water-labels'] as const;
export type ContextLayer = (typeof contextLayers)[number];

export function geoPath(layer: string): string {
  return `${paths.geoDir}/${layer}.geojson`;
}
