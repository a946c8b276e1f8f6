// The view ⇄ the URL's hash: only the codec (the view's shape, defaults and checks are
// snapshot.ts's). Pure: parse never throws, and names every part of a link it could not use, so
// a malformed or hostile link falls back to defaults with a visible notice.
import { isoDay } from '../time/day.ts';
import { readPlainDate } from '../time/plain-date.ts';
import { FIRST_DAY, timeModes, type TimeMode } from '../time/window.ts';
import { defaultView, layerNames, validCamera, validDay, validServer, validWindowDays, type Known, type LayerName, type ViewSnapshot } from './snapshot.ts';

/** Every key a link may carry (parseView ignores others, so that old links keep working). */
export const linkKeys = ['t', 'mode', 'w', 'c', 'layers', 'texts', 'tags', 'place', 'doc', 'at', 'tour', 'chapter', 'db'] as const;

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
/** The part of the link as the reader typed it, cut short; Svelte renders it as text, never markup. */
/** Bidirectional controls (LRE…RLO, the isolates, the marks): in a link they could reverse the notice's own words. */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** A link's value as a notice quotes it: cut to 60 characters, each bidi control shown by its code point, not obeyed. */
const shown = (value: string) => {
  const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return `“${cut.replace(bidiControls, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`)}”`;
};

export function parseView(hash: string, known: Known): { view: ViewSnapshot; notices: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view: ViewSnapshot = structuredClone(defaultView);
  const notices: string[] = [];
  const refuse = (what: string, value: string, fallback: string) =>
    notices.push(`The link's ${what} ${shown(value)} is not valid; showing ${fallback} instead.`);

  const t = params.get('t');
  if (t !== null) {
    const span = readPlainDate(t);
    // A month or a year opens on its first day in the atlas's span, and says so (issue 37).
    const first = span && span.precision !== 'day' ? Math.max(span.t0, FIRST_DAY) : null;
    if (span?.precision === 'day' && validDay(span.t0)) view.t = span.t0;
    else if (first !== null && span && first <= span.t1 && validDay(first)) {
      view.t = first;
      notices.push(`The link's date ${shown(t)} is a ${span.precision}, not a day; showing ${isoDay(first)}, its first day in the atlas.`);
    } else refuse('date', t, `${isoDay(view.t)} (dates run from 2003-03-20 to 2011-12-18)`);
  }
  const mode = params.get('mode');
  if (mode !== null) {
    if (timeModes.includes(mode as TimeMode)) view.mode = mode as TimeMode;
    else refuse('time mode', mode, `"${view.mode}"`);
  }
  const w = params.get('w');
  if (w !== null) {
    const n = Number(w);
    if (validWindowDays(n)) view.windowDays = n;
    else refuse('window', w, `${view.windowDays} days`);
  }
  const c = params.get('c');
  if (c !== null) {
    const [lng, lat, zoom] = c.split(',').map(Number);
    if (validCamera([lng, lat, zoom])) view.camera = [lng, lat, zoom];
    else refuse('map position', c, 'the whole of Iraq');
  }
  const layers = params.get('layers');
  if (layers !== null) {
    // Repeated names count once. One name the atlas does not have leaves the whole part at its
    // default: a misspelt "contrl" must not turn the control layer off (issue 37).
    const names = [...new Set(list(layers))];
    const bad = names.filter((n) => !layerNames.includes(n as LayerName));
    if (bad.length) refuse('layers', bad.join(','), `the default layers (${view.layers.join(', ')}); the layers are ${layerNames.join(', ')}`);
    else view.layers = names as LayerName[];
  }
  for (const [key, set, what] of [
    ['texts', known.texts, 'text filter'],
    ['tags', known.tags, 'tag filter'],
  ] as const) {
    const values = list(params.get(key));
    const bad = values.filter((v) => !set.has(v));
    if (bad.length) refuse(what, bad.join(','), 'the rest of the filter');
    view[key] = values.filter((v) => set.has(v));
  }
  const place = params.get('place');
  if (place !== null) {
    if (known.places.has(place)) view.place = place;
    else refuse('place', place, 'no selected place');
  }
  const doc = params.get('doc');
  if (doc !== null) {
    if (known.texts.has(doc)) view.doc = doc;
    else refuse('text', doc, 'no open text');
  }
  const at = params.get('at');
  if (at !== null && view.doc) {
    // Two whole numbers, the second larger: "-5-10" is not read as 0 to 5, nor "10-5" turned round.
    const m = /^(\d{1,9})-(\d{1,9})$/.exec(at);
    const [start, end] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    if (end > start) view.passage = [start, end];
    else refuse('passage', at, 'the text without a highlight (a passage is two character offsets, the first smaller: at=120-180)');
  }
  const tour = params.get('tour');
  if (tour !== null) {
    const chapters = known.tours?.get(tour);
    if (chapters === undefined) refuse('tour', tour, 'the explorer');
    else {
      view.tour = tour;
      const chapter = Number(params.get('chapter') ?? '1');
      if (Number.isInteger(chapter) && chapter >= 1 && chapter <= chapters) view.chapter = chapter - 1;
      else {
        refuse('chapter', params.get('chapter') ?? '', 'chapter 1');
        view.chapter = 0;
      }
    }
  }
  const db = params.get('db');
  if (db !== null) {
    view.db = validServer(db);
    if (view.db === null) refuse('collection server', db, 'no server (an address is http://host:port, or a path such as /db)');
  }
  return { view, notices };
}

/** The camera as a link writes it: 4 decimals of a degree (about 10 m), 2 of a zoom level. */
export const linkCamera = (c: [number, number, number]): [number, number, number] => [
  Number(c[0].toFixed(4)),
  Number(c[1].toFixed(4)),
  Number(c[2].toFixed(2)),
];

/** Only what differs from the defaults goes into the link, so links stay short and readable. */
export function formatView(view: ViewSnapshot): string {
  const params = new URLSearchParams();
  params.set('t', isoDay(view.t));
  if (view.mode !== defaultView.mode) params.set('mode', view.mode);
  if (view.windowDays !== defaultView.windowDays) params.set('w', String(view.windowDays));
  if (view.camera) params.set('c', linkCamera(view.camera).join(','));
  if (view.layers.join(',') !== defaultView.layers.join(',')) params.set('layers', view.layers.join(','));
  if (view.texts.length) params.set('texts', view.texts.join(','));
  if (view.tags.length) params.set('tags', view.tags.join(','));
  if (view.place) params.set('place', view.place);
  if (view.doc) params.set('doc', view.doc);
  if (view.doc && view.passage) params.set('at', view.passage.join('-'));
  if (view.tour) params.set('tour', view.tour);
  if (view.tour && view.chapter !== null) params.set('chapter', String(view.chapter + 1));
  if (view.db) params.set('db', view.db);
  return `#${params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':')}`;
}
