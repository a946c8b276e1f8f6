// The catalogue of web pages the thematic layers cite (geo/web-sources.json): each address with its
// outlet and, where it could be read, its title. The loader names every control and displacement
// source from it, so a panel or a figure caption cites "BBC News, “Flowers and prayers mark Iraq
// milestone”" rather than a bare address (issue 15). A cited address missing from the catalogue is
// a problem at the record that cites it; so is a catalogue entry without an outlet.
import { isObject, isText, Report } from './check.ts';
import type { Problem } from './problem.ts';
import { isPassage, type Control, type DisplacementRecord, type WebSource } from './schema.ts';

export interface CatalogueEntry {
  outlet: string;
  /** null where the title could not be read: cite the outlet and the address. */
  title: string | null;
  /** "page": read from a stored copy of the page; "address": the address is the title (wiki articles, library copies). */
  titleFrom?: 'page' | 'address';
  published?: string;
  author?: string;
}

export type Catalogue = Map<string, CatalogueEntry>;

export function checkCatalogue(file: string, value: unknown): { catalogue: Catalogue; problems: Problem[] } {
  const report = new Report(file);
  const catalogue: Catalogue = new Map();
  if (!isObject(value) || !isObject(value.sources)) {
    report.add('sources', 'missing; expected { sources: { "<address>": { outlet, title } } }');
    return { catalogue, problems: report.problems };
  }
  for (const [url, entry] of Object.entries(value.sources)) {
    const path = `sources["${url}"]`;
    const ok = report.clean(() => {
      if (!isObject(entry)) return report.add(path, 'expected { outlet, title }');
      if (!isText(entry.outlet)) report.add(`${path}.outlet`, 'missing; name who published the page');
      if (entry.title !== null && !isText(entry.title)) report.add(`${path}.title`, 'expected the page title, or null where it could not be read');
      if (isText(entry.title) && entry.titleFrom !== 'page' && entry.titleFrom !== 'address')
        report.add(`${path}.titleFrom`, 'say where the title was read: "page" or "address"');
    });
    if (ok) catalogue.set(url, entry as unknown as CatalogueEntry);
  }
  return { catalogue, problems: report.problems };
}

/** Each web source the layers cite, with the file, feature and field that cite it. */
function* citedSources(control: Control, displacement: DisplacementRecord[]): Generator<[WebSource, string, string, string]> {
  for (const [id, periods] of Object.entries(control.governorates))
    for (const [i, p] of periods.entries()) {
      yield [p.source, 'geo/control.json', id, `governorates.${id}[${i}].source.url`];
      if (p.startSource) yield [p.startSource, 'geo/control.json', id, `governorates.${id}[${i}].startSource.url`];
      for (const [j, a] of (p.alsoReported ?? []).entries()) yield [a.source, 'geo/control.json', id, `governorates.${id}[${i}].alsoReported[${j}].source.url`];
    }
  for (const m of control.milestones) yield [m.source, 'geo/control.json', m.id, 'source.url'];
  for (const r of displacement) if (!isPassage(r.source)) yield [r.source, 'geo/displacement.json', r.id, 'source.url'];
}

/** Names every cited source from the catalogue (in place); reports addresses it does not hold, and entries nothing cites. */
export function nameSources(control: Control, displacement: DisplacementRecord[], catalogue: Catalogue, catalogueFile: string): Problem[] {
  const problems: Problem[] = [];
  const used = new Set<string>();
  for (const [source, file, feature, path] of citedSources(control, displacement)) {
    const entry = catalogue.get(source.url);
    if (!entry) {
      problems.push({ file, feature, path, message: `${source.url} is not in ${catalogueFile}; add it with its outlet and title` });
      continue;
    }
    used.add(source.url);
    Object.assign(source, { outlet: entry.outlet, title: entry.title, published: entry.published });
  }
  for (const url of catalogue.keys())
    if (!used.has(url))
      problems.push({
        file: catalogueFile,
        path: `sources["${url}"]`,
        message: 'no control period, milestone or displacement record cites this address; remove it',
      });
  return problems;
}

/** A source as a citation: `Outlet, “Title”`, or the outlet alone where the title could not be read. */
export function citeName(source: WebSource): string {
  if (!source.outlet) return URL.canParse(source.url) ? new URL(source.url).hostname.replace(/^www\./, '') : source.url;
  return source.title ? `${source.outlet}, “${source.title}”` : source.outlet;
}
