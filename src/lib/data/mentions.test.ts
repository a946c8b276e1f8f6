import { describe, expect, it } from 'vitest';
import { indexMentions } from './mentions.ts';

const text = 'In Falluja the crowd gathered; later, in Fallujah and at Basra Palace in BASRA, and in Tall ‘Afar and Tal-Afar. Basrawi is not Basra.';
const places = [
  { id: 'fallujah', names: ['Fallujah', 'Falluja', 'Al Fallūjah'] },
  { id: 'basra', names: ['Basra'] },
  { id: 'basra-palace', names: ['Basra Palace'] },
  { id: 'tal-afar', names: ['Tal Afar', 'Tall ‘Afar'] },
];

describe('indexMentions', () => {
  const mentions = indexMentions([{ id: 'doc', text }], places);

  it('finds names and aliases whole-word, ignoring case, diacritics, hyphens and ʿayn', () => {
    expect(mentions.map((m) => [m.placeId, m.text])).toEqual([
      ['fallujah', 'Falluja'],
      ['fallujah', 'Fallujah'],
      ['basra-palace', 'Basra Palace'],
      ['basra', 'BASRA'],
      ['tal-afar', 'Tall ‘Afar'],
      ['tal-afar', 'Tal-Afar'],
      ['basra', 'Basra'],
    ]);
  });

  it('gives offsets that slice the mention out of the original text', () => {
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds a name broken over a line, and none where its first word is missing', () => {
    // findName looks for the name's first word before it builds a pattern: the words after it may
    // stand apart by any white space, the first may not be absent.
    const broken = indexMentions([{ id: 'doc', text: 'the road to Tal\nAfar, and to Sadr  City' }], [...places, { id: 'sadr-city', names: ['Sadr City'] }]);
    expect(broken.map((m) => m.text)).toEqual(['Tal\nAfar', 'Sadr  City']);
    expect(indexMentions([{ id: 'doc', text: 'Afar and City alone' }], [...places, { id: 'sadr-city', names: ['Sadr City'] }])).toEqual([]);
  });
});
