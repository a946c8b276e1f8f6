// What the legend calls each thing it explains: one home for the screen legend (LayerPanel) and
// the figures' (print/legend.ts), so the two say the same.
const n = (v: number) => v.toLocaleString('en-GB');

export const legendWords = {
  eventDay: 'event dated to the day',
  eventUncertain: 'event dated to a month, a year or a span',
  eventFaded: 'the same, partly in view (fainter)',
  city: 'city or town',
  district: 'district or neighbourhood',
  site: 'site (base, building, bridge)',
  area: 'area',
  other: 'other place',
  route: 'route or border',
  routeApproximate: 'route or border, drawn approximately',
  controlNoData: 'control: no data',
  displaced: 'people displaced since February 2006',
  /** A circle's label in the size key: "50,000 people". */
  displacedPeople: (people: number) => `${n(people)} people`,
  displacementNoData: 'displacement: no data',
  river: 'river, coast',
  neighbour: 'neighbouring country',
} as const;
