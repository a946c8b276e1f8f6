// The leads' words under the governorates' names as the build writes them (src/build/glyph-ranges.ts)
// and the map reads them (lead-lines.ts), checked before use: a file on a server is input.
import { leadKeys, type LeadOrGap } from '../look/leads.ts';

/** The file as written: the image's size, and each lead's words as columns x … x + width of it, a byte a pixel in base64. */
export interface LeadLinesFile {
  width: number;
  height: number;
  lines: Record<LeadOrGap, { x: number; width: number; data: string }>;
}

const leads: LeadOrGap[] = [...leadKeys, 'unknown'];

/** The images the file gives, as MapLibre takes them (sdf: the field in the alpha channel), and a blank one. */
export interface LeadLineImages {
  width: number;
  height: number;
  lines: Record<LeadOrGap, Uint8Array>;
  blank: Uint8Array;
}

const wholeIn = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * The file checked before use: its size within reason, each lead there, its columns inside the
 * image and its bytes as many as they cover. A fault throws, naming the file and the field.
 */
export function readLeadLines(json: unknown, file: string): LeadLineImages {
  const fault = (field: string, problem: string) => new Error(`${file}: ${field} ${problem}; the governorates' names are drawn without their leads.`);
  const f = json as Partial<LeadLinesFile> | null;
  if (typeof f !== 'object' || f === null) throw fault('the file', 'is not a JSON object');
  if (!wholeIn(f.width, 1, 1024)) throw fault('width', 'is not a whole number of pixels from 1 to 1,024');
  if (!wholeIn(f.height, 1, 256)) throw fault('height', 'is not a whole number of pixels from 1 to 256');
  const { width, height } = f as { width: number; height: number };
  const lines = {} as Record<LeadOrGap, Uint8Array>;
  for (const lead of leads) {
    const line = (f.lines as Record<string, unknown> | undefined)?.[lead] as Partial<LeadLinesFile['lines'][LeadOrGap]> | undefined;
    if (!line) throw fault(`lines.${lead}`, 'is missing');
    if (!wholeIn(line.x, 0, width) || !wholeIn(line.width, 0, width - line.x))
      throw fault(`lines.${lead}.x, width`, `do not lie inside the image's ${width} px`);
    const bytes = typeof line.data === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(line.data) ? Uint8Array.from(atob(line.data), (c) => c.charCodeAt(0)) : null;
    if (!bytes || bytes.length !== line.width * height) throw fault(`lines.${lead}.data`, `is not ${line.width * height} bytes in base64`);
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < line.width; x++) {
        const i = (y * width + line.x + x) * 4;
        rgba.fill(255, i, i + 3);
        rgba[i + 3] = bytes[y * line.width + x];
      }
    lines[lead] = rgba;
  }
  return { width, height, lines, blank: new Uint8Array(width * height * 4) };
}
