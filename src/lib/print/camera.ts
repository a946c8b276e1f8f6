// Where a figure looks: the view's extent fitted whole into the map frame (never cropped), in Web
// Mercator as the screen map draws it. Pure.
import type { ViewSnapshot } from '../state/snapshot.ts';
import { iraqBounds } from '../look/bounds.ts';
import { mercator, mercatorUnit, unmercator } from '../look/mercator.ts';
import { REFERENCE_HEIGHT_CSS, REFERENCE_WIDTH_CSS } from './page.ts';

export interface Camera {
  center: [number, number];
  zoom: number;
}

export type Bounds = [west: number, south: number, east: number, north: number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The camera that fits lng/lat bounds into a box, centred in projected space as MapLibre's fitBounds is. */
export function fitCamera(bounds: Bounds, width: number, height: number, padding: number): Camera {
  const [a, b] = [mercator(bounds[0], bounds[3], 0), mercator(bounds[2], bounds[1], 0)];
  const zoom = Math.log2(Math.min((width - 2 * padding) / (b[0] - a[0]), (height - 2 * padding) / (b[1] - a[1])));
  return { center: unmercator((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, 0), zoom };
}

/**
 * What a view shows: with a camera, what a reference screen map (1000 × 700 CSS px) shows at that
 * centre and zoom; without one, all of Iraq.
 */
export function viewBounds(view: ViewSnapshot): Bounds {
  if (!view.camera) return iraqBounds;
  const [lng, lat, zoom] = view.camera;
  const [cx, cy] = mercator(lng, lat, zoom);
  const [west, north] = unmercator(cx - REFERENCE_WIDTH_CSS / 2, cy - REFERENCE_HEIGHT_CSS / 2, zoom);
  const [east, south] = unmercator(cx + REFERENCE_WIDTH_CSS / 2, cy + REFERENCE_HEIGHT_CSS / 2, zoom);
  return [west, south, east, north];
}

/** The camera of a map frame: the view's extent fitted whole, with a little air around Iraq. */
export function figureCamera(view: ViewSnapshot, width: number, height: number): Camera {
  return fitCamera(viewBounds(view), width, height, view.camera ? 0 : Math.round(Math.min(width, height) / 40));
}

/** Page units of a point seen by a camera in a box. */
export function projector(camera: Camera, box: Box) {
  const [cx, cy] = mercator(camera.center[0], camera.center[1], camera.zoom);
  // mercator() for every point, its world size worked out once: the sums in the same order, so
  // the same figure gives the same bytes.
  const world = 512 * 2 ** camera.zoom;
  const [halfWidth, halfHeight] = [box.width / 2, box.height / 2];
  return (p: number[]): [number, number] => {
    const [x, y] = mercatorUnit(p[0], p[1]);
    return [x * world - cx + box.x + halfWidth, y * world - cy + box.y + halfHeight];
  };
}

/** A box's extent seen by a camera, as a closed lng/lat ring (straight in Web Mercator, so straight on the map). */
export function boxExtent(camera: Camera, box: Box): [number, number][] {
  const [cx, cy] = mercator(camera.center[0], camera.center[1], camera.zoom);
  const corner = (dx: number, dy: number) => unmercator(cx + (dx * box.width) / 2, cy + (dy * box.height) / 2, camera.zoom);
  return [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1), corner(-1, -1)];
}
