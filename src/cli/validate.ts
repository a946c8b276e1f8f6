// npm run validate: checks every place file against the data contract and prints every problem,
// one per line as "<file>: <feature id> <field path>: <what is wrong and what was expected>".
import { readFileSync } from 'node:fs';
import type { CoverageFile } from '../lib/data/coverage.ts';
import { paths } from '../lib/data/files.ts';
import { readRawFiles } from '../lib/data/files-node.ts';
import { countAtlas, loadAtlas } from '../lib/data/load.ts';
import { formatProblem } from '../lib/data/problem.ts';
import { sourceQuality, sourceQualityLines } from '../lib/data/source-quality.ts';
import { loadTours } from '../lib/tour/check-tour.ts';

const files = readRawFiles();
const { atlas, problems: atlasProblems } = loadAtlas(files);
const { tours, problems: tourProblems } = loadTours(files, atlas);
const problems = [...atlasProblems, ...tourProblems];

if (problems.length) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
  process.exit(1);
}

const counts = countAtlas(atlas);
console.log(`Atlas data is valid: ${counts.places} places, ${counts.events} events, ${counts.quotes} quotes.`);
for (const source of atlas.sources) {
  const c = counts.perText[source.id];
  console.log(`  ${source.id.padEnd(24)} ${String(c.passages).padStart(3)} event passages  ${String(c.quotes).padStart(3)} quotes`);
}
console.log(
  `Mentions of mapped places: ${atlas.mentions.length} (${atlas.sources.map((s) => `${s.id} ${atlas.mentions.filter((m) => m.doc === s.id).length}`).join(', ')}).`,
);
const coverage = JSON.parse(readFileSync(paths.coverage, 'utf8')) as CoverageFile;
console.log(`Named in the texts but not mapped, each with its reason (${paths.coverage}):`);
for (const item of [...coverage.leftOut, ...coverage.notMapped]) console.log(`  ${item.name}: ${item.reason}`);
console.log(`Tours: ${tours.map((t) => `${t.id} (${t.chapters.length} chapters)`).join(', ')}.`);
const periods = Object.values(atlas.control.governorates).flat();
console.log(
  `Province control: ${periods.length} periods in ${Object.keys(atlas.control.governorates).length} governorates, ${atlas.control.milestones.length} milestones.`,
);
const noData = atlas.displacement.filter((r) => r.value === null).length;
console.log(`Displacement: ${atlas.displacement.length} records (${noData} sourced "no data").`);
// What the drawn claims rest on (issue 39): how much is the primary record, how much Wikipedia or a blog.
console.log('What the drawn claims rest on, by the kind of their source (geo/README.md says how each kind is read):');
for (const line of sourceQualityLines(sourceQuality(atlas))) console.log(`  ${line}`);
