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
    expect(numbersIn('Some 9,000 fled, 1.6 million were displaced and seventeen died.').sort((a, b) => a - b)).toEqual([17, 9000, 1_600_000]);
    expect(numbersIn('No numbers here.')).toEqual([]);
  });

  it('does not offer the numbers of a date as counts (issue 40)', () => {
    expect(numbersIn('On 19 November 2005, 24 civilians were killed.')).toEqual([24]);
    expect(numbersIn('On November 19, 2005 marines killed 24 people in 2005.')).toEqual([24]);
    expect(numbersIn('In March 2003, 3,000 troops crossed; by the 21st of March, 5500.').sort((a, b) => a - b)).toEqual([3000, 5500]);
    expect(numbersIn('Between April 2004 and March 2005 they killed 2,096.')).toEqual([2096]);
    // A four-figure count written without a comma outside the years of a date stays a count.
    expect(numbersIn('About 5500 families fled.')).toEqual([5500]);
    for (const n of numbersIn('About 5500 families, 61% of them, and two million more'))
      expect(numberStatedIn(n, 'About 5500 families, 61% of them, and two million more')).toBe(true);
  });
});
