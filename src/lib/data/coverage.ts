// The coverage check: every gazetteer place the texts mention has a place file, or is listed in
// places/coverage.json with the reason it was left out. It is a safety net, not the curation: it
// finds only names the gazetteer spells as the texts do.
import { findName, fold, foldName } from './mentions.ts';
import type { Problem } from './problem.ts';
import type { Place, SourceText } from './schema.ts';

export interface GazetteerEntry {
  name: string;
  kind: 'city' | 'governorate';
  ref?: string;
}

export interface CoverageFile {
  /** Gazetteer names the texts mention that are deliberately not mapped. */
  leftOut: { name: string; reason: string }[];
  /** Places the texts name that no gazetteer lists, and why they are not mapped. */
  notMapped: { name: string; reason: string }[];
}

const article = /^(al|as|ash|ad|an|ar|at|az|aş|aţ|ad) /;

/** The spellings under which a gazetteer name might stand in a text: whole, and without "Al ". */
export function variants(name: string): string[] {
  const whole = foldName(name);
  const bare = whole.replace(article, '');
  return [...new Set([whole, bare])].filter((v) => v.length >= 3);
}

export function checkCoverage(file: string, sources: SourceText[], places: Place[], gazetteer: GazetteerEntry[], coverage: CoverageFile): Problem[] {
  const placeNames = new Set(
    places.flatMap((p) => [p.properties.name, ...(p.properties.aliases ?? []), p.properties.gazetteer?.ref ?? ''].filter(Boolean).flatMap(variants)),
  );
  const governoratesMapped = new Set(places.filter((p) => p.properties.kind === 'governorate').map((p) => p.properties.governorate));
  const leftOut = new Set(coverage.leftOut.map((l) => foldName(l.name)));
  const problems: Problem[] = [];
  const folded = sources.map((s) => ({ id: s.id, folded: fold(s.text), text: s.text }));
  for (const entry of gazetteer) {
    const names = variants(entry.name);
    if (names.some((n) => placeNames.has(n)) || leftOut.has(foldName(entry.name))) continue;
    if (entry.kind === 'governorate' && governoratesMapped.has(entry.ref ?? '')) continue;
    for (const doc of folded) {
      const hit = names.flatMap((n) => findName(doc.folded, n))[0];
      if (!hit) continue;
      problems.push({
        file,
        feature: entry.name,
        path: `mentions.${doc.id}`,
        message: `"${doc.text.slice(hit[0], hit[1])}" at ${hit[0]} names the gazetteer's ${entry.kind} "${entry.name}", which has no place file; add places/<id>.geojson or list it under leftOut with a reason`,
      });
      break;
    }
  }
  return problems;
}
