// What the drawn claims rest on (issue 39): the kind of each source read from its address, and the
// counts of the shipped data, pinned here and kept equal to geo/README.md's list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from './files-node.ts';
import { loadAtlas } from './load.ts';
import { sourceKind, sourceQuality, sourceQualityLines } from './source-quality.ts';

describe('the kind of a source', () => {
  it.each([
    ['https://www.army.mil/article/2438/army_3rd_armored_cavalry_valorous_unit_award', 'primary'],
    ['https://publications.parliament.uk/pa/cm200506/cmselect/cmdfence/1241/124106.htm', 'primary'],
    ['https://archive.defense.gov/news/newsarticle.aspx?id=1', 'primary'],
    // An archived page counts as the page it keeps: here the Defense Department's.
    ['https://webarchive.library.unt.edu/eot2008/20080924053806/http:/www.defenselink.mil/news/newsarticle.aspx?id=28991', 'primary'],
    ['https://web.archive.org/web/2008/http://www.mnf-iraq.com/index.php', 'primary'],
    ['https://reliefweb.int/report/iraq/x', 'primary'],
    ['https://docslib.org/doc/903979/emergency-assessment', 'primary-copy'],
    // A government release reprinted whole in GlobalSecurity's news library; its own pages are not.
    ['https://www.globalsecurity.org/military/library/news/2004/04/mil-040415-afps01.htm', 'primary-copy'],
    ['https://www.globalsecurity.org/military/agency/dod/mnc-i.htm', 'news'],
    ['http://news.bbc.co.uk/2/hi/uk_news/7147309.stm', 'news'],
    ['https://en.wikipedia.org/wiki/Multinational_Division_Central-South', 'wikipedia'],
    // Copies of Wikipedia, some on domains that do not say so.
    ['https://en-academic.com/dic.nsf/enwiki/4674012', 'wikipedia'],
    ['https://brorelol.gay/Wikipedia/articles/b/a/t/Battle_of_Karbala_%282007%29_fde4.html', 'wikipedia'],
    ['https://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq.ipfs.dweb.link/wiki/Iraqis_in_Syria.html', 'wikipedia'],
    ['https://www.liquisearch.com/provincial_iraqi_control', 'wikipedia'],
    ['http://gatorsix.blogspot.com/2004/03/well-done-men.html', 'blog'],
    ['https://zzpat.tripod.com/cvb/feb_2006/bombs_damage_golden_dome.html', 'blog'],
    ['not an address', 'other'],
  ])('%s is %s', (url, kind) => expect(sourceKind(url)).toBe(kind));
});

describe('what the shipped data rests on', () => {
  const { atlas } = loadAtlas(readRawFiles());
  const quality = sourceQuality(atlas);

  it('counts every control period, event, figure and place once', () => {
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(quality.periods)).toBe(Object.values(atlas.control.governorates).flat().length);
    expect(sum(quality.eventDates) + quality.eventsDatedByText).toBe(atlas.events.length);
    expect(sum(quality.displacement) + quality.displacementFromTexts).toBe(atlas.displacement.length);
    expect(sum(quality.coordinates)).toBe(atlas.places.length);
  });

  it('pins the control periods resting on Wikipedia or a copy, and on blogs (the audit of December 2026: 15 and 9; after the leads were re-read on 7 December, 2 and 2, all Provincial Iraqi Control days)', () => {
    // These change as periods are re-sourced from the primary record; change them with the data.
    expect(quality.periods).toMatchObject({ wikipedia: 2, blog: 2, primary: 24, 'primary-copy': 32 });
  });

  it('is listed in geo/README.md as it is now', () => {
    const readme = readFileSync(new URL('../../../geo/README.md', import.meta.url), 'utf8');
    for (const line of sourceQualityLines(quality)) expect(readme).toContain(line);
  });
});
