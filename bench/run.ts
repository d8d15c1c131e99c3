/**
 * `npm run bench`: the speed and memory targets of issue #3, measured.
 * - demo end to end: `sipro project fixtures/demo` spawned, median of 21 runs
 *   (Node start-up, validation, projection and writing included), without
 *   and with the entrant lifetimes of entrants.csv;
 * - stress end to end: the same for the stress scheme written to files, with
 *   the peak resident memory of the process (GNU time's %M);
 * - core throughput: project() in-process on the stress scheme, in cell-years
 *   per second (cells = groups × 2 sexes × ages × (2 × credit bins + 3)).
 * Prints a Markdown section to paste into bench/RESULTS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { projectScheme } from '../src/core/project.js';
import { topCreditBin } from '../src/core/rules.js';
import { toCsv } from '../src/io/writeCsv.js';
import type { SchemeData } from '../src/core/types.js';
import { stressScheme } from './stressScheme.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/sipro.js');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeCli(args: string[], runs: number): { medianMs: number; peakRssMb: number } {
  const times: number[] = [];
  let peakRssKb = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`sipro ${args.join(' ')} failed:\n${result.stderr.slice(0, 2000)}`);
    peakRssKb = Math.max(peakRssKb, Number(result.stderr.trim().split('\n').pop()));
  }
  return { medianMs: median(times), peakRssMb: peakRssKb / 1024 };
}

function writeScheme(data: SchemeData, folder: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'scheme.json'), JSON.stringify(data.scheme, null, 2));
  // Columns are the union of the rows' keys: optional cells (pension_monthly) are absent from some rows.
  const write = <Row extends object>(name: string, rows: readonly Row[]) => {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))] as (keyof Row & string)[];
    writeFileSync(join(folder, name), toCsv(rows, columns));
  };
  write('population.csv', data.population);
  write('income.csv', data.income);
  write('mortality.csv', data.mortality);
  write('rates.csv', data.rates);
}

function cellYears(data: SchemeData): number {
  const { min_age: minAge, max_age: maxAge, horizon } = data.scheme.projection;
  const cells = Object.keys(data.scheme.groups).length * 2 * (maxAge - minAge + 1) * (2 * (topCreditBin(data.scheme) + 1) + 3);
  return cells * horizon;
}

const scratch = mkdtempSync(join(tmpdir(), 'sipro-bench-'));
try {
  const demoProjection = timeCli(['project', join(root, 'fixtures/demo'), '--out', join(scratch, 'demo'), '--force', '--quiet', '--no-entrants'], 21);
  const demo = timeCli(['project', join(root, 'fixtures/demo'), '--out', join(scratch, 'demo'), '--force', '--quiet'], 21);
  const stress = stressScheme();
  writeScheme(stress, join(scratch, 'stress'));
  const stressCli = timeCli(['project', join(scratch, 'stress'), '--out', join(scratch, 'stress-out'), '--force', '--quiet'], 3);
  const coreTimes: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = process.hrtime.bigint();
    projectScheme(stress);
    coreTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const coreMs = median(coreTimes);
  const throughput = cellYears(stress) / (coreMs / 1000);
  const gitRevision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const lines = [
    `## ${new Date().toISOString().slice(0, 10)} — ${gitRevision}`,
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    `| demo \`sipro project --no-entrants\` end to end (median of 21) | ${demoProjection.medianMs.toFixed(0)} ms | < 500 ms (issue #3) |`,
    `| demo \`sipro project\` end to end, entrants.csv included (median of 21) | ${demo.medianMs.toFixed(0)} ms | < 1 s (issue #4) |`,
    `| stress scheme end to end (median of 3) | ${(stressCli.medianMs / 1000).toFixed(2)} s | < 5 s |`,
    `| stress scheme peak memory | ${stressCli.peakRssMb.toFixed(0)} MB | < 500 MB |`,
    `| core throughput, stress scheme in-process (median of 5: ${coreMs.toFixed(0)} ms for ${(cellYears(stress) / 1e6).toFixed(1)} M cell-years) | ${(throughput / 1e6).toFixed(1)} M cell-years/s | ≥ 10 M |`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
