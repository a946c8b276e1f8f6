// What the view shows, counted: the events in view (the list, the slider's readout, the
// announcements) and the governorates by control status and lead (the legend, the announcements).
// Pure, so every place that states a count states the same one.
import type { Atlas, AtlasEvent } from '../data/schema.ts';
import { leadOf, type LeadOrGap } from '../look/leads.ts';
import { controlAt, displacementAt } from '../time/questions.ts';
import { isVisible } from '../time/window.ts';
import type { ViewSnapshot } from './snapshot.ts';

type TimeFilter = Pick<ViewSnapshot, 't' | 'mode' | 'windowDays' | 'texts' | 'tags'>;

/** The texts' events the view shows, in the atlas's order: in time, and from the chosen texts and tags. */
export const eventsInView = (events: AtlasEvent[], view: TimeFilter): AtlasEvent[] =>
  events.filter(
    (e) =>
      isVisible(e, view.t, view.mode, view.windowDays) &&
      (!view.texts.length || e.sources.some((s) => view.texts.includes(s.doc))) &&
      (!view.tags.length || e.tags.some((t) => view.tags.includes(t))),
  );

/** Dated to one day, without EDTF's ~ or ?: the map draws it as a filled halo, never faded. */
export const certainToTheDay = (e: AtlasEvent): boolean => e.precision === 'day' && !e.approximate;

/** Each governorate's lead on day t, or null where it was no coalition sector that day (leadOf): what the map's lead patterns and the words under the names draw. */
export function leadsOn(atlas: Atlas, t: number): Map<string, LeadOrGap | null> {
  return new Map(atlas.governorates.features.map((g) => [g.properties.id, leadOf(controlAt(atlas.control, g.properties.id, t))]));
}

export interface ControlTally {
  /** Governorates per control status, and 'none' where no period covers the day. */
  status: Record<string, number>;
  /** Coalition governorates per lead. */
  leads: Record<LeadOrGap, number>;
  /** Governorates with a sourced displacement figure by the day. */
  displacement: number;
}

export function controlTally(atlas: Atlas, t: number): ControlTally {
  const status: Record<string, number> = {};
  const leads: Record<LeadOrGap, number> = { us: 0, uk: 0, pl: 0, kr: 0, unknown: 0 };
  let displacement = 0;
  for (const g of atlas.governorates.features) {
    const period = controlAt(atlas.control, g.properties.id, t);
    const s = period?.status ?? 'none';
    status[s] = (status[s] ?? 0) + 1;
    const lead = leadOf(period);
    if (lead) leads[lead]++;
    if (displacementAt(atlas.displacement, g.properties.id, t, 'idps-since-2006')?.value != null) displacement++;
  }
  return { status, leads, displacement };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The slider's readout: how many events are in view, and how many of them are certain to the day. */
export function eventReadout(events: AtlasEvent[], view: TimeFilter): string {
  const shown = eventsInView(events, view);
  return `${plural(shown.length, 'event')} in view, ${shown.filter(certainToTheDay).length} certain to the day`;
}

/**
 * What a screen reader hears while the clock plays: the date, the events in view, and the counts
 * of the layers that are shown, in the legend's words.
 */
export function playbackSummary(
  atlas: Atlas,
  view: TimeFilter & Pick<ViewSnapshot, 'layers'>,
  words: { date: string; statuses: Record<string, string>; leads: Record<LeadOrGap, string> },
): string {
  const parts = [`${words.date}: ${eventReadout(atlas.events, view)}.`];
  const tally = controlTally(atlas, view.t);
  if (view.layers.includes('control')) {
    const statuses = Object.entries(words.statuses)
      .filter(([status]) => tally.status[status])
      .map(([status, label]) => {
        const leads = (Object.entries(tally.leads) as [LeadOrGap, number][]).filter(([, n]) => n).map(([lead, n]) => `${n} ${words.leads[lead]}`);
        return `${label} ${tally.status[status]}${status === 'coalition' && leads.length ? ` (${leads.join(', ')})` : ''}`;
      });
    parts.push(`Control: ${statuses.join('; ')}.`);
  }
  if (view.layers.includes('displacement')) parts.push(`Displacement figures for ${tally.displacement} of ${atlas.governorates.features.length} governorates.`);
  return parts.join(' ');
}
