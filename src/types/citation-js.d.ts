// Citation.js ships no types; this is the part of its API the atlas uses (export/cite.ts).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: unknown[];
    format(
      format: 'bibliography' | 'citation' | 'bibtex' | 'ris' | 'data',
      options?: { format?: 'text' | 'html'; template?: string; lang?: string; entry?: { id: string; locator?: string; label?: string }[] },
    ): string | unknown;
  }
  export const plugins: {
    config: { get(name: '@csl'): { styles: { add(name: string, style: unknown): void } } };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
/** The Citation Style Language project's Chicago author-date style, as citeproc-js reads it (an object form of the XML). */
declare module 'style-chicago' {
  const style: object;
  export default style;
}
