// "Load tour" reads what "Download tour" gives: a tour's .json, or the zip of a tour with the
// reader's texts it quotes (download-tour.ts), whose places/tours/<id>.json is the tour. The
// texts in such a zip are loaded with "Load place files"; the tour names any it still lacks.
import { unzipSync } from 'fflate';
import { unsafeEntryName } from '../own/read-zip.ts';

const tourEntry = /^places\/tours\/[^/]+\.json$/;
/** A tour file is a few kilobytes; far past this, the zip is not one Download tour made. */
const MAX_TOUR_BYTES = 5 * 1024 * 1024;

/** The tour file's JSON, or what is wrong with the file, naming it. */
export function readTourFile(bytes: Uint8Array, name: string): { ok: true; raw: unknown } | { ok: false; message: string } {
  let json: Uint8Array = bytes;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) {
    let entries: Record<string, Uint8Array>;
    try {
      // Only the tour's entry is inflated; a name that climbs out of its folder is never taken.
      entries = unzipSync(bytes, { filter: (f) => tourEntry.test(f.name) && !unsafeEntryName(f.name) && f.originalSize <= MAX_TOUR_BYTES });
    } catch {
      return { ok: false, message: `${name} is not a zip that can be read. Load tour takes the .json or the zip that Download tour gives.` };
    }
    const found = Object.keys(entries);
    if (found.length !== 1)
      return {
        ok: false,
        message: `${name} holds ${found.length ? `${found.length} tours (${found.join(', ')})` : 'no tour (places/tours/<id>.json)'}: Load tour takes one.`,
      };
    json = entries[found[0]];
  }
  try {
    return { ok: true, raw: JSON.parse(new TextDecoder().decode(json)) };
  } catch {
    return { ok: false, message: `${name} is not a tour file: not JSON. A tour file is the .json (or the zip) that Download tour gives.` };
  }
}
