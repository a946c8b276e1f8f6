// Bundles the atlas's input files into the app as raw text, so the browser validates exactly what
// `npm run validate` does and the atlas needs no server. import.meta.glob takes literal patterns
// only, so they repeat the paths in files.ts.
import type { RawFiles } from './files.ts';

const one = (files: Record<string, unknown>): string => Object.values(files)[0] as string;
const raw = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^\//, ''), text]));

export const bundledFiles: RawFiles = {
  places: raw(import.meta.glob('/places/*.geojson', { query: '?raw', import: 'default', eager: true })),
  texts: raw(import.meta.glob('/places/sources/*.txt', { query: '?raw', import: 'default', eager: true })),
  tours: raw(import.meta.glob('/places/tours/*.json', { query: '?raw', import: 'default', eager: true })),
  sourceIndex: one(import.meta.glob('/places/sources/index.json', { query: '?raw', import: 'default', eager: true })),
  geo: raw(import.meta.glob('/geo/*.geojson', { query: '?raw', import: 'default', eager: true })),
  control: one(import.meta.glob('/geo/control.json', { query: '?raw', import: 'default', eager: true })),
  displacement: one(import.meta.glob('/geo/displacement.json', { query: '?raw', import: 'default', eager: true })),
  webSources: one(import.meta.glob('/geo/web-sources.json', { query: '?raw', import: 'default', eager: true })),
};
