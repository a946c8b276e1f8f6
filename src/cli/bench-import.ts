// The bench's largest import (issue 16): a seeded CSV of 2,000,000 events, read through the page's
// own "Import a file" as a reader would, measured for rows a second in the worker, the longest
// main-thread task while it reads, Chromium's peak memory, the time to the first frame with the
// events, and a slider step with them on the map. Nothing here asserts; bench.ts prints it all.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seededEvents } from '../lib/import/seeded.ts';
import { dayFromIso, isoDay } from '../lib/time/day.ts';

/** A seeded CSV of n one-day events over 2004–2009 across Iraq, written once to a temporary file. */
export function seededCsv(n: number): string {
  const path = join(tmpdir(), `atlas-bench-seeded-${n}.csv`);
  const set = seededEvents(n, dayFromIso('2004-01-01'), 2190);
  const lines = ['longitude,latitude,date'];
  for (let i = 0; i < n; i++) lines.push(`${set.lngLat[2 * i].toFixed(5)},${set.lngLat[2 * i + 1].toFixed(5)},${isoDay(set.t0[i])}`);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/**
 * Chromium's processes under this one (the bench launched it): proportional set size, summed. PSS
 * shares each shared page among the processes that map it, so the sum counts it once, where
 * summed resident sizes would count it in every process.
 */
function chromiumResident(): { all: number; renderer: number } {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": the command may hold spaces and parentheses.
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let all = 0;
  let renderer = 0;
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/i.test(cmdline)) continue;
      const kB = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      all += kB * 1024;
      if (cmdline.includes('--type=renderer')) renderer += kB * 1024;
    } catch {
      // Gone: it holds no memory now.
    }
  }
  return { all, renderer };
}

export interface ImportMeasure {
  /** Milliseconds from the file chosen to the events handed to the page (the progress bar gone). */
  readMs: number;
  /** From the file chosen to the next idle map with the events drawn. */
  firstFrameMs: number;
  /** The longest main-thread task while the worker read, and after, while the events were laid on the map. */
  longestTaskReading: number;
  longestTaskAfter: number;
  /** Peak memory (PSS), summed over Chromium's processes and over its renderers alone. */
  peakAll: number;
  peakRenderer: number;
  /** The same, just before the file was chosen. */
  beforeAll: number;
  beforeRenderer: number;
  events: number;
}

/** Imports the CSV at `path` through the page's file input and measures it (see the module's comment). */
export async function measureImport(page: Page, path: string, n: number): Promise<ImportMeasure> {
  await page.evaluate(() => {
    const w = window as unknown as { __imp: { tasks: [number, number][]; chosen?: number; sawProgress?: boolean; read?: number } };
    const m: (typeof w)['__imp'] = (w.__imp = { tasks: [] });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) m.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    input.addEventListener('change', () => (w.__imp.chosen = performance.now()), { capture: true, once: true });
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar) w.__imp.sawProgress = true;
      else if (w.__imp.sawProgress && !w.__imp.read) w.__imp.read = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  let peakAll = 0;
  let peakRenderer = 0;
  const sample = () => {
    const r = chromiumResident();
    peakAll = Math.max(peakAll, r.all);
    peakRenderer = Math.max(peakRenderer, r.renderer);
  };
  const before = chromiumResident();
  const sampler = setInterval(sample, 100);
  try {
    await page.getByLabel('Import a file').setInputFiles(path);
    const expected = `${n.toLocaleString('en-GB')} events`;
    await page.getByRole('region', { name: 'Your events' }).getByRole('status').first().filter({ hasText: expected }).waitFor({ timeout: 600_000 });
    const firstFrame = await page.evaluate(async () => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      while (!map.getLayer('imported_events')) await new Promise((resolve) => requestAnimationFrame(resolve));
      const idle = new Promise<void>((resolve) => map.once('idle', () => resolve()));
      map.triggerRepaint();
      await idle;
      return performance.now();
    });
    sample();
    const m = await page.evaluate(() => (window as unknown as { __imp: { tasks: [number, number][]; chosen: number; read: number } }).__imp);
    const reading = m.tasks.filter(([start]) => start >= m.chosen && start < m.read).map(([, d]) => d);
    const after = m.tasks.filter(([start]) => start >= m.read).map(([, d]) => d);
    return {
      readMs: m.read - m.chosen,
      firstFrameMs: firstFrame - m.chosen,
      longestTaskReading: Math.max(0, ...reading),
      longestTaskAfter: Math.max(0, ...after),
      peakAll,
      peakRenderer,
      beforeAll: before.all,
      beforeRenderer: before.renderer,
      events: n,
    };
  } finally {
    clearInterval(sampler);
  }
}
