// A text kept, loaded or removed reloads the page, so every view (map, slider, search, tours,
// figures) is built with it from the start. The notes for the reader ("Your text is saved…")
// outlive the reload in sessionStorage, read once.
const NOTES_KEY = 'iraq-war-atlas:notes-after-reload';

/** Reloads the page on `doc` (or on the default view), carrying `notes` across. */
export function reloadWith(doc: string | null, notes: string[]): void {
  try {
    sessionStorage.setItem(NOTES_KEY, JSON.stringify(notes));
  } catch {
    // Storage refused: the page reloads without the notes.
  }
  location.hash = doc ? `doc=${encodeURIComponent(doc)}` : '';
  location.reload();
}

/** The notes a reload carried, once; none if there were none or they cannot be read. */
export function takeNotesFromReload(): string[] {
  try {
    const kept: unknown = JSON.parse(sessionStorage.getItem(NOTES_KEY) ?? '[]');
    sessionStorage.removeItem(NOTES_KEY);
    return Array.isArray(kept) ? kept.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}
