// A reader's own text from its form to place files: made, checked by the data contract's
// validator, laid over the atlas, and written as files that a copy of the project validates.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { addEvent, addQuote, formProblems, newOwnText, placeFromGazetteer, type OwnText, type TextForm } from './draft.ts';
import { findPlaces, nameIndex, type GazetteerPlace } from './find.ts';
import { ownFiles, ownFilesOfAll, zipFiles } from './files.ts';
import { withOwnTexts } from './merge.ts';
import { readPlaceFiles, unsafeEntryName, ZIP_LIMITS } from './read-zip.ts';
import { KEPT_FORMAT, keptDownload, readKept, toKept, type UnreadableKept } from './kept.ts';
import { shortName } from '../print/caption.ts';
import { prune, removeItem, usedPlaces } from './edit.ts';

const files = readRawFiles();
const repo = { sourceIndex: files.sourceIndex, coverage: readFileSync('places/coverage.json', 'utf8'), gazetteer: readFileSync('geo/gazetteer.json', 'utf8') };
const { atlas } = loadAtlas(files);
const gazetteer = (JSON.parse(readFileSync('geo/find-gazetteer.json', 'utf8')) as { entries: GazetteerPlace[] }).entries;
const text = 'From Ramadi we drove to Fallujah. "It was quiet," a sergeant said in April 2007. Three shops burned near the market. Mortars hit the road.';
const form: TextForm = { title: 'A dispatch from Anbar', date: '2007-04', author: 'A. Reporter', outlet: '', genre: 'news report', text, fileName: null };

function made() {
  let own = newOwnText(form, new Set(atlas.sources.map((s) => s.id)));
  const [ramadi] = findPlaces(text, nameIndex(atlas.places, atlas.governorates.features, gazetteer));
  const entry = ramadi.candidates[0];
  if (entry.kind !== 'gazetteer') throw new Error('expected the gazetteer to offer Ramadi');
  const place = placeFromGazetteer(entry, ramadi.words, atlas, new Set(atlas.places.map((p) => p.id)));
  own = { ...own, places: { [place.id]: place }, mentions: [{ start: ramadi.start, end: ramadi.end, placeId: place.id }] };
  const said = text.indexOf('It was quiet');
  own = addQuote(own, atlas, { placeId: 'fallujah', start: said, end: said + 'It was quiet'.length, speaker: 'a US sergeant', date: '../2007-04' });
  const burned = text.indexOf('Three shops');
  own = addEvent(
    own,
    atlas,
    {
      placeId: place.id,
      start: burned,
      end: text.indexOf(' Mortars') - 1,
      title: 'Shops burn near the market',
      date: '2007-04',
      dateHow: "the text's own date",
      tags: ['violence'],
    },
    new Set(atlas.events.map((e) => e.id)),
  );
  return { own, place };
}

describe("a reader's own text", () => {
  it('says what a form lacks, field by field', () => {
    expect(formProblems(form)).toEqual({});
    expect(formProblems({ ...form, title: ' ', date: 'April 2007', text: '' })).toEqual({
      title: expect.stringContaining('title'),
      date: expect.stringContaining('Not a date'),
      text: expect.stringContaining('empty'),
    });
  });

  it('is laid over the atlas: its new place, its event and quote verbatim, its mention; the shipped place keeps what it had', () => {
    const { own, place } = made();
    expect(own.entry).toMatchObject({ id: 'a-dispatch-from-anbar-2007', genre: 'news report', author: 'A. Reporter', outlet: null });
    expect(place).toMatchObject({ id: 'ramadi', properties: { governorate: 'IQ-AN', precision: 'exact', gazetteer: { ref: 'Ramadi' } } });
    const merged = withOwnTexts(atlas, [own]);
    expect(merged.problems).toEqual([]);
    expect(merged.own).toEqual(new Set(['a-dispatch-from-anbar-2007']));
    expect(merged.atlas.places.find((p) => p.id === 'ramadi')).toBeTruthy();
    const event = merged.atlas.events.find((e) => e.placeId === 'ramadi')!;
    expect(event.sources[0].quote).toBe('Three shops burned near the market');
    const quote = merged.atlas.quotes.find((q) => q.doc === own.entry.id)!;
    expect(quote).toMatchObject({ placeId: 'fallujah', text: 'It was quiet', speaker: 'a US sergeant' });
    // Fallujah keeps its shipped events and quotes beside the new one.
    const shippedFallujah = atlas.quotes.filter((q) => q.placeId === 'fallujah').length;
    expect(merged.atlas.quotes.filter((q) => q.placeId === 'fallujah')).toHaveLength(shippedFallujah + 1);
    expect(merged.atlas.events.length).toBe(atlas.events.length + 1);
    expect(merged.atlas.mentions.filter((m) => m.doc === own.entry.id)).toEqual([expect.objectContaining({ placeId: 'ramadi', text: 'Ramadi' })]);
    // Marked as the reader's own, and credited so on figures.
    const source = merged.atlas.sources.find((s) => s.id === own.entry.id)!;
    expect(source.own).toBe(true);
    expect(shortName(source)).toBe('Reporter 2007 (reader’s own text)');
    expect(source.credit).toContain("(a reader's own text)");
  });

  it('names the file, feature and field of a problem, and leaves only that out', () => {
    const { own } = made();
    const broken = structuredClone(own);
    broken.places.fallujah.properties.quotes.at(-1)!.text = 'It was loud';
    const merged = withOwnTexts(atlas, [broken]);
    expect(merged.problems).toEqual([
      expect.objectContaining({ file: 'places/fallujah.geojson', feature: 'fallujah', path: expect.stringMatching(/^properties\.quotes\[\d+\]/) }),
    ]);
    // Fallujah stays as shipped; Ramadi, which passed, is in.
    expect(merged.atlas.quotes.filter((q) => q.placeId === 'fallujah')).toHaveLength(atlas.quotes.filter((q) => q.placeId === 'fallujah').length);
    expect(merged.atlas.places.some((p) => p.id === 'ramadi')).toBe(true);
  });

  it('keeps what two texts add to the same place', () => {
    const { own } = made();
    let second = newOwnText({ ...form, title: 'A second dispatch', text: 'Fallujah was calm.' }, new Set([...atlas.sources.map((s) => s.id), own.entry.id]));
    second = addQuote(second, atlas, { placeId: 'fallujah', start: 0, end: 18, speaker: null, date: '2007-05' });
    const merged = withOwnTexts(atlas, [own, second]);
    expect(merged.problems).toEqual([]);
    const docs = merged.atlas.quotes.filter((q) => q.placeId === 'fallujah').map((q) => q.doc);
    expect(docs).toEqual(expect.arrayContaining([own.entry.id, second.entry.id, ...atlas.quotes.filter((q) => q.placeId === 'fallujah').map((q) => q.doc)]));
  });

  it('zips as place files that a copy of the project validates', () => {
    const { own } = made();
    const written = ownFiles(own, atlas, repo);
    // The index gains the entry; the other entries keep their bytes (a clone's diff is the text alone).
    expect(written['places/sources/index.json']).toContain(files.sourceIndex.slice(0, files.sourceIndex.lastIndexOf('}') - 10));
    // "hit" is a verb here, but the coverage check reads it as the town of Hīt: it is listed as left out.
    expect(JSON.parse(written['places/coverage.json']).leftOut).toEqual([{ name: 'Hīt', reason: expect.stringContaining('did not map it') }]);
    const entries = unzipSync(zipFiles(written));
    expect(Object.keys(entries).sort()).toEqual([
      'places/coverage.json',
      'places/fallujah.geojson',
      'places/ramadi.geojson',
      'places/sources/a-dispatch-from-anbar-2007.txt',
      'places/sources/index.json',
    ]);
    const { atlas: copy, problems } = loadAtlas(readRawFiles(copyWith(Object.fromEntries(Object.entries(entries).map(([p, b]) => [p, strFromU8(b)])))));
    expect(problems).toEqual([]);
    expect(copy.sources.map((s) => s.id)).toContain('a-dispatch-from-anbar-2007');
    expect(copy.places.find((p) => p.id === 'ramadi')?.properties.events).toHaveLength(1);
    expect(copy.quotes.filter((q) => q.placeId === 'fallujah')).toHaveLength(atlas.quotes.filter((q) => q.placeId === 'fallujah').length + 1);
  });
});

describe('the place files of two texts together (a tour quoting both)', () => {
  it('validate in a copy: the index lists both, and the place both quote keeps both quotes', () => {
    const { own } = made();
    let second = newOwnText({ ...form, title: 'A second dispatch', text: 'Fallujah was calm.' }, new Set([...atlas.sources.map((s) => s.id), own.entry.id]));
    second = addQuote(second, atlas, { placeId: 'fallujah', start: 0, end: 18, speaker: null, date: '2007-05' });
    const { atlas: copy, problems } = loadAtlas(readRawFiles(copyWith(ownFilesOfAll([own, second], atlas, repo))));
    expect(problems).toEqual([]);
    expect(copy.sources.map((s) => s.id)).toEqual(expect.arrayContaining([own.entry.id, second.entry.id]));
    const atFallujah = (a: typeof atlas) => a.quotes.filter((q) => q.placeId === 'fallujah').length;
    expect(atFallujah(copy)).toBe(atFallujah(atlas) + 2);
  });

  it('load back from their zip, each text with its own quotes, nothing said lost', () => {
    const { own } = made();
    let second = newOwnText({ ...form, title: 'A second dispatch', text: 'Fallujah was calm.' }, new Set([...atlas.sources.map((s) => s.id), own.entry.id]));
    second = addQuote(second, atlas, { placeId: 'fallujah', start: 0, end: 18, speaker: null, date: '2007-05' });
    const zip = zipFiles(ownFilesOfAll([own, second], atlas, repo));
    const first = readPlaceFiles(zip, 'tour-with-texts.zip', atlas);
    expect(first).toEqual({ ok: false, texts: [own.entry.id, second.entry.id].sort() });
    const back = [own.entry.id, second.entry.id].map((id) => readPlaceFiles(zip, 'tour-with-texts.zip', atlas, undefined, id));
    for (const read of back) {
      if (!read.ok) throw new Error(JSON.stringify(read));
      expect(read.notes).toEqual([]);
      const docs = Object.values(read.own.places).flatMap((p) => p.properties.quotes.map((q) => q.doc));
      expect(new Set(docs)).toEqual(new Set([read.own.entry.id]));
    }
    const merged = withOwnTexts(
      atlas,
      back.map((r) => (r as { own: OwnText }).own),
    );
    expect(merged.problems).toEqual([]);
  });
});

/** A copy of the project's places/ and geo/ with `files` written over it; its root. */
function copyWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-own-'));
  for (const dir of ['places', 'geo']) cpSync(dir, join(root, dir), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('place files loaded back', () => {
  it('come back as the text they were made from, and merge without problems', () => {
    const { own } = made();
    const read = readPlaceFiles(zipFiles(ownFiles(own, atlas, repo)), 'mine.zip', atlas);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.own.entry).toEqual(own.entry);
    expect(read.own.text).toBe(own.text);
    // Fallujah's file holds the shipped quotes too: only the text's own come back.
    expect(read.own.places.fallujah.properties.quotes).toEqual(own.places.fallujah.properties.quotes);
    expect(read.own.places.ramadi).toEqual(own.places.ramadi);
    expect(read.own.mentions).toEqual(
      expect.arrayContaining([expect.objectContaining({ placeId: 'ramadi' }), expect.objectContaining({ placeId: 'fallujah' })]),
    );
    expect(withOwnTexts(atlas, [read.own]).problems).toEqual([]);
  });

  it('offer a new id when the text id is taken, and rename it everywhere', () => {
    const { own } = made();
    const zip = zipFiles(ownFiles(own, atlas, repo));
    const withIt = withOwnTexts(atlas, [own]).atlas;
    const clash = readPlaceFiles(zip, 'mine.zip', withIt);
    expect(clash).toEqual({ ok: false, clash: { id: own.entry.id, title: own.entry.title, free: `${own.entry.id}-2` } });
    const again = readPlaceFiles(zip, 'mine.zip', withIt, `${own.entry.id}-2`);
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(again.own.places.fallujah.properties.quotes[0].doc).toBe(`${own.entry.id}-2`);
    // The same text loaded twice: its event, already in the atlas, gets a new id too.
    expect(again.notes).toEqual([
      expect.stringContaining('an event "ramadi-2007-04'),
      expect.stringContaining('The text "A dispatch from Anbar" is loaded as'),
    ]);
    expect(withOwnTexts(withIt, [again.own]).problems).toEqual([]);
  });

  it('name what is wrong with a file that is not place files', () => {
    const bad = (files: Record<string, string | Uint8Array>) =>
      readPlaceFiles(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]))), 'x.zip', atlas);
    expect(readPlaceFiles(strToU8('not a zip'), 'x.zip', atlas)).toEqual({ ok: false, message: expect.stringContaining('x.zip is not a zip file') });
    expect(bad({ 'notes.txt': 'hello' })).toEqual({ ok: false, message: expect.stringContaining('holds no text') });
    expect(bad({ 'places/sources/a.txt': 'hello' })).toEqual({ ok: false, message: expect.stringContaining('has no places/sources/index.json') });
    expect(bad({ 'places/sources/a.txt': new Uint8Array([0xff, 0xfe, 0x41]), 'places/sources/index.json': '{"texts":[{"id":"a"}]}' })).toEqual({
      ok: false,
      message: 'x.zip: places/sources/a.txt is not UTF-8 text.',
    });
    expect(bad({ 'places/sources/a.txt': 'hi', 'places/sources/index.json': '{"texts":[{"id":"a"}]}', 'places/x.geojson': '{' })).toEqual({
      ok: false,
      message: expect.stringContaining('x.zip: places/x.geojson is not JSON'),
    });
  });
});

describe('texts kept by another version of the atlas (issue 37)', () => {
  it('brings a record of the first shape (no format, no mentions) up to this one, and it still lays over the atlas', () => {
    const { own } = made();
    const { format, mentions, ...first } = toKept(own);
    expect([format, mentions.length]).toEqual([KEPT_FORMAT, 1]);
    const read = readKept(structuredClone(first) as unknown);
    expect(read).toMatchObject({ ok: true, upgradedFrom: 1 });
    const upgraded = (read as { own: OwnText }).own;
    expect(upgraded.mentions).toEqual([]);
    expect(upgraded.text).toBe(own.text);
    expect(withOwnTexts(atlas, [upgraded]).problems).toEqual([]);
    // What this version writes, it reads back unchanged and calls current.
    expect(readKept(structuredClone(toKept(own)))).toEqual({ ok: true, own: { ...own }, upgradedFrom: null });
  });

  it('keeps a record it cannot read as it was, with its problem, its words and a download', () => {
    const { own } = made();
    const newer = { ...toKept(own), format: KEPT_FORMAT + 1 };
    const read = readKept(newer);
    expect(read).toMatchObject({ ok: false, id: own.entry.id, title: own.entry.title, text: own.text, record: newer });
    expect((read as UnreadableKept).problem).toMatch(/kept by a newer version of the atlas/);
    expect(JSON.parse(keptDownload(read as UnreadableKept).json)).toEqual(newer);
    expect(keptDownload(read as UnreadableKept).name).toBe(`${own.entry.id}-as-kept.json`);
    for (const [broken, why] of [
      [{ ...toKept(own), places: [1, 2] }, /places are not place features/],
      [{ ...toKept(own), mentions: [{ start: 'x' }] }, /mentions are not/],
      [{ ...toKept(own), text: 5 }, /has no text/],
      [{ format: 'two' }, /format "two" is not one the atlas wrote/],
      ['a string', /not an object/],
    ] as const) {
      const bad = readKept(broken);
      expect(bad.ok).toBe(false);
      expect((bad as UnreadableKept).problem).toMatch(why);
      expect((bad as UnreadableKept).record).toBe(broken);
    }
  });
});

describe('a zip with limits (issue 37)', () => {
  const zipOf = (files: Record<string, string | Uint8Array>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])), { level: 9 });
  const index = '{"texts":[{"id":"a"}]}';

  it('refuses an entry whose name climbs out of its folder or starts at a root, naming the name', () => {
    for (const name of ['../evil.geojson', 'places/../../etc/passwd', 'places\\..\\..\\x.geojson', '/etc/passwd', 'C:/Windows/x.txt', '\\\\server\\share']) {
      const read = readPlaceFiles(zipOf({ 'places/sources/a.txt': 'hi', 'places/sources/index.json': index, [name]: 'x' }), 'x.zip', atlas);
      expect(read, name).toEqual({ ok: false, message: expect.stringContaining(`the entry “${name}”`) });
      expect((read as { message: string }).message, name).toMatch(/is an absolute path|climbs out of its folder/);
    }
    expect(unsafeEntryName('places/sources/a..b.txt')).toBeNull();
  });

  it('stops before the entry that takes it past 50 MB inflated, and names it', () => {
    // 30 MB of zeros each: a few kilobytes zipped.
    const zeros = new Uint8Array(30 * 1024 * 1024);
    const zip = zipOf({ 'places/sources/a.txt': 'hi', 'places/sources/index.json': index, 'places/one.geojson': zeros, 'places/two.geojson': zeros });
    expect(zip.length).toBeLessThan(200_000);
    expect(readPlaceFiles(zip, 'bomb.zip', atlas)).toEqual({
      ok: false,
      message: expect.stringMatching(/^bomb\.zip: places\/two\.geojson would take the zip past 50 MB inflated \(60 MB with the entries before it\)/),
    });
  });

  it('refuses a text longer than the form takes, before inflating it when its size says so', () => {
    const long = 'a'.repeat(ZIP_LIMITS.textBytes + 1);
    expect(readPlaceFiles(zipOf({ 'places/sources/index.json': index, 'places/sources/a.txt': long }), 'x.zip', atlas)).toEqual({
      ok: false,
      message: expect.stringMatching(/^x\.zip: places\/sources\/a\.txt would inflate to .* a text has at most 200,000 characters/),
    });
    expect(readPlaceFiles(zipOf({ 'places/sources/index.json': index, 'places/sources/a.txt': 'a'.repeat(200_001) }), 'x.zip', atlas)).toEqual({
      ok: false,
      message: 'x.zip: places/sources/a.txt has 200,001 characters; a text has at most 200,000.',
    });
  });
});

describe('edits', () => {
  it('drop a new place nothing links, and an atlas place the text adds nothing to, before the text is kept', () => {
    const { own, place } = made();
    const lonely = { ...place, id: 'nowhere' };
    const withLonely = { ...own, places: { ...own.places, nowhere: lonely } };
    const noQuote = removeItem(withLonely, 'fallujah', 'quote', 0);
    expect(noQuote.places.fallujah.properties.quotes).toEqual([]);
    expect(Object.keys(prune(noQuote, atlas).places).sort()).toEqual(['ramadi']);
    expect(usedPlaces(noQuote)).toEqual(new Set(['ramadi']));
  });
});

describe('Load annotations', () => {
  it("gives back the text's mentions, quotes and events from its own Web Annotations export", async () => {
    const { annotations } = await import('../export/annotations.ts');
    const { readAnnotations } = await import('./annotations-in.ts');
    const { own } = made();
    const shown = withOwnTexts(atlas, [own]);
    expect(shown.problems).toEqual([]);
    const base = 'https://atlas.example.org/';
    const exported = annotations(shown.atlas, base, new Set([own.entry.id]));
    expect(exported.map((a) => a.motivation).sort()).toEqual(['describing', 'highlighting', 'identifying']);
    // The same text with nothing marked, as a reader might have it in another browser: the places
    // it made itself (Ramadi, from the gazetteer) kept, without their events and quotes.
    const itsPlaces = Object.fromEntries(
      Object.entries(own.places)
        .filter(([id]) => !atlas.places.some((p) => p.id === id))
        .map(([id, f]) => [id, { ...f, properties: { ...f.properties, events: [], quotes: [] } }]),
    );
    expect(Object.keys(itsPlaces)).toEqual(['ramadi']);
    const bare = { ...own, places: itsPlaces, mentions: [] };
    const read = readAnnotations(JSON.parse(JSON.stringify(exported)), 'mine.jsonld', bare, atlas, new Set(atlas.events.map((e) => e.id)));
    if ('error' in read) throw new Error(read.error);
    expect(read.problems).toEqual([]);
    expect(read.added).toEqual({ mentions: 1, quotes: 1, events: 1 });
    const back = withOwnTexts(atlas, [read.own]);
    expect(back.problems).toEqual([]);
    const withoutIds = (list: typeof exported) => list.map(({ id: _id, ...a }) => a);
    expect(withoutIds(annotations(back.atlas, base, new Set([own.entry.id])))).toEqual(withoutIds(exported));
    // Loaded again, nothing is added twice.
    const again = readAnnotations(exported, 'mine.jsonld', read.own, atlas, new Set());
    expect(again).toMatchObject({ added: { mentions: 0, quotes: 0, events: 0 }, already: 3 });
  });

  it('names each annotation it cannot use, and adds the rest', async () => {
    const { readAnnotations } = await import('./annotations-in.ts');
    const { own } = made();
    const target = (exact: string, start: number) => ({
      source: `https://x.example/#doc=${own.entry.id}`,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    });
    const place = (id: string) => [{ type: 'SpecificResource', purpose: 'identifying', source: `https://x.example/#place=${id}` }];
    const list = [
      { type: 'Annotation', motivation: 'identifying', body: place('fallujah'), target: target('Fallujah', 0) },
      { type: 'Annotation', motivation: 'identifying', body: place('atlantis'), target: target('Fallujah', 24) },
      { type: 'Annotation', motivation: 'identifying', body: place('fallujah'), target: target('Basra', 3) },
      {
        type: 'Annotation',
        motivation: 'identifying',
        body: place('fallujah'),
        target: { ...target('Fallujah', 24), source: 'https://x.example/#doc=steele-2008' },
      },
    ];
    const read = readAnnotations(list, 'mine.jsonld', { ...own, mentions: [] }, atlas, new Set());
    if ('error' in read) throw new Error(read.error);
    // The first is anchored by its words where its position is wrong.
    expect(read.own.mentions).toEqual([{ start: text.indexOf('Fallujah'), end: text.indexOf('Fallujah') + 8, placeId: 'fallujah' }]);
    expect(read.problems).toEqual([
      expect.stringMatching(/^mine.jsonld: annotation 2: body: ".*#place=atlantis" is no place/),
      expect.stringMatching(/^mine.jsonld: annotation 3: target.selector: its words “Basra” are not in the text/),
      expect.stringMatching(/^mine.jsonld: annotation 4: target.source ".*steele-2008" is not this text/),
    ]);
    expect(readAnnotations({ nothing: true }, 'x.json', own, atlas, new Set())).toEqual({ error: expect.stringContaining('x.json holds no Web Annotations') });
  });
});
