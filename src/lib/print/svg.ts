// Writes a figure's scene as SVG: paths and real text (labels stay text, so a journal can edit or
// search them), the page size in millimetres, coordinates in CSS pixels. Fixed precision and no
// timestamps, so the same scene gives the same bytes. DESIGN.md §7.
import { fmt, type Item, type Paint, type Scene } from './scene.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function paintAttributes(p: Paint, hatchIds: Map<string, string>): string {
  const a: string[] = [];
  a.push(`fill="${p.hatch ? `url(#${hatchIds.get(p.hatch)})` : (p.fill ?? 'none')}"`);
  if (p.fillOpacity != null && p.fillOpacity !== 1) a.push(`fill-opacity="${p.fillOpacity}"`);
  if (p.stroke) {
    a.push(`stroke="${p.stroke}"`, `stroke-width="${fmt(p.strokeWidth ?? 1)}"`);
    if (p.strokeOpacity != null && p.strokeOpacity !== 1) a.push(`stroke-opacity="${p.strokeOpacity}"`);
    if (p.dash) a.push(`stroke-dasharray="${p.dash.join(' ')}"`);
    a.push('stroke-linejoin="round"', 'stroke-linecap="round"');
  }
  return a.join(' ');
}

function itemSvg(item: Item, hatchIds: Map<string, string>): string {
  const tag = item.tag ? ` data-${item.tag.role}="${esc(item.tag.id)}"` : '';
  switch (item.kind) {
    case 'path':
      return item.d ? `<path${tag} d="${item.d}" ${paintAttributes(item.paint, hatchIds)}/>` : '';
    case 'circle':
      return `<circle${tag} cx="${fmt(item.cx)}" cy="${fmt(item.cy)}" r="${fmt(item.r)}" ${paintAttributes(item.paint, hatchIds)}/>`;
    case 'text': {
      const anchor = item.anchor === 'start' ? '' : ` text-anchor="${item.anchor}"`;
      const weight = item.weight === 400 ? '' : ` font-weight="${item.weight}"`;
      const spacing = item.letterSpacing ? ` letter-spacing="${fmt(item.letterSpacing)}"` : '';
      const halo = item.halo ? ` stroke="${item.halo.colour}" stroke-width="${fmt(item.halo.width * 2)}" stroke-linejoin="round" paint-order="stroke"` : '';
      return `<text${tag} x="${fmt(item.x)}" y="${fmt(item.y)}" font-size="${fmt(item.size)}"${weight}${anchor}${spacing} fill="${item.fill}"${halo}>${esc(item.text)}</text>`;
    }
  }
}

export function writeSvg(scene: Scene, widthMm: number, heightMm: number): string {
  const all = [...scene.panels.flatMap((p) => [...p.geometry, ...p.overlay]), ...scene.furniture];
  const hatchColours = [...new Set(all.flatMap((i) => (i.kind !== 'text' && i.paint.hatch ? [i.paint.hatch] : [])))];
  const hatchIds = new Map(hatchColours.map((c, i) => [c, `hatch${i}`]));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(widthMm)}mm" height="${fmt(heightMm)}mm" viewBox="0 0 ${fmt(scene.width)} ${fmt(scene.height)}" font-family="Noto Sans, Noto Sans Arabic, sans-serif">`);
  out.push('<defs>');
  scene.panels.forEach((p, i) => out.push(`<clipPath id="panel${i}"><rect x="${fmt(p.x)}" y="${fmt(p.y)}" width="${fmt(p.width)}" height="${fmt(p.height)}"/></clipPath>`));
  for (const [colour, id] of hatchIds) out.push(`<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${colour}" stroke-width="1"/></pattern>`);
  out.push('</defs>');
  out.push(`<rect width="${fmt(scene.width)}" height="${fmt(scene.height)}" fill="#ffffff"/>`);
  scene.panels.forEach((p, i) => {
    out.push(`<g clip-path="url(#panel${i})">`);
    for (const item of [...p.geometry, ...p.overlay]) out.push(itemSvg(item, hatchIds));
    out.push('</g>');
  });
  for (const item of scene.furniture) out.push(itemSvg(item, hatchIds));
  out.push('</svg>\n');
  return out.filter(Boolean).join('\n');
}
