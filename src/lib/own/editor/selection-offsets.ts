// Where a selection in a text stands, in the text's own characters: the offsets a quote or an
// event's passage records. The container must hold nothing but the text (TextSegments renders
// it so), so the characters before the selection in the DOM are the characters before it in the
// text. Spaces at either end of a selection are left out, as a reader who drags across a word
// rarely means them.

/** The selection's [start, end) in the text `container` shows, or null when none lies inside it. */
export function selectionIn(container: Element, selection: Selection | null = document.getSelection()): [number, number] | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return trimSpan(container.textContent ?? '', [start, start + range.toString().length]);
}

/** The span without the white space at its ends; null if nothing else is left. */
export function trimSpan(text: string, [start, end]: [number, number]): [number, number] | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? [start, end] : null;
}
