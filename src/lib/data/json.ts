// JSON.parse with a location: a broken file is reported by line and column, not by byte offset.
// JSON.parse's messages only sometimes carry a position (V8 gives none for "Unexpected token"),
// so on failure jsonc-parser, in strict JSON mode, finds the offset of the first error.
import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type JsonResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/** Line and column (1-based) of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const errors: ParseError[] = [];
    parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const offset = first ? first.offset : text.length;
    const what = first ? printParseErrorCode(first.error) : (e as Error).message;
    return { ok: false, ...lineColumn(text, offset), message: what };
  }
}
