/**
 * `node dist/bench/decide.js` (after `npm run build`): what `solve` and
 * `compare` cost on the demo scheme, in this process, in CPU time (user +
 * system, which moves less than wall time with other people's load on a
 * shared machine), medians of interleaved runs:
 *
 * - one solve step, warm: a variant of the batch (the override validated,
 *   the model built) projected with the workspace of the step before;
 * - one full load and projection, warm: what a step would cost if each
 *   step read and checked the scheme's files again;
 * - `sipro solve` of the demo end to end in process (22 projections);
 * - `sipro compare` of the demo against a --set variant end to end in process.
 *
 * Prints a Markdown section for bench/RESULTS.md. `--runs N` (default 9).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { variantProjector } from '../src/cli/decide/variants.js';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { projectScheme } from '../src/core/project.js';
import { loadScheme } from '../src/io/loadScheme.js';

const root = resolve(import.meta.dirname, '../..');
const demo = join(root, 'fixtures/demo');
const runsOption = process.argv.indexOf('--runs');
const runs = runsOption >= 0 ? Number(process.argv[runsOption + 1]) : 9;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** CPU milliseconds of `task`. */
async function cpu(task: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await task();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const silent: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, stdoutIsTty: false, stderrIsTty: false, env: {}, cwd: root };
async function sipro(argv: string[]): Promise<void> {
  const code = await main(argv, silent);
  if (code !== 0) throw new Error(`sipro ${argv.join(' ')} exited ${code}`);
}

const scratch = mkdtempSync(join(tmpdir(), 'sipro-bench-decide-'));
try {
  const projector = variantProjector(demo, [], { allowOutside: false });
  await projector.project([{ path: 'contributions.rate', value: 0.1 }]);
  const step: number[] = [];
  const full: number[] = [];
  const solve: number[] = [];
  const compare: number[] = [];
  let projections = 0;
  for (let run = 0; run < runs; run += 1) {
    step.push(await cpu(() => projector.project([{ path: 'contributions.rate', value: 0.1 + run * 1e-4 }])));
    full.push(await cpu(async () => projectScheme((await loadScheme(demo, { overrides: [{ path: 'contributions.rate', value: 0.1 + run * 1e-4 }] })).data!)));
    solve.push(await cpu(() => sipro(['solve', demo, '--vary', 'contributions.rate', '--range', '0.1:0.24', '--until', 'depletion_year > 2090', '--quiet'])));
    compare.push(await cpu(() => sipro(['compare', demo, '--set', 'contributions.rate=0.12', '--out', join(scratch, 'compare'), '--force', '--quiet'])));
  }
  const json: string[] = [];
  await main(['solve', demo, '--vary', 'contributions.rate', '--range', '0.1:0.24', '--until', 'depletion_year > 2090', '--json'], { ...silent, stdout: { write: (text: string) => json.push(text) } });
  projections = (JSON.parse(json.join('')) as { projections: number }).projections;
  const gitRevision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log([
    `## ${new Date().toISOString().slice(0, 10)} — ${gitRevision} — solve and compare`,
    '',
    `Machine: ${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    `In process, CPU time (user + system), median of ${runs} interleaved runs, warm; the demo scheme (75 years, entrants off).`,
    '',
    '| measure | CPU time |',
    '|---|---|',
    `| one solve step: a variant of the batch (contributions.rate), model built, projected | ${ms(median(step))} |`,
    `| the same with a full load (read and check every file) and projection | ${ms(median(full))} |`,
    `| \`sipro solve\` demo, contributions.rate 0.1:0.24 until "depletion_year > 2090" (${projections} projections) | ${ms(median(solve))} (${ms(median(solve) / projections)} a projection) |`,
    `| \`sipro compare\` demo against --set contributions.rate=0.12 (2 projections, files written) | ${ms(median(compare))} |`,
    '',
  ].join('\n'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
