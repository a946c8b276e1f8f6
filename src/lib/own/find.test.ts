import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { findPlaces, nameIndex, spellings, type GazetteerPlace } from './find.ts';

const { atlas } = loadAtlas(readRawFiles());
const gazetteer = (JSON.parse(readFileSync('geo/find-gazetteer.json', 'utf8')) as { entries: GazetteerPlace[] }).entries;
const index = nameIndex(atlas.places, atlas.governorates.features, gazetteer);
const found = (text: string) =>
  findPlaces(text, index).map((p) => [
    p.words,
    p.candidates[0].kind === 'gazetteer' ? `gazetteer:${p.candidates[0].name}` : `${p.candidates[0].kind}:${p.candidates[0].id}`,
  ]);

describe('Find places', () => {
  it('spells names as English writers vary them', () => {
    expect(spellings('Fallujah')).toContain('falluja');
    expect(spellings('Falluja')).toContain('fallujah');
    expect(spellings('Tall ‘Afar')).toEqual(expect.arrayContaining(['tall afar', 'tal afar']));
    expect(spellings("Ba'qubah")).toEqual(expect.arrayContaining(['baqubah', 'baquba']));
    expect(spellings('Al Fallūjah')).toContain('fallujah');
  });

  it("proposes the atlas's places first, then Iraq's towns, then governorates, with the words as they stand", () => {
    const text = 'Marines left Falluja for Tal Afar; later Ba’quba, Ramadi and the province of Anbar. Kirkuk and Erbil were calm, as was Hit. They hit back.';
    expect(found(text)).toEqual([
      ['Falluja', 'place:fallujah'],
      ['Tal Afar', 'place:tal-afar'],
      ['Ba’quba', 'place:baquba'],
      ['Ramadi', 'gazetteer:Ramadi'],
      ['Anbar', 'place:anbar'],
      ['Kirkuk', 'gazetteer:Kirkuk'],
      ['Erbil', 'gazetteer:Erbil'],
      ['Hit', 'gazetteer:Hīt'],
    ]);
    // Anbar's governorate is offered after the town for Ramadi; every candidate is there to choose.
    expect(findPlaces(text, index)[3].candidates.map((c) => c.kind)).toEqual(['gazetteer', 'governorate']);
    const [first] = findPlaces(text, index);
    expect(text.slice(first.start, first.end)).toBe('Falluja');
  });

  it('reaches past Iraq to its neighbours, and keeps the longer of overlapping names', () => {
    expect(found('Fighters crossed from Qamishli; Basra Palace was handed over.')).toEqual([
      ['Qamishli', 'gazetteer:Al Qāmishlī'],
      ['Basra Palace', 'place:basra-palace'],
    ]);
  });
});
