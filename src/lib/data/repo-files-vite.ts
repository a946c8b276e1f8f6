// Files of the repository the page reads only when a reader adds a text of their own: the texts'
// index and the coverage files (a zip of place files carries them with the text's additions) and
// the Find places gazetteer, which "Search places" also reads, with the other names of places
// (geo/search-names.json), when the reader first searches. Separate chunks, loaded on first use; the paths repeat files.ts's, as
// imports take literals.
export const loadSourceIndex = (): Promise<string> => import('../../../places/sources/index.json?raw').then((m) => m.default);
export const loadCoverage = (): Promise<string> => import('../../../places/coverage.json?raw').then((m) => m.default);
export const loadCoverageGazetteer = (): Promise<string> => import('../../../geo/gazetteer.json?raw').then((m) => m.default);
export const loadFindGazetteer = (): Promise<string> => import('../../../geo/find-gazetteer.json?raw').then((m) => m.default);
export const loadSearchNames = (): Promise<string> => import('../../../geo/search-names.json?raw').then((m) => m.default);
