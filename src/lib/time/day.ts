// The atlas's one clock: t = whole days since 2003-01-01 (UTC), small integers that are exact in
// float32 on a GPU (docs/architecture.md, "Time"). Kept apart from the EDTF reader (instant.ts) so that the page's
// first load, which only counts days, does not carry edtf's grammar (issue 16).

export const DAY_MS = 86_400_000;
/** Day zero of the atlas's clock, its one definition: 1 January 2003 (UTC). */
export const EPOCH_MS = Date.UTC(2003, 0, 1);

/** The atlas accepts dates in this span; anything outside is a typo, not history. */
export const EARLIEST = '1990-01-01';
export const LATEST = '2012-12-31';

export function dayFromMs(ms: number): number {
  return Math.floor((ms - EPOCH_MS) / DAY_MS);
}

/** `t` as an ISO day, e.g. 1413 → "2006-11-14". */
export function isoDay(t: number): string {
  return new Date(EPOCH_MS + t * DAY_MS).toISOString().slice(0, 10);
}

export function dayFromIso(isoDate: string): number {
  return dayFromMs(Date.parse(`${isoDate}T00:00:00Z`));
}
