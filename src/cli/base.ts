// The atlas's address for the links a command writes (an export's permalinks, a handout's passage
// links): `npm start` serves it here; a published copy gives its own with --base.
export const DEFAULT_BASE = 'http://127.0.0.1:4173/';

/** The address given, without a fragment, or why it is not one. */
export function readBase(value: string): { base: string } | { error: string } {
  try {
    const url = new URL(value);
    url.hash = '';
    return { base: url.href };
  } catch {
    return { error: `--base: "${value}" is not an address (expected e.g. https://example.org/atlas/)` };
  }
}
