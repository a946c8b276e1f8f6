// One colour per role, shared by the map style and (later) the legend and printed figures.
export interface Palette {
  /** Sea and lakes. */
  water: string;
  waterLabel: string;
  /** Neighbouring countries: quieter than Iraq. */
  neighbour: string;
  neighbourLabel: string;
  countryBorder: string;
  river: string;
  /** Iraq's governorates. */
  land: string;
  governorateLine: string;
  governorateLabel: string;
  placeLabel: string;
  labelHalo: string;
  /** Place symbols by kind. */
  city: string;
  district: string;
  site: string;
  area: string;
  other: string;
  symbolStroke: string;
  /** Events in the time window. */
  event: string;
  /** Events a reader imported (their own dataset). */
  imported: string;
  selected: string;
  /** Province control, by status. */
  control: Record<'coalition' | 'iraqi' | 'krg' | 'security-agreement', string>;
  /** The lead nations' patterns (style/leads.ts), over the control colour. */
  leadPattern: string;
  /** Displacement circles (style/displacement.ts), and the hollow ring of "no data". */
  displaced: string;
  displacedNoData: string;
}

export const screen: Palette = {
  water: '#c9dbe6',
  waterLabel: '#4f7896',
  neighbour: '#e8e6df',
  neighbourLabel: '#8b877c',
  countryBorder: '#8b877c',
  river: '#7fa7c2',
  land: '#f6f4ee',
  governorateLine: '#a39d8f',
  governorateLabel: '#857f72',
  placeLabel: '#2b2925',
  labelHalo: '#f6f4eeee',
  city: '#8f2d1a',
  district: '#c0621f',
  site: '#6d3f8c',
  area: '#c9a227',
  other: '#4d6a7a',
  symbolStroke: '#ffffff',
  event: '#b3261e',
  imported: '#0f6e8c',
  selected: '#1a5fb4',
  control: { coalition: '#e8c39e', iraqi: '#9fcb93', krg: '#93bcd8', 'security-agreement': '#cfd98f' },
  leadPattern: '#7a5a38',
  displaced: '#3b3631',
  displacedNoData: '#6b665c',
};

/**
 * For figures printed in black and white: every control status keeps its hue but steps in
 * lightness, so it stays a grey of its own. CIE L*: land 96; control 90, 83, 70, 58. Displacement
 * is read by circle size and leads by pattern, the same in any palette. figure.test.ts checks the steps.
 */
export const grayscaleSafe: Palette = {
  ...screen,
  control: { coalition: '#f3dfc6', 'security-agreement': '#cdd68c', iraqi: '#86b978', krg: '#5b8fba' },
};

export const palettes = { colour: screen, grayscale: grayscaleSafe } as const;
export type PaletteName = keyof typeof palettes;

/** What each control status is called in every legend (screen and figures). */
export const controlStatusLabels = {
  coalition: 'Coalition sector',
  iraqi: 'Provincial Iraqi Control',
  krg: 'Kurdistan Regional Government',
  'security-agreement': 'Iraqi, under the Security Agreement (2009)',
} as const;

/** The CSS family MapLibre draws labels with (no glyph server: the font is bundled by @fontsource). */
export const labelFont = 'Noto Sans';
