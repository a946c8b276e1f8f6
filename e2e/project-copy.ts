// A copy of the project with some files written over it, and `npm run validate` run there: how the
// browser tests show that what the page downloads (place files, a tour) is what a clone accepts.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The copy's root, with `files` (by repository path) written into it. */
export function projectCopy(files: Record<string, Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-copy-e2e-'));
  for (const dir of ['places', 'geo', 'src']) cpSync(dir, join(root, dir), { recursive: true });
  cpSync('package.json', join(root, 'package.json'));
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  return root;
}

/** What `npm run validate` prints in a copy with `files`; throws (with its output) where it fails. */
export const validateInCopy = (files: Record<string, Uint8Array>): string =>
  execFileSync('npm', ['run', '--silent', 'validate'], { cwd: projectCopy(files), encoding: 'utf8' });
