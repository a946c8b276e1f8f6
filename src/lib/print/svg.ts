// Writes a figure's scene as SVG, in one of two forms:
//   - 'text': the .svg a journal gets. Labels stay real text (editable, searchable), set in the
//     figure's own font files embedded as @font-face data, so it renders the same anywhere;
//     <title> and <desc> carry the title and the alt text.
//   - 'outlines': the input of the PNG rasterizer (png.ts). Text is drawn as glyph outlines from
//     the same fonts and shaping, so the rasterizer needs no font and no system's fonts.
// Page size in millimetres, coordinates in CSS pixels, fixed precision, no timestamps: the same
// scene gives the same bytes. docs/architecture.md, "Figures".
import type { Face, FigureFonts } from './fonts.ts';
import { fmt, type Item, type Paint, type TextItem } from './items.ts';
import { textOutline } from './outline.ts';
import { patternLines, svgPattern } from './patterns.ts';
import type { Scene } from './scene.ts';

export type SvgText = 'text' | 'outlines';

/** Text for SVG or HTML, with the four characters escaped that markup would read (also index.html's opening frame). */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One <pattern> per kind and colour a figure uses, by key. */
type PatternIds = Map<string, string>;
const patternKey = (p: NonNullable<Paint['pattern']>) => `${p.kind} ${p.colour}`;

function paintAttributes(p: Paint, patternIds: PatternIds): string {
  const a: string[] = [];
  a.push(`fill="${p.pattern ? `url(#${patternIds.get(patternKey(p.pattern))})` : (p.fill ?? 'none')}"`);
  if (p.fillOpacity != null && p.fillOpacity !== 1) a.push(`fill-opacity="${p.fillOpacity}"`);
  if (p.stroke) {
    a.push(`stroke="${p.stroke}"`, `stroke-width="${fmt(p.strokeWidth ?? 1)}"`);
    if (p.strokeOpacity != null && p.strokeOpacity !== 1) a.push(`stroke-opacity="${p.strokeOpacity}"`);
    if (p.dash) a.push(`stroke-dasharray="${p.dash.map(fmt).join(' ')}"`);
    a.push('stroke-linejoin="round"', 'stroke-linecap="round"');
  }
  return a.join(' ');
}

/** A family name per embedded face, so each character falls through to the face that has it. */
const familyOf = (fonts: FigureFonts, face: Face) => `Atlas${fonts.faces.filter((f) => f.weight === face.weight).indexOf(face)}`;

function textSvg(item: TextItem, tag: string, mode: SvgText, fonts: FigureFonts): string {
  if (mode === 'outlines') {
    const d = textOutline(fonts, item);
    const halo = item.halo
      ? `<path d="${d}" fill="none" stroke="${item.halo.colour}" stroke-width="${fmt(item.halo.width * 2)}" stroke-linejoin="round"/>`
      : '';
    return `${halo}<path${tag} d="${d}" fill="${item.fill}"/>`;
  }
  const anchor = item.anchor === 'start' ? '' : ` text-anchor="${item.anchor}"`;
  const weight = item.weight === 400 ? '' : ` font-weight="${item.weight}"`;
  const spacing = item.letterSpacing ? ` letter-spacing="${fmt(item.letterSpacing)}"` : '';
  const halo = item.halo ? ` stroke="${item.halo.colour}" stroke-width="${fmt(item.halo.width * 2)}" stroke-linejoin="round" paint-order="stroke"` : '';
  return `<text${tag} x="${fmt(item.x)}" y="${fmt(item.y)}" font-size="${fmt(item.size)}"${weight}${anchor}${spacing} fill="${item.fill}"${halo}>${esc(item.text)}</text>`;
}

function itemSvg(item: Item, patternIds: PatternIds, mode: SvgText, fonts: FigureFonts): string {
  const tag = item.tag ? ` data-${item.tag.role}="${esc(item.tag.id)}"` : '';
  switch (item.kind) {
    case 'path': {
      // For the rasterizer, a line pattern is drawn as its lines (patterns.ts), and an outline over them.
      const { pattern, fillOpacity, ...outline } = item.paint;
      const lines = mode === 'outlines' && pattern ? patternLines(item.d, pattern.kind) : null;
      if (pattern && lines !== null)
        return (
          `<path${tag} d="${lines}" ${paintAttributes({ fill: pattern.colour, fillOpacity }, patternIds)}/>` +
          (outline.stroke ? `<path d="${item.d}" ${paintAttributes(outline, patternIds)}/>` : '')
        );
      return `<path${tag} d="${item.d}" ${paintAttributes(item.paint, patternIds)}/>`;
    }
    case 'circle':
      return `<circle${tag} cx="${fmt(item.cx)}" cy="${fmt(item.cy)}" r="${fmt(item.r)}" ${paintAttributes(item.paint, patternIds)}/>`;
    case 'text':
      return textSvg(item, tag, mode, fonts);
  }
}

const base64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export interface SvgMeta {
  widthMm: number;
  heightMm: number;
  title: string;
  description: string;
  /** For the rasterizer: the exact pixel size, stretched to it (whole pixels never match the page's ratio exactly). */
  pixels?: { width: number; height: number };
}

export const sceneItems = (scene: Scene): Item[] => [...scene.panels.flatMap((p) => [...p.geometry, ...p.overlay]), ...scene.furniture];

export function writeSvg(scene: Scene, meta: SvgMeta, fonts: FigureFonts, mode: SvgText = 'text'): string {
  const all = sceneItems(scene);
  const patterns = new Map(all.flatMap((i) => (i.kind !== 'text' && i.paint.pattern ? [[patternKey(i.paint.pattern), i.paint.pattern] as const] : [])));
  const patternIds: PatternIds = new Map([...patterns.keys()].map((key, i) => [key, `pattern${i}`]));
  const texts = all.filter((i): i is TextItem => i.kind === 'text');
  const faces = mode === 'text' ? fonts.faces.filter((face) => texts.some((t) => fonts.runs(t.text, t.weight).some((r) => r.face === face))) : [];
  const families = [...new Set(faces.map((f) => familyOf(fonts, f)))];
  const out: string[] = [];
  const size = meta.pixels
    ? `width="${meta.pixels.width}" height="${meta.pixels.height}" preserveAspectRatio="none"`
    : `width="${fmt(meta.widthMm)}mm" height="${fmt(meta.heightMm)}mm"`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="figure-title" aria-describedby="figure-desc" ${size} viewBox="0 0 ${fmt(scene.width)} ${fmt(scene.height)}"${families.length ? ` font-family="${families.join(', ')}, Noto Sans, sans-serif"` : ''}>`,
  );
  out.push(`<title id="figure-title">${esc(meta.title)}</title>`, `<desc id="figure-desc">${esc(meta.description)}</desc>`);
  out.push('<defs>');
  if (faces.length) {
    // The faces the labels use, whole (each is already @fontsource's script subset of Noto Sans).
    const rules = faces.map(
      (f) => `@font-face{font-family:${familyOf(fonts, f)};font-weight:${f.weight};src:url(data:font/woff;base64,${base64(f.bytes)}) format("woff")}`,
    );
    out.push(`<style>${rules.join('')}</style>`);
  }
  for (const [key, pattern] of patterns) out.push(svgPattern(patternIds.get(key)!, pattern.kind, pattern.colour));
  out.push('</defs>');
  out.push(`<rect width="${fmt(scene.width)}" height="${fmt(scene.height)}" fill="#ffffff"/>`);
  for (const item of all) out.push(itemSvg(item, patternIds, mode, fonts));
  out.push('</svg>\n');
  return out.join('\n');
}
