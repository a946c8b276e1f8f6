import { describe, expect, it } from 'vitest';
import type { Control, DisplacementRecord, WebSource } from './schema.ts';
import { checkCatalogue, citeName, nameSources } from './web-sources.ts';

const bbc = 'http://news.bbc.co.uk/2/hi/uk_news/7147309.stm';
const blog = 'http://example.blogspot.com/post.html';

const controlCiting = (...urls: string[]): Control => ({
  governorates: { 'IQ-BA': urls.map((url) => ({ source: { url } }) as never) },
  milestones: [],
});

describe('the catalogue of cited web pages', () => {
  it('cites a page by outlet and title, or by outlet alone where the title could not be read', () => {
    expect(citeName({ url: bbc, outlet: 'BBC News', title: 'Flowers and prayers mark Iraq milestone' })).toBe(
      'BBC News, “Flowers and prayers mark Iraq milestone”',
    );
    expect(citeName({ url: bbc, outlet: 'BBC News', title: null })).toBe('BBC News');
    // Before the catalogue is joined (a unit under test, say), the host stands in.
    expect(citeName({ url: 'https://www.example.org/a' })).toBe('example.org');
  });

  it('names each cited source from the catalogue', () => {
    const { catalogue, problems } = checkCatalogue('geo/web-sources.json', {
      sources: { [bbc]: { outlet: 'BBC News', title: 'Flowers and prayers mark Iraq milestone', titleFrom: 'page', published: '2007-12-16' } },
    });
    expect(problems).toEqual([]);
    const control = controlCiting(bbc);
    expect(nameSources(control, [], catalogue, 'geo/web-sources.json')).toEqual([]);
    const source: WebSource = control.governorates['IQ-BA'][0].source;
    expect(source).toMatchObject({ outlet: 'BBC News', title: 'Flowers and prayers mark Iraq milestone', published: '2007-12-16' });
  });

  it('reports a cited address the catalogue lacks at the record that cites it, and an entry nothing cites', () => {
    const { catalogue } = checkCatalogue('geo/web-sources.json', { sources: { [bbc]: { outlet: 'BBC News', title: null } } });
    const displacement = [{ id: 'iq-ba-1', source: { url: blog } }] as unknown as DisplacementRecord[];
    const problems = nameSources(controlCiting(blog), displacement, catalogue, 'geo/web-sources.json');
    expect(problems).toEqual([
      {
        file: 'geo/control.json',
        feature: 'IQ-BA',
        path: 'governorates.IQ-BA[0].source.url',
        message: `${blog} is not in geo/web-sources.json; add it with its outlet and title`,
      },
      {
        file: 'geo/displacement.json',
        feature: 'iq-ba-1',
        path: 'source.url',
        message: `${blog} is not in geo/web-sources.json; add it with its outlet and title`,
      },
      { file: 'geo/web-sources.json', path: `sources["${bbc}"]`, message: expect.stringContaining('no control period') },
    ]);
  });

  it('refuses an entry without an outlet, and a title that does not say where it was read', () => {
    const { catalogue, problems } = checkCatalogue('geo/web-sources.json', {
      sources: { [bbc]: { title: null }, [blog]: { outlet: 'A blog', title: 'A post' } },
    });
    expect(catalogue.size).toBe(0);
    expect(problems.map((p) => p.path)).toEqual([`sources["${bbc}"].outlet`, `sources["${blog}"].titleFrom`]);
  });
});
