// The month and the year of a day (src/lib/time/instant.ts counts days from 2003-01-01), looked up
// rather than worked out: the loader asks for both once an event, 10,000,000 times.
import { dayFromIso, EARLIEST, EPOCH_MS, LATEST } from '../lib/time/instant.ts';

const FIRST = dayFromIso(EARLIEST);
const LAST = dayFromIso(LATEST);

/** Month 0 is January 2003, as atlas.month_of counts; earlier months are negative. */
const MONTHS = Int16Array.from({ length: LAST - FIRST + 1 }, (_, i) => {
  const date = new Date(EPOCH_MS + (FIRST + i) * 86_400_000);
  return (date.getUTCFullYear() - 2003) * 12 + date.getUTCMonth();
});

/** The month of a day EARLIEST..LATEST (the only days an event may have). */
export const monthOf = (day: number): number => MONTHS[day - FIRST];

/** The year of a day EARLIEST..LATEST: the partition of atlas.events that holds its events. */
export const yearOf = (day: number): number => 2003 + Math.floor(MONTHS[day - FIRST] / 12);
