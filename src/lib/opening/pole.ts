// Where MapLibre puts a point label on a polygon: its pole of inaccessibility, the point inside
// farthest from the edge (polylabel, as maplibre-gl's util/find_pole_of_inaccessibility.ts finds it
// in tile units to 16 units: here in Web Mercator's unit square, to the same share of a zoom-5 tile).
const PRECISION = 16 / (4096 * 32);

type XY = [number, number];

function distanceToSegmentSquared([px, py]: XY, [ax, ay]: XY, [bx, by]: XY): number {
  let [x, y] = [ax, ay];
  const [dx, dy] = [bx - ax, by - ay];
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = [bx, by];
    else if (t > 0) [x, y] = [x + dx * t, y + dy * t];
  }
  return (px - x) ** 2 + (py - y) ** 2;
}

/** Signed distance from a point to the polygon's edge: positive inside. */
function signedDistance(p: XY, rings: XY[][]): number {
  let inside = false;
  let min = Infinity;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[i], ring[j]];
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      min = Math.min(min, distanceToSegmentSquared(p, a, b));
    }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

interface Cell {
  p: XY;
  h: number;
  d: number;
  max: number;
}

const cell = (x: number, y: number, h: number, rings: XY[][]): Cell => {
  const d = signedDistance([x, y], rings);
  return { p: [x, y], h, d, max: d + h * Math.SQRT2 };
};

function centroidCell(rings: XY[][]): Cell {
  const ring = rings[0];
  let [area, x, y] = [0, 0, 0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [a, b] = [ring[i], ring[j]];
    const f = a[0] * b[1] - b[0] * a[1];
    x += (a[0] + b[0]) * f;
    y += (a[1] + b[1]) * f;
    area += f * 3;
  }
  return area === 0 ? cell(ring[0][0], ring[0][1], 0, rings) : cell(x / area, y / area, 0, rings);
}

/** The pole of a polygon's rings (the outer ring first), in the rings' units. */
export function poleOfInaccessibility(rings: XY[][], precision = PRECISION): XY {
  const xs = rings[0].map((p) => p[0]);
  const ys = rings[0].map((p) => p[1]);
  const [minX, minY, maxX, maxY] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const size = Math.min(maxX - minX, maxY - minY);
  if (size === 0) return [minX, minY];
  const queue: Cell[] = [];
  for (let x = minX; x < maxX; x += size) for (let y = minY; y < maxY; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2, rings));
  let best = centroidCell(rings);
  while (queue.length) {
    // The most promising cell next (the queue is small: a lake's outline).
    let i = 0;
    for (let k = 1; k < queue.length; k++) if (queue[k].max > queue[i].max) i = k;
    const c = queue.splice(i, 1)[0];
    if (c.d > best.d || !best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    queue.push(cell(c.p[0] - h, c.p[1] - h, h, rings), cell(c.p[0] + h, c.p[1] - h, h, rings));
    queue.push(cell(c.p[0] - h, c.p[1] + h, h, rings), cell(c.p[0] + h, c.p[1] + h, h, rings));
  }
  return best.p;
}
