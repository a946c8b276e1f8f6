// What a click on one of a reader's imported events shows: its label, its date in words, its
// source, and the row (or feature) of the file it came from. Built as DOM text, never as HTML: the
// file's cells are the reader's and could hold markup.
import { stringAt, type ImportedSet } from '../import/events.ts';
import type { RecordUnit } from '../import/rows.ts';
import { isoDay } from '../time/day.ts';
import { dateInWords } from '../time/words.ts';

export function importedEventNode(set: ImportedSet, i: number, unit: RecordUnit): HTMLElement {
  const node = document.createElement('div');
  node.className = 'imported-event';
  const line = (tag: 'strong' | 'span', text: string) => {
    const el = document.createElement(tag);
    el.textContent = text;
    node.append(el, document.createElement('br'));
  };
  const [t0, t1] = [set.t0[i], set.t1[i]];
  const [label, source] = [stringAt(set.labels, i), stringAt(set.sources, i)];
  line('strong', label || '(no label)');
  line('span', dateInWords(t0 === t1 ? isoDay(t0) : `${isoDay(t0)}/${isoDay(t1)}`));
  line('span', source ? `Source: ${source}` : 'Source: none given');
  line('span', `${set.name}, ${unit} ${set.rows[i]}`);
  node.lastChild?.remove();
  return node;
}
