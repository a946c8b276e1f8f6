// What the legend calls each thing it explains: one home for the screen legend (LayerPanel) and
// the figures' (print/legend.ts), so the two say the same.
import { displacementBreaks } from './palette.ts';

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
  /** The displacement classes, low to high, as displacementBreaks cut them. */
  displacementClasses: [
    `under ${n(displacementBreaks[0])}`,
    `${n(displacementBreaks[0])}–${n(displacementBreaks[1])}`,
    `${n(displacementBreaks[1])}–${n(displacementBreaks[2])}`,
    `${n(displacementBreaks[2])} or more`,
  ],
  displacementNoData: 'displacement: no data',
  river: 'river, coast',
  neighbour: 'neighbouring country',
} as const;
