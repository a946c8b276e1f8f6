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
    // Anbar is offered after the town for Ramadi, once, as the atlas's place for the governorate.
    expect(findPlaces(text, index)[3].candidates.map((c) => (c.kind === 'gazetteer' ? c.kind : `${c.kind}:${c.id}`))).toEqual(['gazetteer', 'place:anbar']);
    const [first] = findPlaces(text, index);
    expect(text.slice(first.start, first.end)).toBe('Falluja');
  });

  it('takes a name whole as the text writes it, article included, and offers each real place once (issue 40)', () => {
    const text = 'From al-Qaim to Al Fallujah and Tall Afar; the as-Sadiyah road; Anbar and Nineveh. We met at Karbala, known as Basra once.';
    expect(found(text)).toEqual([
      ['al-Qaim', 'gazetteer:Al Qā’im'],
      ['Al Fallujah', 'place:fallujah'],
      ['Tall Afar', 'place:tal-afar'],
      ['as-Sadiyah', 'place:as-sadiyah'],
      ['Anbar', 'place:anbar'],
      ['Nineveh', 'place:nineveh'],
      // English "at" and "as" before a name are not articles.
      ['Karbala', 'place:karbala'],
      ['Basra', 'place:basra'],
    ]);
    const proposals = findPlaces(text, index);
    // Fallujah once: the GeoNames town at the atlas's Fallujah is that place, not a second choice.
    expect(proposals[1].candidates.filter((c) => /fall/i.test(c.name))).toHaveLength(1);
    // Anbar once, not "Anbar (in the atlas)" beside "Anbar (governorate)".
    expect(proposals[4].candidates.map((c) => c.kind)).toEqual(['place']);
  });

  it('reaches past Iraq to its neighbours, and keeps the longer of overlapping names', () => {
    expect(found('Fighters crossed from Qamishli; Basra Palace was handed over.')).toEqual([
      ['Qamishli', 'gazetteer:Al Qāmishlī'],
      ['Basra Palace', 'place:basra-palace'],
    ]);
  });
});
