// The line under a governorate's name that says who led its coalition sector ("UK-led", "lead: no
// data"), while control is shown. The map draws it as an image of its own under the name, one image
// per governorate whose pixels change with the lead: a signed distance field of the words, drawn
// from the label glyphs at build time (map/glyph-ranges.ts). The lead changes the pixels, never
// the label's layout, so a slider step that changes a lead draws one frame, and the pattern and
// the words under the name change in the same frame. As part of the label's text (until December
// 2026) each change laid the governorates' labels out again in MapLibre's worker: 2 to 4 frames.
//
// The sizes here are the image's, in MapLibre's glyph units (24 to the em): the map, the build and
// the opening picture (opening/picture.ts) read the same ones.

/** The lead's words against the name's size (as the label's second line had them). */
export const LEAD_SCALE = 0.85;

/**
 * The image: as wide as the widest lead's words with the distance field's border (map/glyph-ranges.ts,
 * leadLineWidth), tall enough for their ascenders and the border. Its top is at the label's point,
 * under the name, which sits on the point (text-anchor bottom) while control is shown.
 */
export const LEAD_LINE = {
  height: 30,
  /** The words' baseline below the image's top: about where the label's second line had it. */
  baseline: 24,
} as const;

/** The governorate labels' letter spacing, in ems of their own size: the name's and the lead's. */
export const GOVERNORATE_LETTER_SPACING = 0.12;

/** The map's image for a governorate's lead line. */
export const leadLineImage = (governorate: string): string => `lead-line-${governorate}`;
