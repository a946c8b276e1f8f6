// Clips projected geometry to a panel's rectangle in page units, so that every writer draws only
// what lies inside the map frame without a clip path. A clip path costs resvg a full-page mask
// (about 1 s for an A4 page at 300 DPI, measured); clipping the coordinates costs almost nothing.
// Fills use Sutherland–Hodgman (a ring stays a closed ring, its cut edges run along the frame);
// strokes clip segment by segment (Liang–Barsky), so no line is drawn along the frame.

export type XY = [number, number];

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Edge = { inside: (p: XY) => boolean; cut: (a: XY, b: XY) => XY };

const edges = (r: Rect): Edge[] => {
  const atX = (a: XY, b: XY, x: number): XY => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const atY = (a: XY, b: XY, y: number): XY => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  return [
    { inside: (p) => p[0] >= r.x0, cut: (a, b) => atX(a, b, r.x0) },
    { inside: (p) => p[0] <= r.x1, cut: (a, b) => atX(a, b, r.x1) },
    { inside: (p) => p[1] >= r.y0, cut: (a, b) => atY(a, b, r.y0) },
    { inside: (p) => p[1] <= r.y1, cut: (a, b) => atY(a, b, r.y1) },
  ];
};

/** A closed ring clipped to the rectangle (Sutherland–Hodgman); empty when nothing is inside. */
export function clipRing(ring: XY[], r: Rect): XY[] {
  let out = ring;
  for (const edge of edges(r)) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (edge.inside(current)) {
        if (!edge.inside(previous)) out.push(edge.cut(previous, current));
        out.push(current);
      } else if (edge.inside(previous)) out.push(edge.cut(previous, current));
    }
    if (!out.length) return [];
  }
  return out;
}

/**
 * A ring cut to the band lo ≤ y ≤ hi, in one pass: clipRing()'s Sutherland–Hodgman with the band's
 * two edges only (patterns.ts cuts an area to a band per pattern line: clipRing with open x edges
 * took two to three times as long). Each edge adds where it enters the band, its end if inside,
 * and where it leaves; a ring that leaves the band on one side comes back on the same side (to
 * reach the other it must cross the band), so the cut edges run along the band's edge, as
 * clipRing()'s do.
 */
export function clipRingToBand(ring: XY[], lo: number, hi: number): XY[] {
  const out: XY[] = [];
  // Where edge a–b meets the line y = v.
  const at = (a: XY, b: XY, v: number): XY => [a[0] + ((b[0] - a[0]) * (v - a[1])) / (b[1] - a[1]), v];
  let a = ring[ring.length - 1];
  for (const b of ring) {
    if (a[1] < lo) {
      if (b[1] >= lo) out.push(at(a, b, lo), b[1] > hi ? at(a, b, hi) : b);
    } else if (a[1] > hi) {
      if (b[1] <= hi) out.push(at(a, b, hi), b[1] < lo ? at(a, b, lo) : b);
    } else out.push(b[1] < lo ? at(a, b, lo) : b[1] > hi ? at(a, b, hi) : b);
    a = b;
  }
  return out;
}

/** The part of segment a–b inside the rectangle (Liang–Barsky), or null. */
function clipSegment(a: XY, b: XY, r: Rect): [XY, XY] | null {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  let [t0, t1] = [0, 1];
  for (const [p, q] of [
    [-dx, a[0] - r.x0],
    [dx, r.x1 - a[0]],
    [-dy, a[1] - r.y0],
    [dy, r.y1 - a[1]],
  ]) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}

/** A polyline cut into the pieces that lie inside the rectangle. */
export function clipLine(line: XY[], r: Rect): XY[][] {
  const pieces: XY[][] = [];
  let current: XY[] | null = null;
  for (let i = 1; i < line.length; i++) {
    const part = clipSegment(line[i - 1], line[i], r);
    if (!part) {
      current = null;
      continue;
    }
    const continues = current && part[0][0] === line[i - 1][0] && part[0][1] === line[i - 1][1];
    if (!continues) {
      current = [part[0]];
      pieces.push(current);
    }
    current!.push(part[1]);
    // A segment that leaves the rectangle ends the piece.
    if (part[1][0] !== line[i][0] || part[1][1] !== line[i][1]) current = null;
  }
  return pieces;
}
