/**
 * `npm run bench:register`: how sipro reads (issues #8 and #13, item 5).
 * - demo read: loadScheme of the demo as 0.1.0 had it (test/golden/inputs/demo:
 *   today's fixtures/demo has fields 0.1.0 cannot read), in-process, warm, median of 101;
 * - a member register: the demo scheme with a generated population.csv of one
 *   row per member (never committed: written to a scratch folder), through
 *   `sipro validate` and `sipro project --no-entrants`, spawned: wall time,
 *   CPU time, rows per second (wall) and peak resident memory (GNU time's %M).
 *
 * Each is measured side by side with the previous release (bench/baseline.ts
 * builds it once), the register on `--baseline-rows` (default 1,000,000:
 * 0.1.0 cannot hold 10 million rows). Options: `--rows 10000000` (default),
 * `--runs 3` (spawned runs per measure), `--baseline DIR` (another built
 * checkout: DIR/bin/sipro.js, DIR/dist/src/io/loadScheme.js), `--skip-baseline`.
 * Prints a Markdown section to append to bench/RESULTS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { baselineCheckout } from './baseline.js';

const root = resolve(import.meta.dirname, '../..');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const { values: options } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '3' },
    baseline: { type: 'string' },
    'skip-baseline': { type: 'boolean', default: false },
    'baseline-rows': { type: 'string', default: '1000000' },
  },
});
const rows = Number(options.rows);
const runs = Number(options.runs);
const baselineRows = Number(options['baseline-rows']);

/** The demo's groups; ages, statuses and amounts from a fixed linear congruential stream (same file every run). */
async function writeRegister(path: string, count: number): Promise<number> {
  const groups = ['market_traders', 'artisans', 'moto_taxi_drivers'];
  let seed = 1;
  const uniform = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('group,sex,age,status,count,credits,earnings,balance,own_balance,pension_monthly\n');
  let batch = '';
  for (let member = 0; member < count; member += 1) {
    const group = groups[member % groups.length]!;
    const sex = uniform() < 0.5 ? 'F' : 'M';
    const age = 15 + Math.floor(uniform() * 80);
    if (age >= 60 && uniform() < 0.7) {
      batch += `${group},${sex},${age},retired,1,,,,,${(50 + uniform() * 200).toFixed(2)}\n`;
    } else {
      const credits = (uniform() * Math.min(40, age - 15)).toFixed(4);
      const status = uniform() < 0.8 ? 'active' : 'inactive';
      batch += `${group},${sex},${age},${status},1,${credits},${Math.round(uniform() * 1e6)},${Math.round(uniform() * 1e5)},${Math.round(uniform() * 5e4)},\n`;
    }
    if (batch.length > 1 << 20) { await write(batch); batch = ''; }
  }
  await write(batch);
  out.end();
  await once(out, 'finish');
  return bytes;
}

interface Spawned { wallS: number; cpuS: number; peakMb: number }

/** Median wall and CPU seconds and the highest peak memory of `runs` spawned runs. */
function timeCli(bin: string, args: string[]): Spawned {
  const walls: number[] = [];
  const cpu: number[] = [];
  let peakKb = 0;
  for (let run = 0; run < runs; run += 1) {
    const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, bin, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`sipro ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
    const [wall, user, system, kb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number, number];
    walls.push(wall);
    cpu.push(user + system);
    peakKb = Math.max(peakKb, kb);
  }
  return { wallS: median(walls), cpuS: median(cpu), peakMb: peakKb / 1024 };
}

/** The demo as 0.1.0 had it, which both releases read (today's fixtures/demo has fields 0.1.0 refuses). */
const DEMO = join(root, 'test', 'golden', 'inputs', 'demo');

/** Warm in-process reads of the demo: median milliseconds of 101, after 20 to warm up. */
async function demoRead(loadSchemeModule: string): Promise<number> {
  const { loadScheme } = await import(pathToFileURL(loadSchemeModule).href) as { loadScheme: (target: string) => Promise<{ data: unknown }> };
  const demo = DEMO;
  const times: number[] = [];
  for (let run = 0; run < 121; run += 1) {
    const started = process.hrtime.bigint();
    const { data } = await loadScheme(demo);
    if (data === undefined) throw new Error('the demo did not load');
    if (run >= 20) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

async function registerFolder(scratch: string, name: string, count: number): Promise<{ folder: string; megabytes: number }> {
  const folder = join(scratch, name);
  await cp(DEMO, folder, { recursive: true });
  const bytes = await writeRegister(join(folder, 'population.csv'), count);
  return { folder, megabytes: bytes / 2 ** 20 };
}

const row = (label: string, count: number, measured: Spawned) =>
  `| ${label} | ${measured.wallS.toFixed(1)} s | ${measured.cpuS.toFixed(1)} s | ${Math.round(count / measured.wallS).toLocaleString('en-US')} | ${measured.peakMb.toFixed(0)} MB |`;

const scratch = mkdtempSync(join(tmpdir(), 'sipro-bench-register-'));
try {
  const bin = join(root, 'bin/sipro.js');
  const lines: string[] = [];
  const gitRevision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  lines.push(`## ${new Date().toISOString().slice(0, 10)} — ${gitRevision} — reading`, '');
  lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`, '');

  const baseline = options['skip-baseline'] ? undefined : options.baseline === undefined ? baselineCheckout(root) : resolve(options.baseline);
  // Side by side, alternating, so that the machine's load falls on both alike.
  const demoNow: number[] = [];
  const demoBefore: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    demoNow.push(await demoRead(join(root, 'dist/src/io/loadScheme.js')));
    if (baseline) demoBefore.push(await demoRead(join(baseline, 'dist/src/io/loadScheme.js')));
  }
  lines.push('| demo read, `loadScheme` in-process, warm (median of 3 × 101) | ms |', '|---|---|');
  if (baseline) lines.push(`| baseline (${baseline}) | ${median(demoBefore).toFixed(2)} |`);
  lines.push(`| this commit | ${median(demoNow).toFixed(2)} |`, '');

  lines.push(`| register (median of ${runs}) | wall | CPU | rows/s (wall) | peak memory |`, '|---|---|---|---|---|');
  if (baseline) {
    const small = await registerFolder(scratch, 'baseline-register', baselineRows);
    const out = join(scratch, 'out');
    const count = baselineRows.toLocaleString('en-US');
    lines.push(row(`baseline: validate, ${count} rows`, baselineRows, timeCli(join(baseline, 'bin/sipro.js'), ['validate', small.folder])));
    lines.push(row(`this commit: validate, ${count} rows`, baselineRows, timeCli(bin, ['validate', small.folder])));
    lines.push(row(`baseline: project --no-entrants, ${count} rows`, baselineRows, timeCli(join(baseline, 'bin/sipro.js'), ['project', small.folder, '--out', out, '--force', '--quiet', '--no-entrants'])));
    lines.push(row(`this commit: project --no-entrants, ${count} rows`, baselineRows, timeCli(bin, ['project', small.folder, '--out', out, '--force', '--quiet', '--no-entrants'])));
    rmSync(small.folder, { recursive: true, force: true });
  }
  const register = await registerFolder(scratch, 'register', rows);
  const count = rows.toLocaleString('en-US');
  lines.push(row(`this commit: validate, ${count} rows (${register.megabytes.toFixed(0)} MiB)`, rows, timeCli(bin, ['validate', register.folder])));
  lines.push(row(`this commit: project --no-entrants, ${count} rows`, rows, timeCli(bin, ['project', register.folder, '--out', join(scratch, 'out'), '--force', '--quiet', '--no-entrants'])));
  lines.push('', 'Targets (issue #13, item 5): 10 million rows under 1 GB peak memory and at least 300,000 rows/s end to end.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
