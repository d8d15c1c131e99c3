/**
 * `sipro simulate` end to end, in process: the same bytes whatever --jobs
 * and however the run is sharded and merged; a replay of the paths.csv a
 * run wrote reproduces it; a bad paths file is exit 3 naming file, line
 * and column; §10's assertions gate (exit 4).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runSipro, scratchFolder } from './helpers.js';

const DEMO = fixture('demo');
const FILES = ['scenarios.csv', 'percentiles.csv', 'ruin.csv', 'paths.csv'];
let scratch: string;
beforeAll(async () => { scratch = await scratchFolder('sipro-simulate-'); });
afterAll(async () => { await rm(scratch, { recursive: true, force: true }); });

const read = (folder: string, file: string) => readFile(join(scratch, folder, file), 'utf8');
/** summary.json without the command line, which names --jobs, --shard and --out. */
const summaryWithoutCommandLine = async (folder: string) => {
  const summary = JSON.parse(await read(folder, 'summary.json')) as { run: { command_line?: unknown; merged_from?: unknown } };
  delete summary.run.command_line;
  delete summary.run.merged_from;
  return summary;
};
const simulate = (out: string, ...extra: string[]) => runSipro(['simulate', DEMO, '--scenarios', '9', '--write-paths', '--out', join(scratch, out), '-q', ...extra]);

describe('sipro simulate: the same bytes however it is run', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    for (const [out, extra] of [['jobs-1', ['--jobs', '1']], ['jobs-2', ['--jobs', '2']], ['shard-1', ['--shard', '1/2', '--jobs', '1']], ['shard-2', ['--shard', '2/2', '--jobs', '2']]] as const) {
      const result = await simulate(out, ...extra);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const merged = await runSipro(['merge', join(scratch, 'merged'), join(scratch, 'shard-2'), join(scratch, 'shard-1'), '-q']);
    expect(merged.code).toBe(0);
  }, 120_000);

  it.each(FILES)('%s: --jobs 1, --jobs 2 and two shards merged', async (file) => {
    const one = await read('jobs-1', file);
    expect(await read('jobs-2', file)).toBe(one);
    expect(await read('merged', file)).toBe(one);
  });
  it('70 scenarios, four chunks: --jobs 3 (the main thread and two worker threads) writes what --jobs 1 writes', async () => {
    const run = (out: string, jobs: string) => runSipro(['simulate', DEMO, '--scenarios', '70', '--write-paths', '--jobs', jobs, '--out', join(scratch, out), '-q']);
    expect((await run('many-1', '1')).code).toBe(0);
    const spread = await run('many-3', '3');
    expect(spread.stderr).toBe('');
    expect(spread.code).toBe(0);
    for (const file of FILES) expect(await read('many-3', file), file).toBe(await read('many-1', file));
    expect((await read('many-1', 'scenarios.csv')).trim().split('\n')).toHaveLength(71);
  });
  it('summary.json: identical but for the command line', async () => {
    const one = await summaryWithoutCommandLine('jobs-1');
    expect(await summaryWithoutCommandLine('jobs-2')).toEqual(one);
    expect(await summaryWithoutCommandLine('merged')).toEqual(one);
  });
  it('writes the §10 columns, 9 scenarios and 75 years × 10 variables', async () => {
    const scenarios = (await read('jobs-1', 'scenarios.csv')).trim().split('\n');
    expect(scenarios[0]).toBe('scenario,gap,effective_rate,actuarial_balance,depletion_year,first_deficit_year,final_reserve,final_reserve_ratio,min_reserve_ratio');
    expect(scenarios.slice(1).map((line) => line.split(',')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const percentiles = (await read('jobs-1', 'percentiles.csv')).trim().split('\n');
    expect(percentiles[0]).toBe('year,variable,mean,p5,p25,p50,p75,p95');
    expect(percentiles).toHaveLength(1 + 75 * 10);
    expect((await read('jobs-1', 'paths.csv')).split('\n')[0]).toBe(
      'scenario,year,investment_return,wage_growth,inflation,mortality_factor,entrants_factor,income_factor.market_traders,income_factor.artisans,income_factor.moto_taxi_drivers');
  });
  it('scenario s is the same in a run of fewer scenarios', async () => {
    const few = await runSipro(['simulate', DEMO, '--scenarios', '3', '--jobs', '1', '--out', join(scratch, 'few'), '-q']);
    expect(few.code).toBe(0);
    const rows = (folder: string) => read(folder, 'scenarios.csv').then((text) => text.trim().split('\n').slice(1, 4));
    expect(await rows('few')).toEqual(await rows('jobs-1'));
  });
  it('replaying the paths.csv a run wrote reproduces the run byte for byte', async () => {
    const replay = await runSipro(['simulate', DEMO, '--paths', join(scratch, 'jobs-1', 'paths.csv'), '--write-paths', '--jobs', '2', '--out', join(scratch, 'replay'), '-q']);
    expect(replay.code).toBe(0);
    for (const file of FILES) expect(await read('replay', file)).toBe(await read('jobs-1', file));
  });
});

describe('a bad paths file: exit 3, naming file, line and column', { timeout: 120_000 }, () => {
  const header = 'scenario,year,investment_return,mortality_factor';
  const years = (scenario: number, rate = '0.05', factor = '1') => Array.from({ length: 75 }, (_, index) => `${scenario},${2025 + index},${rate},${factor}`);
  it.each([
    ['a missing year', [header, ...years(1).filter((line) => !line.includes(',2030,'))], 'bad.csv:2: scenario 1 (first on this line) has no row for year 2030'],
    ['an empty cell', [header, ...years(1).map((line, index) => (index === 3 ? '1,2028,,1' : line))], 'bad.csv:5: investment_return is empty'],
    ['a rate <= -1', [header, ...years(1).map((line, index) => (index === 0 ? '1,2025,-1,1' : line))], 'bad.csv:2: investment_return "-1" must be a rate > -1'],
    ['a factor <= 0', [header, ...years(2).map((line, index) => (index === 9 ? '2,2034,0.05,0' : line))], 'bad.csv:11: mortality_factor "0" must be a factor > 0'],
    ['an unknown column', [`${header},income_factor.traders`, ...years(1).map((line) => `${line},1`)], 'bad.csv:1: unknown column "income_factor.traders"'],
  ])('%s', async (_, lines, message) => {
    await writeFile(join(scratch, 'bad.csv'), `${lines.join('\n')}\n`);
    const result = await runSipro(['simulate', DEMO, '--paths', 'bad.csv', '--out', join(scratch, 'bad-out')], { cwd: scratch });
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(3);
  });
});

describe('inputs of simulate', { timeout: 120_000 }, () => {
  it('an assumption at or below −0.99 cannot be drawn around (exit 3)', async () => {
    const result = await runSipro(['simulate', DEMO, '--scenarios', '2', '--out', join(scratch, 'floor'), '--set', 'assumptions.inflation={2025: -0.995, 2026: 0.02}']);
    expect(result.stderr).toContain('assumptions.inflation.2025 "-0.995" must be > -0.99 when sipro simulate draws its paths');
    expect(result.code).toBe(3);
  });
  it('--scenarios with --paths is a usage error', async () => {
    const result = await runSipro(['simulate', DEMO, '--scenarios', '2', '--paths', 'x.csv', '--out', join(scratch, 'both')]);
    expect(result.stderr).toContain('--scenarios and --seed only apply to drawn scenarios');
    expect(result.code).toBe(2);
  });
  it('a paths file may leave columns out and name any scenarios: the deterministic values, in ascending order', async () => {
    const lines = ['scenario,year', ...[12, 0].flatMap((scenario) => Array.from({ length: 75 }, (_, index) => `${scenario},${2025 + index}`))];
    await writeFile(join(scratch, 'bare.csv'), `${lines.join('\n')}\n`);
    const result = await runSipro(['simulate', DEMO, '--paths', 'bare.csv', '--jobs', '1', '--out', join(scratch, 'bare'), '-q'], { cwd: scratch });
    expect(result.code).toBe(0);
    const rows = (await read('bare', 'scenarios.csv')).trim().split('\n').slice(1).map((line) => line.split(','));
    expect(rows.map((row) => row[0])).toEqual(['0', '12']);
    // Every factor 1 and the assumptions' values: the deterministic projection (GAP 15.50 %, depletion in 2078).
    expect(rows[0]!.slice(1)).toEqual(rows[1]!.slice(1));
    expect(Number(rows[0]![1])).toBeCloseTo(0.15495787387069473, 15);
    expect(rows[0]![4]).toBe('2078');
    const summary = JSON.parse(await read('bare', 'summary.json')) as { stochastic: { scenarios: number; seed: number }; run: { inputs: { role: string }[] } };
    expect(summary.stochastic).toMatchObject({ scenarios: 2, seed: 1 });
    expect(summary.run.inputs.map((input) => input.role)).toContain('paths');
  });
});

describe('§10 assertions', { timeout: 120_000 }, () => {
  it('fail with exit 4, the folder written all the same', async () => {
    const result = await runSipro(['simulate', DEMO, '--scenarios', '4', '--jobs', '1', '--out', join(scratch, 'gate'), '-q',
      '--assert', 'depletion_probability <= 0.5', '--assert', 'reserve_ratio_p5 >= 1 to 2040', '--assert', 'gap_p50 < 1']);
    expect(result.stderr).toContain('assertion failed: depletion_probability <= 0.5 (depletion_probability is 1)');
    expect(result.stderr).toContain('3 assertions: 2 passed, 1 failed');
    expect(result.code).toBe(4);
    const summary = JSON.parse(await read('gate', 'summary.json')) as { assertions: { assertion: string; passed: boolean }[] };
    expect(summary.assertions.map((report) => report.passed)).toEqual([false, true, true]);
  });
  it('a percentile that is not listed is a usage error', async () => {
    const result = await runSipro(['simulate', DEMO, '--scenarios', '4', '--out', join(scratch, 'unlisted'), '--assert', 'gap_p10 < 1']);
    expect(result.stderr).toContain('percentile 10 is not among stochastic.percentiles (5, 25, 50, 75, 95)');
    expect(result.code).toBe(2);
  });
  it('sipro project refuses them: they need scenarios', async () => {
    const result = await runSipro(['project', DEMO, '--out', join(scratch, 'project'), '--assert', 'reserve_ratio_p5 >= 1']);
    expect(result.stderr).toContain('reserve_ratio_p5 is a result of many scenarios: check it with sipro simulate');
    expect(result.code).toBe(2);
  });
});

describe('summary.json and --json', { timeout: 120_000 }, () => {
  it('hold the deterministic §7 summary, then the stochastic block, the assertions and the run record', async () => {
    const result = await runSipro(['simulate', DEMO, '--scenarios', '3', '--jobs', '1', '--out', join(scratch, 'json'), '--json', '--seed', '7']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown> & { stochastic: Record<string, unknown> };
    const written = JSON.parse(await read('json', 'summary.json')) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(['gap', 'effective_rate', 'actuarial_balance', 'depletion_year', 'first_deficit_year', 'gender_pension_gap', 'present_values', 'stochastic', 'assertions', 'run']);
    expect(Object.keys(printed.stochastic)).toEqual(['scenarios', 'seed', 'depletion_probability', 'gap', 'actuarial_balance', 'depletion_year', 'final_reserve_ratio']);
    expect(printed.stochastic).toEqual(written['stochastic']);
    expect(printed.stochastic).toMatchObject({ scenarios: 3, seed: 7 });
    expect(Object.keys(printed.stochastic['depletion_year'] as object)).toEqual(['p5', 'p25', 'p50', 'p75', 'p95']);
    expect(written['gap']).toBeCloseTo(0.155, 3); // the deterministic GAP of the demo
  });
});

describe('progress', { timeout: 120_000 }, () => {
  it('prints a plain line when stderr is not a terminal, and the summary on stdout', async () => {
    const result = await runSipro(['simulate', DEMO, '--scenarios', '2', '--jobs', '1', '--out', join(scratch, 'plain')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/simulate: 2\/2 scenarios done/);
    expect(result.stderr).not.toContain('\x1b[');
    expect(result.stdout).toContain('Probability the reserve is depleted by 2099');
  });
});
