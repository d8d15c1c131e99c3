/**
 * Hand-worked cases of methodology §13 (the scaled premium), written from the
 * model's text alone, against the public surface: `sipro project DIR --out
 * OUT` writes `scaled_premium.csv` with the columns `period_start,
 * period_end, premium, reserve_start, reserve_end`.
 *
 * §13: for a period [a, b] with starting reserve R (reserve.initial at t0, else
 * what the previous period's premium left), carry `A ← A (1 + i_t) − X_t (1 + i_t)^{1/2}`,
 * `B ← B (1 + i_t) + S_t (1 + i_t)^{1/2}` for t = a … b−1 from A = R, B = 0; then
 * `π = (X_b (1 + i_b)^{1/2} − i_b A) / (i_b B + S_b (1 + i_b)^{1/2})`, and the
 * reserve at the end of b is `A + π B` (the premium makes reserve_end_b = reserve_start_b).
 * X_t is the projection's expenditure, administration as projected (on the
 * projected contributions, not on π S_t); S_t its insured earnings; i_t the investment return.
 *
 * Skipped until the feature lands. The probe: the scheme schema has the
 * `financing` key (§2, §13). When it has, every test here runs.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { schemeSchema } from '../../src/schema/scheme.js';
import { runSipro, scratchFolder } from '../cli/helpers.js';
import { expectClose } from '../support/expect.js';
import { projectScheme } from '../../src/core/project.js';
import { tinyScheme, writeTinyScheme, type TinySchemeOptions } from '../support/scheme.js';

/** The probe: §13's `financing` section is part of scheme.yaml. */
export const SCALED_PREMIUM_PRESENT = 'financing' in schemeSchema.shape;

const scratch: string[] = [];
afterEach(async () => {
  for (const folder of scratch.splice(0)) await rm(folder, { recursive: true, force: true });
});

type Cell = number | null;
interface PremiumRow { period_start: Cell; period_end: Cell; premium: Cell; reserve_start: Cell; reserve_end: Cell }

/** Runs `sipro project` on the tiny scheme and returns the rows of the CSV files named. */
async function project(options: TinySchemeOptions): Promise<{ premiums: PremiumRow[]; header: string; projection: Record<string, Cell>[] }> {
  const folder = await scratchFolder();
  scratch.push(folder);
  const schemeFolder = join(folder, 'scheme');
  await mkdir(schemeFolder);
  await writeTinyScheme(schemeFolder, options);
  const run = await runSipro(['project', schemeFolder, '--out', join(folder, 'out')]);
  expect(run.code, run.stderr).toBe(0);
  const read = async (file: string) => {
    const [header, ...lines] = (await readFile(join(folder, 'out', file), 'utf8')).trimEnd().split('\n');
    const columns = header!.split(',');
    const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, index) => [columns[index]!, cell === '' ? null : Number(cell)])));
    return { header: header!, rows };
  };
  const premiums = await read('scaled_premium.csv');
  return { premiums: premiums.rows as unknown as PremiumRow[], header: premiums.header, projection: (await read('projection.csv')).rows };
}

function expectRows(actual: PremiumRow[], expected: PremiumRow[]): void {
  expect(actual.map((row) => [row.period_start, row.period_end])).toEqual(expected.map((row) => [row.period_start, row.period_end]));
  expected.forEach((row, index) => {
    for (const column of ['premium', 'reserve_start', 'reserve_end'] as const) {
      const label = `${row.period_start}–${row.period_end} ${column}`;
      if (row[column] === null) expect(actual[index]![column], label).toBeNull();
      else expectClose(actual[index]![column], row[column]!, 1e-12, 1e-9, label);
    }
  });
}

/** The §13 closed form for one period: `start` the reserve at a, years a … b as (X, S, i). */
function period(start: number, years: readonly { X: number; S: number; i: number }[]): { premium: number | null; end: number | null } {
  let A = start;
  let B = 0;
  for (const { X, S, i } of years.slice(0, -1)) {
    A = A * (1 + i) - X * Math.sqrt(1 + i);
    B = B * (1 + i) + S * Math.sqrt(1 + i);
  }
  const last = years[years.length - 1]!;
  const denominator = last.i * B + last.S * Math.sqrt(1 + last.i);
  if (last.S === 0 || denominator === 0) return { premium: null, end: null };
  const premium = (last.X * Math.sqrt(1 + last.i) - last.i * A) / denominator;
  return { premium, end: A + premium * B };
}

/** The year-by-year roll of §13 under one premium: a check of the closed form above, not of sipro. */
function rolled(start: number, premium: number, years: readonly { X: number; S: number; i: number }[]): number[] {
  const ends: number[] = [];
  let reserve = start;
  for (const { X, S, i } of years) {
    reserve = reserve * (1 + i) + (premium * S - X) * Math.sqrt(1 + i);
    ends.push(reserve);
  }
  return ends;
}

// ── Scheme A: ten actives aged 50 (retirement 60: none retires), five pensioners aged 61, nobody dies.
// wage_growth 0.04, inflation 0.02, i = {2025: 0.05, 2026: 0.04, 2027 on: 0.03}; flat rule 10 on 100 a month
// (J_t = 1.04^k, k = t − 2025), compliance 1; flat pension 100 a month indexed to prices; administration
// 10 % of contributions; reserve.initial 1000.
//   S_t = 10 × 12 × 100 × 1.04^k;  contributions 10 × 12 × 10 × 1.04^k;  administration 0.1 × that;
//   old-age benefits 5 × 1200 × 1.02^k (p̄ × (1 + idx) each year, E = N with q = 0);  X_t = benefits + administration.
const schemeA = (financing: { period_years: number } | undefined, initial = 1000): TinySchemeOptions => ({
  scheme: {
    projection: { horizon: 4, min_age: 50, max_age: 70 },
    assumptions: { wage_growth: 0.04, inflation: 0.02, investment_return: { 2025: 0.05, 2026: 0.04, 2027: 0.03 } },
    administration: { contribution_share: 0.1 },
    reserve: { initial },
    ...(financing === undefined ? {} : { financing }),
  },
  population: [{ age: 50, status: 'active', count: 10 }, { age: 61, status: 'retired', count: 5, pension_monthly: 100 }],
});
const yearsA = [0.05, 0.04, 0.03, 0.03].map((i, k) => ({
  X: 5 * 1200 * 1.02 ** k + 0.1 * (10 * 120 * 1.04 ** k),
  S: 10 * 1200 * 1.04 ** k,
  i,
}));

// ── Scheme B: the ten actives are 58 and retire at 60 in 2027, so S_2027 = S_2028 = 0.
// Assumptions 0 but i = 0.05; X_2025 = X_2026 = 6000 + 0.1 × 1200 = 6120; X_2027 = X_2028 = 15 × 1200 = 18000.
const schemeB = (periodYears: number): TinySchemeOptions => ({
  scheme: {
    projection: { horizon: 4, min_age: 58, max_age: 70 },
    assumptions: { investment_return: 0.05 },
    administration: { contribution_share: 0.1 },
    reserve: { initial: 1000 },
    financing: { period_years: periodYears },
  },
  population: [{ age: 58, status: 'active', count: 10 }, { age: 61, status: 'retired', count: 5, pension_monthly: 100 }],
});
const yearsB = [
  { X: 6120, S: 12000, i: 0.05 },
  { X: 6120, S: 12000, i: 0.05 },
  { X: 18000, S: 0, i: 0.05 },
  { X: 18000, S: 0, i: 0.05 },
];

describe.skipIf(!SCALED_PREMIUM_PRESENT)('§13 scaled_premium.csv, worked by hand', () => {
  it('two periods of two years: each premium brings the reserve back to its level at the start of the period\'s last year', async () => {
    const first = period(1000, yearsA.slice(0, 2));
    const second = period(first.end!, yearsA.slice(2, 4));
    // Self-check of the arithmetic: rolling year by year under π₁, the reserve at the end of 2026 equals that at its start.
    const [end2025, end2026] = rolled(1000, first.premium!, yearsA.slice(0, 2));
    expectClose(end2026, end2025!, 1e-12, 1e-9);
    expectClose(end2026, first.end!, 1e-12, 1e-9);
    const { premiums, header } = await project(schemeA({ period_years: 2 }));
    expect(header).toBe('period_start,period_end,premium,reserve_start,reserve_end');
    expectRows(premiums, [
      { period_start: 2025, period_end: 2026, premium: first.premium, reserve_start: 1000, reserve_end: first.end },
      { period_start: 2027, period_end: 2028, premium: second.premium, reserve_start: first.end, reserve_end: second.end },
    ]);
  });

  it('one-year periods: π_t = (X_t √(1+i_t) − i_t R) / (S_t √(1+i_t)), the reserve stays at reserve.initial', async () => {
    const { premiums } = await project(schemeA({ period_years: 1 }));
    expectRows(premiums, yearsA.map(({ X, S, i }, k) => ({
      period_start: 2025 + k, period_end: 2025 + k,
      premium: (X * Math.sqrt(1 + i) - i * 1000) / (S * Math.sqrt(1 + i)),
      reserve_start: 1000, reserve_end: 1000,
    })));
  });

  it('one-year periods with no reserve: π_t is the year\'s PAYG cost rate X_t / S_t (projection.csv payg_cost_rate)', async () => {
    const { premiums, projection } = await project(schemeA({ period_years: 1 }, 0));
    expectRows(premiums, yearsA.map(({ X, S }, k) => ({
      period_start: 2025 + k, period_end: 2025 + k, premium: X / S, reserve_start: 0, reserve_end: 0,
    })));
    premiums.forEach((row, k) => expectClose(row.premium, projection[k]!.payg_cost_rate!, 1e-12, 0, `${row.period_start}`));
  });

  it('a last period shorter than period_years: 3 over a 4-year horizon gives 2025–2027 and 2028', async () => {
    const first = period(1000, yearsA.slice(0, 3));
    const second = period(first.end!, yearsA.slice(3, 4)); // A = R, B = 0: π = (X √(1+i) − i R)/(S √(1+i)), end R
    expectClose(second.end!, first.end!, 1e-15);
    const { premiums } = await project(schemeA({ period_years: 3 }));
    expectRows(premiums, [
      { period_start: 2025, period_end: 2027, premium: first.premium, reserve_start: 1000, reserve_end: first.end },
      { period_start: 2028, period_end: 2028, premium: second.premium, reserve_start: first.end, reserve_end: first.end },
    ]);
  });

  it('is written by every project run: without financing, period_years 10 makes one period over the 4-year horizon', async () => {
    const whole = period(1000, yearsA);
    const { premiums } = await project(schemeA(undefined));
    expectRows(premiums, [{ period_start: 2025, period_end: 2028, premium: whole.premium, reserve_start: 1000, reserve_end: whole.end }]);
  });

  it.each([
    {
      periodYears: 1,
      // 2025, 2026: A = 1000, B = 0; 2027: S = 0 → reserve_start 1000, empty premium and reserve_end; no 2028 row.
      rows: [
        { period_start: 2025, period_end: 2025, premium: (6120 * Math.sqrt(1.05) - 50) / (12000 * Math.sqrt(1.05)), reserve_start: 1000, reserve_end: 1000 },
        { period_start: 2026, period_end: 2026, premium: (6120 * Math.sqrt(1.05) - 50) / (12000 * Math.sqrt(1.05)), reserve_start: 1000, reserve_end: 1000 },
        { period_start: 2027, period_end: 2027, premium: null, reserve_start: 1000, reserve_end: null },
      ],
    },
    {
      periodYears: 2,
      rows: [
        { period_start: 2025, period_end: 2026, premium: period(1000, yearsB.slice(0, 2)).premium, reserve_start: 1000, reserve_end: period(1000, yearsB.slice(0, 2)).end },
        { period_start: 2027, period_end: 2028, premium: null, reserve_start: period(1000, yearsB.slice(0, 2)).end, reserve_end: null },
      ],
    },
    {
      periodYears: 3, // the first period's last year, 2027, has S = 0 although 2025 and 2026 have earnings
      rows: [{ period_start: 2025, period_end: 2027, premium: null, reserve_start: 1000, reserve_end: null }],
    },
  ])('a period whose last year has no insured earnings ends the table (period_years $periodYears)', async ({ periodYears, rows }) => {
    const { premiums } = await project(schemeB(periodYears));
    expectRows(premiums, rows);
  });
});

describe('§13 premises, run today: the X_t and S_t worked by hand above are the projection\'s', () => {
  const withoutFinancing = (options: TinySchemeOptions): TinySchemeOptions => ({
    ...options, scheme: { ...options.scheme, financing: undefined },
  });
  it.each([
    { name: 'scheme A', options: schemeA(undefined), years: yearsA },
    { name: 'scheme B', options: schemeB(1), years: yearsB },
  ])('$name', ({ options, years }) => {
    const { projection } = projectScheme(tinyScheme(withoutFinancing(options)));
    years.forEach(({ X, S, i }, k) => {
      expectClose(projection[k]!.expenditure, X, 1e-12, 1e-9, `${2025 + k} expenditure`);
      expectClose(projection[k]!.insured_earnings, S, 1e-12, 1e-9, `${2025 + k} insured earnings`);
      // i_t: reserve_end = reserve_start (1 + i) + (K − X)(1 + i)^½ (§6) gives i back.
      const row = projection[k]!;
      expectClose(row.reserve_end, row.reserve_start * (1 + i) + (row.contributions + row.matching - row.expenditure) * Math.sqrt(1 + i), 1e-12, 1e-9);
    });
  });
});

describe('§13 probe', () => {
  it('is a real switch: the schema either has financing.period_years or has no financing at all', () => {
    const parsed = schemeSchema.safeParse({
      name: 'probe', projection: { base_year: 2025, horizon: 1 },
      assumptions: { wage_growth: 0, inflation: 0, investment_return: 0 },
      contributions: { rule: 'flat', amount: 1 }, groups: { g: {} },
      benefits: { old_age: { retirement_age: 60, formula: 'flat', amount: 1 } },
      financing: { period_years: 3 },
    });
    expect(parsed.success).toBe(SCALED_PREMIUM_PRESENT);
  });
});
