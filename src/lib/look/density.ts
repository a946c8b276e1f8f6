// How a dense set of a reader's events is drawn (issue 16): 2,000,000 dots paint Iraq as one
// blanket, so the events are counted in square cells and each cell is coloured by how many it
// holds, in classes a decade apart. The same classes, colours and words serve the map
// (density-layer.ts), its legend (ImportPanel) and figures (print/geometry.ts, print/legend.ts).

/** A set with more events than this is drawn as density unless the reader asks for dots. */
export const DENSE_OVER = 20_000;

/** A cell's side: CSS pixels on screen, millimetres in a figure. */
export const SCREEN_CELL_PX = 8;
export const FIGURE_CELL_MM = 2;

/**
 * The classes, each from a count up. Light to dark in one hue, each a step darker, so the order
 * survives greyscale print. The classes are decades, so a cell's class is read without a key to
 * its exact colour and a sparse corner is not drowned by a dense city.
 */
export const densityClasses = [
  { from: 1, label: '1 event', colour: '#bfe3df' },
  { from: 2, label: '2–9', colour: '#7cc3c0' },
  { from: 10, label: '10–99', colour: '#3797a6' },
  { from: 100, label: '100–999', colour: '#176784' },
  { from: 1000, label: '1,000 or more', colour: '#0a3656' },
] as const;

/** The class of a cell holding `count` events (index into densityClasses), or -1 for none. */
export function densityClass(count: number): number {
  for (let i = densityClasses.length - 1; i >= 0; i--) if (count >= densityClasses[i].from) return i;
  return -1;
}

/** What the legend says the colours count, on screen and in a figure. */
export const densityUnit = (where: 'screen' | 'figure'): string =>
  where === 'screen' ? `events per ${SCREEN_CELL_PX}-pixel square` : `events per ${FIGURE_CELL_MM} mm square`;

export type ImportedStyle = 'dots' | 'density';
