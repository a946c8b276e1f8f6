// What the drawn claims rest on (issue 39): each control period, event date, displacement figure
// and coordinate sorted by the kind of its source, so that `npm run validate` can say, on every
// run, how much of the map rests on the primary record and how much on Wikipedia (or a copy of
// it) or a blog. A kind is read from the address alone; an archived page is judged by the page it
// archives. Pure.
import { isPassage, type Atlas } from './schema.ts';

export const sourceKinds = ['primary', 'primary-copy', 'news', 'wikipedia', 'blog', 'other'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const sourceKindWords: Record<SourceKind, string> = {
  primary: 'primary record (government, military, UN and its agencies)',
  'primary-copy': 'a copy of a primary document (a document host)',
  news: 'news and reference',
  wikipedia: 'Wikipedia or a copy of it',
  blog: 'a blog or a personal page',
  other: 'other',
};

/** Governments, armed forces (Multi-National Force–Iraq's own site among them), parliaments, the UN and its agencies. */
const primaryHosts =
  /(^|\.)(mil|gov|parliament\.uk|un\.org|unhcr\.org|refworld\.org|reliefweb\.int|iom\.int|icrc\.org|europa\.eu|mod\.uk|defensie\.nl|mon\.gov\.pl|wojsko-polskie\.pl|iraqinquiry\.org\.uk|nationalarchives\.gov\.uk|mnf-iraq\.com|usf-iraq\.com|dvidshub\.net)$/;
/** Sites that host copies of documents published elsewhere. */
const documentHosts = /(^|\.)(docslib\.org|pdfslide\.net|yumpu\.com|scribd\.com|philgooch\.github\.io|fdocuments\.in|dokumen\.pub|studylib\.net)$/;
/** Pages that reprint a government release or transcript whole (GlobalSecurity's news library). */
const releaseCopies = /^(www\.)?globalsecurity\.org\/military\/library\/news\//;
/** Wikipedia and the sites that copy its articles (some under names that do not say so). */
const wikipediaHosts =
  /(^|\.)(wikipedia\.org|wikiwand\.com|wikimili\.com|liquisearch\.com|thefullwiki\.org|en-academic\.com|howlingpixel\.com|wiki\.riteme\.site|brorelol\.gay|osmarks\.net|dweb\.link|infogalactic\.com|alchetron\.com|dbpedia\.org|everybodywiki\.com)$/;
const blogHosts = /(^|\.)(blogspot\.com|wordpress\.com|typepad\.com|tripod\.com|livejournal\.com|medium\.com|substack\.com)$/;

/** The page an archive keeps (web.archive.org/web/…/http://…, the UNT End of Term archive), or the address itself. */
function archived(url: URL): URL {
  const inner = /\/(https?:\/\/?[^/].*)$/.exec(url.pathname + url.search);
  if (!inner || !/(^|\.)(archive\.org|library\.unt\.edu|archive\.today|archive\.ph)$/.test(url.hostname)) return url;
  try {
    return new URL(inner[1].replace(/^(https?:)\/(?!\/)/, '$1//'));
  } catch {
    return url;
  }
}

export function sourceKind(address: string): SourceKind {
  let url: URL;
  try {
    url = archived(new URL(address));
  } catch {
    return 'other';
  }
  const host = url.hostname.toLowerCase();
  if (wikipediaHosts.test(host) || /\/wiki(pedia)?[/_]/i.test(url.pathname)) return 'wikipedia';
  if (primaryHosts.test(host)) return 'primary';
  if (documentHosts.test(host) || releaseCopies.test(host + url.pathname)) return 'primary-copy';
  if (blogHosts.test(host)) return 'blog';
  return 'news';
}

/** How a place's coordinates were had: a gazetteer, a dataset's shape, a web page (by its kind), or by hand. */
export const coordinateKinds = ['gazetteer', 'dataset', 'by hand', ...sourceKinds] as const;
export type CoordinateKind = (typeof coordinateKinds)[number];

function coordinateKind(place: Atlas['places'][number]): CoordinateKind {
  const { gazetteer, geometrySource = '' } = place.properties;
  const address = /https?:\/\/[^\s,)]+/.exec(geometrySource)?.[0];
  if (address) return sourceKind(address);
  if (gazetteer || /GeoNames point/.test(geometrySource)) return 'gazetteer';
  if (/Natural Earth|geo\/[\w-]+\.geojson/.test(geometrySource)) return 'dataset';
  return 'by hand';
}

export interface SourceQuality {
  /** Control periods by the kind of their source. */
  periods: Record<SourceKind, number>;
  /** Event dates taken from the public record, by kind; the rest are dated by their text. */
  eventDates: Record<SourceKind, number>;
  eventsDatedByText: number;
  /** Displacement figures from the public record, by kind; the rest are a text's own. */
  displacement: Record<SourceKind, number>;
  displacementFromTexts: number;
  coordinates: Record<CoordinateKind, number>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function sourceQuality(atlas: Atlas): SourceQuality {
  const q: SourceQuality = {
    periods: zeros(sourceKinds),
    eventDates: zeros(sourceKinds),
    eventsDatedByText: 0,
    displacement: zeros(sourceKinds),
    displacementFromTexts: 0,
    coordinates: zeros(coordinateKinds),
  };
  for (const period of Object.values(atlas.control.governorates).flat()) q.periods[sourceKind(period.source.url)]++;
  for (const place of atlas.places) {
    q.coordinates[coordinateKind(place)]++;
    for (const event of place.properties.events) {
      const url = event.dateSource?.url;
      if (url) q.eventDates[sourceKind(url)]++;
      else q.eventsDatedByText++;
    }
  }
  for (const record of atlas.displacement) {
    if (isPassage(record.source)) q.displacementFromTexts++;
    else q.displacement[sourceKind(record.source.url)]++;
  }
  return q;
}

/** The counts as the lines `npm run validate` prints and geo/README.md lists. */
export function sourceQualityLines(q: SourceQuality): string[] {
  const row = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
  return [
    `- Control periods: ${row(q.periods)}.`,
    `- Event dates from the public record: ${row(q.eventDates)}; ${q.eventsDatedByText} dated by their text alone.`,
    `- Displacement figures: ${row(q.displacement)}; ${q.displacementFromTexts} from the texts.`,
    `- Place coordinates: ${row(q.coordinates)}.`,
  ];
}
