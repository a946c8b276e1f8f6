// Citation.js can look identifiers up on the web (a DOI, an address); the atlas gives it CSL-JSON
// only, and a page that fetched would break its promise that nothing leaves the page unasked. Its
// two fetch libraries (node-fetch, sync-fetch) are replaced by this in the page's build and the
// tests (vite.config.ts, resolve.alias): a fetch that refuses, and the Headers it compares with.
function refuse(): never {
  throw new Error('The Iraq War Atlas does not fetch anything for a citation: citations are made from its own data.');
}

export const Headers = globalThis.Headers;
export default Object.assign(refuse, { Headers: globalThis.Headers });
