// npm run export -- --format <csv|geojson|lpf|annotations|csl|bibtex|ris> --out <file>
//   [--texts id,…] [--with-web-sources] [--base <address>] [--root <project>]
// The atlas's data and citations in the formats of the field (issue 42), from the place files as
// `npm run validate` checks them; the page's "Download data" makes the same files (with the
// reader's own texts). Refuses to write from data that does not validate.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readRawFiles } from '../lib/data/files-node.ts';
import { formatProblem } from '../lib/data/problem.ts';
import { loadAtlas } from '../lib/data/load.ts';
import { exportFormats, exportText, type ExportFormat } from '../lib/export/exports.ts';
import { DEFAULT_BASE, readBase } from './base.ts';

const usage = `Usage: npm run export -- --format <${exportFormats.join('|')}> --out <file> [--texts id,…] [--with-web-sources] [--base <address>]
  --texts             only these texts (ids from places/sources/index.json); all by default
  --with-web-sources  csl, bibtex, ris: the web sources the layers and dates cite, as well as the texts
  --base              the atlas's address, for permalinks and URIs (default ${DEFAULT_BASE})`;

export async function runExport(argv: string[]): Promise<{ ok: true; file: string } | { ok: false; message: string }> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        texts: { type: 'string' },
        'with-web-sources': { type: 'boolean', default: false },
        base: { type: 'string', default: DEFAULT_BASE },
        root: { type: 'string', default: '.' },
      },
    }));
  } catch (error) {
    return { ok: false, message: `${(error as Error).message}\n\n${usage}` };
  }
  const format = values.format as ExportFormat;
  if (!exportFormats.includes(format)) return { ok: false, message: `--format: expected one of ${exportFormats.join(', ')}\n\n${usage}` };
  if (!values.out) return { ok: false, message: `--out: give the file to write\n\n${usage}` };
  if (values['with-web-sources'] && !['csl', 'bibtex', 'ris'].includes(format))
    return { ok: false, message: '--with-web-sources: only for csl, bibtex and ris' };
  const base = readBase(values.base);
  if ('error' in base) return { ok: false, message: base.error };
  const { atlas, problems } = loadAtlas(readRawFiles(values.root));
  if (problems.length) return { ok: false, message: `The data does not validate; nothing was exported:\n${problems.map(formatProblem).join('\n')}` };
  const texts = values.texts ? new Set(values.texts.split(',').map((t) => t.trim())) : undefined;
  const unknown = [...(texts ?? [])].filter((id) => !atlas.sources.some((s) => s.id === id));
  if (unknown.length) return { ok: false, message: `--texts: no text ${unknown.join(', ')} (the texts are ${atlas.sources.map((s) => s.id).join(', ')})` };
  writeFileSync(values.out, await exportText(format, atlas, { base: base.base, texts, withWebSources: values['with-web-sources'] }));
  return { ok: true, file: values.out };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runExport(process.argv.slice(2));
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(`Wrote ${result.file}.`);
}
