// The key of the address fragment that carries a whole tour (issue 41), read before the view reads
// the rest of the link: a module of its own, so the first load does without the tour's decoder.
export const SHARED_KEY = 'tourdata';

/** The tour a link's fragment carries ("…#tourdata=…"), and the fragment without it. */
export function takeSharedTour(hash: string): { value: string | null; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(SHARED_KEY);
  params.delete(SHARED_KEY);
  return { value, rest: params.toString() };
}
