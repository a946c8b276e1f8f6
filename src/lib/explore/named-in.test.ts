// "Named in" (issue 40): every text that names a place, each mention with its words and context.
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { governorateNamedIn, namedIn } from './named-in.ts';

const { atlas } = loadAtlas(readRawFiles());
const governorate = (id: string) => atlas.governorates.features.find((g) => g.properties.id === id)!;

describe('Named in', () => {
  it("lists every text that names a place, its mentions in the text's order, with or without an event there", () => {
    const talAfar = namedIn(atlas, 'tal-afar');
    expect(talAfar.map((t) => [t.source.id, t.mentions.length])).toEqual([['cockburn-2006', 5]]);
    const [first] = talAfar[0].mentions;
    expect(first.words).toBe('Tal Afar');
    expect(talAfar[0].source.text.slice(first.start, first.end)).toBe('Tal Afar');
    expect(first.before.endsWith('from the nearby city of ')).toBe(true);
    const starts = talAfar[0].mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Every mention the index has for the place, none left out.
    expect(namedIn(atlas, 'baghdad').reduce((n, t) => n + t.mentions.length, 0)).toBe(atlas.mentions.filter((m) => m.placeId === 'baghdad').length);
  });

  it('finds a governorate by its name, but not where the words name a place of the same name', () => {
    // "Baghdad" in the texts is the city, linked to it by the mention index.
    expect(governorateNamedIn(atlas, governorate('IQ-BG'))).toEqual([]);
    const withWasit = {
      ...atlas,
      sources: [...atlas.sources, { ...atlas.sources[0], id: 'note', text: 'Troops moved into Wasit province, then Wasit again, and to Kut.' }],
    };
    const wasit = governorateNamedIn(withWasit, governorate('IQ-WA'));
    expect(wasit.map((t) => [t.source.id, t.mentions.map((m) => m.words)])).toEqual([['note', ['Wasit', 'Wasit']]]);
  });
});
