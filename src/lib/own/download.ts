// "Download as place files" in the browser: the text's files written against the shipped atlas
// (a clone has the shipped places, not this browser's other texts), zipped.
import { loadCoverage, loadCoverageGazetteer, loadSourceIndex } from '../data/repo-files-vite.ts';
import type { Atlas } from '../data/schema.ts';
import type { OwnText } from './draft.ts';
import { ownFiles, ownFilesOfAll, zipFiles, type RepoTexts } from './files.ts';

const repoTexts = async (): Promise<RepoTexts> => {
  const [sourceIndex, coverage, gazetteer] = await Promise.all([loadSourceIndex(), loadCoverage(), loadCoverageGazetteer()]);
  return { sourceIndex, coverage, gazetteer };
};

export const placeFilesZip = async (own: OwnText, shipped: Atlas): Promise<Uint8Array> => zipFiles(ownFiles(own, shipped, await repoTexts()));

/** The place files of several texts together, by repository path (a tour's download, tour/download-tour.ts). */
export const placeFilesOfAll = async (texts: OwnText[], shipped: Atlas): Promise<Record<string, string>> => ownFilesOfAll(texts, shipped, await repoTexts());

export const zipName = (own: OwnText): string => `${own.entry.id}-place-files.zip`;

/** Zips the text's place files and hands them to the browser to save; the file's name, for the notice. */
export async function downloadPlaceFiles(own: OwnText, shipped: Atlas): Promise<string> {
  const { saveFile } = await import('../ui/save-file.ts');
  saveFile(await placeFilesZip(own, shipped), zipName(own), 'application/zip');
  return zipName(own);
}
