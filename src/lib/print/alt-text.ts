// A figure's alt text (issue 43), written from what its scene draws, never from what it could:
// the extent it shows in words (all of Iraq, the governorates wholly in the frame, or the one
// around its centre), the date or window, each layer with its counts (events by how certain their
// date and place are; governorates by who held them; displacement circles with the largest), the
// places labelled (most events first) and what was left out for lack of room. The same words go
// into the dialog, the caption file, PNG iTXt, SVG <desc>, PDF /Subject and the map's Alt. Pure.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Atlas } from '../data/schema.ts';
import { drawnUncertain } from '../data/features.ts';
import { bboxOf } from '../look/bounds.ts';
import { leadLabels, leadOf } from '../look/leads.ts';
import { controlStatusLabels } from '../look/palette.ts';
import type { ViewSnapshot } from '../state/snapshot.ts';
import { controlAt, displacementAt } from '../time/questions.ts';
import { boxExtent, type Box, type Camera } from './camera.ts';
import { dateLabel, panelLetter, when } from './caption.ts';
import { humanDate } from '../time/window.ts';
import { FIGURE_LOCALE } from '../time/words.ts';
import type { Item } from './items.ts';

/** "1 event", "2 events": a count with its noun, in the figures' English. */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "A", "A and B", "A, B and C". */
export const listed = (words: string[]): string => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

export interface AltPanel {
  view: ViewSnapshot;
  camera: Camera;
  box: Box;
  /** Everything the panel draws (geometry and overlay), tagged by role. */
  items: Item[];
}

type Bbox = [number, number, number, number];

/** Where the frame is, in words a reader can check against a map of Iraq's governorates. */
export function extentWords(atlas: Atlas, camera: Camera, box: Box): string {
  const ring = boxExtent(camera, box);
  const frame: Bbox = [ring[0][0], ring[2][1], ring[2][0], ring[0][1]];
  const governorates = atlas.governorates.features;
  const whole = governorates.filter((g) => {
    const b = bboxOf(g.geometry);
    return b[0] >= frame[0] && b[1] >= frame[1] && b[2] <= frame[2] && b[3] <= frame[3];
  });
  if (whole.length === governorates.length) return 'all of Iraq';
  const partly = governorates.filter((g) => {
    const b = bboxOf(g.geometry);
    return !whole.includes(g) && b[0] < frame[2] && b[2] > frame[0] && b[1] < frame[3] && b[3] > frame[1];
  });
  if (whole.length) {
    const names = whole.map((g) => g.properties.name);
    const shown = names.length > 5 ? [...names.slice(0, 4), `${names.length - 4} others`] : names;
    return `part of Iraq: the ${whole.length === 1 ? 'governorate' : 'governorates'} of ${listed(shown)}${partly.length ? `, and ${counted(partly.length, 'other')} in part` : ''}`;
  }
  const centre = governorates.find((g) => booleanPointInPolygon(camera.center, g));
  return centre ? `part of ${centre.properties.name} governorate` : 'the country beyond Iraq’s borders';
}

const ids = (items: Item[], role: string) => new Set(items.flatMap((i) => (i.tag?.role === role ? [i.tag.id] : [])));

/** Each layer the panel draws, with its counts. */
function layerSentences(atlas: Atlas, panel: AltPanel): string[] {
  const { view, items } = panel;
  const out: string[] = [];
  if (view.layers.includes('events')) {
    const drawn = ids(items, 'event');
    const events = atlas.events.filter((e) => drawn.has(e.id));
    const uncertain = events.filter(drawnUncertain).length;
    out.push(
      events.length
        ? `${counted(events.length, 'event')} from the texts${uncertain ? ` (${uncertain === events.length ? (events.length === 1 ? 'uncertain' : 'all uncertain') : `${uncertain} uncertain`} in date or place)` : ''}`
        : 'no events from the texts in the window',
    );
  }
  const [controlled, outlined] = [ids(items, 'control'), ids(items, 'governorate')];
  const governorates = atlas.governorates.features.filter((g) => controlled.has(g.properties.id) || outlined.has(g.properties.id));
  if (view.layers.includes('control') && governorates.length) {
    const groups = new Map<string, number>();
    for (const g of governorates) {
      const period = controlAt(atlas.control, g.properties.id, view.t);
      const lead = leadOf(period);
      const key = !period ? 'no data' : lead ? `${controlStatusLabels.coalition}, ${leadLabels[lead]}` : controlStatusLabels[period.status];
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const parts = [...groups].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${key}: ${n}`);
    out.push(`province control in ${counted(governorates.length, 'governorate')} (${parts.join('; ')})`);
  }
  if (view.layers.includes('displacement')) {
    const drawn = ids(items, 'displacement');
    const circles = atlas.governorates.features.filter((g) => drawn.has(g.properties.id));
    const figures = circles.flatMap((g) => {
      const value = displacementAt(atlas.displacement, g.properties.id, view.t, 'idps-since-2006')?.value;
      return value == null ? [] : [{ name: g.properties.name, value }];
    });
    const largest = figures.sort((a, b) => b.value - a.value)[0];
    const missing = circles.length - figures.length;
    out.push(
      `displacement circles for ${counted(figures.length, 'governorate')}${largest ? `, the largest ${largest.name} (${largest.value.toLocaleString('en-GB')} people displaced since February 2006)` : ''}${missing ? `; no data for ${missing}` : ''}`,
    );
  }
  return out;
}

/** The date in words: the window of events where events are drawn, else the day the layers show. */
const dayWords = (view: ViewSnapshot) => (view.layers.includes('events') ? when(view) : `on ${humanDate(view.t, FIGURE_LOCALE)}`);

/** "Jalula (town)", "Diyala (river)", … as "towns Jalula and Tal Afar; river Diyala", each kind once, in the order first met. */
export function leftOutWords(dropped: string[]): string {
  const kinds = new Map<string, string[]>();
  for (const entry of dropped) {
    const [, name, what] = /^(.*) \(([^()]*)\)$/.exec(entry) ?? [entry, entry, ''];
    // A name with a comma of its own ("PUK headquarters, Mosul") is quoted, so the list stays readable.
    kinds.set(what, [...(kinds.get(what) ?? []), name.includes(',') ? `“${name}”` : name]);
  }
  return [...kinds].map(([what, names]) => (what ? `${names.length === 1 ? what : pluralOf(what)} ${listed(names)}` : listed(names))).join('; ');
}
const pluralOf = (what: string) =>
  what === 'governorate name in Arabic' ? 'governorate names in Arabic' : what.endsWith('y') ? `${what.slice(0, -1)}ies` : `${what}s`;

/** The places labelled, most events shown first. */
function labelledPlaces(atlas: Atlas, panels: AltPanel[]): string[] {
  const labelled = new Set(panels.flatMap((p) => [...ids(p.items, 'label')]));
  const shownEvents = new Set(panels.flatMap((p) => [...ids(p.items, 'event')]));
  const eventsAt = (id: string) => atlas.events.filter((e) => e.placeId === id && shownEvents.has(e.id)).length;
  return atlas.places
    .filter((p) => labelled.has(p.id))
    .sort((a, b) => eventsAt(b.id) - eventsAt(a.id) || a.properties.name.localeCompare(b.properties.name))
    .map((p) => p.properties.name);
}

export function altText(atlas: Atlas, panels: AltPanel[], dropped: string[], version: string): string {
  const multi = panels.length > 1;
  const sameCamera = new Set(panels.map((p) => JSON.stringify(p.camera))).size === 1;
  const where = sameCamera ? extentWords(atlas, panels[0].camera, panels[0].box) : null;
  const head = multi ? `Map of ${where ?? 'Iraq'} (Web Mercator) in ${panels.length} panels.` : `Map of ${where} (Web Mercator), ${dayWords(panels[0].view)}.`;
  const body = panels.map((p, i) => {
    const layers = layerSentences(atlas, p);
    const prefix = multi
      ? `${panelLetter(i)} ${p.view.layers.includes('events') ? dateLabel(p.view) : dayWords(p.view)}${sameCamera ? '' : `, ${extentWords(atlas, p.camera, p.box)}`}: `
      : '';
    const words = layers.length ? layers.join('; ') : 'no layer drawn';
    return `${prefix}${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
  });
  const places = labelledPlaces(atlas, panels);
  return [
    head,
    ...body,
    places.length ? `Places labelled: ${listed(places.length > 12 ? [...places.slice(0, 11), `${places.length - 11} more`] : places)}.` : '',
    dropped.length ? `Left out for lack of room: ${leftOutWords(dropped)}.` : '',
    `Iraq War Atlas, data version ${version}.`,
  ]
    .filter(Boolean)
    .join(' ');
}
