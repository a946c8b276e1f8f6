// One broken fixture per rule of the data contract: each must be reported with its file, feature
// and field path. Fixtures are the real Fallujah place with one thing broken, checked against the
// real texts and governorates, so a rule that stops firing on real data fails here.
import { describe, expect, it } from 'vitest';
import { readRawFiles } from './files-node.ts';
import { loadAtlas } from './load.ts';
import { numberStatedIn } from './numbers.ts';
import { formatProblem, type Problem } from './problem.ts';

const repo = readRawFiles();
const fallujahFile = 'places/fallujah.geojson';
const base = JSON.parse(repo.places[fallujahFile]);
// The fixtures break the school shooting of 28 April 2003, whose second passage is "Seventeen Iraqis were dead."
const shot = base.properties.events.findIndex((e: { id: string }) => e.id === 'fallujah-2003-04-28-school-shooting');

/** Problems in the given place files (the other inputs are the real ones, which refer to more places). */
function validate(places: Record<string, string>): Problem[] {
  return loadAtlas({ ...repo, places }).problems.filter((p) => p.file in places);
}

/** The Fallujah place with `edit` applied, under `file`. */
function broken(edit: (f: any) => void, file = fallujahFile): Record<string, string> {
  const feature = structuredClone(base);
  edit(feature);
  return { [file]: JSON.stringify(feature, null, 2) };
}

const cases: { rule: string; places: Record<string, string>; file?: string; feature?: string; path: string; message: RegExp }[] = [
  {
    rule: 'JSON syntax, with line and column',
    places: { [fallujahFile]: '{\n  "type": "Feature",\n  "id": "fallujah",,\n}' },
    feature: undefined,
    path: 'line 3, column 20',
    message: /malformed JSON: PropertyNameExpected/,
  },
  {
    rule: 'GeoJSON geometry',
    places: broken((f) => (f.geometry.coordinates = [43.8])),
    path: 'geometry',
    message: /invalid GeoJSON: Position must be at least two elements/,
  },
  {
    rule: 'id kebab-case',
    places: broken((f) => (f.id = 'Fallujah_City'), 'places/Fallujah_City.geojson'),
    file: 'places/Fallujah_City.geojson',
    feature: 'Fallujah_City',
    path: 'id',
    message: /not kebab-case/,
  },
  { rule: 'id equals file name', places: broken((f) => (f.id = 'falluja')), feature: 'falluja', path: 'id', message: /expected "fallujah"/ },
  { rule: 'required field', places: broken((f) => delete f.properties.name), path: 'properties.name', message: /missing/ },
  {
    rule: 'kind vocabulary',
    places: broken((f) => (f.properties.kind = 'town')),
    path: 'properties.kind',
    message: /"town" is not a kind; expected one of city/,
  },
  { rule: 'precision vocabulary', places: broken((f) => (f.properties.precision = 'rough')), path: 'properties.precision', message: /not a precision/ },
  {
    rule: 'tag vocabulary',
    places: broken((f) => f.properties.events[shot].tags.push('massacre')),
    path: `properties.events[${shot}].tags[5]`,
    message: /"massacre" is not a declared tag/,
  },
  {
    rule: 'date is EDTF',
    places: broken((f) => (f.properties.events[shot].date = '28 April 2003')),
    path: `properties.events[${shot}].date`,
    message: /not an EDTF date/,
  },
  {
    rule: 'impossible date',
    places: broken((f) => (f.properties.events[shot].date = '2006-13-01')),
    path: `properties.events[${shot}].date`,
    message: /not an EDTF date/,
  },
  {
    rule: "an event's date within the atlas's span, 1990–2012 (a quote's or a text's may be any)",
    places: broken((f) => (f.properties.events[0].date = '1989-12')),
    path: 'properties.events[0].date',
    message: /outside the atlas's span, 1990-01-01\.\.2012-12-31: what the map draws on its clock .* a text's own date may be any/,
  },
  {
    rule: 'interval in order',
    places: broken((f) => (f.properties.events[shot].date = '2003-04-30/2003-04-28')),
    path: `properties.events[${shot}].date`,
    message: /ends before it starts/,
  },
  {
    rule: 'event quote verbatim',
    places: broken((f) => (f.properties.events[shot].sources[1].quote = 'Eighteen Iraqis were dead.')),
    path: `properties.events[${shot}].sources[1].quote`,
    message: /not in steele-2008: quote verbatim/,
  },
  {
    rule: 'quote offsets slice the words',
    places: broken((f) => {
      f.properties.quotes[0].start += 1;
      f.properties.quotes[0].end += 1;
    }),
    path: 'properties.quotes[0].text',
    message: /the words stand at start \d+, end \d+/,
  },
  {
    rule: 'doc id exists',
    places: broken((f) => (f.properties.events[shot].sources[0].doc = 'steele-2009')),
    path: `properties.events[${shot}].sources[0].doc`,
    message: /"steele-2009" is not a text/,
  },
  {
    rule: 'every event cites a passage',
    places: broken((f) => (f.properties.events[shot].sources = [])),
    path: `properties.events[${shot}].sources`,
    message: /at least one passage/,
  },
  {
    rule: 'event ids unique',
    places: broken((f) => f.properties.events.push(structuredClone(f.properties.events[shot]))),
    path: `properties.events[${base.properties.events.length}].id`,
    message: /already used in places\/fallujah\.geojson/,
  },
  {
    rule: 'point in its governorate',
    places: broken((f) => (f.properties.governorate = 'IQ-BG')),
    path: 'geometry',
    message: /lies outside IQ-BG \(Baghdad\), in IQ-AN \(Anbar\)/,
  },
  {
    rule: 'governorate code exists',
    places: broken((f) => (f.properties.governorate = 'IQ-XX')),
    path: 'properties.governorate',
    message: /"IQ-XX" is not a governorate/,
  },
  {
    rule: 'null governorate only outside Iraq',
    places: broken((f) => (f.properties.governorate = null)),
    path: 'properties.governorate',
    message: /null is only for places outside Iraq/,
  },
  {
    rule: 'coordinates carry a source',
    places: broken((f) => delete f.properties.gazetteer),
    path: 'properties.gazetteer',
    message: /every coordinate needs a source/,
  },
  {
    rule: 'a figure is stated in its passage',
    places: broken((f) => (f.properties.events[shot].figures[0].value = 18)),
    path: `properties.events[${shot}].figures[0].value`,
    message: /18 is not stated in sources\[1\]/,
  },
  {
    rule: 'a figure points at a passage',
    places: broken((f) => (f.properties.events[shot].figures[0].source = 5)),
    path: `properties.events[${shot}].figures[0].source`,
    message: /index of the passage/,
  },
  {
    rule: 'figure measures from the vocabulary',
    places: broken((f) => (f.properties.events[shot].figures[0].measure = 'dead')),
    path: `properties.events[${shot}].figures[0].measure`,
    message: /"dead" is not one of killed/,
  },
  {
    rule: 'an Arabic name has a source',
    places: broken((f) => delete f.properties.nameArSource),
    path: 'properties.nameArSource',
    message: /needs the source/,
  },
  { rule: 'speaker present', places: broken((f) => delete f.properties.quotes[0].speaker), path: 'properties.quotes[0].speaker', message: /missing/ },
  {
    rule: 'a quote dated to the day of the text that reports it, with nothing to say why (issue 39)',
    places: broken((f) => {
      f.properties.quotes[0].date = '2008-01-30';
      f.properties.quotes[0].dateSource = { note: 'the date of the talk' };
    }),
    path: 'properties.quotes[0].date',
    message: /2008-01-30 is the date of steele-2008, which reports the words, not the day they were said: write "\.\.\/2008-01-30"/,
  },
  {
    rule: "a quote's textSays that is not the text's words",
    places: broken((f) => {
      f.properties.quotes[0].date = '2008-01-30';
      f.properties.quotes[0].dateSource = { note: 'the text says so', textSays: 'on the morning of the talk' };
    }),
    path: 'properties.quotes[0].dateSource.textSays',
    message: /"on the morning of the talk" is not in steele-2008/,
  },
  {
    rule: 'an event with an open start that does not say how the text gives it',
    places: broken((f) => {
      f.properties.events[shot].date = '../2003-04-28';
      delete f.properties.events[shot].dateSource;
    }),
    path: `properties.events[${shot}].dateSource`,
    message: /an open-start date \("\.\.\/day"\) says how the text gives it/,
  },
  {
    rule: 'an event with an open end',
    places: broken((f) => (f.properties.events[shot].date = '2003-04-28/..')),
    path: `properties.events[${shot}].date`,
    message: /EDTF/,
  },
];

describe('validator: one broken fixture per rule', () => {
  it.each(cases)('$rule', (fixture) => {
    const { places, file, path, message } = fixture;
    const problems = validate(places);
    const expectedFile = file ?? fallujahFile;
    const hit = problems.find((p) => p.path === path);
    expect(hit, `no problem at ${path}; got:\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
    expect(hit!.file).toBe(expectedFile);
    expect(hit!.feature).toBe('feature' in fixture ? fixture.feature : 'fallujah');
    expect(hit!.message).toMatch(message);
  });
});

describe('validator: reporting', () => {
  it('accepts the real places', () => {
    expect(loadAtlas(repo).problems.map(formatProblem)).toEqual([]);
  });

  it('reports every problem, not only the first', () => {
    const problems = validate(
      broken((f) => {
        f.properties.kind = 'town';
        f.properties.events[shot].date = '2003-13';
        f.properties.quotes[0].text = 'We had every idea.';
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(['properties.kind', `properties.events[${shot}].date`, 'properties.quotes[0].text']);
  });

  it('prints file, feature, field path and message on one line', () => {
    const [problem] = validate(broken((f) => (f.properties.kind = 'town')));
    expect(formatProblem(problem)).toMatch(/^places\/fallujah\.geojson: fallujah properties\.kind: "town" is not a kind; expected one of /);
  });

  it('flags a duplicate place id in the second file read (files are read in sorted order)', () => {
    const fallujah = repo.places[fallujahFile];
    // "fallujah-copy" sorts before "fallujah.", so it takes the id first.
    const problems = validate({ [fallujahFile]: fallujah, 'places/fallujah-copy.geojson': fallujah });
    expect(problems).toContainEqual({
      file: fallujahFile,
      feature: 'fallujah',
      path: 'id',
      message: expect.stringMatching(/already used by places\/fallujah-copy\.geojson/),
    });
  });

  it('loses nothing else: a broken file costs only what is broken', () => {
    const places = { ...repo.places, ...broken((f) => (f.properties.events[shot].sources[1].quote = 'Eighteen Iraqis were dead.')) };
    const { atlas, problems } = loadAtlas({ ...repo, places });
    // The broken words, and the figure they no longer state: both in that one event.
    expect(problems.map((p) => p.path).sort()).toEqual([`properties.events[${shot}].figures[0].value`, `properties.events[${shot}].sources[1].quote`]);
    expect(atlas.places).toHaveLength(Object.keys(repo.places).length);
    expect(atlas.events.map((e) => e.id)).not.toContain('fallujah-2003-04-28-school-shooting');
    expect(atlas.events.filter((e) => e.placeId === 'fallujah')).toHaveLength(base.properties.events.length - 1);
    expect(atlas.quotes.filter((q) => q.placeId === 'fallujah')).toHaveLength(base.properties.quotes.length);
  });

  it('reports a malformed source index by line and column', () => {
    const { problems } = loadAtlas({ ...repo, sourceIndex: '{"texts": [}' });
    expect(problems[0]).toMatchObject({ file: 'places/sources/index.json', path: 'line 1, column 12' });
  });
});

describe('curated data', () => {
  const { atlas } = loadAtlas(repo);

  // Independent of the validator: a figure is only as good as the words it comes from.
  it("states every number of an event's figures in the passage it points at", () => {
    const figures = atlas.events.flatMap((e) => (e.figures ?? []).map((f) => ({ id: e.id, f, words: e.sources[f.source ?? 0].quote })));
    expect(figures.length).toBeGreaterThan(30);
    for (const { id, f, words } of figures) {
      expect(numberStatedIn(f.value, words), `${id}: ${f.value} in "${words}"`).toBe(true);
      if (f.high !== undefined) expect(numberStatedIn(f.high, words), `${id}: ${f.high}`).toBe(true);
    }
  });

  it('has over 60 events, each with a source passage, and quotes from every text', () => {
    expect(atlas.events.length).toBeGreaterThan(60);
    expect(new Set(atlas.quotes.map((q) => q.doc))).toEqual(new Set(atlas.sources.map((s) => s.id)));
  });

  it('indexes mentions whose offsets slice out a name of the place', () => {
    const names = new Map(atlas.places.map((p) => [p.id, [p.properties.name, ...(p.properties.aliases ?? [])]]));
    const texts = new Map(atlas.sources.map((s) => [s.id, s.text]));
    for (const m of atlas.mentions) expect(texts.get(m.doc)!.slice(m.start, m.end)).toBe(m.text);
    const fallujah = atlas.mentions.filter((m) => m.placeId === 'fallujah').map((m) => m.text);
    expect(fallujah).toEqual(expect.arrayContaining(['Fallujah', 'Falluja']));
    expect(names.get('karbala')).toContain('Kerbala');
    expect(atlas.mentions.some((m) => m.placeId === 'karbala' && m.doc === 'basra-editorial-2007')).toBe(true);
  });

  it('reports a gazetteer place the texts mention that has no place file', () => {
    const places = Object.fromEntries(Object.entries(repo.places).filter(([file]) => file !== 'places/samarra.geojson'));
    const { problems } = loadAtlas({ ...repo, places });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'places/coverage.json', feature: 'Sāmarrā’', path: 'mentions.steele-2008' }));
  });
});

describe('said-dates (issue 39)', () => {
  const said = (date: string, dateSource: object) =>
    validate(
      broken((f) => {
        f.properties.quotes[0].date = date;
        f.properties.quotes[0].dateSource = dateSource;
      }),
    );
  it("passes words said by the text's date, the author's own words, and words the text dates in its own words", () => {
    expect(said('../2008-01-30', { note: 'not dated in the text' })).toEqual([]);
    expect(said('2008-01-30', { note: "Steele's own words", writing: true })).toEqual([]);
    expect(said('2008-01-30', { note: 'the text dates it', textSays: 'less than three weeks after the statue of Saddam was toppled' })).toEqual([]);
  });
  it('holds the shipped quotes to it: none carries its text’s date without saying why', () => {
    const { atlas } = loadAtlas(repo);
    const dates = new Map(atlas.sources.map((s) => [s.id, s.date]));
    const unexplained = atlas.quotes.filter((q) => q.date === dates.get(q.doc) && !q.dateSource?.writing && !q.dateSource?.textSays);
    expect(unexplained).toEqual([]);
    // Bounds and the public record now date what the texts did not (Bremer's memoir, Dannatt's interview).
    expect(atlas.quotes.filter((q) => q.date.startsWith('../')).length).toBeGreaterThan(10);
    expect(atlas.quotes.find((q) => q.speaker === 'Paul Bremer')?.date).toBe('2006-01');
    expect(atlas.quotes.find((q) => q.speaker === 'General Sir Richard Dannatt')?.date).toBe('2006-10-13');
  });
});
