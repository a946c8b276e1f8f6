// The figure's legend: a row for every colour the panels show and none for what they do not,
// set in as many columns as fit the page's width. Pure.
import type { Atlas } from '../data/schema.ts';
import { controlAt } from '../time/questions.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import { controlStatusLabels, type Palette } from '../look/palette.ts';
import { legendWords } from '../look/legend-words.ts';
import { FADED_SAMPLE, ringOpacity } from '../look/fade.ts';
import { displacedOpacity, displacedRadius, legendPeople, NO_DATA_RADIUS } from '../look/displacement.ts';
import { leadKeys, leadLabels, leadOf, leadPatternOpacity, leadPatterns, type PatternKind } from '../look/leads.ts';
import type { ImportedSet } from '../import/events.ts';
import { densityClasses, densityUnit, type ImportedStyle } from '../look/density.ts';
import type { FigureFonts } from './fonts.ts';
import { typeSize } from './labels.ts';
import { fmt, pt, rect, TEXT, type Item } from './items.ts';

type Swatch = 'dot' | 'halo' | 'ring' | 'faded-ring' | 'box' | 'pattern' | 'line' | 'dash' | 'size' | 'no-data-ring';
export interface LegendRow {
  swatch: Swatch;
  colour: string;
  label: string;
  /** A 'pattern' swatch: the pattern drawn in `colour`, over `base` where it lies on a fill. */
  pattern?: PatternKind;
  base?: string;
  /** A 'size' swatch: the displacement circle for this many people, at the map's own scale. */
  people?: number;
}

/** The legend explains every colour the panels show, and nothing they do not. */
export function legendRows(
  atlas: Atlas,
  panels: ViewSnapshot[],
  palette: Palette,
  /** What the panels' frames hold: kinds of place, lines, faded rings, and the governorates in view (control is counted among them). */
  shown: { kinds: Set<string>; lines: Set<string>; faded: boolean; governorates?: Set<string> },
  imported?: ImportedSet | null,
  importedStyle: ImportedStyle = 'dots',
  servedName?: string,
): LegendRow[] {
  const any = (layer: string) => panels.some((v) => v.layers.includes(layer as never));
  const rows: LegendRow[] = [];
  const w = legendWords;
  if (any('events'))
    rows.push({ swatch: 'halo', colour: palette.event, label: w.eventDay }, { swatch: 'ring', colour: palette.event, label: w.eventUncertain });
  if (shown.faded) rows.push({ swatch: 'faded-ring', colour: palette.event, label: w.eventFaded });
  // Density is a graduated key: its whole scale, so a reader can place any square on it.
  if (imported && importedStyle === 'density')
    densityClasses.forEach((c, i) =>
      rows.push({ swatch: 'box', colour: c.colour, label: i ? c.label : `imported: ${imported.name}, ${densityUnit('figure')}: ${c.label}` }),
    );
  else if (imported) rows.push({ swatch: 'dot', colour: palette.imported, label: `imported: ${imported.name}` });
  // A served collection's squares are the grid's cells, whose width the caption gives (served.ts).
  if (servedName)
    densityClasses.forEach((c, i) =>
      rows.push({ swatch: 'box', colour: c.colour, label: i ? c.label : `served: ${servedName}, events per grid square: ${c.label}` }),
    );
  const kinds: [string, string, string][] = [
    ['city', palette.city, w.city],
    ['district', palette.district, w.district],
    ['site', palette.site, w.site],
    ['area', palette.area, w.area],
    ['other', palette.other, w.other],
  ];
  for (const [kind, colour, label] of kinds) if (shown.kinds.has(kind)) rows.push({ swatch: 'dot', colour, label });
  if (shown.lines.has('exact')) rows.push({ swatch: 'line', colour: palette.other, label: w.route });
  if (shown.lines.has('approximate')) rows.push({ swatch: 'dash', colour: palette.other, label: w.routeApproximate });
  if (any('control')) {
    // Counted when the figure shows one date; small multiples' panels would each need their own.
    const periods = panels
      .filter((v) => v.layers.includes('control'))
      .flatMap((v) =>
        atlas.governorates.features
          .filter((g) => !shown.governorates || shown.governorates.has(g.properties.id))
          .map((g) => controlAt(atlas.control, g.properties.id, v.t)),
      );
    const count = (n: number) => (panels.length === 1 ? ` (${n})` : '');
    const tally = (key: string) => periods.filter((p) => (p?.status ?? 'none') === key || leadOf(p) === key).length;
    for (const [status, label] of Object.entries(controlStatusLabels)) {
      if (!tally(status)) continue;
      const colour = palette.control[status as keyof typeof controlStatusLabels];
      // A coalition sector is explained lead by lead, each row the swatch it is drawn with.
      if (status !== 'coalition') rows.push({ swatch: 'box', colour, label: `${label}${count(tally(status))}` });
      else
        for (const lead of [...leadKeys, 'unknown'] as const)
          if (tally(lead))
            rows.push(
              lead === 'unknown'
                ? { swatch: 'box', colour, label: `${label}, ${leadLabels.unknown}${count(tally(lead))}` }
                : {
                    swatch: 'pattern',
                    pattern: leadPatterns[lead],
                    colour: palette.leadPattern,
                    base: colour,
                    label: `${label}, ${leadLabels[lead]}${count(tally(lead))}`,
                  },
            );
    }
    if (tally('none')) rows.push({ swatch: 'box', colour: palette.land, label: w.controlNoData });
  }
  if (any('displacement')) {
    // A size key at the map's own scale; the first row says what is counted (a figure's legend has no heading).
    legendPeople.forEach((people, i) =>
      rows.push({ swatch: 'size', colour: palette.displaced, people, label: i ? w.displacedPeople(people) : `${w.displaced}: ${w.displacedPeople(people)}` }),
    );
    rows.push({ swatch: 'no-data-ring', colour: palette.displacedNoData, label: w.displacementNoData });
  }
  if (any('context')) rows.push({ swatch: 'line', colour: palette.river, label: w.river }, { swatch: 'box', colour: palette.neighbour, label: w.neighbour });
  return rows;
}

export interface LegendLayout {
  rows: LegendRow[];
  perColumn: number;
  lefts: number[];
  /** Each row's height (a size-key circle makes its row taller) and its top within its column. */
  heights: number[];
  tops: number[];
  /** The page's scale, which the size key's circles follow as the map's do. */
  k: number;
  size: number;
  width: number;
  height: number;
}

/** A row's swatch radius where it is a size-key circle, in page units. */
const keyRadius = (row: LegendRow, k: number) =>
  row.swatch === 'size' ? displacedRadius(row.people!) * k : row.swatch === 'no-data-ring' ? NO_DATA_RADIUS * k : 0;

/**
 * The legend in columns (each as wide as its widest row), filled column by column so related rows
 * (the control statuses, the displacement classes) stay together: under the map, the fewest rows
 * that fit the width; beside it, the fewest columns that fit the height.
 */
export function layoutLegend(rows: LegendRow[], fonts: FigureFonts, k: number, fit: { width: number } | { height: number }): LegendLayout {
  const size = typeSize(7, k);
  const heights = rows.map((r) => Math.max(size * 1.45, 2 * keyRadius(r, k) + size * 0.4));
  const rowWidths = rows.map((r) => fonts.width(r.label, size) + Math.max(size * 2.6, 2 * keyRadius(r, k) + size * 1.2));
  const options = Array.from({ length: rows.length }, (_, c) => {
    const per = Math.ceil(rows.length / (c + 1));
    const columns = Math.ceil(rows.length / per);
    const widths = Array.from({ length: columns }, (_, i) => Math.max(...rowWidths.slice(i * per, (i + 1) * per)));
    const lefts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
    const tops = heights.map((_, i) => heights.slice(i - (i % per), i).reduce((a, b) => a + b, 0));
    const height = Math.max(...Array.from({ length: columns }, (_, i) => heights.slice(i * per, (i + 1) * per).reduce((a, b) => a + b, 0)));
    return { rows, perColumn: per, lefts, heights, tops, k, size, width: lefts.at(-1)! + widths.at(-1)!, height };
  });
  const none = { rows, perColumn: 0, lefts: [0], heights, tops: [], k, size, width: 0, height: 0 };
  if (!rows.length) return none;
  // Under the map: most columns first; beside it: fewest first. The last resort is the tightest.
  const chosen = 'width' in fit ? [...options].reverse().find((o) => o.width <= fit.width) : options.find((o) => o.height <= fit.height);
  return chosen ?? ('width' in fit ? options[0] : options.at(-1)!);
}

export function legendItems(legend: LegendLayout, x: number, y: number, palette: Palette): Item[] {
  const items: Item[] = [];
  const { perColumn, size } = legend;
  const unit = size / pt(7);
  legend.rows.forEach((row, i) => {
    const rx = x + legend.lefts[Math.floor(i / perColumn)];
    const cy = y + legend.tops[i] + legend.heights[i] / 2;
    // A size-key circle is as wide as it is; the label starts after the widest of them.
    const [sw, sh] = [Math.max(pt(8) * unit, 2 * keyRadius(row, legend.k)), pt(6) * unit];
    switch (row.swatch) {
      case 'size':
      case 'no-data-ring': {
        const r = keyRadius(row, legend.k);
        const paint =
          row.swatch === 'size'
            ? { fill: row.colour, fillOpacity: displacedOpacity, stroke: row.colour, strokeWidth: 1.3 * legend.k }
            : { fill: 'none', stroke: row.colour, strokeWidth: 1.3 * legend.k };
        items.push({ kind: 'circle', cx: rx + sw / 2, cy, r, paint });
        break;
      }
      case 'box':
        items.push({ kind: 'path', d: rect(rx, cy - sh / 2, sw, sh), paint: { fill: row.colour, stroke: palette.governorateLine, strokeWidth: 0.5 } });
        break;
      case 'pattern': {
        const box = rect(rx, cy - sh / 2, sw, sh);
        const opacity = row.base ? leadPatternOpacity : 1;
        if (row.base) items.push({ kind: 'path', d: box, paint: { fill: row.base } });
        items.push({
          kind: 'path',
          d: box,
          paint: { pattern: { kind: row.pattern!, colour: row.colour }, fillOpacity: opacity, stroke: palette.governorateLine, strokeWidth: 0.5 },
        });
        break;
      }
      case 'line':
        items.push({ kind: 'path', d: `M${fmt(rx)} ${fmt(cy)}H${fmt(rx + sw)}`, paint: { stroke: row.colour, strokeWidth: 1.5 } });
        break;
      case 'dash':
        items.push({ kind: 'path', d: `M${fmt(rx)} ${fmt(cy)}H${fmt(rx + sw)}`, paint: { stroke: row.colour, strokeWidth: 1.5, dash: [3, 2] } });
        break;
      case 'dot':
        items.push({ kind: 'circle', cx: rx + sw / 2, cy, r: pt(2.8) * unit, paint: { fill: row.colour, stroke: '#ffffff', strokeWidth: 1 } });
        break;
      case 'halo':
      case 'ring':
      case 'faded-ring': {
        // The event symbols: a filled halo (dated to the day), an open ring, an open ring faded as a year seen through a 90-day window.
        const ring = row.swatch !== 'halo';
        items.push({
          kind: 'circle',
          cx: rx + sw / 2,
          cy,
          r: pt(3) * unit,
          paint: {
            fill: row.colour,
            fillOpacity: ring ? 0 : 0.28,
            stroke: row.colour,
            strokeWidth: ring ? 1.6 : 1.2,
            ...(row.swatch === 'faded-ring' ? { strokeOpacity: ringOpacity(FADED_SAMPLE) } : {}),
          },
        });
        break;
      }
    }
    items.push({ kind: 'text', x: rx + sw + size * 0.6, y: cy + size * 0.35, text: row.label, size, weight: 400, fill: TEXT, anchor: 'start' });
  });
  return items;
}
