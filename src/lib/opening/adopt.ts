// The map takes over the opening picture (issue 44): index.html paints it in a still of the page's
// frame (src/build/opening-picture.ts); the map moves it into its own box, fits it again if that
// box is not the still's, removes the still, and removes the picture at its own first idle.
import { drawOpening, type OpeningData } from './draw.ts';

/** Moves the picture into `box`; returns what removes it, or null if the page has none (a link's own view). */
export function adoptOpeningPicture(box: HTMLElement): (() => void) | null {
  const picture = document.getElementById('opening-picture') as SVGSVGElement | null;
  const still = document.getElementById('opening');
  if (!picture) {
    still?.remove();
    return null;
  }
  // The sizes MapLibre takes (clientWidth, clientHeight: whole pixels).
  const [width, height] = [picture.width.baseVal.value, picture.height.baseVal.value];
  box.prepend(picture);
  still?.remove();
  // Where the page's frame came out other than the still's (a phone's header is taller), fit again.
  if (box.clientWidth !== width || box.clientHeight !== height) {
    const data = JSON.parse(document.getElementById('opening-data')?.textContent ?? 'null') as OpeningData | null;
    if (data) drawOpening(data, picture, box.clientWidth, box.clientHeight);
  }
  return () => picture.remove();
}
