// One broken fixture per rule for geo/control.json and geo/displacement.json: each problem must be
// reported with its file, feature (governorate or record id) and field path.
import { describe, expect, it } from 'vitest';
import { readRawFiles } from './files-node.ts';
import { loadAtlas } from './load.ts';
import { formatProblem } from './problem.ts';

const repo = readRawFiles();
const control = JSON.parse(repo.control);
const displacement = JSON.parse(repo.displacement);
const indexOf = (id: string) => displacement.records.findIndex((r: { id: string }) => r.id === id);

function problemsWith(file: 'control' | 'displacement', edit: (json: any) => void) {
  const json = structuredClone(file === 'control' ? control : displacement);
  edit(json);
  return loadAtlas({ ...repo, [file]: JSON.stringify(json) }).problems;
}

describe('geo/control.json rules', () => {
  const cases: [string, (c: any) => void, string | undefined, string, RegExp][] = [
    [
      'periods of one governorate do not overlap',
      (c) => (c.governorates['IQ-BA'][2].from = '2007-12-15'),
      'IQ-BA',
      'governorates.IQ-BA[2].from',
      /overlaps the previous period/,
    ],
    ['every period has a source', (c) => delete c.governorates['IQ-BA'][0].source, 'IQ-BA', 'governorates.IQ-BA[0].source', /every record needs a source/],
    [
      'statuses from the vocabulary',
      (c) => (c.governorates['IQ-MU'][1].status = 'british'),
      'IQ-MU',
      'governorates.IQ-MU[1].status',
      /"british" is not one of coalition/,
    ],
    ['dates parse', (c) => (c.governorates['IQ-KA'][2].from = '2007-13-29'), 'IQ-KA', 'governorates.IQ-KA[2].from', /not an EDTF date/],
    [
      'a coalition lead is a nation the map can draw',
      (c) => (c.governorates['IQ-DQ'][0].lead = 'Italy'),
      'IQ-DQ',
      'governorates.IQ-DQ[0].lead',
      /"Italy" is not a lead nation the map can draw/,
    ],
    ['governorate ids exist', (c) => (c.governorates['IQ-XX'] = []), 'IQ-XX', 'governorates.IQ-XX', /not a governorate id/],
    ['every governorate is covered', (c) => delete c.governorates['IQ-WA'], undefined, 'governorates.IQ-WA', /missing/],
    ['milestones are sourced', (c) => delete c.milestones[0].source, undefined, 'milestones[0].source', /every record needs a source/],
  ];
  it.each(cases)('%s', (_rule, edit, feature, path, message) => {
    const problems = problemsWith('control', edit);
    const hit = problems.find((p) => p.path === path);
    expect(hit, problems.map(formatProblem).join('\n')).toMatchObject({ file: 'geo/control.json', feature, message: expect.stringMatching(message) });
  });
});

describe('geo/displacement.json rules', () => {
  const diyala = indexOf('iq-di-idps-since-2006-2007-05');
  const mosulKurds = indexOf('text-cockburn-mosul-kurds-fled-2006-11');
  const cases: [string, (d: any) => void, number, string, RegExp][] = [
    ['where is a governorate, host country or null', (d) => (d.records[diyala].where = 'Diyala'), diyala, 'where', /not a place for a figure/],
    ['dates parse', (d) => (d.records[diyala].date = 'May 2007'), diyala, 'date', /not an EDTF date/],
    ['values are whole numbers', (d) => (d.records[diyala].value = -5), diyala, 'value', /whole number/],
    ['a range runs upwards', (d) => (d.records[diyala].high = 100), diyala, 'high', /not below value/],
    ['no data is said, not left null', (d) => (d.records[diyala].value = null), diyala, 'qualifier', /must say "no data"/],
    ['every record has a source', (d) => delete d.records[diyala].source, diyala, 'source', /every record needs a source/],
    [
      "a text's figure is quoted verbatim",
      (d) => (d.records[mosulKurds].source.quote = 'He added that 80,000 Kurds had already fled the city because of assassinations.'),
      mosulKurds,
      'source.quote',
      /not in cockburn-2006/,
    ],
    ['a place named exists', (d) => (d.records[mosulKurds].place = 'mosul-city'), mosulKurds, 'place', /not a place/],
  ];
  it.each(cases)('%s', (_rule, edit, index, field, message) => {
    const problems = problemsWith('displacement', edit);
    const path = `records[${index}].${field}`;
    const hit = problems.find((p) => p.path === path);
    expect(hit, problems.map(formatProblem).join('\n')).toMatchObject({
      file: 'geo/displacement.json',
      feature: displacement.records[index].id,
      message: expect.stringMatching(message),
    });
  });
});

describe('geo context layers', () => {
  it('are all loaded, and every feature names its dataset', () => {
    const { atlas, problems } = loadAtlas(repo);
    expect(problems).toEqual([]);
    // The neighbours at 10m; the countries beyond them, to the figures' reach, at 50m.
    const resolution = Object.fromEntries(
      atlas.context.countries.features.map((f) => [f.properties!.name, /Natural Earth (\d+m) admin-0/.exec(f.properties!.source)?.[1]]),
    );
    for (const name of ['Iran', 'Iraq', 'Jordan', 'Kuwait', 'Saudi Arabia', 'Syria', 'Turkey']) expect(resolution[name], name).toBe('10m');
    for (const name of ['Egypt', 'Israel', 'Lebanon', 'Armenia', 'Azerbaijan', 'Qatar', 'United Arab Emirates']) expect(resolution[name], name).toBe('50m');
    expect(atlas.context.rivers.features.filter((f) => f.properties!.named).map((f) => f.properties!.name)).toEqual([
      'Tigris',
      'Euphrates',
      'Diyala',
      'Little Zab',
      'Shatt al-Arab',
    ]);
    expect(
      atlas.context.lakes.features
        .map((f) => f.properties!.name)
        .filter(Boolean)
        .sort(),
    ).toEqual(['Lake Habbaniyah', 'Lake Razazah', 'Lake Tharthar']);
  });

  it('reports a feature without a source, and a missing layer file', () => {
    const rivers = JSON.parse(repo.geo['geo/rivers.geojson']);
    delete rivers.features[3].properties.source;
    const geo: Record<string, string> = { ...repo.geo, 'geo/rivers.geojson': JSON.stringify(rivers) };
    delete geo['geo/lakes.geojson'];
    const { problems } = loadAtlas({ ...repo, geo });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'geo/rivers.geojson', path: 'features[3].properties.source' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'geo/lakes.geojson', message: expect.stringMatching(/missing; run npm run geo:build/) }));
  });
});
