// Does a passage state this number? The texts write numbers as digits ("9,000", "5500", "61%"),
// as millions ("1.6 million"), or in words ("Seventeen", "Two million", "a million and a half").
// A figure in the data must be findable in its passage in one of these forms (issue: every number
// in an event's structured fields appears in its quoted passage).

const small = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const tens: Record<number, string> = { 30: 'thirty', 40: 'forty', 50: 'fifty', 60: 'sixty', 70: 'seventy', 80: 'eighty', 90: 'ninety' };

function wordsFor(n: number): string[] {
  if (n <= 20) return [small[n]];
  if (tens[n]) return [tens[n]];
  if (n === 100) return ['a hundred', 'one hundred'];
  if (n === 1000) return ['a thousand', 'one thousand'];
  return [];
}

/** Every way the texts might write n. */
export function spellings(n: number): string[] {
  const forms = [n.toLocaleString('en-US'), String(n), ...wordsFor(n)];
  if (n >= 1_000_000) {
    const millions = n / 1_000_000;
    forms.push(`${millions} million`);
    if (Number.isInteger(millions)) forms.push(...wordsFor(millions).map((w) => `${w} million`));
    if (millions === 1) forms.push('a million');
    if (millions === 1.5) forms.push('a million and a half', 'one and a half million');
  }
  return forms;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function numberStatedIn(n: number, passage: string): boolean {
  // Not inside a longer number ("17" must not match "170" or "1.7"), nor inside a word.
  return spellings(n).some((form) => new RegExp(`(?<![\\w.,])${escape(form)}(?![\\w]|[.,]\\d)`, 'i').test(passage));
}

/** The numbers the texts write in words (one to twenty, the tens). */
const wordNumbers = [...small.keys(), ...Object.keys(tens).map(Number)].slice(1);

const month = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
/**
 * The parts of a passage that are dates, not counts (issue 40): "19 November 2005", "November 19,
 * 2005", "November 2005", "19 November", and a year standing alone (1900–2099, written without a
 * comma: "in 2007"; "2,096" is a count).
 */
const dates = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${month}(?:,?\\s+\\d{4})?`,
    `\\b${month}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?(?![\\d,])`,
    `\\b${month}\\s+\\d{4}`,
    '(?<![\\w.,])(?:19|20)\\d{2}(?![\\w]|[.,]\\d)',
  ].join('|'),
  'gi',
);

/**
 * The numbers a passage states, each once, in the forms numberStatedIn reads ("9,000", "5500",
 * "1.6 million", "seventeen"): what a reader may record as an event's figures. The numbers of a
 * date are not offered: they are when, not how many.
 */
export function numbersIn(passage: string): number[] {
  const found = new Set<number>();
  const counts = passage.replace(dates, (d) => ' '.repeat(d.length));
  for (const m of counts.matchAll(/(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+million)?(?![\w]|[.,]\d)/gi)) {
    const n = Number(m[1].replace(/,/g, '')) * (m[2] ? 1_000_000 : 1);
    if (Number.isFinite(n) && numberStatedIn(n, passage)) found.add(n);
  }
  for (const n of wordNumbers) if (numberStatedIn(n, counts)) found.add(n);
  return [...found];
}
