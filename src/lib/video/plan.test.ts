import { describe, expect, it } from 'vitest';
import { readRawFiles } from '../data/files-node.ts';
import { loadAtlas } from '../data/load.ts';
import { planPixels } from '../print/page.ts';
import { defaultView } from '../state/snapshot.ts';
import { dayFromIso } from '../time/day.ts';
import { loadTours } from '../tour/check-tour.ts';
import { framePage } from './frames.ts';
import { cameraBetween, parseVideoSize, rangePlan, tourPlan, type VideoPlan } from './plan.ts';

const files = readRawFiles();
const { atlas } = loadAtlas(files);
const [tour] = loadTours(files, atlas).tours;
const ok = (plan: VideoPlan | { error: string }): VideoPlan => {
  if ('error' in plan) throw new Error(plan.error);
  return plan;
};

describe('video frame sizes', () => {
  it('reads the named sizes and WxHpx, and refuses odd or outsized ones', () => {
    expect(parseVideoSize('1080p')).toEqual({ width: 1920, height: 1080 });
    expect(parseVideoSize('4K')).toEqual({ width: 3840, height: 2160 });
    expect(parseVideoSize('1280x720px')).toEqual({ width: 1280, height: 720 });
    expect(parseVideoSize('1281x720px')).toHaveProperty('error', expect.stringContaining('even number'));
    expect(parseVideoSize('8000x4000px')).toHaveProperty('error', expect.stringContaining('4096'));
    expect(parseVideoSize('1280x720mm')).toHaveProperty('error', expect.stringContaining('in pixels'));
  });

  it('lays each size out on a page whose pixels are exactly the frame', () => {
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
      { width: 3840, height: 2160 },
      { width: 640, height: 360 },
      { width: 1000, height: 1000 },
    ]) {
      const planned = planPixels(framePage(size));
      expect(planned.ok && { width: planned.plan.width, height: planned.plan.height }).toEqual(size);
    }
  });
});

describe('a range video', () => {
  const from = dayFromIso('2006-02-22');
  const to = dayFromIso('2007-12-31');

  it('has seconds × fps frames, from the first day to the last, a new day on every frame', () => {
    const plan = ok(rangePlan(defaultView, from, to, { seconds: 4, fps: 10 }, 'Iraq'));
    expect(plan.frames).toBe(40);
    const days = Array.from({ length: plan.frames }, (_, i) => plan.still(i).view.t);
    expect(days[0]).toBe(from);
    expect(days.at(-1)).toBe(to);
    days.slice(1).forEach((t, i) => expect(t).toBeGreaterThan(days[i]));
    // Everything but the day is the link's.
    expect(plan.still(7).view.layers).toEqual(defaultView.layers);
  });

  it('refuses a range with fewer days than frames, a reversed range and bad timing, saying what to change', () => {
    expect(rangePlan(defaultView, from, from + 10, { seconds: 2, fps: 30 }, 'x')).toHaveProperty('error', expect.stringContaining('fewer than the video'));
    expect(rangePlan(defaultView, to, from, { seconds: 2, fps: 30 }, 'x')).toHaveProperty('error', expect.stringContaining('must come after'));
    expect(rangePlan(defaultView, from, to, { seconds: 2, fps: 2.5 }, 'x')).toHaveProperty('error', expect.stringContaining('whole number'));
    expect(rangePlan(defaultView, dayFromIso('2002-01-01'), to, { seconds: 2, fps: 10 }, 'x')).toHaveProperty('error', expect.stringContaining('outside'));
  });
});

describe('a tour video', () => {
  it('holds each chapter for its seconds, with its title and narrative, and runs the camera and date between chapters', () => {
    const fps = 10;
    const plan = ok(tourPlan(tour, defaultView, 6, fps, 1500));
    expect(plan.frames).toBe(tour.chapters.length * 60);
    const [first, second] = tour.chapters;
    expect(plan.still(0)).toMatchObject({ title: first.title, view: { t: first.t, camera: first.camera, chapter: 0 } });
    expect(plan.still(0).caption).toContain(first.narrative);
    // Captions are optional: without them each frame keeps the chapter's title and loses the band.
    const bare = ok(tourPlan(tour, defaultView, 6, fps, 1500, false));
    expect(bare.still(0)).toMatchObject({ title: first.title });
    expect(bare.still(0).caption).toBeUndefined();
    // The second chapter begins where the first stood and arrives after the player's 1.5 s.
    expect(plan.still(60).view).toMatchObject({ t: first.t, camera: first.camera, layers: second.layers });
    expect(plan.still(60).title).toBe(second.title);
    const midway = plan.still(67).view;
    expect(midway.t).toBeGreaterThan(first.t);
    expect(midway.t).toBeLessThan(second.t);
    expect(plan.still(75).view).toMatchObject({ t: second.t, camera: second.camera });
    expect(plan.still(119).view).toMatchObject({ t: second.t, camera: second.camera });
  });

  it('moves the camera smoothly, zooming out on the way over a long move', () => {
    const baghdad: [number, number, number] = [44.4, 33.3, 10];
    const basra: [number, number, number] = [47.75, 30.5, 10];
    expect(cameraBetween(baghdad, basra, 0)).toEqual(baghdad);
    expect(cameraBetween(baghdad, basra, 1)).toEqual(basra);
    const [lng, lat, zoom] = cameraBetween(baghdad, basra, 0.5);
    expect(lng).toBeGreaterThan(44.4);
    expect(lng).toBeLessThan(47.75);
    expect(lat).toBeLessThan(33.3);
    expect(zoom).toBeLessThan(9);
    // A short hop does not zoom out.
    expect(cameraBetween(baghdad, [44.41, 33.3, 10], 0.5)[2]).toBeGreaterThan(9.9);
  });
});
