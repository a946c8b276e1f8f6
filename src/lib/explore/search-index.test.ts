// "Search places" (issue 40): the atlas's places, every town of the gazetteer the atlas ships, and
// names as readers type them, Arabic folded as Arabic readers expect.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { foldName } from '../data/mentions.ts';
import type { GazetteerPlace } from '../own/find.ts';
import { atlasEntries, search, type SearchNames } from './search-index.ts';
import { townEntries } from './search-towns.ts';

const { atlas } = loadAtlas(readRawFiles());
const gazetteer = (JSON.parse(readFileSync('geo/find-gazetteer.json', 'utf8')) as { entries: GazetteerPlace[] }).entries;
const names = JSON.parse(readFileSync('geo/search-names.json', 'utf8')) as SearchNames;
const entries = [...atlasEntries(atlas, names), ...townEntries(gazetteer, atlas, names)];
const first = (query: string) => {
  const [hit] = search(entries, query);
  return hit && { name: hit.name, kind: hit.kind, target: hit.target.kind === 'place' ? hit.target.id : `town:${hit.target.town.governorate}` };
};

describe('Arabic as Arabic readers write it', () => {
  it.each([
    ['البصره', 'البصرة'],
    ['الفلوجه', 'الفلوجة'],
    ['اربيل', 'أربيل'],
    ['اربيل', 'إربيل'],
    ['امرلي', 'آمرلي'],
    ['ديالي', 'ديالى'],
    ['بغداد', 'بغــداد'],
    ['الفلوجه', 'الفَلُّوجَة'],
  ])('%s is %s', (typed, written) => expect(foldName(typed)).toBe(foldName(written)));

  it('keeps apart letters that are not variants of one another', () => {
    expect(foldName('بصرة')).not.toBe(foldName('نصرة'));
    expect(foldName('حديثة')).not.toBe(foldName('حديث'));
  });
});

describe('search', () => {
  it("finds the gazetteer's towns that no text names, marked so, with their governorate", () => {
    expect(first('Ramadi')).toEqual({ name: 'Ramadi', kind: 'town, Anbar · not in the texts', target: 'town:IQ-AN' });
    expect(first('Tikrit')).toMatchObject({ name: 'Tikrīt', target: 'town:IQ-SD' });
    expect(first('Haditha')).toMatchObject({ name: 'Ḩadīthah', target: 'town:IQ-AN' });
    expect(first('Hit')).toMatchObject({ name: 'Hīt', target: 'town:IQ-AN' });
    expect(first('Kut')).toMatchObject({ target: 'IQ-WA' });
    expect(search(entries, 'Kut').map((e) => e.name)).toContain('Al-Kut');
    expect(search(entries, 'Hewler').map((e) => e.name)).toEqual(['Erbil']);
  });

  it('finds Arabic names however the alif, tā marbūṭa and vowels are written', () => {
    expect(first('البصره')).toMatchObject({ name: 'Basra', target: 'basra' });
    expect(first('الفلوجة')).toMatchObject({ name: 'Fallujah', target: 'fallujah' });
    expect(first('الرمادي')).toMatchObject({ name: 'Ramadi' });
    expect(first('اربيل')).toMatchObject({ name: 'Erbil' });
  });

  it('offers each real place once: a town the atlas maps is its place, not a town "not in the texts"', () => {
    const fallujah = search(entries, 'Fallujah');
    expect(fallujah.map((e) => e.name)).toEqual(['Fallujah']);
    expect(search(entries, 'Basra').filter((e) => e.target.kind === 'town')).toEqual([]);
  });

  it('puts the atlas before the towns, and finds by a word inside a name', () => {
    expect(search(entries, 'Qaim').map((e) => e.name)).toContain('Al Qā’im');
    const kinds = search(entries, 'Sa', 40).map((e) => e.target.kind);
    expect(kinds).toContain('town');
    expect(kinds.indexOf('town')).toBeGreaterThan(kinds.lastIndexOf('place'));
  });

  it('gives every other name a source, for a town or place the atlas has', () => {
    const townNames = new Set(gazetteer.map((e) => e.name));
    for (const n of names.names) {
      expect(n.source).toMatch(/https?:\/\//);
      if (n.town) expect(townNames.has(n.town), n.town).toBe(true);
      if (n.place)
        expect(
          atlas.places.some((p) => p.id === n.place),
          n.place,
        ).toBe(true);
      if (n.governorate)
        expect(
          atlas.governorates.features.some((g) => g.properties.id === n.governorate),
          n.governorate,
        ).toBe(true);
    }
  });
});
