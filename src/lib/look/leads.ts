// Who led a coalition sector: one pattern per lead nation, laid over the control status's colour.
// A pattern, not a tint, so the leads stay apart in greyscale and do not fight the status colours;
// no pattern where no source names the lead, so a gap looks like a gap. One home for the map
// style, the screen legend, the panels and the figures.
import type { LeadNation } from '../data/schema.ts';

/** The fill patterns the map and the figures draw (a tile each; see map/patterns.ts, print/patterns.ts). */
export type PatternKind = 'horizontal' | 'vertical' | 'dots' | 'diagonal';

export const leadKeys = ['us', 'uk', 'pl', 'kr'] as const;
export type LeadKey = (typeof leadKeys)[number];
/** A coalition period's lead: a nation, or 'unknown' where no source names it. */
export type LeadOrGap = LeadKey | 'unknown';

/** The key of each lead nation geo/control.json may name for a coalition period (validate-geo.ts checks it). */
export const leadKeyOf: Record<LeadNation, LeadKey> = {
  'United States': 'us',
  'United Kingdom': 'uk',
  Poland: 'pl',
  'South Korea': 'kr',
};

export const leadPatterns: Record<LeadKey, PatternKind> = { us: 'horizontal', uk: 'vertical', pl: 'dots', kr: 'diagonal' };

/** How strongly a lead's pattern is drawn over the control colour, on screen and in figures. */
export const leadPatternOpacity = 0.55;

/** What the map's labels and every legend call each lead. */
export const leadLabels: Record<LeadOrGap, string> = {
  us: 'US-led',
  uk: 'UK-led',
  pl: 'Polish-led',
  kr: 'Korean-led',
  unknown: 'lead: no data',
};

/** The lead of a control period, or null when the period is not a coalition sector (its colour says who held it). */
export function leadOf(period: { status: string; lead: string | null } | null): LeadOrGap | null {
  if (period?.status !== 'coalition') return null;
  return period.lead === null ? 'unknown' : (leadKeyOf[period.lead as LeadNation] ?? 'unknown');
}

/** The map image a lead's pattern is drawn with (added at runtime, like the hatch). */
export const leadImage = (lead: LeadKey): string => `lead-${lead}`;
