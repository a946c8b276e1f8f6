import { describe, expect, it } from 'vitest';
import { Clock, type Frames } from './clock.svelte.ts';
import { stepFrom, validSpeed } from './playback.ts';
import { dayFromIso, isoDay } from './day.ts';

/** A frame clock the test drives: each `advance(ms)` runs one frame `ms` after the last. */
function testFrames() {
  let now = 0;
  let pending: ((now: number) => void) | null = null;
  const frames: Frames = {
    request: (tick) => ((pending = tick), 1),
    cancel: () => (pending = null),
    now: () => now,
  };
  const advance = (ms: number) => {
    now += ms;
    const tick = pending;
    pending = null;
    tick?.(now);
  };
  return { frames, advance };
}

function playing(startIso: string, set: (c: Clock) => void) {
  let t = dayFromIso(startIso);
  const shown: string[] = [];
  const { frames, advance } = testFrames();
  const clock = new Clock(
    () => t,
    (next) => shown.push(isoDay((t = next))),
    frames,
  );
  set(clock);
  clock.play();
  return { clock, shown, advance, jump: (iso: string) => (t = dayFromIso(iso)) };
}

describe('the clock at play', () => {
  it('moves a week at a time when the step is a week, however fast the frames come', () => {
    const { shown, advance } = playing('2006-01-01', (c) => ((c.step = 'week'), (c.speed = 7)));
    for (let i = 0; i < 60; i++) advance(1000 / 30); // two seconds at 30 frames a second
    expect(shown).toEqual(['2006-01-08', '2006-01-15']);
  });

  it('moves by calendar months from the day it started, without drifting to the 28th', () => {
    const { shown, advance } = playing('2006-01-31', (c) => ((c.step = 'month'), (c.speed = 31)));
    for (let i = 0; i < 3; i++) advance(1000);
    expect(shown).toEqual(['2006-02-28', '2006-03-31', '2006-04-30']);
  });

  it('plays on from a day the reader jumps to', () => {
    const { shown, advance, jump } = playing('2006-01-01', (c) => ((c.step = 'day'), (c.speed = 10)));
    advance(100);
    jump('2008-05-01');
    advance(100); // the frame that sees the jump plays on from there: its 100 ms make a day
    advance(300);
    expect(shown).toEqual(['2006-01-02', '2008-05-02', '2008-05-05']);
  });

  it('counts the frames that came later than a 30-per-second pace', () => {
    const { clock, advance } = playing('2006-01-01', (c) => (c.speed = 1));
    for (let i = 0; i < 20; i++) advance(1000 / 30);
    for (let i = 0; i < 10; i++) advance(100);
    clock.pause();
    expect(clock.frameTally).toEqual({ frames: 30, late: 10 });
  });

  it('takes a typed speed from a tenth of a day to ten years a second', () => {
    expect([0.1, 1, 3650].every(validSpeed)).toBe(true);
    expect([0, -1, 0.05, 3651, Number.NaN].some(validSpeed)).toBe(false);
    expect(isoDay(stepFrom(dayFromIso('2008-12-31'), 'month', 2))).toBe('2009-02-28');
  });
});
