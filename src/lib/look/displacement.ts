// Displacement drawn as a circle per governorate, its area proportional to the people displaced
// there since February 2006 (the latest sourced figure by the date), at the governorate's label
// point; a small hollow ring where no source gives a figure. Circles, not a fill, so displacement
// can be read over the control colours and the leads' patterns without a colour of one passing
// for the other (issue 15). One scale for the map, the legends and the figures.

/** The largest governorate figure in the data (Baghdad, May 2007) is drawn this wide, in CSS pixels. */
export const displacementScale = { reference: 150_000, radius: 22 } as const;

/** The radius, in CSS pixels at the map's scale, of a circle for `people`. */
export const displacedRadius = (people: number): number => displacementScale.radius * Math.sqrt(people / displacementScale.reference);

/** How opaque a circle's fill is: the control colour and the leads' patterns show through. */
export const displacedOpacity = 0.4;

/** The hollow ring that says "no data". */
export const NO_DATA_RADIUS = 4;

/** The sizes the legends show, so a reader can judge the circles. */
export const legendPeople = [10_000, 50_000, 150_000] as const;
