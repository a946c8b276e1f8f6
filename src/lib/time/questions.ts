// What holds at day t: pure questions the map, the panels and the figures all ask (docs/architecture.md, "Time").
// Structural, so that time/ imports nothing of the project (it is the ground floor): any record
// with days t0..t1 will do, and data/schema.ts's types are such records.

type Confidence = 'high' | 'medium' | 'low';

/** The control period of a governorate on day t, or null outside the periods (no data). */
export function controlAt<P extends { t0: number; t1: number }>(control: { governorates: Record<string, P[]> }, governorate: string, t: number): P | null {
  return control.governorates[governorate]?.find((p) => p.t0 <= t && t <= p.t1) ?? null;
}

/** What displacementAt reads of a record; its source is a web page, or a passage of a text (with a doc). */
interface Counted {
  where: string | null;
  measure: string;
  t0: number;
  t1: number;
  confidence: Confidence;
  source: object;
}

const confidenceRank: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export interface DisplacementQuery {
  /** Include the texts' own figures. Off by default: the texts do not say how they counted. */
  texts?: boolean;
}

/**
 * The latest figure for `where` (a governorate id, SY, JO, SY+JO, or null for Iraq as a whole) and
 * `measure` whose date has fully passed by day t: a figure dated "2008" counts from 31 December
 * 2008, so the map never shows a number before its date. Among figures of the same day the better
 * sourced wins, then the more precisely dated. A record with value null is a sourced "no data".
 */
export function displacementAt<R extends Counted>(
  records: R[],
  where: string | null,
  t: number,
  measure: R['measure'],
  query: DisplacementQuery = {},
): R | null {
  let best: R | null = null;
  for (const r of records) {
    if (r.where !== where || r.measure !== measure || r.t1 > t) continue;
    if (!query.texts && 'doc' in r.source) continue;
    if (!best || isBetter(r, best)) best = r;
  }
  return best;
}

function isBetter(a: Counted, b: Counted): boolean {
  if (a.t1 !== b.t1) return a.t1 > b.t1;
  const rank = confidenceRank[a.confidence] - confidenceRank[b.confidence];
  if (rank !== 0) return rank > 0;
  return a.t1 - a.t0 < b.t1 - b.t0;
}
