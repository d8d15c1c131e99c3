/**
 * `node dist/bench/sweep.js` (after `npm run build`): the sweep target of
 * issue #5 — a 1,000-scenario sweep of the demo scheme (entrants off, as
 * sweeps are by default) with --jobs 1 and --jobs 2, wall time end to end
 * (the spawned `sipro sweep`, start-up included) and the speed-up. Target:
 * < 60 s, and >= 1.7x with 2 workers on a 2-core machine. Also checks that
 * both runs wrote the same sweep.csv. Prints a Markdown section for
 * bench/RESULTS.md.
 *
 * Options: `--scenarios N` (default 1000, rounded to a multiple of 10).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/sipro.js');
const requested = Number(process.argv[process.argv.indexOf('--scenarios') + 1] ?? 1000);
const scenarios = process.argv.includes('--scenarios') && Number.isFinite(requested) ? Math.max(10, Math.round(requested / 10) * 10) : 1000;
const rates = scenarios / 10;

/** 10 compliance levels × `rates` contribution rates: a grid of `scenarios` scenarios. */
const grid = [
  '--grid', `contributions.rate=0.05:${(0.05 + (rates - 1) * 0.001).toFixed(3)}:0.001`,
  '--grid', 'groups.artisans.compliance=0.5:0.95:0.05',
];

function timeSweep(jobs: number, out: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, 'sweep', join(root, 'fixtures/demo'), ...grid, '--jobs', String(jobs), '--out', out, '--force', '--quiet'], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`sipro sweep --jobs ${jobs} failed (exit ${result.status}):\n${result.stderr.slice(0, 2000)}`);
  const rows = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n').length - 1;
  if (rows !== scenarios) throw new Error(`sweep.csv has ${rows} rows, expected ${scenarios}`);
  return seconds;
}

const scratch = mkdtempSync(join(tmpdir(), 'sipro-bench-sweep-'));
try {
  const one = timeSweep(1, join(scratch, 'jobs-1'));
  const two = timeSweep(2, join(scratch, 'jobs-2'));
  const same = readFileSync(join(scratch, 'jobs-1', 'sweep.csv'), 'utf8') === readFileSync(join(scratch, 'jobs-2', 'sweep.csv'), 'utf8');
  if (!same) throw new Error('--jobs 1 and --jobs 2 wrote different sweep.csv files');
  const speedUp = one / two;
  const gitRevision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  console.log([
    `## ${new Date().toISOString().slice(0, 10)} — ${gitRevision} — sweep`,
    '',
    `Machine: ${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    `Sweep: \`sipro sweep fixtures/demo ${grid.join(' ')}\` (${scenarios} scenarios, entrants off), end to end.`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    `| --jobs 1 (main thread) | ${one.toFixed(1)} s (${((one * 1000) / scenarios).toFixed(0)} ms/scenario) | |`,
    `| --jobs 2 (2 worker threads) | ${two.toFixed(1)} s (${((two * 1000) / scenarios).toFixed(0)} ms/scenario) | < 60 s |`,
    `| speed-up with 2 workers | ${speedUp.toFixed(2)}× | ≥ 1.7× |`,
    `| same sweep.csv from both | ${same ? 'yes' : 'no'} | yes |`,
    '',
  ].join('\n'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
