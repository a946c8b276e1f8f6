// How the atlas asks to be cited (issue 42): the page's meta tags and Dataset, and CITATION.cff,
// agree with the data and with package.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../lib/data/files-node.ts';
import { loadAtlas } from '../lib/data/load.ts';
import { citationTags } from './citation-meta.ts';

const { atlas } = loadAtlas(readRawFiles());

describe('citation tags and CITATION.cff', () => {
  it('write the data version and credit every text; no text can close the script element', () => {
    const copy = structuredClone(atlas.sources);
    copy[0].credit = 'A credit with </script><script>alert(1)</script> in it';
    const tags = citationTags('abc123def456', copy);
    expect(tags.find((t) => t.attrs?.name === 'citation_version')?.attrs?.content).toBe('abc123def456');
    const ld = tags.find((t) => t.tag === 'script')!.children as string;
    expect(ld).not.toContain('</script>');
    const dataset = JSON.parse(ld);
    expect(dataset.version).toBe('abc123def456');
    expect(dataset.citation).toEqual(copy.map((t) => t.credit));
  });

  it('CITATION.cff names the version and licence package.json gives', () => {
    const cff = readFileSync('CITATION.cff', 'utf8');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; license: string };
    expect(cff).toMatch(/^cff-version: 1\.2\.0$/m);
    // YAML: the value quoted either way (Prettier writes single quotes).
    expect(cff).toMatch(new RegExp(`^version: ['"]${pkg.version.replace(/\./g, '\\.')}['"]$`, 'm'));
    expect(cff).toMatch(new RegExp(`^license: ${pkg.license}$`, 'm'));
    expect(cff).toMatch(/^title: ['"]Iraq War Atlas['"]$/m);
  });
});
