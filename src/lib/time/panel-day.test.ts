import { afterEach, describe, expect, it, vi } from 'vitest';
import { PANEL_MS, PanelDay } from './panel-day.svelte.ts';

describe("the panels' day", () => {
  afterEach(() => vi.useRealTimers());

  it('follows every change at once while the clock is still', () => {
    const panel = new PanelDay(100, () => 0);
    for (const t of [101, 102, 140]) {
      panel.follow(t, false);
      expect(panel.t).toBe(t);
    }
  });

  it('while playing, changes at most every PANEL_MS, to the latest day, and at once to the day play stops on', () => {
    vi.useFakeTimers();
    const panel = new PanelDay(100, () => Date.now());
    const seen: number[] = [];
    // Sixty frames a second for one second, a day a frame.
    for (let frame = 1; frame <= 60; frame++) {
      vi.advanceTimersByTime(1000 / 60);
      panel.follow(100 + frame, true);
      if (seen.at(-1) !== panel.t) seen.push(panel.t);
    }
    // Four or five changes in the second, never backwards, each a day the view had.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeLessThanOrEqual(1000 / PANEL_MS + 1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    // The last day comes when its turn does, with no further change of the day.
    vi.advanceTimersByTime(PANEL_MS);
    expect(panel.t).toBe(160);
    // And stopping shows the day at once.
    panel.follow(170, true);
    panel.follow(171, false);
    expect(panel.t).toBe(171);
    panel.dispose();
  });
});
