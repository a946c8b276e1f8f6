// How a panel qualifies a web source (data/web-sources.ts names it): how sure the reference facts are of it, its caveat,
// and a warning where it is a blog (weaker than an official record or a newspaper: issue 15).
import type { WebSource } from '../data/schema.ts';

/** Blog hosts, whose posts the atlas uses only where nothing better was found. */
const blogHosts = /(^|\.)(blogspot\.com|wordpress\.com|typepad\.com|livejournal\.com)$/;

export const isBlog = (source: WebSource): boolean => blogHosts.test(new URL(source.url).hostname);

/** What follows the link: " · confidence medium. A blog post: … . <note>" */
export function sourceDetails(source: WebSource): string {
  return [
    source.confidence ? ` · confidence ${source.confidence}` : '',
    isBlog(source) ? '. A blog post, the only source found: weaker than an official record or a newspaper' : '',
    source.note ? `. ${source.note}` : '',
  ].join('');
}
