// A seeded synthetic set of imported events, the same every time: for the tests and the bench
// that measure figures with hundreds of thousands of a reader's events.
import { EventColumns, type ImportedSet } from './events.ts';

/** `n` events, one day each, spread over `days` days from `firstDay`, across Iraq's extent. */
export function seededEvents(n: number, firstDay: number, days: number, name = `seeded-${n}.csv`): ImportedSet {
  const columns = new EventColumns();
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < n; i++) {
    const day = firstDay + Math.floor(random() * days);
    columns.push({ lng: 39 + random() * 9, lat: 29.5 + random() * 7.5, t0: day, t1: day, label: '', source: '', row: i + 2 });
  }
  return columns.finish(name);
}
