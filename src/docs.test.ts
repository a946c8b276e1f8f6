// The README and the guides (issue 38): every relative link reaches a file of the repository, and
// an anchor a heading of it; every `npm run` command they name is a script of package.json; the
// README stays a front door (at most 250 lines) that links every guide in docs/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const pages = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (page: string) => readFileSync(join(root, page), 'utf8');
/** Markdown outside fenced code blocks, where links and commands are prose. */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

/** A heading's anchor as GitHub writes it: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchorsOf = (page: string) => new Set([...read(page).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));

describe('the README and the guides', () => {
  it('link only to files that exist, and to headings those files have', () => {
    const broken: string[] = [];
    for (const page of pages)
      for (const [, target] of prose(read(page)).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [path, anchor] = target.split('#');
        const file = path ? normalize(join(dirname(page), path)) : page;
        if (!existsSync(join(root, file))) broken.push(`${page}: ${target} (no file ${file})`);
        else if (anchor && file.endsWith('.md') && !anchorsOf(file).has(anchor)) broken.push(`${page}: ${target} (no heading #${anchor} in ${file})`);
      }
    expect(broken).toEqual([]);
  });

  it('name only npm commands that package.json has', () => {
    const scripts = new Set(Object.keys(JSON.parse(read('package.json')).scripts));
    const missing: string[] = [];
    for (const page of pages)
      for (const m of read(page).matchAll(/\bnpm (?:run ([a-z][\w:-]*)|(start|test)\b)/g)) {
        const name = m[1] ?? m[2];
        if (!scripts.has(name)) missing.push(`${page}: npm run ${name}`);
      }
    expect(missing).toEqual([]);
  });

  it('name only files that exist (a path in backticks, from the root, src/ or src/lib/)', () => {
    const stale: string[] = [];
    for (const page of pages)
      for (const [, path] of read(page).matchAll(/`([a-z][\w-]*\/[\w./-]+\.(?:ts|svelte|sql|json|mjs|md))`/g))
        if (![path, `src/${path}`, `src/lib/${path}`].some((p) => existsSync(join(root, p)))) stale.push(`${page}: ${path}`);
    expect(stale).toEqual([]);
  });

  it('keep the README a front door that links every guide', () => {
    const readme = read('README.md');
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    for (const guide of pages.filter((p) => p.startsWith('docs/'))) expect(readme, guide).toContain(`](${guide})`);
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('works out anchors as GitHub does', () => {
    expect(slug('What is not sourced (and so not shown)')).toBe('what-is-not-sourced-and-so-not-shown');
    expect(slug('Speed (`npm run bench`)')).toBe('speed-npm-run-bench');
  });
});
