// Formatted citations through Citation.js (issue 42): Chicago (author-date, the Citation Style
// Language project's style, packaged as style-chicago) and APA (bundled with plugin-csl), BibTeX,
// RIS and CSL-JSON. Loaded on first use: the page's first screen does without it. Citation.js
// fetches nothing here: it is given CSL-JSON, never an identifier or an address to look up.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import chicago from 'style-chicago';
import type { CslItem } from './csl.ts';

const CHICAGO = 'chicago-author-date';
plugins.config.get('@csl').styles.add(CHICAGO, chicago);

export const citeFormats = ['chicago', 'apa', 'bibtex', 'ris', 'csl-json'] as const;
export type CiteFormat = (typeof citeFormats)[number];

export const citeFormatNames: Record<CiteFormat, string> = {
  chicago: 'Chicago (author-date)',
  apa: 'APA',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
};

/**
 * Chicago's author-date style prints no version for a data set: the data version goes into its
 * genre there ("Interactive map, data version …"), so the citation names what the figure was made from.
 */
const forChicago = (item: CslItem): CslItem => (item.version ? { ...item, genre: `${item.genre ?? 'Data set'}, data version ${item.version}` } : item);

export function formatCitations(items: CslItem[], format: CiteFormat): string {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  if (format === 'bibtex' || format === 'ris') return new Cite(items).format(format === 'ris' ? 'ris' : 'bibtex', { format: 'text' }) as string;
  const style = format === 'chicago' ? CHICAGO : 'apa';
  const cite = new Cite(format === 'chicago' ? items.map(forChicago) : items);
  return (cite.format('bibliography', { format: 'text', template: style, lang: 'en-US' }) as string).trim();
}

/** The items a BibTeX or RIS file holds, read back by Citation.js (the tests' independent reading). */
export const readCitations = (text: string): CslItem[] => new Cite(text).data as CslItem[];

/** A quote's citation: the text's entry, and the in-text citation with the paragraph ("(Steele 2008, para. 12)"). */
export function quoteCitation(item: CslItem & { locator: string; label: string }, format: 'chicago' | 'apa'): { entry: string; inText: string } {
  const template = format === 'chicago' ? CHICAGO : 'apa';
  const cite = new Cite([item]);
  const options = { format: 'text' as const, template, lang: 'en-US' };
  return {
    entry: (cite.format('bibliography', options) as string).trim(),
    inText: (cite.format('citation', { ...options, entry: [{ id: item.id, locator: item.locator, label: item.label }] }) as string).trim(),
  };
}
