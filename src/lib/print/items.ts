// What a scene is made of: paths, circles and text in page units (CSS pixels, 1/96 inch), with the
// few helpers every part of the layout and every writer shares.
import { CSS_DPI, pxFromPt } from './page.ts';
import type { Weight } from './fonts.ts';
import type { Rect } from './clip.ts';
import type { PatternKind } from '../look/leads.ts';

export interface Paint {
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  strokeOpacity?: number;
  dash?: number[];
  /** A pattern of this colour instead of a plain fill: the "no data" hatch, a lead nation's (patterns.ts). */
  pattern?: { kind: PatternKind; colour: string };
}

/** What an item stands for, so a reader of the SVG (or a test) can find it: `data-place="mosul"`. */
export type Tag = { role: 'governorate' | 'control' | 'displacement' | 'place' | 'event' | 'label' | 'furniture'; id: string };

export interface PathItem {
  kind: 'path';
  d: string;
  paint: Paint;
  tag?: Tag;
}

export interface CircleItem {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  paint: Paint;
  tag?: Tag;
}

export interface TextItem {
  kind: 'text';
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  size: number;
  weight: Weight;
  fill: string;
  anchor: 'start' | 'middle' | 'end';
  halo?: { colour: string; width: number };
  letterSpacing?: number;
  tag?: Tag;
}

export type Item = PathItem | CircleItem | TextItem;

/** Points in page units (CSS pixels). */
export const pt = (v: number): number => pxFromPt(v, CSS_DPI);

export const TEXT = '#2b2925';

/**
 * Fixed precision (hundredths of a CSS pixel), so the same figure gives the same bytes: what
 * String(Math.round(v * 100) / 100) writes. Called for every coordinate (some 120,000 in an A4
 * page's SVG), so written from the whole hundredths, integers: V8 writes a fraction with its
 * shortest round-trip digits, three times slower.
 */
export function fmt(v: number): string {
  const hundredths = Math.round(v * 100);
  const m = Math.abs(hundredths);
  const whole = (m - (m % 100)) / 100;
  const frac = m % 100;
  const sign = hundredths < 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}`;
  return frac % 10 === 0 ? `${sign}${whole}.${frac / 10}` : `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

export const rect = (x: number, y: number, w: number, h: number): string => `M${fmt(x)} ${fmt(y)}H${fmt(x + w)}V${fmt(y + h)}H${fmt(x)}Z`;

/** Where a text item starts, given its width and anchor. */
export const textLeft = (item: TextItem, width: number): number =>
  item.anchor === 'start' ? item.x : item.anchor === 'end' ? item.x - width : item.x - width / 2;

export const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
export const circleRect = (c: CircleItem, pad = 0): Rect => ({ x0: c.cx - c.r - pad, y0: c.cy - c.r - pad, x1: c.cx + c.r + pad, y1: c.cy + c.r + pad });
