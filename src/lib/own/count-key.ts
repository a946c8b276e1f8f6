// Where the page notes how many own texts this browser keeps: read before anything else loads, so
// a visit without any never opens the database or loads the code that merges them.
export const OWN_COUNT_KEY = 'iraq-war-atlas:own-texts';

export function hasOwnTexts(): boolean {
  try {
    return !!localStorage.getItem(OWN_COUNT_KEY);
  } catch {
    // Storage refused (a private window's setting): there is nothing kept to show.
    return false;
  }
}
