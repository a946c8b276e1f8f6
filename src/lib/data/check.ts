// Building blocks shared by the validators of places/ and geo/: a problem collector and the
// checks every file needs (dates, verbatim passages).
import { parseDate, type DateOptions, type TimeSpan } from '../time/instant.ts';
import type { Problem } from './problem.ts';
import type { SourceText } from './schema.ts';

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Collects problems for one file and feature. */
export class Report {
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    public feature?: string,
  ) {}
  add(path: string, message: string): void {
    this.problems.push({ file: this.file, feature: this.feature, path, message });
  }
  /** Runs `check` and tells whether it added no problem. */
  clean(check: () => void): boolean {
    const before = this.problems.length;
    check();
    return this.problems.length === before;
  }
}

/** Checks that doc[start, end) is exactly `quote`; says where the words really are if they moved. */
export function checkSlice(path: string, quoteField: string, q: Json, report: Report, ctx: { sources: Map<string, SourceText> }): boolean {
  return report.clean(() => {
    const source = ctx.sources.get(q.doc as string);
    if (!source) {
      report.add(`${path}.doc`, `${JSON.stringify(q.doc)} is not a text in places/sources/index.json; expected one of ${[...ctx.sources.keys()].join(', ')}`);
      return;
    }
    const quote = q[quoteField];
    if (!isText(quote)) {
      report.add(`${path}.${quoteField}`, 'missing; expected the words exactly as they stand in the text');
      return;
    }
    const { start, end } = q;
    const found = source.text.indexOf(quote);
    const hint = found < 0 ? `these words are not in ${source.id}: quote verbatim` : `the words stand at start ${found}, end ${found + quote.length}`;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      report.add(`${path}.start`, `start and end must be whole character offsets into ${source.id}.txt; ${hint}`);
      return;
    }
    if (source.text.slice(start as number, end as number) !== quote) {
      const actual = source.text.slice(start as number, Math.min(end as number, (start as number) + 60));
      report.add(`${path}.${quoteField}`, `is not the text at ${start}..${end} of ${source.id} (which reads ${JSON.stringify(actual)}); ${hint}`);
    }
  });
}

export function checkDate(value: unknown, path: string, report: Report, options?: DateOptions): TimeSpan | null {
  const parsed = parseDate(value, options);
  if (!parsed.ok) {
    report.add(path, parsed.error);
    return null;
  }
  return parsed.span;
}

export const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
