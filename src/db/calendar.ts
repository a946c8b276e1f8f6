// The month of a day (src/lib/time/instant.ts counts days from 2003-01-01), looked up rather than
// worked out: the loader's counts ask once an event, 10,000,000 times.
import { dayFromIso, EARLIEST, EPOCH_MS, LATEST } from '../lib/time/day.ts';

/** The first and the last day an event may have. */
export const FIRST_DAY = dayFromIso(EARLIEST);
export const LAST_DAY = dayFromIso(LATEST);

/** Month 0 is January 2003, as atlas.month_of counts; earlier months are negative. */
const MONTHS = Int16Array.from({ length: LAST_DAY - FIRST_DAY + 1 }, (_, i) => {
  const date = new Date(EPOCH_MS + (FIRST_DAY + i) * 86_400_000);
  return (date.getUTCFullYear() - 2003) * 12 + date.getUTCMonth();
});

/** The month of a day FIRST_DAY..LAST_DAY. */
export const monthOf = (day: number): number => MONTHS[day - FIRST_DAY];
