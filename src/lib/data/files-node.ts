// Reads the atlas's input files from disk (command line and tests).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths, type RawFiles } from './files.ts';

function readDir(root: string, dir: string, ext: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(root, dir))
    .filter((n) => n.endsWith(ext))
    .sort()) {
    out[`${dir}/${name}`] = readFileSync(join(root, dir, name), 'utf8');
  }
  return out;
}

export function readRawFiles(root = process.cwd()): RawFiles {
  return {
    places: readDir(root, paths.placesDir, '.geojson'),
    texts: readDir(root, paths.sourcesDir, '.txt'),
    tours: readDir(root, paths.toursDir, '.json'),
    sourceIndex: readFileSync(join(root, paths.sourceIndex), 'utf8'),
    geo: readDir(root, paths.geoDir, '.geojson'),
    control: readFileSync(join(root, paths.control), 'utf8'),
    displacement: readFileSync(join(root, paths.displacement), 'utf8'),
    webSources: readFileSync(join(root, paths.webSources), 'utf8'),
    gazetteer: readFileSync(join(root, paths.gazetteer), 'utf8'),
    coverage: readFileSync(join(root, paths.coverage), 'utf8'),
  };
}
