import { readRawFiles } from '../lib/data/files-node.ts';
import { loadAtlas } from '../lib/data/load.ts';
import { loadFigureTools } from '../lib/print/tools-node.ts';
import { loadTours } from '../lib/tour/tour.ts';
import { defaultView } from '../lib/state/snapshot.ts';
import { palettes } from '../lib/map/style/palette.ts';
import { dayFromIso } from '../lib/time/instant.ts';
import { rangePlan, tourPlan } from '../lib/video/plan.ts';
import { drawFrame, frameSpec } from '../lib/video/frames.ts';
import { writeFileSync } from 'node:fs';
const files = readRawFiles(); const { atlas } = loadAtlas(files); const tours = loadTours(files, atlas).tours;
const tools = await loadFigureTools();
const size = { width: 1280, height: 720 };
const plan = rangePlan(defaultView, dayFromIso('2006-02-22'), dayFromIso('2007-12-31'), { seconds: 4, fps: 10 }, 'Iraq, test');
if ('error' in plan) throw new Error(plan.error);
const tp = tourPlan(tours[0], defaultView, 3, 10); if ('error' in tp) throw new Error(tp.error);
for (const [name, p, i] of [['r0', plan, 0], ['r39', plan, 39], ['t35', tp, 35], ['t31', tp, 31]] as const) {
  const t0 = performance.now();
  const px = drawFrame(atlas, frameSpec(p.still(i), { size, palette: palettes.colour, version: 'v' }), tools, size);
  console.log(name, px.length, Math.round(performance.now() - t0), 'ms');
  // write PNG via tools.rasterize for a look
}
const spec = frameSpec(tp.still(35), { size, palette: palettes.colour, version: 'v' });
const { buildScene } = await import('../lib/print/scene.ts'); const { writeSvg } = await import('../lib/print/svg.ts');
const sc = buildScene(atlas, spec, tools.fonts);
writeFileSync('/tmp/v/t35.png', tools.rasterize(writeSvg(sc, { title: '', description: '', widthMm: spec.page.widthMm, heightMm: spec.page.heightMm, pixels: size }, tools.fonts, 'outlines')));
