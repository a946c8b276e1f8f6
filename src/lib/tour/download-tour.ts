// Download tour (issue 41): the tour's file in the format of places/tours/. A tour that quotes the
// reader's own texts comes as a zip with those texts' place files beside it, laid out as the
// repository is, so that unzipped into a clone `npm run validate` checks the tour with the texts it
// needs, and "Load place files" in another browser adds the texts before "Load tour".
import type { Atlas } from '../data/schema.ts';
import type { OwnText } from '../own/draft.ts';
import { saveFile } from '../ui/save-file.ts';
import { tourFile } from './kept-tours.ts';
import { tourFileText } from './own-tour.ts';
import type { TourFile } from './tour.ts';

/** Saves the tour (with the reader's texts it quotes); the file's name, for the notice. */
export async function downloadTour(tour: TourFile, ownTexts: OwnText[], shipped: Atlas): Promise<string> {
  const quoted = new Set(tour.chapters.flatMap((c) => c.quotes.map((ref) => ref.split('@')[0])));
  const texts = ownTexts.filter((t) => quoted.has(t.entry.id));
  const json = tourFileText(tour);
  if (!texts.length) {
    saveFile(new TextEncoder().encode(json), `${tour.id}.json`, 'application/json');
    return `${tour.id}.json`;
  }
  const [{ placeFilesOfAll }, { zipFiles }] = await Promise.all([import('../own/download.ts'), import('../own/files.ts')]);
  const files = { ...(await placeFilesOfAll(texts, shipped)), [tourFile(tour.id)]: json };
  const name = `${tour.id}-with-texts.zip`;
  saveFile(zipFiles(files), name, 'application/zip');
  return `${name} (the tour and the place files of ${texts.map((t) => `“${t.entry.title}”`).join(', ')})`;
}
