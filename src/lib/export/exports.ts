// Each export format (issue 42) as a file's bytes, for `npm run export` and the page's "Download
// data": the events (csv, geojson), the places (lpf), the texts' mentions, quotes and event
// passages (annotations), and the texts' citations (csl, bibtex, ris; the layers' web sources
// with `withWebSources`). `texts` limits an export to those texts; `base` is the atlas's address,
// from which every permalink and URI is made.
import type { Atlas } from '../data/schema.ts';
import { annotations } from './annotations.ts';
import { textItems, withoutCirca } from './csl.ts';
import { eventsCsv } from './csv.ts';
import { eventsGeojson } from './geojson.ts';
import { placesLpf } from './lpf.ts';
import { eventRows } from './rows.ts';

export const exportFormats = ['csv', 'geojson', 'lpf', 'annotations', 'csl', 'bibtex', 'ris'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFormatInfo: Record<ExportFormat, { label: string; extension: string; mime: string }> = {
  csv: { label: 'Events as CSV (spreadsheets)', extension: 'csv', mime: 'text/csv;charset=utf-8' },
  geojson: { label: 'Events as GeoJSON (QGIS, web maps)', extension: 'geojson', mime: 'application/geo+json' },
  lpf: { label: 'Places as Linked Places Format (World Historical Gazetteer)', extension: 'lpf.jsonld', mime: 'application/ld+json' },
  annotations: { label: 'Mentions, quotes and passages as W3C Web Annotations (Recogito)', extension: 'annotations.jsonld', mime: 'application/ld+json' },
  csl: { label: 'Texts as CSL-JSON (Zotero, citation processors)', extension: 'csl.json', mime: 'application/vnd.citationstyles.csl+json' },
  bibtex: { label: 'Texts as BibTeX', extension: 'bib', mime: 'application/x-bibtex' },
  ris: { label: 'Texts as RIS (EndNote, Zotero)', extension: 'ris', mime: 'application/x-research-info-systems' },
};

export interface ExportOptions {
  /** The atlas's address, without a fragment ("https://example.org/atlas/"). */
  base: string;
  texts?: Set<string>;
  withWebSources?: boolean;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function exportText(format: ExportFormat, atlas: Atlas, { base, texts, withWebSources = false }: ExportOptions): Promise<string> {
  switch (format) {
    case 'csv':
      return eventsCsv(eventRows(atlas, base, texts));
    case 'geojson':
      return json(eventsGeojson(eventRows(atlas, base, texts)));
    case 'lpf':
      return json(placesLpf(atlas, base, texts));
    case 'annotations':
      return json(annotations(atlas, base, texts));
    case 'csl':
      return json(textItems(atlas, texts, withWebSources));
    case 'bibtex':
    case 'ris': {
      // Citation.js is large: loaded only for the formats that need it.
      const { formatCitations } = await import('./cite.ts');
      return formatCitations(textItems(atlas, texts, withWebSources).map(withoutCirca), format);
    }
  }
}

export const exportFileName = (format: ExportFormat, scope = 'iraq-war-atlas'): string => `${scope}.${exportFormatInfo[format].extension}`;
