// A seeded synthetic collection, the same every time, written as a CSV for `npm run db -- load`:
// for the tests and the bench (10,000,000 rows). Events cluster around seeded centres, as
// incident reports cluster in towns, so some tiles are dense and most are sparse. Most are dated
// to a day; some to a month ("2006-11") or a span of days ("2006-11-03/2006-11-20"), so windows
// cut through spans. Nothing here is a fact about the war: the labels say "seeded".
import { createWriteStream } from 'node:fs';
import { isoDay } from '../lib/time/day.ts';

export const SEEDED_TAGS = ['violence', 'displacement', 'politics', 'aid'];
/** 20 March 2003 .. 18 December 2011, the slider's span, as day numbers (src/lib/time/instant.ts). */
const FIRST_DAY = 78;
const DAYS = 3196;

export function* seededRows(n: number): Generator<string[]> {
  // mulberry32: 32-bit integer arithmetic, so the sequence does not collapse as a float LCG's does.
  let seed = 11;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const centres = Array.from({ length: 60 }, () => ({ lng: 39.5 + random() * 8, lat: 30 + random() * 6.5, spread: 0.02 + random() * 0.3 }));
  for (let i = 0; i < n; i++) {
    // Two thirds of events fall in the first ten centres: a few dense towns, many sparse ones.
    const centre = centres[random() < 0.66 ? Math.floor(random() * 10) : Math.floor(random() * centres.length)];
    // A normal spread (Box–Muller) about the centre.
    const r = Math.sqrt(-2 * Math.log(1 - random())) * centre.spread;
    const a = 2 * Math.PI * random();
    const lng = (centre.lng + r * Math.cos(a)).toFixed(5);
    const lat = (centre.lat + r * Math.sin(a)).toFixed(5);
    const day = FIRST_DAY + Math.floor(random() * DAYS);
    const kind = random();
    const date =
      kind < 0.85
        ? isoDay(day)
        : kind < 0.95
          ? isoDay(day).slice(0, 7)
          : `${isoDay(day)}/${isoDay(Math.min(FIRST_DAY + DAYS - 1, day + 1 + Math.floor(random() * 60)))}`;
    const tags = SEEDED_TAGS.filter(() => random() < 0.35).join(';');
    yield [String(i + 1), date, lng, lat, `seeded event ${i + 1}`, 'seeded', tags];
  }
}

export const SEEDED_HEADER = ['ref', 'date', 'longitude', 'latitude', 'label', 'source', 'tags'];

/** Write `n` seeded rows (and any extra lines, e.g. bad rows for a test) to a CSV. */
export async function writeSeededCsv(path: string, n: number, extra: string[][] = []): Promise<void> {
  const out = createWriteStream(path);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(SEEDED_HEADER.join(',') + '\n');
  let buffer = '';
  for (const row of seededRows(n)) {
    buffer += row.join(',') + '\n';
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  for (const row of extra) buffer += row.join(',') + '\n';
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
