/**
 * `sipro solve` (methodology §13) on schemes whose answer is known: a flat
 * contribution without affordability, where the balancing amount is linear
 * and has a closed form; a retirement age whose switch can be read off the
 * members' ages; and, on fixtures/minimal, paths of every kind, each result
 * checked by `sipro project --set … --assert …` run on its own.
 *
 * The expected sequence of values is written here from §13's text, not from
 * src/core/financing/bisection.ts.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTinyScheme, type TinySchemeOptions } from '../support/scheme.js';
import { spawnSipro } from '../e2e/spawn.js';
import { fixture, runSipro, scratchFolder } from './helpers.js';

interface SolveJson {
  solved: boolean;
  reason?: string;
  path: string;
  value: number | null;
  failing_value: number | null;
  integer: boolean;
  tolerance: number | null;
  projections: number;
  indicators: { actuarial_balance: number; gap: number } | null;
  steps: { value: number; holds: boolean }[];
  assertions: { assertion: string; passed: boolean }[];
  ends?: Record<'low' | 'high', { value: number; holds: boolean; indicators: { gap: number } }>;
  bracket?: Record<'failing' | 'holding', { value: number; holds: boolean }>;
}

async function tinyFolder(options: TinySchemeOptions): Promise<string> {
  const folder = join(await scratchFolder(), 'scheme');
  await mkdir(folder);
  await writeTinyScheme(folder, options);
  return folder;
}

/** §13's loop as the text states it, for a switch at `at`: the values projected, in order. */
function sequenceOf13(low: number, high: number, tol: number, integer: boolean, holds: (x: number) => boolean): number[] {
  const values = [low, high];
  let a = holds(low) ? high : low;
  let b = holds(low) ? low : high;
  while (Math.abs(b - a) > (integer ? 1 : tol)) {
    const m = integer ? a + Math.trunc((b - a) / 2) : (a + b) / 2;
    values.push(m);
    if (holds(m)) b = m;
    else a = m;
  }
  return values;
}

const solveJson = async (argv: readonly string[]) => {
  const run = await runSipro(['solve', ...argv, '--json']);
  return { ...run, json: run.stdout === '' ? undefined : (JSON.parse(run.stdout) as SolveJson) };
};

// Ten actives aged 50, retiring at 60: none retires in four years; five pensioners of 100 a month; nobody dies.
// Flat contribution `amount` a month on an insured income of 100, no affordability: K_t = 10 × 12 × amount,
// S_t = 12,000, X_t = 5 × 1,200 = 6,000; i = discount = 5 %; reserve 1,000; gap_final_reserve_ratio 0.
// actuarial_balance = (PV(K) − PV(X) + 1,000) / PV(S) >= 0  ⇔  amount >= 50 − 1,000 / (120 F),  F = Σ_{k<4} 1.05^−k × 1.05^−½.
const flatScheme: TinySchemeOptions = {
  scheme: {
    projection: { horizon: 4, min_age: 50, max_age: 70 },
    assumptions: { investment_return: 0.05 },
    reserve: { initial: 1000 },
  },
  population: [{ age: 50, status: 'active', count: 10 }, { age: 61, status: 'retired', count: 5, pension_monthly: 100 }],
};
const F = [0, 1, 2, 3].reduce((sum, k) => sum + 1.05 ** -k / Math.sqrt(1.05), 0);
const BALANCING_AMOUNT = 50 - 1000 / (120 * F);

describe('sipro solve: a flat contribution, whose balancing amount is linear', () => {
  it('finds 50 − 1000 / (120 F) within the default tolerance, on the side where the balance holds, in §13\'s 22 steps', async () => {
    const folder = await tinyFolder(flatScheme);
    const { code, json, stderr } = await solveJson([folder, '--vary', 'contributions.amount', '--range', '0:100', '--until', 'actuarial_balance >= 0']);
    expect(code, stderr).toBe(0);
    const tol = 1e-6 * 100;
    expect(json).toMatchObject({ solved: true, path: 'contributions.amount', integer: false, tolerance: tol, projections: 22 });
    expect(json!.value!).toBeGreaterThanOrEqual(BALANCING_AMOUNT);
    expect(json!.value! - BALANCING_AMOUNT).toBeLessThanOrEqual(tol);
    expect(json!.failing_value!).toBeLessThan(BALANCING_AMOUNT);
    expect(json!.indicators!.actuarial_balance).toBeGreaterThanOrEqual(0);
    expect(json!.steps.map((step) => step.value)).toEqual(sequenceOf13(0, 100, tol, false, (x) => x >= BALANCING_AMOUNT));
    expect(json!.steps.map((step) => step.holds)).toEqual(json!.steps.map((step) => step.value >= BALANCING_AMOUNT));
    expect(json!.bracket).toMatchObject({ failing: { value: json!.failing_value, holds: false }, holding: { value: json!.value, holds: true } });
  });

  it('--tol sets the width: 0.5 takes 2 + ⌈log₂(100 / 0.5)⌉ = 10 projections', async () => {
    const folder = await tinyFolder(flatScheme);
    const { json } = await solveJson([folder, '--vary', 'contributions.amount', '--range', '0:100', '--until', 'actuarial_balance >= 0', '--tol', '0.5']);
    expect(json!.projections).toBe(10);
    expect(json!.steps.map((step) => step.value)).toEqual(sequenceOf13(0, 100, 0.5, false, (x) => x >= BALANCING_AMOUNT));
    expect(json!.value! - BALANCING_AMOUNT).toBeLessThanOrEqual(0.5);
  });

  it('prints the value, the bracket and the count on stdout, and how to project it on stderr', async () => {
    const folder = await tinyFolder(flatScheme);
    const run = await runSipro(['solve', folder, '--vary', 'contributions.amount', '--range', '0:100', '--until', 'actuarial_balance >= 0', '--tol', '0.5']);
    expect(run.code).toBe(0);
    const value = (await solveJson([folder, '--vary', 'contributions.amount', '--range', '0:100', '--until', 'actuarial_balance >= 0', '--tol', '0.5'])).json!.value;
    expect(run.stdout).toContain(`hand-worked: contributions.amount = ${value} makes "actuarial_balance >= 0" hold`);
    expect(run.stdout).toContain('(tolerance 0.5); 10 projections, the two ends of 0:100 included.');
    expect(run.stdout).toMatch(/│ Actuarial balance +│ +-[\d.]+ % │ +[\d.]+ % │/);
    expect(run.stderr.endsWith(`To project it: sipro project ${folder} --set contributions.amount=${value}\n`)).toBe(true);
  });

  it('both ends holding (or failing) is exit 4, with both ends reported and no bisection', async () => {
    const folder = await tinyFolder(flatScheme);
    const { code, json } = await solveJson([folder, '--vary', 'contributions.amount', '--range', '60:100', '--until', 'actuarial_balance >= 0']);
    expect(code).toBe(4);
    expect(json).toMatchObject({ solved: false, reason: 'holds at both ends', value: null, projections: 2, steps: [{ value: 60, holds: true }, { value: 100, holds: true }] });
    expect(json!.ends!.low.value).toBe(60);
    expect(json!.ends!.high.indicators.gap).toBeTypeOf('number');
    const run = await runSipro(['solve', folder, '--vary', 'contributions.amount', '--range', '0:10', '--until', 'actuarial_balance >= 0']);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('"actuarial_balance >= 0" fails at both ends of contributions.amount 0:10 (2 projections)');
    expect(run.stdout).toContain('solve needs an assertion that holds at one end of the range only');
  });

  it('--assert gates the value found (exit 4 when one fails there), as project does', async () => {
    const folder = await tinyFolder(flatScheme);
    const { code, json } = await solveJson([folder, '--vary', 'contributions.amount', '--range', '0:100', '--until', 'actuarial_balance >= 0',
      '--assert', 'effective_rate > 0.9', '--assert', 'depletion_year > 2030']);
    expect(code).toBe(4);
    expect(json!.solved).toBe(true);
    expect(json!.assertions.map((report) => [report.assertion, report.passed])).toEqual([['effective_rate > 0.9', false], ['depletion_year > 2030', true]]);
  });
});

// Ten actives aged 55 in 2025 and nobody dies: at retirement age r they are active in 2030 (age 60) iff 60 < r.
// "actives >= 10 to 2030" holds iff r >= 61. Income rows cover ages 50–68, so every age of 58:69 is valid.
describe('sipro solve: a whole-number path (retirement age), with a column assertion over a range', () => {
  it('bisects over whole numbers: 58, 69, 63, 60, 61 → 61', async () => {
    const folder = await tinyFolder({
      scheme: { projection: { horizon: 8, min_age: 50, max_age: 80 } },
      population: [{ age: 55, status: 'active', count: 10 }],
      incomeRows: [{ group: 'g', sex: '*', age_from: 50, age_to: 68, mean_monthly_income: 100, cv: 0.5 }],
    });
    const { code, json, stderr } = await solveJson([folder, '--vary', 'benefits.old_age.retirement_age', '--range', '58:69', '--until', 'actives >= 10 to 2030']);
    expect(code, stderr).toBe(0);
    expect(json).toMatchObject({ solved: true, integer: true, tolerance: null, value: 61, failing_value: 60, projections: 5 });
    expect(json!.steps).toEqual([
      { value: 58, holds: false }, { value: 69, holds: true }, { value: 63, holds: true }, { value: 60, holds: false }, { value: 61, holds: true },
    ]);
    expect(json!.steps.map((step) => step.value)).toEqual(sequenceOf13(58, 69, 0, true, (r) => r >= 61));
  });

  it('refuses fractional ends and --tol for a whole-number path (usage, exit 2)', async () => {
    const minimal = fixture('minimal');
    const fractional = await runSipro(['solve', minimal, '--vary', 'benefits.old_age.vesting_years', '--range', '0.5:10', '--until', 'gap <= 0.1']);
    expect(fractional.code).toBe(2);
    expect(fractional.stderr).toContain('--range "0.5:10": benefits.old_age.vesting_years is a whole number, so the range\'s ends must be whole numbers');
    const tol = await runSipro(['solve', minimal, '--vary', 'benefits.old_age.vesting_years', '--range', '0:10', '--until', 'gap <= 0.1', '--tol', '0.1']);
    expect(tol.code).toBe(2);
    expect(tol.stderr).toContain('--tol: benefits.old_age.vesting_years is a whole number');
  });
});

describe('sipro solve on fixtures/minimal: any --set path, each result checked by project on its own', () => {
  it.each([
    { path: 'contributions.matching.ratio', range: '0:3', until: 'effective_rate >= 0.15' },
    { path: 'groups.traders.compliance', range: '0.2:1', until: 'gap <= 0.04' },
    { path: '@mortality.qx', range: '0.5:2', until: 'gap <= 0.037' },
    { path: 'assumptions.investment_return', range: '0.01:0.1', until: 'reserve_end >= 1000000 from 2030 to 2033' },
  ])('$path in $range until "$until"', async ({ path, range, until }) => {
    const { code, json, stderr } = await solveJson([fixture('minimal'), '--vary', path, '--range', range, '--until', until, '--tol', '1e-3']);
    expect(code, stderr).toBe(0);
    const at = async (value: number) => (await runSipro(['project', fixture('minimal'), '--out', join(await scratchFolder(), 'out'), '--quiet', '--no-entrants',
      '--set', `${path}=${value}`, '--assert', until])).code;
    expect(await at(json!.value!)).toBe(0);
    expect(await at(json!.failing_value!)).toBe(4);
    expect(Math.abs(json!.value! - json!.failing_value!)).toBeLessThanOrEqual(1e-3);
  });

  it('a value of the range the scheme refuses is invalid input (exit 3) naming the end', async () => {
    const run = await runSipro(['solve', fixture('minimal'), '--vary', 'groups.traders.compliance', '--range', '0:1', '--until', 'gap <= 0.04']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('--vary: groups.traders.compliance = 0 (the low end of --range) cannot be projected:');
    expect(run.stderr).toContain('--set: groups.traders.compliance "0" must be a number > 0');
    expect(run.stdout).toBe('');
  });

  it.each([
    [['--range', '0.2:0.1'], '--range "0.2:0.1": LO must be below HI'],
    [['--range', '0.1'], '--range "0.1": expected LO:HI, two numbers, e.g. --range 0.05:0.25'],
    [['--tol', '0'], '--tol "0": expected a number > 0'],
    [['--until', 'gapp <= 1'], '--until "gapp <= 1": unknown name "gapp" at column 1'],
    [['--until', 'reserve_end >= 0 to 2150'], '--until "reserve_end >= 0 to 2150": year 2150 is outside the projection (2025–2034)'],
    [['--vary', 'contributions.rule'], '--vary contributions.rule: the field holds no number'],
    [['--until', 'reserve_ratio_p5 >= 1'], '--until "reserve_ratio_p5 >= 1": reserve_ratio_p5 is a result of many scenarios (sipro simulate)'],
  ])('usage error (exit 2): %j', async (extra, message) => {
    const options = new Map([['--vary', 'contributions.rate'], ['--range', '0.05:0.2'], ['--until', 'gap <= 0.04']]);
    for (let index = 0; index < extra.length; index += 2) options.set(extra[index]!, extra[index + 1]!);
    const run = await runSipro(['solve', fixture('minimal'), ...[...options].flat()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('sipro solve, spawned', () => {
  it('a misspelt --vary stops before any projection, with a "did you mean", exit 3', async () => {
    const run = await spawnSipro(['solve', fixture('minimal'), '--vary', 'contributons.rate', '--range', '0:1', '--until', 'gap <= 0.1'], { cwd: await scratchFolder() });
    expect(run).toEqual({
      code: 3, stdout: '',
      stderr: '--vary: unknown field "contributons" (in contributons.rate); did you mean "contributions"?\n\n1 error, 0 warnings\n',
    });
  });
});
