// Where a passage stands in its text, as a reader cites it: the paragraph, counted from 1, blank
// lines parting paragraphs (a line break alone does not: a speaker's title and affiliation on two
// lines are one paragraph). One rule for the handout's citations and "Cite" (issue 43, 42).

/** The paragraph that holds `offset`. */
export function paragraphAt(text: string, offset: number): number {
  let n = 0;
  for (const block of text.slice(0, offset + 1).split(/\n[ \t]*\n/)) if (block.trim()) n++;
  return Math.max(1, n);
}
