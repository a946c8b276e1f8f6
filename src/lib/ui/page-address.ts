// This copy of the atlas's address, without the fragment: where its permalinks, shared tours,
// exports and handout links start, so they open the copy the reader is using.
export const pageAddress = (): string => `${location.origin}${location.pathname}`;
