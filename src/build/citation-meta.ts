// What reference managers and dataset search read from the page (issue 42): Highwire-style
// `citation_*` meta tags (Zotero, Google Scholar) and a schema.org Dataset in JSON-LD, written into
// index.html at build time with the data version. Every value comes from the atlas's own data:
// no licence is claimed for texts the atlas quotes, no address for a copy whose address it cannot know.
import type { HtmlTagDescriptor } from 'vite';
import type { SourceText } from '../lib/data/schema.ts';
import { ATLAS_AUTHOR, ATLAS_TITLE } from '../lib/export/view-citation.ts';
import { isoDay } from '../lib/time/day.ts';
import { FIRST_DAY, LAST_DAY } from '../lib/time/window.ts';

export function citationTags(version: string, texts: SourceText[]): HtmlTagDescriptor[] {
  const meta = (name: string, content: string): HtmlTagDescriptor => ({ tag: 'meta', attrs: { name, content }, injectTo: 'head' });
  const dataset = {
    // A vocabulary's name, read by dataset search; the page fetches nothing from it.
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: ATLAS_TITLE,
    description: `Where and when the events of ${texts.length} texts about the Iraq war happened: places, time-stamped events and verbatim quotes, with the province control and displacement they stand in, each with its source.`,
    version,
    creator: { '@type': 'Organization', name: ATLAS_AUTHOR },
    // The slider's span: from the invasion to the last convoy.
    temporalCoverage: `${isoDay(FIRST_DAY)}/${isoDay(LAST_DAY)}`,
    spatialCoverage: { '@type': 'Place', name: 'Iraq' },
    keywords: ['Iraq War', 'historical GIS', 'digital humanities', 'gazetteer', 'Linked Places'],
    isAccessibleForFree: true,
    citation: texts.map((t) => t.credit),
    distribution: ['text/csv', 'application/geo+json', 'application/ld+json'].map((encodingFormat) => ({ '@type': 'DataDownload', encodingFormat })),
  };
  return [
    meta('citation_title', ATLAS_TITLE),
    meta('citation_author', ATLAS_AUTHOR),
    meta('citation_version', version),
    meta('citation_language', 'en'),
    meta('citation_keywords', dataset.keywords.join('; ')),
    // `<` escaped so no text can close the script element.
    { tag: 'script', attrs: { type: 'application/ld+json' }, children: JSON.stringify(dataset).replace(/</g, '\\u003c'), injectTo: 'head' },
  ];
}
