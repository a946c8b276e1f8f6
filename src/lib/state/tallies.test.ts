// The counts the legend, the slider's readout and the screen-reader announcements state, and the
// governorates each lead is drawn on, from the shipped data.
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { dayFromIso } from '../time/day.ts';
import { controlStatusLabels } from '../look/palette.ts';
import { leadLabels } from '../look/leads.ts';
import { defaultView } from './snapshot.ts';
import { certainToTheDay, controlTally, eventReadout, eventsInView, leadsOn, playbackSummary } from './tallies.ts';

const { atlas } = loadAtlas(readRawFiles());
const day = (iso: string) => dayFromIso(iso);
const view = (iso: string, layers = defaultView.layers) => ({ ...defaultView, t: day(iso), layers: [...layers] });

describe("each governorate's lead", () => {
  it('puts the four MND-SE governorates under the United Kingdom in 2005, and Babil under Poland', () => {
    const leads = leadsOn(atlas, day('2005-06-01'));
    expect(leads.size).toBe(atlas.governorates.features.length);
    expect(
      [...leads]
        .filter(([, lead]) => lead === 'uk')
        .map(([id]) => id)
        .sort(),
    ).toEqual(['IQ-BA', 'IQ-DQ', 'IQ-MA', 'IQ-MU']);
    expect(leads.get('IQ-BB')).toBe('pl');
    expect(leads.get('IQ-AN')).toBe('us');
  });

  it('keeps a gap a gap: Anbar has no sourced lead in April 2003, and Basra none once it is under Iraqi control', () => {
    expect(leadsOn(atlas, day('2003-04-15')).get('IQ-AN')).toBe('unknown');
    expect(leadsOn(atlas, day('2007-12-20')).get('IQ-BA')).toBeNull();
  });

  it('counts every governorate once: the statuses add up to 18, and the leads to the coalition sectors', () => {
    for (const iso of ['2003-03-20', '2005-06-01', '2007-12-16', '2009-06-01']) {
      const tally = controlTally(atlas, day(iso));
      expect(Object.values(tally.status).reduce((a, b) => a + b, 0)).toBe(18);
      expect(Object.values(tally.leads).reduce((a, b) => a + b, 0)).toBe(tally.status.coalition ?? 0);
    }
  });
});

describe('the readout and the announcement', () => {
  it('says how many events are in view and how many of them are certain to the day', () => {
    const v = view('2006-11-20');
    const shown = eventsInView(atlas.events, v);
    const certain = shown.filter(certainToTheDay).length;
    expect(shown.length).toBeGreaterThan(certain);
    expect(certain).toBeGreaterThan(0);
    expect(eventReadout(atlas.events, v)).toBe(`${shown.length} events in view, ${certain} certain to the day`);
  });

  it('names the date, the events and the counts of the layers shown, and only those', () => {
    const words = { date: '1 June 2005', statuses: controlStatusLabels, leads: leadLabels };
    const withControl = playbackSummary(atlas, view('2005-06-01', ['events', 'control']), words);
    expect(withControl).toMatch(/^1 June 2005: \d+ events? in view, \d+ certain to the day\. Control: Coalition sector 18 \(/);
    expect(withControl).toContain('4 UK-led');
    expect(withControl).not.toContain('Displacement');
    const withDisplacement = playbackSummary(atlas, view('2008-06-01', ['displacement']), { ...words, date: '1 June 2008' });
    expect(withDisplacement).toMatch(/Displacement figures for \d+ of 18 governorates\.$/);
    expect(withDisplacement).not.toContain('Control');
  });
});
