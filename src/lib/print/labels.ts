// Label placement: labels in priority order, each at the first of its candidate positions that
// keeps off every placed label, every data symbol and the furniture, and stays in its panel; a
// label with no free position is left out and named. Pure.
import { pointOnFeature } from '@turf/point-on-feature';
import type { Atlas } from '../data/schema.ts';
import { placeAnchors } from '../data/features.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import type { Palette } from '../look/palette.ts';
import { projector, type Box, type Camera } from './camera.ts';
import type { Rect } from './clip.ts';
import type { FigureFonts } from './fonts.ts';
import { placeRadius } from './geometry.ts';
import { circleRect, overlaps, pt, textLeft, type CircleItem, type TextItem } from './items.ts';

/** A type size in page units: `base` points scaled with the page, never under 6 pt. */
export const typeSize = (base: number, k: number) => pt(Math.max(6, base * k));

export class LabelPlacer {
  private placed: Rect[] = [];
  constructor(
    private fonts: FigureFonts,
    private bounds: Rect,
  ) {}

  block(box: Rect) {
    this.placed.push(box);
  }

  /** Data symbols are obstacles too: a label never covers a dot or an event, its own included. */
  blockSymbols(symbols: CircleItem[]) {
    for (const s of symbols) this.placed.push(circleRect(s, 0.5));
  }

  /** The box a text item covers. */
  boxOf(c: TextItem): Rect {
    const w = this.fonts.width(c.text, c.size, c.weight, c.letterSpacing ?? 0);
    const x0 = textLeft(c, w);
    return { x0: x0 - 1, y0: c.y - c.size * 0.8, x1: x0 + w + 1, y1: c.y + c.size * 0.25 };
  }

  /** Tries each candidate in turn; returns the first that fits, or null. */
  place(candidates: TextItem[]): TextItem | null {
    for (const c of candidates) {
      const box = this.boxOf(c);
      const inside = box.x0 >= this.bounds.x0 && box.x1 <= this.bounds.x1 && box.y0 >= this.bounds.y0 && box.y1 <= this.bounds.y1;
      if (inside && !this.placed.some((p) => overlaps(p, box))) {
        this.placed.push(box);
        return c;
      }
    }
    return null;
  }
}

/** What a left-out place name names, by the place's kind. */
const placeKindWords: Record<string, string> = { city: 'town', district: 'district', site: 'site', route: 'route', border: 'border' };

/** Labels, most important first: cities, other places, governorates, countries, water. */
export function drawLabels(
  atlas: Atlas,
  view: ViewSnapshot,
  camera: Camera,
  panel: Box,
  palette: Palette,
  k: number,
  placer: LabelPlacer,
  symbols: CircleItem[],
  arabic: boolean,
  dropped: string[],
): TextItem[] {
  const xy = projector(camera, panel);
  const items: TextItem[] = [];
  const halo = { colour: palette.labelHalo.slice(0, 7), width: 1.5 * k };
  const text = (x: number, y: number, s: string, size: number, fill: string, anchor: TextItem['anchor'], extra: Partial<TextItem> = {}): TextItem => ({
    kind: 'text',
    x,
    y,
    text: s,
    size,
    weight: 400,
    fill,
    anchor,
    ...extra,
  });
  // A name left out is said with what it names (issue 43): "Basra (governorate)", "Diyala (river)".
  const put = (candidates: TextItem[], name: string, what: string) => {
    const placed = placer.place(candidates);
    if (placed) items.push(placed);
    else if (candidates.some((c) => c.x >= panel.x && c.x <= panel.x + panel.width && c.y >= panel.y && c.y <= panel.y + panel.height))
      dropped.push(`${name} (${what})`);
  };

  const rank: Record<string, number> = { city: 0, district: 1, site: 2 };
  const places = placeAnchors(atlas).features.filter((f) => !['governorate', 'region', 'country'].includes(f.properties.kind));
  // Within a kind, the places whose events the figure shows are named first: they are what it is about.
  const shownEvents = new Set(symbols.flatMap((c) => (c.tag?.role === 'event' ? [c.tag.id] : [])));
  const placesWithEvents = new Set(atlas.events.filter((e) => shownEvents.has(e.id)).map((e) => e.placeId));
  const eventful = (id: string) => (placesWithEvents.has(id) ? 0 : 1);
  places.sort(
    (a, b) =>
      (rank[a.properties.kind] ?? 3) - (rank[b.properties.kind] ?? 3) ||
      eventful(a.properties.id) - eventful(b.properties.id) ||
      a.properties.name.localeCompare(b.properties.name),
  );
  const cityPoints = places.filter((f) => f.properties.kind === 'city').map((f) => xy(f.geometry.coordinates));
  for (const f of places) {
    const [cx, cy] = xy(f.geometry.coordinates);
    // A site or district whose dot lies under a town's symbol at this scale (the Higher Education
    // Ministry under Baghdad's ring) is not named: its label would float beside the town's.
    const withinTown = f.properties.kind !== 'city' && cityPoints.some(([x, y]) => Math.hypot(cx - x, cy - y) < 2 * placeRadius('city', k) + pt(3));
    if (withinTown) {
      if (cx >= panel.x && cx <= panel.x + panel.width && cy >= panel.y && cy <= panel.y + panel.height)
        dropped.push(`${f.properties.name} (${placeKindWords[f.properties.kind] ?? 'place'})`);
      continue;
    }
    const size = typeSize(f.properties.kind === 'city' ? 8 : 7, k);
    // Clear of the largest symbol drawn at the place's own point (an event ring is wider than the dot).
    const own = symbols.filter((c) => Math.hypot(c.cx - cx, c.cy - cy) < 0.5).map((c) => c.r + (c.paint.strokeWidth ?? 0) / 2);
    const off = Math.max(placeRadius(f.properties.kind, k), ...own) + pt(1.5);
    const common = { halo, tag: { role: 'label', id: f.properties.id } as const };
    // Right, left, above, below its own point; then the four diagonals, so a town between two
    // others (Tal Afar between Sinjar and Mosul) still finds a place for its name.
    const d = off * Math.SQRT1_2;
    put(
      [
        text(cx + off, cy + size * 0.35, f.properties.name, size, palette.placeLabel, 'start', common),
        text(cx - off, cy + size * 0.35, f.properties.name, size, palette.placeLabel, 'end', common),
        text(cx, cy - off, f.properties.name, size, palette.placeLabel, 'middle', common),
        text(cx, cy + off + size * 0.75, f.properties.name, size, palette.placeLabel, 'middle', common),
        text(cx + d, cy - d, f.properties.name, size, palette.placeLabel, 'start', common),
        text(cx + d, cy + d + size * 0.7, f.properties.name, size, palette.placeLabel, 'start', common),
        text(cx - d, cy - d, f.properties.name, size, palette.placeLabel, 'end', common),
        text(cx - d, cy + d + size * 0.7, f.properties.name, size, palette.placeLabel, 'end', common),
      ],
      f.properties.name,
      placeKindWords[f.properties.kind] ?? 'place',
    );
  }
  for (const g of atlas.governorates.features) {
    const [x, y] = xy(g.properties.label);
    const tag = { role: 'label', id: g.properties.id } as const;
    // At its label point, or a line above or below it where a town's name is in the way.
    const size = typeSize(6.5, k);
    put(
      [0, -1.4, 1.4].map((dy) =>
        text(x, y + dy * size, g.properties.name.toUpperCase(), size, palette.governorateLabel, 'middle', { letterSpacing: 0.6 * k, halo, tag }),
      ),
      g.properties.name,
      'governorate',
    );
    // The Arabic name goes under the English one, or not at all.
    if (arabic && g.properties.nameAr && items.at(-1)?.tag === tag)
      put(
        [text(x, y + size * 1.4, g.properties.nameAr, typeSize(7.5, k), palette.governorateLabel, 'middle', { halo, tag })],
        `${g.properties.nameAr} (${g.properties.name})`,
        'governorate name in Arabic',
      );
  }
  if (view.layers.includes('context')) {
    for (const c of atlas.context.countries.features) {
      if (c.properties?.iraq || !Array.isArray(c.properties?.label)) continue;
      const [x, y] = xy(c.properties.label);
      put(
        [
          text(x, y, String(c.properties.name).toUpperCase(), typeSize(7.5, k), palette.neighbourLabel, 'middle', {
            letterSpacing: k,
            tag: { role: 'label', id: c.properties.name },
          }),
        ],
        c.properties.name,
        'country',
      );
    }
    for (const w of atlas.context['water-labels'].features) {
      const [x, y] = xy((w.geometry as GeoJSON.Point).coordinates);
      put(
        [
          text(x, y, w.properties?.name, typeSize(7, k), palette.waterLabel, 'middle', {
            letterSpacing: 0.4 * k,
            tag: { role: 'label', id: w.properties?.name },
          }),
        ],
        w.properties?.name,
        'sea',
      );
    }
    for (const l of atlas.context.lakes.features) {
      if (!l.properties?.name) continue;
      const [x, y] = xy(pointOnFeature(l).geometry.coordinates);
      put(
        [text(x, y, l.properties.name, typeSize(6.5, k), palette.waterLabel, 'middle', { halo, tag: { role: 'label', id: l.properties.name } })],
        l.properties.name,
        'lake',
      );
    }
    // A river's name goes at the first of several points along it that is inside the panel and free.
    for (const r of atlas.context.rivers.features) {
      if (!r.properties?.named || r.geometry.type !== 'LineString') continue;
      const coords = r.geometry.coordinates;
      const samples = [0.5, 0.35, 0.65, 0.2, 0.8].map((f) => coords[Math.floor(f * (coords.length - 1))]);
      put(
        samples.map((p) => {
          const [x, y] = xy(p);
          return text(x, y - pt(3) * k, r.properties!.name, typeSize(7, k), palette.waterLabel, 'middle', {
            halo,
            letterSpacing: 0.3 * k,
            tag: { role: 'label', id: r.properties!.name },
          });
        }),
        r.properties.name,
        'river',
      );
    }
  }
  return items;
}
