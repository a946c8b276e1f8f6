// npm run export (issue 42): each format to its file, a text chosen by id, and a wrong flag named.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from './export.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-export-cli-'));

describe('npm run export', () => {
  it("writes one text's events, with permalinks on the address given", async () => {
    const out = join(dir, 'steele.csv');
    expect(await runExport(['--format', 'csv', '--texts', 'steele-2008', '--base', 'https://example.org/atlas/', '--out', out])).toEqual({
      ok: true,
      file: out,
    });
    const rows = readFileSync(out, 'utf8').trim().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toMatch(/,steele-2008,.*,https:\/\/example\.org\/atlas\/#t=/);
  });

  it('names what is wrong: a format, a text, a flag the format does not take', async () => {
    const out = join(dir, 'x');
    expect(await runExport(['--format', 'xlsx', '--out', out])).toMatchObject({
      ok: false,
      message: expect.stringContaining('--format: expected one of csv, geojson'),
    });
    expect(await runExport(['--format', 'csv', '--texts', 'no-such-text', '--out', out])).toMatchObject({
      ok: false,
      message: expect.stringContaining('--texts: no text no-such-text'),
    });
    expect(await runExport(['--format', 'csv', '--with-web-sources', '--out', out])).toMatchObject({
      ok: false,
      message: '--with-web-sources: only for csl, bibtex and ris',
    });
    expect(await runExport(['--format', 'csv'])).toMatchObject({ ok: false, message: expect.stringContaining('--out') });
  });
});
