// The data version: a short content hash of the atlas's input files, printed on every figure so a
// figure can be traced to its data. The same in the page, the build and the command line.
import type { RawFiles } from './files.ts';

/** The data version of the atlas's input files. */
export const atlasDataVersion = (files: RawFiles): Promise<string> =>
  dataVersion([files.places, files.texts, files.geo, { control: files.control, displacement: files.displacement, webSources: files.webSources }]);

/** A short content hash of the data the figure was drawn from, so a figure can be traced to its data. */
export async function dataVersion(files: Record<string, string>[]): Promise<string> {
  const text = files
    .flatMap((f) =>
      Object.keys(f)
        .sort()
        .map((k) => `${k}\n${f[k]}`),
    )
    .join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
