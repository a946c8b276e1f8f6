// "What is visible on day t, and how much of it" is written twice, for two engines: isVisible and
// shareInView (JavaScript: figures, counts, lists) and the events layers' shaders (GLSL, on the
// map). This test runs both over the same grid of days, event spans of every precision, both modes
// and several windows, and requires them to agree (issues 13 and 16).
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../time/day.ts';
import { parseDate } from '../time/instant.ts';
import { FIRST_DAY, isVisible, LAST_DAY, shareInView, timeModes, type TimeMode } from '../time/window.ts';
import { ringOpacity } from '../look/fade.ts';
import { visibleGlsl } from './time-points-layer.ts';
import { shareGlsl } from './event-rings-layer.ts';

// The shaders' own text as JavaScript functions: the expressions use only <=, >=, >, -, +, /, ?:,
// && and ||, which mean the same in both languages, and GLSL's min and max, given as Math's.
// Whole-day floats are exact in float32.
const shaderFunction = (text: string) => {
  const f = new Function('a_days', 'u_t', 'u_window', 'u_cumulative', 'min', 'max', `return ${text};`);
  return (s: { t0: number; t1: number }, t: number, mode: TimeMode, windowDays: number) =>
    f({ x: s.t0, y: s.t1 }, t, windowDays, mode === 'cumulative' ? 1 : 0, Math.min, Math.max);
};
const glslVisible = shaderFunction(visibleGlsl) as (...a: Parameters<ReturnType<typeof shaderFunction>>) => boolean;
const glslShare = shaderFunction(shareGlsl) as (...a: Parameters<ReturnType<typeof shaderFunction>>) => number;

const spans = ['2003-04-28', '2004-11', '2006', '2007-08-27/2007-08-29', '2005-01/2008-12', '2011-12-18', '2003-03'].map((value) => {
  const parsed = parseDate(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return { value, t0: parsed.span.t0, t1: parsed.span.t1 };
});
/** Days across the whole span, and every edge a rule could get wrong by one: each span's start and end, and where it leaves a window of `w` days. */
const daysFor = (w: number) =>
  Array.from({ length: 60 }, (_, i) => Math.round(FIRST_DAY + ((LAST_DAY - FIRST_DAY) * i) / 59)).concat(
    spans.flatMap((s) => [s.t0 - 1, s.t0, s.t1, s.t1 + 1, s.t1 + w, s.t1 + w + 1]),
  );

describe('the two time rules', () => {
  it('agree on every day, span, mode and window', () => {
    let compared = 0;
    for (const mode of timeModes) {
      for (const windowDays of [1, 30, 90, 365]) {
        for (const t of daysFor(windowDays)) {
          for (const s of spans) {
            expect(glslVisible(s, t, mode, windowDays), `${s.value} on day ${t}, ${mode}, ${windowDays} days`).toBe(isVisible(s, t, mode, windowDays));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('visits the edges: a rule off by a day at the end of the window or the start of a span would be caught', () => {
    const windowOffByOne = (s: { t0: number; t1: number }, t: number, w: number) => s.t0 <= t && s.t1 > t - w;
    const startOffByOne = (s: { t0: number; t1: number }, t: number, w: number) => s.t0 < t && s.t1 >= t - w;
    for (const wrong of [windowOffByOne, startOffByOne])
      expect(spans.some((s) => daysFor(90).some((t) => wrong(s, t, 90) !== isVisible(s, t, 'window', 90)))).toBe(true);
  });
});

describe('the fade of an uncertain event', () => {
  const shareOnMap = glslShare;

  it('is the same share on the map (the shader) as in figures and lists (JavaScript), wherever the event is visible', () => {
    let compared = 0;
    for (const mode of timeModes)
      for (const windowDays of [1, 30, 90, 365])
        for (const t of daysFor(windowDays))
          for (const s of spans) {
            if (!isVisible(s, t, mode, windowDays)) continue;
            expect(shareOnMap(s, t, mode, windowDays), `${s.value} on day ${t}, ${mode}, ${windowDays} days`).toBeCloseTo(
              shareInView(s, t, mode, windowDays),
              12,
            );
            compared++;
          }
    expect(compared).toBeGreaterThan(1000);
  });

  it('draws an event dated to a year fainter than one dated to the day when a 90-day window covers part of the year', () => {
    const [year] = spans.filter((s) => s.value === '2006');
    const [day] = spans.filter((s) => s.value === '2003-04-28');
    const t = dayFromIso('2006-06-30');
    // 91 of 365 days of 2006 lie in the window.
    expect(shareInView(year, t, 'window', 90)).toBeCloseTo(91 / 365, 12);
    expect(shareInView(day, day.t0 + 10, 'window', 90)).toBe(1);
    expect(ringOpacity(shareOnMap(year, t, 'window', 90))).toBeLessThan(ringOpacity(shareOnMap(day, day.t0 + 10, 'window', 90)) / 2);
    // The whole year in view (cumulative, after it ended): as strong as a day.
    expect(shareInView(year, dayFromIso('2007-02-01'), 'cumulative', 90)).toBe(1);
    // Half of the year begun: half the share.
    expect(shareInView(year, dayFromIso('2006-07-02'), 'cumulative', 90)).toBeCloseTo(183 / 365, 12);
  });
});
