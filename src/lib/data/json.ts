// JSON.parse with a location: a broken file is reported by line and column, not by byte offset.

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
    const message = (e as Error).message;
    // V8 names the offending position ("… in JSON at position 42"); an early end has none.
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    return { ok: false, ...lineColumn(text, offset), message: message.replace(/\s*\(line \d+ column \d+\)/, '') };
  }
}
