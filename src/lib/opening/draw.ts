// The opening picture's own code (issue 44): index.html carries it as source text, with the
// picture's data, so it runs while the page is still arriving, before the page's scripts run
// (src/build/opening-picture.ts writes `(${drawOpening})(data, svg, width, height)`). It is therefore
// self-contained: no imports, no names from outside the function, nothing but its arguments.
//
// It fits the opening camera to the map's box as MapLibre's fitBounds does, moves the build's
// geometry there, and lays out the symbols and labels as MapLibre lays them out in the style
// (src/lib/map/style/layers.ts): labels shaped from the glyph ranges' advances at MapLibre's 24 px em,
// placed in the style's layer order, a label that would overlap one placed before it tried at its
// next anchor or left out. With no svg it only computes the layout (the unit tests read it).

/** A width or radius that follows the zoom: [z0, v0, z1, v1], linear between, held beyond. */
export type OpeningStops = [number, number, number, number];

export interface OpeningLine {
  text: string;
  /** Advance of the line in MapLibre's glyph units (24 to the em), letter spacing included. */
  width: number;
  /** Its size against the label's (MapLibre's format font-scale). */
  scale: number;
  fill: string;
}

export interface OpeningLabel {
  /** The anchor in Web Mercator's unit square. */
  x: number;
  y: number;
  lines: OpeningLine[];
  size: number | OpeningStops;
  /** text-letter-spacing, in ems. */
  spacing: number;
  /** text-padding, in px. */
  padding: number;
  /** text-variable-anchor (with text-radial-offset `offset` in ems), or null for a centred label. */
  anchors: ('left' | 'right' | 'top' | 'bottom')[] | null;
  offset: number;
  halo: string;
  haloWidth: number;
  /** symbol-sort-key, where the layer has one; else MapLibre places from the bottom of the screen up. */
  key: number | null;
  /** Who the label names, for the tests: its style layer and its name. */
  layer: string;
  name: string;
  /**
   * A governorate's lead line (look/lead-line.ts), or null: an image of `image` units at `scale` of
   * the label's size hung under the point, the name sat on the point (text-anchor bottom). Its
   * words (none while the governorate leads none), `width` units wide, centred on its baseline.
   */
  below: OpeningLeadLine | null;
}

export interface OpeningLeadLine {
  text: string | null;
  width: number;
  scale: number;
  fill: string;
  image: { width: number; height: number; baseline: number };
}

export interface OpeningCircle {
  x: number;
  y: number;
  r: number | OpeningStops;
  /** Added to the radius (half a stroke drawn outside it, as MapLibre draws a circle's stroke). */
  grow: number;
  /** SVG attributes. */
  paint: string;
}

export interface OpeningData {
  /** iraqBounds in the unit square [x0, y0, x1, y1], and fitBounds's padding, as MapView opens. */
  fit: { box: [number, number, number, number]; padding: number };
  /** How far below a glyph's shaped position its baseline lies, in em units (map/glyph-ranges.ts). */
  baseline: number;
  /** The geometry image's coordinates: world pixels at this zoom, from this origin (its top left). */
  world: { zoom: number; x: number; y: number };
  circles: OpeningCircle[];
  labels: OpeningLabel[];
}

export interface PlacedLabel {
  label: OpeningLabel;
  /** Each line's left end and baseline, in px in the box. */
  lines: { x: number; y: number; size: number }[];
  box: [number, number, number, number];
  /** The lead line's words' left end and baseline, where the line was placed with words; else null. */
  lead: { x: number; y: number; size: number } | null;
}

export interface OpeningLayout {
  zoom: number;
  /** The camera's centre, [lng, lat]. */
  center: [number, number];
  /** world px at the layout's zoom → box px: x * scale + dx, as the geometry group's transform. */
  transform: { scale: number; dx: number; dy: number };
  circles: { x: number; y: number; r: number; paint: string }[];
  labels: PlacedLabel[];
}

export function drawOpening(data: OpeningData, svg: SVGSVGElement | null, width: number, height: number): OpeningLayout {
  const TILE = 512;
  const EM = 24;
  // MapLibre's shaping: lines 1.2 em apart, a glyph's origin SHAPING_DEFAULT_OFFSET (-17) from
  // its line, and its baseline data.baseline units below that (the glyph ranges' `top`).
  const LINE = 1.2 * EM;
  const GLYPH_TOP = data.baseline;
  // Radial offsets above or below a point lose 7 units (variable_text_anchor.ts's baselineOffset).
  const RADIAL_BASELINE = 7;
  const at = (v: number | OpeningStops, z: number) => (typeof v === 'number' ? v : v[1] + (v[3] - v[1]) * Math.min(1, Math.max(0, (z - v[0]) / (v[2] - v[0]))));

  const [bx0, by0, bx1, by1] = data.fit.box;
  const pad = data.fit.padding;
  const zoom = Math.log2(Math.min((width - 2 * pad) / ((bx1 - bx0) * TILE), (height - 2 * pad) / ((by1 - by0) * TILE)));
  const world = TILE * 2 ** zoom;
  const cx = ((bx0 + bx1) / 2) * world;
  const cy = ((by0 + by1) / 2) * world;
  const project = (x: number, y: number): [number, number] => [x * world - cx + width / 2, y * world - cy + height / 2];
  const lng = ((bx0 + bx1) / 2) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (by0 + by1)))) * 180) / Math.PI;
  const scale = 2 ** (zoom - data.world.zoom);
  const transform = { scale, dx: -cx + width / 2 + data.world.x * scale, dy: -cy + height / 2 + data.world.y * scale };

  // The order MapLibre places labels in (style.ts, pauseable_placement.ts, placement.ts): layer by
  // layer as listed (the top one first); a layer's labels tile by tile, a label in the one tile its
  // anchor is in, the tiles from the bottom row up and each row from the left (as MapLibre 6.17
  // was seen to place them: Samarra's name before Jalula's, a tile to its east); within a tile by
  // sort key, or where the layer has none, from the bottom of the screen up. Sort keys order
  // across tiles too, a tie keeping the tiles' order.
  const TILE_ZOOM = Math.floor(zoom);
  function placementOrder(all: OpeningLabel[]): OpeningLabel[] {
    const n = 2 ** TILE_ZOOM;
    const ordered: OpeningLabel[] = [];
    for (const layer of [...new Set(all.map((l) => l.layer))]) {
      const tiles = new Map<string, { tx: number; ty: number; labels: { label: OpeningLabel; index: number }[] }>();
      all.forEach((label, index) => {
        if (label.layer !== layer) return;
        const [tx, ty] = [Math.floor(label.x * n), Math.floor(label.y * n)];
        const tile = tiles.get(`${tx}/${ty}`) ?? { tx, ty, labels: [] };
        tile.labels.push({ label, index });
        tiles.set(`${tx}/${ty}`, tile);
      });
      const tileOrder = [...tiles.values()].sort((a, b) => b.ty - a.ty || a.tx - b.tx);
      if (all.some((l) => l.layer === layer && l.key !== null)) {
        const parts = tileOrder.flatMap((tile) => {
          const byKey = [...tile.labels].sort((a, b) => (a.label.key ?? 0) - (b.label.key ?? 0));
          return byKey.map((l) => ({ key: l.label.key ?? 0, label: l.label }));
        });
        parts.sort((a, b) => a.key - b.key);
        ordered.push(...parts.map((p) => p.label));
      } else for (const tile of tileOrder) ordered.push(...[...tile.labels].sort((a, b) => b.label.y - a.label.y || a.index - b.index).map((l) => l.label));
    }
    return ordered;
  }

  // A point as the map has it: in its tile's integer units, 4,096 to a side (geojson-vt's
  // transform), a tenth of a pixel that decides whether two labels' boxes touch.
  const grid = 2 ** TILE_ZOOM * 4096;
  const onTile = (x: number, y: number) => project(Math.round(x * grid) / grid, Math.round(y * grid) / grid);

  const circles = data.circles.map((c) => {
    const [x, y] = onTile(c.x, c.y);
    return { x, y, r: at(c.r, zoom) + c.grow, paint: c.paint };
  });

  // Placement: each label's box against those placed before it; MapLibre's grid reaches 100 px past the box.
  const placedBoxes: [number, number, number, number][] = [];
  const free = (b: [number, number, number, number]) =>
    b[0] >= -100 &&
    b[1] >= -100 &&
    b[2] <= width + 100 &&
    b[3] <= height + 100 &&
    !placedBoxes.some((p) => b[0] < p[2] && b[2] > p[0] && b[1] < p[3] && b[3] > p[1]);
  const labels: PlacedLabel[] = [];
  for (const label of placementOrder(data.labels)) {
    const size = at(label.size, zoom);
    const k = size / EM;
    // A size that follows the zoom is laid out at the tiles' zoom + 1, and the label's box keeps
    // that size (symbol_layout.ts's layoutTextSize); the glyphs are drawn at the zoom's own size.
    const boxK = at(label.size, TILE_ZOOM + 1) / EM;
    const [ax, ay] = onTile(label.x, label.y);
    const longest = Math.max(...label.lines.map((l) => l.width));
    const blockHeight = label.lines.reduce((h, l) => h + LINE * l.scale, 0);
    // A name with a lead line sits on its point and the image hangs under it (a fixed anchor: no
    // shift by the padding); the line is placed only with its name, the name also without it.
    const fixed = label.below ? ('bottom' as const) : null;
    const tryAnchor = (anchor: 'center' | 'left' | 'right' | 'top' | 'bottom'): PlacedLabel | null => {
      const h = anchor === 'left' ? 0 : anchor === 'right' ? 1 : 0.5;
      const v = anchor === 'top' ? 0 : anchor === 'bottom' ? 1 : 0.5;
      const r = label.offset * EM;
      const [ox, oy] =
        fixed || anchor === 'center'
          ? [0, 0]
          : anchor === 'left'
            ? [r, 0]
            : anchor === 'right'
              ? [-r, 0]
              : anchor === 'top'
                ? [0, r - RADIAL_BASELINE]
                : [0, -r + RADIAL_BASELINE];
      // The centred block's box, moved to the anchor by its size with the padding (placement.ts's
      // calculateVariableLayoutShift is given the collision box, padded); a fixed anchor moves the
      // block by its size alone (shaping.ts's align).
      const pad = label.padding;
      const shift = fixed ? 0 : 2 * pad;
      const boxLeft = ax + (-longest / 2 + ox) * boxK - (h - 0.5) * (longest * boxK + shift);
      const boxTop = ay + (-blockHeight / 2 + oy) * boxK - (v - 0.5) * (blockHeight * boxK + shift);
      const box: [number, number, number, number] = [boxLeft - pad, boxTop - pad, boxLeft + longest * boxK + pad, boxTop + blockHeight * boxK + pad];
      // The glyphs: the same block at the drawn size, about the same anchor.
      const left = ax + (-longest / 2 + ox) * k - (h - 0.5) * (longest * k + shift);
      const top = ay + (-blockHeight / 2 + oy) * k - (v - 0.5) * (blockHeight * k + shift);
      if (!free(box)) return null;
      // The lead line's image under the point, at its own size (icon-size follows the zoom as the
      // text's does), padded by icon-padding's 2 px; its words centred on its baseline.
      const lead = label.below;
      const fits = lead && {
        box: [
          ax - (lead.image.width / 2) * boxK * lead.scale - 2,
          ay - 2,
          ax + (lead.image.width / 2) * boxK * lead.scale + 2,
          ay + lead.image.height * boxK * lead.scale + 2,
        ] as [number, number, number, number],
        line: { x: ax - (lead.width / 2) * k * lead.scale, y: ay + lead.image.baseline * k * lead.scale, size: size * lead.scale },
      };
      // Where the line has no room the name is placed without it (icon-optional).
      const icon = fits && free(fits.box) ? fits : null;
      // Each line justified as the anchor puts it (text-justify auto): left, right or centre.
      // A line's baseline below the box's top, as shaping.ts's shapeLines and align put it.
      let before = 0;
      const lines = label.lines.map((line) => {
        const x = left + (longest - line.width) * k * h;
        const below = before - 17 + (0.5 - label.lines.length / 2) * LINE + blockHeight / 2 + GLYPH_TOP * line.scale;
        before += LINE * line.scale;
        return { x, y: top + below * k, size: size * line.scale };
      });
      if (icon) placedBoxes.push(icon.box);
      return { label, lines, box, lead: icon && lead?.text ? icon.line : null };
    };
    for (const anchor of fixed ? [fixed] : (label.anchors ?? ['center' as const])) {
      const placed = tryAnchor(anchor);
      if (!placed) continue;
      placedBoxes.push(placed.box);
      labels.push(placed);
      break;
    }
  }

  const layout: OpeningLayout = { zoom, center: [lng, lat], transform, circles, labels };
  if (!svg) return layout;

  const ns = 'http://www.w3.org/2000/svg';
  const make = (name: string, attributes: Record<string, string | number>) => {
    const node = document.createElementNS(ns, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    return node;
  };
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  // The camera, for whoever compares the picture with the map (the e2e test).
  svg.dataset.zoom = String(zoom);
  svg.dataset.center = `${lng},${lat}`;
  svg.querySelector('.opening-world')!.setAttribute('transform', `translate(${transform.dx} ${transform.dy}) scale(${scale})`);
  const symbols = svg.querySelector('.opening-symbols')!;
  // The places' names over the symbols, every other name under them, as the style stacks its layers.
  const over = svg.querySelector('.opening-labels')!;
  const under = svg.querySelector('.opening-labels-under')!;
  for (const group of [symbols, over, under]) group.replaceChildren();
  for (const c of circles) {
    const node = make('circle', { cx: c.x.toFixed(1), cy: c.y.toFixed(1), r: c.r.toFixed(2) });
    // The paint is the build's own attribute text (src/build/opening-picture.ts).
    for (const [, key, value] of c.paint.matchAll(/([\w-]+)="([^"]*)"/g)) node.setAttribute(key, value);
    symbols.append(node);
  }
  // A label placed wholly off the box still keeps others off its place, but is not drawn (collision_index.ts's isOffscreen).
  const onScreen = (b: PlacedLabel['box']) => b[2] >= 0 && b[0] <= width && b[3] >= 0 && b[1] <= height;
  for (const placed of labels.filter((l) => onScreen(l.box))) {
    const below = placed.label.below;
    const texts = [...placed.label.lines, ...(below?.text && placed.lead ? [{ text: below.text, fill: below.fill }] : [])];
    const positions = [...placed.lines, ...(placed.lead ? [placed.lead] : [])];
    texts.forEach((line, i) => {
      const at = positions[i];
      const node = make('text', {
        x: at.x.toFixed(1),
        y: at.y.toFixed(1),
        'font-size': at.size.toFixed(2),
        fill: line.fill,
        stroke: placed.label.halo,
        'stroke-width': (placed.label.haloWidth * 2).toFixed(2),
        'letter-spacing': (placed.label.spacing * at.size).toFixed(2),
        'data-layer': placed.label.layer,
        'data-name': placed.label.name,
      });
      node.textContent = line.text;
      (placed.label.layer === 'places_label' ? over : under).append(node);
    });
  }
  return layout;
}
