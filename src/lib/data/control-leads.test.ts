// The coalition leads of geo/control.json as re-read against the primary record (issue 39): for
// each governorate whose lead the audit of December 2026 found wrong, missing or doubtful, a day
// inside each corrected period and the lead (and sector) drawn on it. A lead is null where no
// source names it: the map draws that as "lead: no data", never as a guess.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../time/day.ts';
import { controlAt } from '../time/questions.ts';
import { readRawFiles } from './files-node.ts';
import { loadAtlas } from './load.ts';

const { atlas, problems } = loadAtlas(readRawFiles());
const on = (governorate: string, iso: string) => {
  const period = controlAt(atlas.control, governorate, dayFromIso(iso));
  return period && { status: period.status, lead: period.lead, sector: period.sector };
};
const coalition = (lead: string | null, sector: string | null = null) => ({ status: 'coalition', lead, sector });

describe('coalition leads, corrected from the primary record', () => {
  it('loads with no problem', () => expect(problems).toEqual([]));

  it.each([
    // Wasit: Polish-led until Poland handed it to the US-led MND-Center in mid-July 2007 (the day not found).
    ['IQ-WA', '2003-04-10', coalition(null)],
    ['IQ-WA', '2003-06-01', coalition('United States', 'I MEF')],
    ['IQ-WA', '2003-08-30', coalition(null)],
    ['IQ-WA', '2006-06-01', coalition('Poland', 'MND-CS')],
    ['IQ-WA', '2007-07-15', coalition(null)],
    ['IQ-WA', '2007-11-20', coalition('United States', 'MND-Center')],
    ['IQ-WA', '2008-10-01', coalition('United States', 'MND-Center')],
    // Muthanna: US Marines until the Dutch took it over on 1 August 2003, in the UK-led MND(SE).
    ['IQ-MU', '2003-04-01', coalition(null)],
    ['IQ-MU', '2003-07-15', coalition('United States', 'I MEF')],
    ['IQ-MU', '2003-07-31', coalition('United States', 'I MEF')],
    ['IQ-MU', '2003-08-01', coalition('United Kingdom', 'MND-SE')],
    ['IQ-MU', '2005-06-01', coalition('United Kingdom', 'MND-SE')],
    // Dhi Qar: US Marines until the Italian brigade under British command took over on 19 July 2003.
    ['IQ-DQ', '2003-05-01', coalition('United States', 'I MEF')],
    ['IQ-DQ', '2003-07-19', coalition('United Kingdom', 'MND-SE')],
    // Maysan: no coalition force until the UK area was extended to al-Amara on 11 April 2003.
    ['IQ-MA', '2003-04-01', coalition(null)],
    ['IQ-MA', '2003-05-01', coalition('United Kingdom', '1st (UK) Armoured Division')],
    ['IQ-MA', '2003-07-12', coalition('United Kingdom', 'MND-SE')],
    ['IQ-BA', '2003-04-10', coalition('United Kingdom', '1st (UK) Armoured Division')],
    // Najaf, Karbala, Qadisiyah: the Marines', the Polish-led division's, the Marines' again.
    ['IQ-NA', '2003-09-10', coalition('United States', 'I MEF')],
    ['IQ-NA', '2004-01-01', coalition('Poland', 'MND-CS')],
    ['IQ-NA', '2005-06-01', coalition('United States')],
    ['IQ-KA', '2004-06-01', coalition('Poland', 'MND-CS')],
    ['IQ-KA', '2005-06-01', coalition('United States')],
    ['IQ-KA', '2007-06-01', coalition('United States', 'MND-Center')],
    ['IQ-QA', '2004-09-01', coalition('United States', 'I MEF')],
    ['IQ-QA', '2004-11-15', coalition(null)],
    ['IQ-QA', '2006-06-01', coalition('Poland', 'MND-CS')],
    ['IQ-BB', '2006-06-01', coalition('United States')],
    ['IQ-BB', '2008-01-01', coalition('United States', 'MND-Center')],
    // The north, empty through 2003–2007 before: each lead from the day a source names it.
    ['IQ-NI', '2003-04-01', coalition(null)],
    ['IQ-NI', '2003-06-01', coalition('United States', '101st Airborne Division')],
    ['IQ-NI', '2004-06-01', coalition('United States', 'Task Force Olympia, then Task Force Freedom')],
    ['IQ-NI', '2006-11-20', coalition('United States', 'MND-North')],
    ['IQ-KI', '2003-06-01', coalition('United States', '173rd Airborne Brigade')],
    ['IQ-KI', '2004-06-01', coalition('United States', 'Task Force Danger')],
    ['IQ-KI', '2005-06-01', coalition('United States', 'MND-North Central')],
    ['IQ-SD', '2003-04-16', coalition('United States', 'Task Force Tripoli')],
    ['IQ-SD', '2003-09-01', coalition('United States', '4th Infantry Division')],
    ['IQ-SD', '2006-11-20', coalition('United States', 'MND-North')],
    ['IQ-DI', '2003-09-01', coalition(null)],
    ['IQ-DI', '2004-06-01', coalition('United States', 'Task Force Danger')],
    ['IQ-DI', '2005-06-01', coalition(null)],
    ['IQ-DI', '2006-11-20', coalition('United States', 'MND-North')],
    ['IQ-DA', '2004-06-01', coalition('United States', 'Task Force Olympia, then Task Force Freedom')],
    ['IQ-DA', '2006-11-20', coalition('United States', 'MND-North')],
    ['IQ-SU', '2003-09-01', coalition(null)],
    ['IQ-SU', '2004-06-01', coalition('United States', 'Task Force Danger')],
    ['IQ-SU', '2006-11-20', coalition('United States', 'MND-North')],
    // Erbil: Task Force Olympia, then the Korean Zaytun Division from 1 October 2004 to the KRG's control.
    ['IQ-AR', '2004-06-01', coalition('United States', 'Task Force Olympia')],
    ['IQ-AR', '2004-10-01', coalition('South Korea', 'Zaytun Division')],
    ['IQ-AR', '2006-11-20', coalition('South Korea', 'Zaytun Division')],
    // Anbar and Baghdad: the sector names as the record of the time gives them.
    ['IQ-AN', '2003-10-01', coalition('United States')],
    ['IQ-AN', '2004-03-24', coalition('United States', 'I MEF, later MNF-West')],
    ['IQ-BG', '2003-04-01', coalition(null)],
    ['IQ-BG', '2003-04-09', coalition('United States')],
    ['IQ-BG', '2005-06-01', coalition('United States', 'Task Force Baghdad')],
    ['IQ-BG', '2008-01-15', coalition('United States', 'MND-Baghdad')],
  ])('%s on %s', (governorate, iso, expected) => expect(on(governorate, iso)).toEqual(expected));

  it('ends the Korean lead where the Kurdistan Regional Government took Erbil (30 May 2007)', () => {
    expect(on('IQ-AR', '2007-05-29')).toEqual(coalition('South Korea', 'Zaytun Division'));
    expect(on('IQ-AR', '2007-05-30')?.status).toBe('krg');
  });

  it('cites no Wikipedia page or blog for any coalition period', () => {
    const cited = Object.values(atlas.control.governorates)
      .flat()
      .filter((p) => p.status === 'coalition')
      .map((p) => p.source.url);
    expect(cited.filter((url) => /wikipedia|blogspot|en-academic|liquisearch/.test(url))).toEqual([]);
  });
});
