// The first screen's one line on what the map holds (issue 40), so no one takes the dots for a
// complete record of the war: how many texts, of what, and the reader's own counted apart.
const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const inWords = (n: number) => words[n] ?? n.toLocaleString('en');

export function aboutLine(sources: { own?: boolean }[]): string {
  const own = sources.filter((s) => s.own).length;
  const shipped = sources.length - own;
  const yours = own ? `, and ${inWords(own)} of your own` : '';
  return `Places, events and quotes from ${inWords(shipped)} text${shipped === 1 ? '' : 's'} about the Iraq war, 2003–2011${yours}: what they say, not a complete record of the war.`;
}
