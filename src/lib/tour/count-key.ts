// Where the page notes how many tours this browser keeps (tour-store.ts writes it): read before
// anything else loads, so a visit without any never opens the tours' database or loads their code.
export const TOUR_COUNT_KEY = 'iraq-war-atlas:own-tours';

export function hasOwnTours(): boolean {
  try {
    return Number(localStorage.getItem(TOUR_COUNT_KEY) ?? 0) > 0;
  } catch {
    // Storage refused (a private window's setting): there is nothing kept to show.
    return false;
  }
}
