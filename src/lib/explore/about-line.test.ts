import { describe, expect, it } from 'vitest';
import { aboutLine } from './about-line.ts';

describe('the first screen says what the map holds', () => {
  it('counts the texts, and the reader’s own apart', () => {
    const five = Array.from({ length: 5 }, () => ({}));
    expect(aboutLine(five)).toBe('Places, events and quotes from five texts about the Iraq war, 2003–2011: what they say, not a complete record of the war.');
    expect(aboutLine([...five, { own: true }, { own: true }])).toContain('from five texts about the Iraq war, 2003–2011, and two of your own:');
    expect(aboutLine([...five, ...Array.from({ length: 12 }, () => ({ own: true }))])).toContain('and 12 of your own');
  });
});
