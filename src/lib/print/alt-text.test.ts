// A figure's alt text against its scene (issue 43): the extent in words, the counts of what is
// drawn, the places labelled, what was left out, and the grammar of one and many.
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { drawnUncertain } from '../data/features.ts';
import { screen } from '../look/palette.ts';
import { defaultView, type ViewSnapshot } from '../state/snapshot.ts';
import { dayFromIso } from '../time/day.ts';
import { displacementAt } from '../time/questions.ts';
import { counted, leftOutWords, listed } from './alt-text.ts';
import { defaultFurniture } from './options.ts';
import { buildScene, type Scene } from './scene.ts';
import { loadFigureTools } from './tools-node.ts';

const { atlas } = loadAtlas(readRawFiles());
const { fonts } = await loadFigureTools();
const scene = (view: ViewSnapshot): Scene =>
  buildScene(
    atlas,
    { page: { widthMm: 174, heightMm: 120, dpi: 150 }, panels: [view], title: 'x', furniture: defaultFurniture([view]), palette: screen, version: 'test' },
    fonts,
  );
const drawn = (s: Scene, role: string) =>
  new Set(s.panels.flatMap((p) => [...p.geometry, ...p.overlay]).flatMap((i) => (i.tag?.role === role ? [i.tag.id] : [])));

describe('alt text', () => {
  it('of the opening view: all of Iraq, the window in words, the events and governorates it draws, counted', () => {
    const s = scene(defaultView);
    const alt = s.words.alt;
    expect(alt).toMatch(/^Map of all of Iraq \(Web Mercator\), events of the 90 days to 14 November 2006\. /);
    const events = atlas.events.filter((e) => drawn(s, 'event').has(e.id));
    const uncertain = events.filter(drawnUncertain).length;
    expect(alt).toContain(`${events.length} events from the texts (${uncertain} uncertain in date or place)`);
    // Every governorate counted once under who held it.
    const control = /province control in (\d+) governorates \(([^)]*)\)/.exec(alt)!;
    expect(Number(control[1])).toBe(18);
    expect(control[2].split('; ').reduce((n, part) => n + Number(part.split(': ')[1]), 0)).toBe(18);
    expect(control[2]).toContain('Coalition sector, US-led: ');
    // The places labelled are those whose names the figure draws, the busiest first.
    const labelled = atlas.places.filter((p) => drawn(s, 'label').has(p.id)).map((p) => p.properties.name);
    const named = /Places labelled: ([^.]*)\./.exec(alt)![1];
    expect(named.startsWith('Baghdad')).toBe(true);
    for (const name of named.replace(/ and \d+ more$/, '').split(/, | and /)) expect(labelled).toContain(name);
    // Left out, each with what it is: Diyala the governorate and Diyala the river are told apart.
    expect(s.dropped).toEqual(expect.arrayContaining(['Diyala (governorate)', 'Diyala (river)']));
    expect(alt).toMatch(/Left out for lack of room: .*governorates [^;]*Diyala.*; .*rivers? [^;]*Diyala/);
    expect(alt).not.toMatch(/part of Iraq around/);
  });

  it('of a city view: the governorate it lies in, not three names in alphabetical order', () => {
    const alt = scene({ ...defaultView, t: dayFromIso('2007-12-16'), camera: [44.38, 33.33, 11] }).words.alt;
    expect(alt).toMatch(/^Map of part of Baghdad governorate \(Web Mercator\), events of the 90 days to 16 December 2007\. 1 event from the texts \(uncertain/);
    expect(alt).toMatch(/Places labelled: [^.]*Green Zone/);
  });

  it('of a regional view: the governorates wholly in the frame, and how many in part', () => {
    const alt = scene({ ...defaultView, t: dayFromIso('2007-12-16'), camera: [44.2, 33.6, 7.5] }).words.alt;
    expect(alt).toMatch(/^Map of part of Iraq: the governorate of Baghdad, and \d+ others in part \(Web Mercator\)/);
  });

  it('of the displacement figure: the day, the circles and the largest, with no "1 events"', () => {
    const t = dayFromIso('2007-06-30');
    const s = scene({ ...defaultView, t, layers: ['displacement', 'context'] });
    const circles = atlas.governorates.features.filter((g) => drawn(s, 'displacement').has(g.properties.id));
    const figures = circles.flatMap((g) => {
      const v = displacementAt(atlas.displacement, g.properties.id, t, 'idps-since-2006')?.value;
      return v == null ? [] : [{ name: g.properties.name, v }];
    });
    const largest = figures.sort((a, b) => b.v - a.v)[0];
    expect(s.words.alt).toMatch(/^Map of all of Iraq \(Web Mercator\), on 30 June 2007\. /);
    expect(s.words.alt).toContain(
      `Displacement circles for ${figures.length} governorates, the largest ${largest.name} (${largest.v.toLocaleString('en-GB')} people displaced since February 2006); no data for ${circles.length - figures.length}.`,
    );
    expect(s.words.alt).not.toMatch(/\bevents? from the texts|1 events/);
  });

  it('says one and many rightly', () => {
    expect(counted(1, 'event')).toBe('1 event');
    expect(counted(2, 'event')).toBe('2 events');
    expect(counted(1200, 'governorate')).toBe('1,200 governorates');
    expect(listed(['A'])).toBe('A');
    expect(listed(['A', 'B', 'C'])).toBe('A, B and C');
    expect(leftOutWords(['Jalula (town)', 'Tal Afar (town)', 'Diyala (river)', 'Babil (governorate)', 'Wasit (governorate)', 'al-Askari shrine (site)'])).toBe(
      'towns Jalula and Tal Afar; river Diyala; governorates Babil and Wasit; site al-Askari shrine',
    );
  });
});
