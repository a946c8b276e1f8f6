import { describe, expect, it } from 'vitest';
import { numberStatedIn, numbersIn } from './numbers.ts';

describe('numberStatedIn', () => {
  it('finds digits with and without thousands separators', () => {
    expect(numberStatedIn(9000, 'at least 9,000 people')).toBe(true);
    expect(numberStatedIn(5500, 'only 5500 soldiers')).toBe(true);
    expect(numberStatedIn(61, 'that 61% of Iraqis')).toBe(true);
  });

  it('finds millions and numbers in words, in any case', () => {
    expect(numberStatedIn(1_600_000, 'that 1.6 million are displaced')).toBe(true);
    expect(numberStatedIn(2_000_000, 'Two million people have gone abroad')).toBe(true);
    expect(numberStatedIn(1_500_000, 'A million and a half have been displaced')).toBe(true);
    expect(numberStatedIn(17, 'Seventeen Iraqis were dead.')).toBe(true);
  });

  it('does not find a number inside another', () => {
    expect(numberStatedIn(17, 'the 170 police')).toBe(false);
    expect(numberStatedIn(1, 'population of 1.7 million')).toBe(false);
    expect(numberStatedIn(160, 'the 160,000-strong Mehdi Army')).toBe(false);
    expect(numberStatedIn(18, 'Seventeen Iraqis were dead.')).toBe(false);
  });
});

describe('numbersIn', () => {
  it('finds each number a passage states, in every form the validator reads, and nothing inside a longer number', () => {
    expect(numbersIn('Some 9,000 fled, 1.6 million were displaced and seventeen died in 2007.').sort((a, b) => a - b)).toEqual([17, 2007, 9000, 1_600_000]);
    expect(numbersIn('No numbers here.')).toEqual([]);
    for (const n of numbersIn('About 5500 families, 61% of them, and two million more'))
      expect(numberStatedIn(n, 'About 5500 families, 61% of them, and two million more')).toBe(true);
  });
});
