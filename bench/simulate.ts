/**
 * `npm run bench:simulate`: the target of issue #9 — 10,000 scenarios of the
 * demo (75 years) end to end in under 60 s on this 2-core machine, peak
 * memory under 1 GB — and where a scenario's time goes:
 * - end to end: `sipro simulate fixtures/demo --scenarios N --jobs 2`
 *   spawned (start-up, validation, the deterministic projection, the
 *   scenarios on 2 worker threads, aggregation and writing), wall time and
 *   peak resident memory (GNU time's %M, the main thread and its workers);
 * - in process, CPU time per scenario (medians of rounds): drawing the
 *   paths, §3 (fillMemberYears over the 75 years under the scenario's
 *   paths), the whole projection of a scenario, and so the year loop (the
 *   projection less §3 and the outcome); then the aggregation of N outcomes
 *   into the tables and their text.
 * Options: `--scenarios N` (default 10000). Prints a Markdown section for bench/RESULTS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { buildModel } from '../src/core/model.js';
import { memberYearCache, fillMemberYears, memberYearTable } from '../src/core/memberYears.js';
import { project } from '../src/core/project.js';
import { scenarioBatch } from '../src/core/stochastic/batch.js';
import { scenarioOfPaths } from '../src/core/stochastic/paths.js';
import { timelineOf } from '../src/core/timeline.js';
import { loadScheme } from '../src/io/loadScheme.js';
import { runRecord } from '../src/io/runRecord.js';
import { simulationFiles } from '../src/cli/simulate/finish.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/sipro.js');
const demo = join(root, 'fixtures/demo');
const requested = process.argv.indexOf('--scenarios');
const scenarios = requested > 0 ? Number(process.argv[requested + 1]) : 10_000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const cpuMs = (work: () => void) => {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

function endToEnd(out: string): { seconds: number; peakRssMb: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'simulate', demo, '--scenarios', String(scenarios), '--jobs', '2', '--out', out, '--force', '--quiet'], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`sipro simulate failed (exit ${result.status}):\n${result.stderr.slice(0, 2000)}`);
  return { seconds, peakRssMb: Number(result.stderr.trim().split('\n').pop()) / 1024 };
}

const loaded = await loadScheme(demo);
if (loaded.data === undefined) throw new Error('fixtures/demo does not load');
const model = buildModel(loaded.data);
const batch = scenarioBatch(model);
const out = new Float64Array(batch.layout.width);
const ROUNDS = 5;
const PER_ROUND = 40;
const draw: number[] = [];
const memberYears: number[] = [];
const whole: number[] = [];
let next = 1;
for (let warm = 0; warm < 20; warm += 1) batch.run(batch.pathsOf(next++), out);
// Whole scenarios first, then §3 apart: §3 run on its own tables in between
// made V8 re-optimise the scenarios' code and took their time from ~26 to ~108 ms.
const rounds = Array.from({ length: ROUNDS }, () => Array.from({ length: PER_ROUND }, () => next++));
for (const numbers of rounds) {
  let drawn = numbers.map((scenario) => batch.pathsOf(scenario));
  draw.push(cpuMs(() => { drawn = numbers.map((scenario) => batch.pathsOf(scenario)); }) / PER_ROUND);
  whole.push(cpuMs(() => { for (const paths of drawn) batch.run(paths, out); }) / PER_ROUND);
}
for (const numbers of rounds) {
  const cache = memberYearCache(model);
  const table = memberYearTable(model.groups.length * 2 * model.layout.ages);
  const timelines = numbers.map((scenario) => timelineOf(model, scenarioOfPaths(model, batch.base, batch.pathsOf(scenario))));
  memberYears.push(cpuMs(() => {
    for (const timeline of timelines) for (let year = 0; year < timeline.years; year += 1) fillMemberYears(model, timeline, year, cache, table);
  }) / PER_ROUND);
}

// The aggregation of `scenarios` outcomes (copies of measured ones: its cost depends on the count, not the values).
const outcomes = new Float64Array(scenarios * batch.layout.width);
for (let index = 0; index < scenarios; index += 1) {
  if (index < 50) batch.run(batch.pathsOf(index + 1), outcomes.subarray(index * batch.layout.width, (index + 1) * batch.layout.width));
  else outcomes.copyWithin(index * batch.layout.width, (index % 50) * batch.layout.width, (index % 50 + 1) * batch.layout.width);
}
const deterministic = project(model, batch.base);
const aggregationMs = cpuMs(() => {
  simulationFiles({
    deterministic, layout: batch.layout, baseYear: model.baseYear, groups: model.groups.map((group) => group.name), percentiles: model.scheme.stochastic.percentiles,
    seed: 1, scenarios: Array.from({ length: scenarios }, (_, index) => index + 1), outcomes, pathsText: null, assertions: [], record: runRecord([], [], model.scheme),
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'sipro-bench-simulate-'));
try {
  const run = endToEnd(join(scratch, 'out'));
  const drawMs = median(draw);
  const memberYearMs = median(memberYears);
  const scenarioMs = median(whole);
  const gitRevision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
  console.log([
    `## ${new Date().toISOString().slice(0, 10)} — ${gitRevision} — simulate`,
    '',
    `Machine: ${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at the end ${load}.`,
    `\`sipro simulate fixtures/demo --scenarios ${scenarios} --jobs 2\` (75 years, the demo's shocks), end to end.`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    `| end to end, wall time | ${run.seconds.toFixed(1)} s (${((run.seconds * 1000) / scenarios).toFixed(1)} ms a scenario on 2 threads) | < 60 s |`,
    `| peak resident memory (main thread and workers) | ${run.peakRssMb.toFixed(0)} MB | < 1 GB |`,
    `| one scenario, CPU, in process (median of ${ROUNDS} rounds of ${PER_ROUND}) | ${scenarioMs.toFixed(2)} ms | ≤ 12 ms a core |`,
    `| — drawing its paths | ${drawMs.toFixed(3)} ms | |`,
    `| — §3, 75 years of income rows | ${memberYearMs.toFixed(2)} ms | |`,
    `| — the year loop and the outcome (the rest) | ${(scenarioMs - memberYearMs).toFixed(2)} ms | |`,
    `| aggregation of ${scenarios} outcomes into the tables and their text, CPU | ${aggregationMs.toFixed(0)} ms | |`,
    '',
  ].join('\n'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
