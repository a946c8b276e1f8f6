// Page and resolution maths for figures: pure, unit-tested (docs/style.md). A figure's size is fixed
// in millimetres and DPI; its pixel size follows exactly (mm × DPI ÷ 25.4, rounded).

export const MM_PER_INCH = 25.4;
export const CSS_DPI = 96;
/**
 * The rasterizer holds the page as width × height × 4 bytes in WebAssembly memory, in the dialog
 * as on the command line: 8192 px a side keeps one page under 270 MB (A4 at 600 DPI fits).
 */
export const MAX_CANVAS_PX = 8192;

export const dpis = [150, 300, 600] as const;

/** Ground metres per CSS pixel at a latitude and zoom (Web Mercator, 512-px tiles, as MapLibre). */
export const metresPerCssPx = (lat: number, zoom: number): number => (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);

/** The longest round distance (1, 2 or 5 × a power of ten km) a scale bar of at most maxMetres can show. */
export function scaleBarMetres(maxMetres: number): number {
  return (
    [1, 2, 5]
      .flatMap((k) => [1, 10, 100, 1000].map((s) => k * s * 1000))
      .filter((v) => v <= maxMetres)
      .sort((a, b) => b - a)[0] ?? 1000
  );
}

export interface PagePreset {
  id: string;
  label: string;
  widthMm: number;
  /** Fixed height, or null when the figure's height is chosen (journal columns). */
  heightMm: number | null;
}

export const presets: PagePreset[] = [
  { id: 'journal-1col', label: 'Journal, single column (85 mm)', widthMm: 85, heightMm: null },
  { id: 'journal-1.5col', label: 'Journal, one-and-a-half column (114 mm)', widthMm: 114, heightMm: null },
  { id: 'journal-2col', label: 'Journal, double column (174 mm)', widthMm: 174, heightMm: null },
  { id: 'a4-portrait', label: 'A4 portrait (210 × 297 mm)', widthMm: 210, heightMm: 297 },
  { id: 'a4-landscape', label: 'A4 landscape (297 × 210 mm)', widthMm: 297, heightMm: 210 },
  { id: 'letter-portrait', label: 'US Letter portrait (216 × 279 mm)', widthMm: 215.9, heightMm: 279.4 },
  { id: 'letter-landscape', label: 'US Letter landscape (279 × 216 mm)', widthMm: 279.4, heightMm: 215.9 },
];

export interface PageSize {
  widthMm: number;
  heightMm: number;
  dpi: number;
}

export const pxFromMm = (mm: number, dpi: number): number => Math.round((mm * dpi) / MM_PER_INCH);
/** Type is set in points (1/72 inch), so it prints at the same size whatever the DPI. */
export const pxFromPt = (pt: number, dpi: number): number => (pt * dpi) / 72;

export interface PixelPlan {
  width: number;
  height: number;
  /** Page pixels per scene unit (a CSS pixel, 1/96 inch). */
  pixelRatio: number;
}

export type PlanResult = { ok: true; plan: PixelPlan } | { ok: false; error: string };

/** The exact pixel size of a page at a DPI, or an error that says what to change. */
export function planPixels(page: PageSize): PlanResult {
  const { widthMm, heightMm, dpi } = page;
  if (!(widthMm > 0 && heightMm > 0)) return { ok: false, error: `A page of ${widthMm} × ${heightMm} mm is not a page: give a width and height above 0 mm.` };
  if (!(dpi >= 72 && dpi <= 1200)) return { ok: false, error: `${dpi} DPI is outside 72–1200: choose 150, 300 or 600.` };
  const width = pxFromMm(widthMm, dpi);
  const height = pxFromMm(heightMm, dpi);
  const largest = Math.max(width, height);
  if (largest > MAX_CANVAS_PX) {
    const fits = Math.floor((MAX_CANVAS_PX * MM_PER_INCH) / Math.max(widthMm, heightMm));
    return {
      ok: false,
      error: `${widthMm} × ${heightMm} mm at ${dpi} DPI is ${width} × ${height} px, over this renderer's ${MAX_CANVAS_PX} px limit: lower the DPI to ${fits} or less, or make the page smaller.`,
    };
  }
  return { ok: true, plan: { width, height, pixelRatio: dpi / CSS_DPI } };
}

export function presetById(id: string): PagePreset | { error: string } {
  return (
    presets.find((p) => p.id === id) ?? { error: `Unknown page preset "${id}": use one of ${presets.map((p) => p.id).join(', ')}, or a custom size in mm.` }
  );
}

export interface Furniture {
  title: boolean;
  legend: boolean;
  scaleBar: boolean;
  northArrow: boolean;
  dateStamp: boolean;
  /** A small map of Iraq and its neighbours with the figure's extent outlined. */
  inset: boolean;
  /** The short credit line under the map: texts, layers' sources, projection, data version. */
  credit: boolean;
  /** The full caption on the page (it is always written beside the figure as well). */
  caption: boolean;
  /** Governorate names in Arabic under the English ones. */
  arabicNames: boolean;
  /**
   * A video's date band (issue 43): the date stamp as large as a projector needs it read at the
   * back of a room (DATE_BAND_PX, 48 pixels at 1080p), the day in words. Not a figure's option.
   */
  dateBand?: boolean;
}

/** The date band's type size in CSS pixels: a 1080p frame is laid out 1280 CSS pixels wide (video/frames.ts), so this is 48 of its pixels. */
export const DATE_BAND_PX = 32;

/**
 * A permalink's camera names a centre and zoom, not an extent: the figure shows what a screen map
 * this many CSS pixels across shows there, whatever the window it was copied from.
 */
export const REFERENCE_WIDTH_CSS = 1000;
export const REFERENCE_HEIGHT_CSS = 700;

/**
 * How much a figure's type and symbols grow or shrink with its page: 1 for a 120-mm-high
 * double-column figure, by the square root of the shorter side, within 0.8–1.4. A single-column
 * figure gets smaller type than a double-column one, but not half the size (its text would fall
 * under the 6 pt journals ask for); labels keep to 6 pt at least (see pt6).
 */
export const sizeScale = (page: { widthMm: number; heightMm: number }): number =>
  Math.min(1.4, Math.max(0.8, Math.sqrt(Math.min(page.widthMm, page.heightMm) / 120)));
