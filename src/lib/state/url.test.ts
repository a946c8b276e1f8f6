import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../time/day.ts';
import { formatView, parseView } from './url.ts';
import { defaultView, knownOf, type ViewSnapshot } from './snapshot.ts';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';

const known = {
  places: new Set(['fallujah', 'basra']),
  texts: new Set(['steele-2008']),
  tags: new Set(['violence']),
  tours: new Map([['iraq-2003-2011', 15]]),
};

describe('view ⇄ URL', () => {
  it('round-trips a whole view', () => {
    const view: ViewSnapshot = {
      t: dayFromIso('2007-12-16'),
      mode: 'cumulative',
      windowDays: 30,
      camera: [47.7804, 30.5085, 7.5],
      layers: ['events', 'displacement'],
      texts: ['steele-2008'],
      tags: ['violence'],
      place: 'basra',
      doc: 'steele-2008',
      passage: [13181, 13208],
      tour: 'iraq-2003-2011',
      chapter: 4,
      db: 'http://127.0.0.1:7800',
    };
    const parsed = parseView(formatView(view), known);
    expect(parsed.notices).toEqual([]);
    expect(parsed.view).toEqual(view);
  });

  it('names a collection server by address or same-origin path, readably, and refuses anything else', () => {
    expect(formatView({ ...defaultView, db: 'http://127.0.0.1:7800' })).toBe('#t=2006-11-14&db=http://127.0.0.1:7800');
    expect(parseView('#db=/db/', known).view.db).toBe('/db');
    for (const bad of ['javascript:alert(1)', 'ftp://host/x', 'http://host/?a=1', 'not a url']) {
      const { view, notices } = parseView(`#db=${encodeURIComponent(bad)}`, known);
      expect(view.db).toBeNull();
      expect(notices[0]).toMatch(/collection server .* is not valid; showing no server/);
    }
  });

  it('keeps links short: defaults are left out', () => {
    expect(formatView(defaultView)).toBe('#t=2006-11-14');
  });

  it('falls back field by field, with a notice naming each bad part', () => {
    const { view, notices } = parseView('#t=2006-13-45&mode=sideways&w=-3&c=999,1,2&layers=events,bombs&place=atlantis&tags=violence,nope', known);
    expect(view).toMatchObject({ t: defaultView.t, mode: 'window', windowDays: 90, camera: null, layers: defaultView.layers, place: null, tags: ['violence'] });
    expect(notices).toHaveLength(7);
    expect(notices[0]).toMatch(/date “2006-13-45” is not valid/);
  });

  it('refuses dates outside 20 March 2003 – 18 December 2011, and dates that are not days', () => {
    expect(parseView('#t=2003-03-19', known).notices).toHaveLength(1);
    expect(parseView('#t=2003-02-30', known).notices).toHaveLength(1);
    expect(parseView('#t=2011-12-18', known).view.t).toBe(dayFromIso('2011-12-18'));
  });

  it('opens a tour chapter by number, and refuses a chapter the tour does not have', () => {
    expect(parseView('#tour=iraq-2003-2011&chapter=15', known).view).toMatchObject({ tour: 'iraq-2003-2011', chapter: 14 });
    const { view, notices } = parseView('#tour=iraq-2003-2011&chapter=16', known);
    expect(view.chapter).toBe(0);
    expect(notices[0]).toMatch(/chapter “16” is not valid/);
    expect(parseView('#tour=nowhere', known).view.tour).toBeNull();
  });

  it('treats hostile text as text: it is quoted, cut short, and never used', () => {
    const { view, notices } = parseView(`#place=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, known);
    expect(view.place).toBeNull();
    expect(notices[0]).toContain('“<img src=x onerror=alert(1)>”');
  });

  it("shows bidi controls in a bad part by their code points, so they cannot reverse the notice's own words", () => {
    const { notices } = parseView(`#place=${encodeURIComponent('x\u202Eevil\u2066')}`, known);
    expect(notices[0]).toContain('“x<U+202E>evil<U+2066>”');
    expect(notices[0]).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('selects a governorate by its id, so every governorate can be linked and inspected', () => {
    const { atlas } = loadAtlas(readRawFiles());
    const all = knownOf(atlas, []);
    for (const g of atlas.governorates.features) expect(parseView(`#place=${g.properties.id}`, all).view.place).toBe(g.properties.id);
    expect(parseView('#place=IQ-XX', all).notices[0]).toMatch(/place “IQ-XX” is not valid/);
  });

  describe('reads a link as its writer meant it (issue 37)', () => {
    it('keeps the default layers when the link names one that does not exist, and says so', () => {
      const { view, notices } = parseView('#layers=event', known);
      expect(view.layers).toEqual(defaultView.layers);
      expect(notices).toEqual([expect.stringMatching(/layers “event” is not valid; showing the default layers \(events, control, context\)/)]);
      // No layers at all is a view a link can hold: the reader turned every layer off.
      expect(parseView('#layers=', known).view.layers).toEqual([]);
    });

    it('writes repeated layer names back once', () => {
      const { view, notices } = parseView('#layers=events,events,control,events', known);
      expect(notices).toEqual([]);
      expect(view.layers).toEqual(['events', 'control']);
      expect(formatView(view)).toContain('layers=events,control');
    });

    it('refuses a negative or reversed passage instead of reading another range', () => {
      for (const at of ['-5-10', '10-5', '5-5', '1.5-9', '3-', '0x10-0x20']) {
        const { view, notices } = parseView(`#doc=steele-2008&at=${at}`, known);
        expect(view.passage, at).toBeNull();
        expect(notices[0], at).toMatch(/passage “.*” is not valid/);
      }
      expect(parseView('#doc=steele-2008&at=0-10', known).view.passage).toEqual([0, 10]);
    });

    it('opens a month on its first day, and a year on its first day in the atlas, with a notice', () => {
      const month = parseView('#t=2007-12', known);
      expect(month.view.t).toBe(dayFromIso('2007-12-01'));
      expect(month.notices).toEqual([expect.stringMatching(/date “2007-12” is a month, not a day; showing 2007-12-01/)]);
      expect(parseView('#t=2003', known).view.t).toBe(dayFromIso('2003-03-20'));
      expect(parseView('#t=2003-03', known).view.t).toBe(dayFromIso('2003-03-20'));
      // A month wholly outside the atlas is refused as any date is.
      expect(parseView('#t=2012-01', known)).toMatchObject({ view: { t: defaultView.t }, notices: [expect.stringMatching(/is not valid/)] });
    });
  });
});
