// How a panel qualifies a web source (data/web-sources.ts names it): how sure the reference facts are of it, its caveat,
// and a warning where it is a blog (weaker than an official record or a newspaper: issue 15).
import type { WebSource } from '../data/schema.ts';
import { sourceKind } from '../data/source-quality.ts';

/** A blog post, which the atlas uses only where nothing better was found (the kind `npm run validate` counts). */
export const isBlog = (source: WebSource): boolean => sourceKind(source.url) === 'blog';

/** What follows the link: " · confidence medium. A blog post: … . <note>" */
export function sourceDetails(source: WebSource): string {
  return [
    source.confidence ? ` · confidence ${source.confidence}` : '',
    isBlog(source) ? '. A blog post, the only source found: weaker than an official record or a newspaper' : '',
    source.note ? `. ${source.note}` : '',
  ].join('');
}
