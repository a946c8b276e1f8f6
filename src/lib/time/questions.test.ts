// The questions in time, checked on the reference dates (shared/reference/facts.md §1, §4).
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import type { DisplacementMeasure } from '../data/schema.ts';
import { dayFromIso } from './day.ts';
import { controlAt, displacementAt } from './questions.ts';

const { atlas, problems } = loadAtlas(readRawFiles());
const day = dayFromIso;
const statusOn = (gov: string, iso: string) => controlAt(atlas.control, gov, day(iso))?.status ?? null;
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('controlAt', () => {
  it('loads without problems', () => expect(problems).toEqual([]));

  // Every Provincial Iraqi Control date in the reference facts, the better-sourced one where they conflict.
  const picDates: [string, string, string, 'iraqi' | 'krg'][] = [
    ['Muthanna', 'IQ-MU', '2006-07-13', 'iraqi'],
    ['Dhi Qar', 'IQ-DQ', '2006-09-21', 'iraqi'],
    ['Najaf', 'IQ-NA', '2006-12-20', 'iraqi'],
    ['Maysan', 'IQ-MA', '2007-04-18', 'iraqi'],
    ['Dohuk', 'IQ-DA', '2007-05-30', 'krg'],
    ['Erbil', 'IQ-AR', '2007-05-30', 'krg'],
    ['Sulaymaniyah', 'IQ-SU', '2007-05-30', 'krg'],
    ['Karbala', 'IQ-KA', '2007-10-29', 'iraqi'],
    ['Basra', 'IQ-BA', '2007-12-16', 'iraqi'],
    ['Qadisiyah', 'IQ-QA', '2008-07-16', 'iraqi'],
    ['Anbar', 'IQ-AN', '2008-09-01', 'iraqi'],
    ['Babil', 'IQ-BB', '2008-10-23', 'iraqi'],
    ['Wasit', 'IQ-WA', '2008-10-29', 'iraqi'],
  ];
  it.each(picDates)('%s passes from the coalition on %s', (_name, gov, date, status) => {
    expect(statusOn(gov, dayBefore(date))).toBe('coalition');
    expect(statusOn(gov, date)).toBe(status);
  });

  it.each(['IQ-BG', 'IQ-DI', 'IQ-SD', 'IQ-KI', 'IQ-NI'])('%s, which never had PIC, passes under the Security Agreement on 1 January 2009', (gov) => {
    expect(statusOn(gov, '2008-12-31')).toBe('coalition');
    expect(statusOn(gov, '2009-01-01')).toBe('security-agreement');
  });

  it('keeps Basra under British-led coalition control on 15 December 2007 and Iraqi on the 16th', () => {
    expect(controlAt(atlas.control, 'IQ-BA', day('2007-12-15'))).toMatchObject({ status: 'coalition', lead: 'United Kingdom' });
    expect(controlAt(atlas.control, 'IQ-BA', day('2007-12-16'))).toMatchObject({
      status: 'iraqi',
      source: { url: 'http://news.bbc.co.uk/2/hi/uk_news/7147309.stm' },
    });
  });

  it('records the conflicting dates it did not use', () => {
    expect(controlAt(atlas.control, 'IQ-MU', day('2006-07-13'))?.alsoReported?.[0].date).toBe('2006-07-14');
    expect(controlAt(atlas.control, 'IQ-DA', day('2007-05-30'))?.alsoReported?.[0].date).toBe('2007-06-01');
  });

  it('follows the sector changes with sourced days and leaves the lead empty where none is sourced', () => {
    expect(controlAt(atlas.control, 'IQ-BB', day('2006-01-04'))?.lead).toBe('Poland');
    expect(controlAt(atlas.control, 'IQ-BB', day('2006-01-05'))?.lead).toBe('United States');
    expect(controlAt(atlas.control, 'IQ-QA', day('2004-11-15'))).toMatchObject({ status: 'coalition', lead: null });
  });

  it('knows nothing before the invasion of 20 March 2003', () => {
    expect(statusOn('IQ-BG', '2003-03-19')).toBeNull();
    expect(statusOn('IQ-BG', '2003-03-20')).toBe('coalition');
  });

  it('covers every governorate from the invasion to the end of 2011 without a gap', () => {
    for (const [gov, periods] of Object.entries(atlas.control.governorates)) {
      expect(periods[0].from, gov).toBe('2003-03-20');
      expect(periods.at(-1)!.to, gov).toBe('2011-12-31');
      for (let i = 1; i < periods.length; i++) expect(periods[i].t0, `${gov} period ${i}`).toBe(periods[i - 1].t1 + 1);
    }
  });
});

describe('displacementAt', () => {
  const at = (where: string | null, iso: string, measure: DisplacementMeasure, texts = false) =>
    displacementAt(atlas.displacement, where, day(iso), measure, { texts });

  it('gives the latest national IDP figure at or before the date, with its date and source', () => {
    expect(at(null, '2007-03-01', 'idps')).toMatchObject({ value: 1_800_000, date: '2007-02-12', source: { url: expect.stringContaining('unhcr.org') } });
    expect(at(null, '2008-10-01', 'idps')).toMatchObject({ value: 2_800_000, qualifier: 'more than', date: '2008-09-01' });
  });

  it('counts a figure dated to a year only once that year is over', () => {
    expect(at(null, '2008-12-30', 'idps')?.date).toBe('2008-09-01');
    expect(at(null, '2008-12-31', 'idps')).toMatchObject({ value: 2_840_000, date: '2008' });
  });

  it("gives Diyala's displaced since February 2006 from the May 2007 estimate", () => {
    expect(at('IQ-DI', '2007-04-30', 'idps-since-2006')).toMatchObject({ value: 21_600, date: '2006-12-24' });
    expect(at('IQ-DI', '2007-06-15', 'idps-since-2006')).toMatchObject({ value: 50_640, families: 8_440, date: '2007-05' });
  });

  it('gives a range as value and high', () => {
    expect(at('SY', '2007-10-01', 'refugees')).toMatchObject({ value: 1_200_000, high: 1_400_000, qualifier: 'range' });
  });

  it('shows a gap as a gap: a sourced "no data" row, or nothing at all', () => {
    expect(at('IQ-WA', '2007-06-01', 'idps-since-2006')).toMatchObject({ value: null, qualifier: 'no data' });
    expect(at('IQ-AR', '2010-01-01', 'idps-since-2006')).toBeNull();
    expect(at(null, '2004-01-01', 'idps')).toBeNull();
  });

  it("keeps the texts' own figures apart unless asked for", () => {
    expect(at(null, '2006-11-30', 'refugees')?.id).toBe('iq-refugees-pre-2006');
    expect(at(null, '2006-11-30', 'refugees', true)).toMatchObject({ value: 1_800_000, source: { doc: 'cockburn-2006' } });
    expect(at('IQ-NI', '2006-11-30', 'fled', true)).toMatchObject({ value: 70_000, place: 'mosul' });
  });
});
