/**
 * `npm run bench`: sipro against the previous release (bench/baseline.ts),
 * side by side in one run, every measure interleaved (old, new, old, new …)
 * so that the machine's load falls on both alike. Medians throughout; CPU
 * time (user + system) beside wall time, since on a shared machine CPU time
 * moves less with other people's load.
 *
 * - demo end to end: `sipro project` spawned (Node start-up, reading,
 *   validation, projection, entrants.csv, writing, and the terminal table
 *   it prints, as issue #8's `sipro project fixtures/demo` does) on the demo
 *   as 0.1.0 had it (test/golden/inputs/demo: today's demo has fields 0.1.0
 *   cannot read), and on today's fixtures/demo for the new release alone;
 * - stress end to end: the stress scheme of test/golden/inputs/stress
 *   (20 groups, vesting 25, 100 years), with peak resident memory;
 * - core in process: project + entrants of the stress scheme, warm;
 * - one demo scenario inside a sweep, warm: everything a sweep does per
 *   scenario (overrides, validation, model, projection, indicators).
 *   These run in a child process per release (bench/inProcess.ts), the
 *   releases alternating process by process.
 *
 * Where the environment names a CA bundle for Node (NODE_EXTRA_CA_CERTS, as
 * this machine's does), Node 20 parses it at every start, before V8 starts
 * and before any of sipro's code runs: ~30 ms a process here. sipro opens
 * no TLS connection. The demo is then measured both with the environment
 * as it is and without the variable, and Node's own start both ways.
 *
 * Prints a Markdown section for bench/RESULTS.md. `--quick` takes fewer runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BASELINE, baselineCheckout } from './baseline.js';

const root = resolve(import.meta.dirname, '../..');
const quick = process.argv.includes('--quick');
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Run {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

const caBundle = process.env['NODE_EXTRA_CA_CERTS'];
const withoutCaBundle: NodeJS.ProcessEnv = { ...process.env };
delete withoutCaBundle['NODE_EXTRA_CA_CERTS'];

/** One spawned `node nodeArgs…` under GNU time: wall, CPU (user + system) and peak memory. */
function timedNode(nodeArgs: readonly string[], env: NodeJS.ProcessEnv = process.env): Run {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...nodeArgs], { encoding: 'utf8', env });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${nodeArgs.join(' ')} failed:\n${result.stderr.slice(0, 2000)}`);
  const [user, system, rssKb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  return { wallMs, cpuMs: (user + system) * 1000, peakRssMb: rssKb / 1024 };
}

/** One spawned run of a checkout's `bin/sipro.js`. */
const spawnRun = (checkout: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Run =>
  timedNode([join(checkout, 'bin', 'sipro.js'), ...args], env);

interface SideBySide {
  old: Run[];
  new: Run[];
}

/** `runs` interleaved runs of the same command line on both checkouts. */
function sideBySide(checkouts: { old: string; new: string }, args: (side: 'old' | 'new') => string[], runs: number, env: NodeJS.ProcessEnv = process.env): SideBySide {
  const result: SideBySide = { old: [], new: [] };
  for (let run = 0; run < runs; run += 1) {
    result.old.push(spawnRun(checkouts.old, args('old'), env));
    result.new.push(spawnRun(checkouts.new, args('new'), env));
  }
  return result;
}

/** A copy of a golden input folder with its gzipped files unpacked. */
function unpackedInput(name: string, scratch: string): string {
  const folder = join(scratch, `${name}-in`);
  cpSync(join(root, 'test', 'golden', 'inputs', name), folder, { recursive: true });
  for (const file of readdirSync(folder)) {
    if (!file.endsWith('.gz')) continue;
    writeFileSync(join(folder, file.slice(0, -3)), gunzipSync(readFileSync(join(folder, file))));
    rmSync(join(folder, file));
  }
  return folder;
}

/** Warm in-process measures of one release, in a child process of its own (bench/inProcess.ts). */
function inProcess(checkout: string, side: 'old' | 'new', mode: 'core' | 'sweep', stressFolder: string, demoFolder: string, rounds: number): InProcess {
  const script = join(root, 'dist', 'bench', 'inProcess.js');
  const result = spawnSync(process.execPath, [script, checkout, side, mode, stressFolder, demoFolder, String(rounds)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`${side}: in-process measures failed:\n${result.stderr.slice(0, 2000)}`);
  return JSON.parse(result.stdout) as InProcess;
}

interface InProcess {
  project: number[];
  entrants: number[];
  sweep: number[];
}

const scratch = mkdtempSync(join(tmpdir(), 'sipro-bench-'));
try {
  const checkouts = { old: baselineCheckout(root), new: root };
  const stress = unpackedInput('stress', scratch);
  const demo = unpackedInput('demo', scratch);
  const demoRuns = sideBySide(checkouts, (side) => ['project', demo, '--out', join(scratch, `demo-${side}`), '--force'], quick ? 7 : 21);
  const todaysDemo: Run[] = [];
  const todaysDemoWithoutCa: Run[] = [];
  const nodeStart: Run[] = [];
  const nodeStartWithoutCa: Run[] = [];
  const todaysDemoArgs = ['project', join(root, 'fixtures', 'demo'), '--out', join(scratch, 'demo-today'), '--force'];
  for (let run = 0; run < (quick ? 7 : 21); run += 1) {
    todaysDemo.push(spawnRun(checkouts.new, todaysDemoArgs));
    nodeStart.push(timedNode(['-e', '0']));
    if (caBundle === undefined) continue;
    todaysDemoWithoutCa.push(spawnRun(checkouts.new, todaysDemoArgs, withoutCaBundle));
    nodeStartWithoutCa.push(timedNode(['-e', '0'], withoutCaBundle));
  }
  const demoRunsWithoutCa = caBundle === undefined ? undefined : sideBySide(checkouts, (side) => ['project', demo, '--out', join(scratch, `demo-${side}`), '--force'], quick ? 7 : 21, withoutCaBundle);
  const stressRuns = sideBySide(checkouts, (side) => ['project', stress, '--out', join(scratch, `stress-${side}`), '--force', '--quiet'], quick ? 3 : 7);

  // Each release in processes of its own, alternating: neither pays for the other's garbage collection.
  const core: Record<'old' | 'new', InProcess> = { old: { project: [], entrants: [], sweep: [] }, new: { project: [], entrants: [], sweep: [] } };
  for (let process_ = 0; process_ < (quick ? 2 : 5); process_ += 1) {
    for (const side of ['old', 'new'] as const) {
      const measured = inProcess(checkouts[side], side, 'core', stress, demo, quick ? 2 : 3);
      core[side].project.push(...measured.project);
      core[side].entrants.push(...measured.entrants);
      core[side].sweep.push(...inProcess(checkouts[side], side, 'sweep', stress, demo, 0).sweep);
    }
  }

  const wall = (runs: Run[]) => median(runs.map((run) => run.wallMs));
  const cpu = (runs: Run[]) => median(runs.map((run) => run.cpuMs));
  const rss = (runs: Run[]) => Math.max(...runs.map((run) => run.peakRssMb));
  const ratio = (old: number, now: number) => `${(old / now).toFixed(2)}×`;
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const revision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const lines = [
    `## ${new Date().toISOString().slice(0, 10)} — ${revision} against ${BASELINE.version} (${BASELINE.commit})`,
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}.`,
    ...(caBundle === undefined ? [] : ['', `The environment sets NODE_EXTRA_CA_CERTS=${caBundle}: every Node process parses that bundle before V8 starts. The rows "without" run with the variable removed.`]),
    '',
    '| measure (medians) | 0.1.0 | now | gain | target |',
    '|---|---|---|---|---|',
    `| demo \`sipro project\` end to end, wall (${demoRuns.new.length} runs each) | ${ms(wall(demoRuns.old))} | ${ms(wall(demoRuns.new))} | ${ratio(wall(demoRuns.old), wall(demoRuns.new))} | < 200 ms |`,
    `| demo end to end, CPU | ${ms(cpu(demoRuns.old))} | ${ms(cpu(demoRuns.new))} | ${ratio(cpu(demoRuns.old), cpu(demoRuns.new))} | |`,
    `| today's \`sipro project fixtures/demo\` (v2 fields), wall / CPU | — | ${ms(wall(todaysDemo))} / ${ms(cpu(todaysDemo))} | | < 200 ms wall |`,
    ...(demoRunsWithoutCa === undefined ? [] : [
      `| demo end to end, wall, without NODE_EXTRA_CA_CERTS | ${ms(wall(demoRunsWithoutCa.old))} | ${ms(wall(demoRunsWithoutCa.new))} | ${ratio(wall(demoRunsWithoutCa.old), wall(demoRunsWithoutCa.new))} | < 200 ms |`,
      `| today's \`sipro project fixtures/demo\`, wall / CPU, without NODE_EXTRA_CA_CERTS | — | ${ms(wall(todaysDemoWithoutCa))} / ${ms(cpu(todaysDemoWithoutCa))} | | < 200 ms wall |`,
    ]),
    `| Node's own start and exit (\`node -e 0\`), wall${caBundle === undefined ? '' : ': as the environment is / without NODE_EXTRA_CA_CERTS'} | — | ${ms(wall(nodeStart))}${caBundle === undefined ? '' : ` / ${ms(wall(nodeStartWithoutCa))}`} | | |`,
    `| stress end to end, wall (${stressRuns.new.length} runs each) | ${ms(wall(stressRuns.old))} | ${ms(wall(stressRuns.new))} | ${ratio(wall(stressRuns.old), wall(stressRuns.new))} | ≥ 3× |`,
    `| stress end to end, CPU | ${ms(cpu(stressRuns.old))} | ${ms(cpu(stressRuns.new))} | ${ratio(cpu(stressRuns.old), cpu(stressRuns.new))} | |`,
    `| stress peak memory | ${rss(stressRuns.old).toFixed(0)} MB | ${rss(stressRuns.new).toFixed(0)} MB | | not above 0.1.0 |`,
    `| stress projection in process, CPU | ${ms(median(core.old.project))} | ${ms(median(core.new.project))} | ${ratio(median(core.old.project), median(core.new.project))} | |`,
    `| stress entrants.csv in process, CPU | ${ms(median(core.old.entrants))} | ${ms(median(core.new.entrants))} | ${ratio(median(core.old.entrants), median(core.new.entrants))} | |`,
    `| one demo scenario in a sweep, warm, CPU (${core.new.sweep.length} scenarios) | ${median(core.old.sweep).toFixed(1)} ms | ${median(core.new.sweep).toFixed(1)} ms | ${ratio(median(core.old.sweep), median(core.new.sweep))} | ≤ 15 ms |`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
