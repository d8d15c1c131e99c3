/**
 * The worked example of docs/methodology/contributions.md (§3.9) against sipro.
 *
 * The document's tables were computed independently of sipro by
 * test/docs/methodology-example.py, from the formulas of §3 (Python's
 * math.erfc, cross-checked with mpmath at 40 digits). This test reads the
 * numbers back from the Markdown, so neither the document nor the code can
 * drift: sipro's memberYear, normalCdf and lognormal interval terms must agree
 * with every printed figure to 1e-9 relative (the figures carry 12
 * significant digits, so their rounding is below 1e-11). It also checks that
 * the example's inputs are still those of fixtures/demo.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { partialExpectation, probabilityBetween } from '../../src/core/lognormal.js';
import { type ContributionRule, memberYear, type MemberYearInputs, normalCdf } from '../../src/index.js';

const RELATIVE_TOLERANCE = 1e-9;
const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, root)), 'utf8');
const documentPath = 'docs/methodology/contributions.md';
const markdown = read(documentPath);

/** The body rows of the table that follows `<!-- example-table: NAME -->`, as trimmed cells. */
function exampleTable(name: string): string[][] {
  const marker = `<!-- example-table: ${name} -->`;
  const start = markdown.indexOf(marker);
  if (start < 0) throw new Error(`${documentPath} has no table marked "${marker}"`);
  const lines = markdown.slice(start + marker.length).split('\n').slice(1);
  const table: string[][] = [];
  for (const line of lines) {
    if (!line.startsWith('|')) break;
    table.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return table.slice(2); // header and separator
}

/** A printed number: `∞` is Infinity; anything else must parse whole. */
function numberIn(cell: string): number {
  if (cell === '∞') return Infinity;
  const value = Number(cell);
  if (cell === '' || !Number.isFinite(value)) throw new Error(`${documentPath}: "${cell}" is not a number`);
  return value;
}

/** A printed form on a piece: `3165` (constant α) or `0.06 Y` (β Y), as [α, β]. */
function formIn(cell: string): [number, number] {
  return cell.endsWith(' Y') ? [0, numberIn(cell.slice(0, -2))] : [numberIn(cell), 0];
}

function expectClose(actual: number, printed: number, what: string): void {
  const scale = Math.max(Math.abs(printed), Number.MIN_VALUE);
  expect(Math.abs(actual - printed) / scale, `${what}: sipro ${actual}, document ${printed}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
}

// The demo scheme in 2026: J = Iw = 1 + wage_growth_2025.
const INDEX_2026 = 1.055;
/** The fields every rule of the demo shares: the default rule's, inherited by both groups. */
const COMMON = { indexation: 'wages', affordability: 0.15, matching: { ratio: 0.5, cap: 2500, income_limit: 100000 } } as const;
/** The demo's default rule, used as it is by the artisans. */
const DEFAULT_RULE: ContributionRule = { rule: 'percent', rate: 0.1, floor: 40000, ceiling: 750000, ...COMMON };

interface Example {
  name: 'traders' | 'artisans';
  group: string;
  /** The income row of women aged 25–34. */
  income: { mean: number; cv: number; zeroMonthProb: number; seasons: number[] };
  compliance: number;
  declaredShare: number;
  rule: ContributionRule;
}

const EXAMPLES: Example[] = [
  {
    name: 'traders',
    group: 'market_traders',
    income: { mean: 80000, cv: 0.9, zeroMonthProb: 0.08, seasons: [0.95, 0.9, 0.95, 1, 1.05, 1.05, 0.9, 0.85, 0.9, 1, 1.05, 1.4] },
    compliance: 0.75,
    declaredShare: 0.8,
    rule: {
      rule: 'classes',
      ...COMMON,
      classes: [
        { up_to: 50000, amount: 3000, insured_income: 30000 },
        { up_to: 100000, amount: 6000, insured_income: 60000 },
        { up_to: 200000, amount: 12000, insured_income: 120000 },
        { up_to: null, amount: 20000, insured_income: 200000 },
      ],
    },
  },
  {
    name: 'artisans',
    group: 'artisans',
    income: { mean: 75000, cv: 0.6, zeroMonthProb: 0.05, seasons: [0.95, 0.95, 1, 1, 1.05, 1.15, 0.9, 0.85, 0.95, 1, 1, 1.2] },
    compliance: 0.85,
    declaredShare: 0.6,
    rule: DEFAULT_RULE,
  },
];

function inputsOf(example: Example, fields: Partial<MemberYearInputs> = {}): MemberYearInputs {
  return {
    meanAnnualIncome: 12 * example.income.mean * INDEX_2026,
    cv: example.income.cv,
    zeroMonthProb: example.income.zeroMonthProb,
    seasons: example.income.seasons,
    rule: example.rule,
    contributionIndex: INDEX_2026,
    compliance: example.compliance,
    declaredShare: example.declaredShare,
    ...fields,
  };
}

describe.each(EXAMPLES)('methodology §3.9 worked example: $name', (example) => {
  const seasonSum = example.income.seasons.reduce((sum, season) => sum + season, 0);
  const p0 = example.income.zeroMonthProb;
  const variance = Math.log1p(example.income.cv ** 2);
  const sigma = Math.sqrt(variance);
  const annualMean = 12 * example.income.mean * INDEX_2026;
  const monthMean = (month: number) => annualMean * (example.income.seasons[month - 1]! * 12 / seasonSum) / (12 * (1 - p0));
  const lambda = (month: number) => Math.log(monthMean(month)) - variance / 2;

  it('prints Ȳ, σ² and σ as §3.1 defines them', () => {
    const [annual, printedVariance, printedSigma] = exampleTable(`${example.name}-constants`).map((row) => numberIn(row[1]!));
    expectClose(annualMean, annual!, 'Ȳ');
    expectClose(variance, printedVariance!, 'σ²');
    expectClose(sigma, printedSigma!, 'σ');
  });

  it('gives each piece the contribution, base and matching sipro applies to an income inside it', () => {
    const pieces = exampleTable(`${example.name}-pieces`);
    pieces.forEach((row, index) => {
      const [from, to] = [numberIn(row[1]!), numberIn(row[2]!)];
      if (index > 0) expect(from, `piece ${index + 1} starts where piece ${index} ends`).toBe(numberIn(pieces[index - 1]![2]!));
      // An income concentrated at one point inside the piece (cv 1e-6, every month alike, no zero months):
      // sipro's per-month expectations are then the piece's forms evaluated at that income.
      const income = to === Infinity ? 2 * from : Math.sqrt(from * to);
      const month = memberYear(inputsOf(example, { meanAnnualIncome: 12 * income, cv: 1e-6, zeroMonthProb: 0, seasons: Array<number>(12).fill(1), compliance: 1 }));
      const at = (cell: string) => { const [alpha, beta] = formIn(cell); return alpha + beta * income; };
      expect(month.density, `piece ${index + 1} is paid`).toBeCloseTo(1, 12);
      expectClose(month.contributions / 12, at(row[3]!), `c on piece ${index + 1}`);
      expectClose(month.insuredEarnings / 12, at(row[4]!), `b on piece ${index + 1}`);
      if (at(row[5]!) === 0) expect(month.matching).toBeLessThan(1e-9 * month.contributions);
      else expectClose(month.matching / 12, at(row[5]!), `mc on piece ${index + 1}`);
    });
    // Below the first piece a month is not paid (the affordability bound, §3.3).
    const below = 0.999 * numberIn(pieces[0]![1]!);
    const unpaid = memberYear(inputsOf(example, { meanAnnualIncome: 12 * below, cv: 1e-6, zeroMonthProb: 0, seasons: Array<number>(12).fill(1), compliance: 1 }));
    expect(unpaid.density).toBeLessThan(1e-12);
  });

  it('prints April’s standardised bounds and Φ as sipro computes them', () => {
    for (const row of exampleTable(`${example.name}-bounds-month-4`)) {
      const [bound, z, phi, zShifted, phiShifted] = row.map(numberIn) as [number, number, number, number, number];
      expectClose((Math.log(bound) - lambda(4)) / sigma, z, `(ln ${bound} − λ)/σ`);
      expectClose(normalCdf(z), phi, `Φ(${z})`);
      expectClose((Math.log(bound) - lambda(4) - variance) / sigma, zShifted, `(ln ${bound} − λ − σ²)/σ`);
      expectClose(normalCdf(zShifted), phiShifted, `Φ(${zShifted})`);
    }
  });

  it('prints April’s interval terms as sipro’s lognormal functions compute them', () => {
    const pieces = exampleTable(`${example.name}-pieces`);
    exampleTable(`${example.name}-month-4`).forEach((row, index) => {
      const [from, to] = [numberIn(pieces[index]![1]!), numberIn(pieces[index]![2]!)];
      expectClose(probabilityBetween(from, to, lambda(4), sigma), numberIn(row[1]!), `Pr[piece ${index + 1}]`);
      expectClose(partialExpectation(from, to, lambda(4), sigma), numberIn(row[2]!), `E[Y; piece ${index + 1}]`);
    });
  });

  it('prints each month’s figures as sipro’s memberYear gives them for that month alone', () => {
    const months = exampleTable(`${example.name}-months`);
    expect(months.map((row) => numberIn(row[0]!))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const row of months) {
      const [month, season, mean, logMean, paid, contribution, matching, base] = row.map(numberIn) as number[];
      expectClose(example.income.seasons[month! - 1]! * 12 / seasonSum, season!, `s_${month}`);
      expectClose(monthMean(month!), mean!, `ȳ_${month}`);
      expectClose(lambda(month!), logMean!, `λ_${month}`);
      // Twelve months alike, each as month m: memberYear's d = (1 − p0) Pr[paid], C = 12 (1 − p0) E[c·1{paid}].
      const alone = memberYear(inputsOf(example, { meanAnnualIncome: 12 * (1 - p0) * monthMean(month!), seasons: Array<number>(12).fill(1), compliance: 1 }));
      expectClose(alone.density / (1 - p0), paid!, `Pr[paid] in month ${month}`);
      expectClose(alone.contributions / (12 * (1 - p0)), contribution!, `E[c·1{paid}] in month ${month}`);
      expectClose(alone.matching / (12 * (1 - p0)), matching!, `E[mc·1{paid}] in month ${month}`);
      expectClose(alone.insuredEarnings / (12 * (1 - p0)), base!, `E[b·1{paid}] in month ${month}`);
    }
  });

  it('sums the months into the printed totals', () => {
    const months = exampleTable(`${example.name}-months`).map((row) => row.map(numberIn));
    const sums = exampleTable(`${example.name}-sums`)[0]!.map(numberIn);
    [4, 5, 6, 7].forEach((column, index) => {
      expectClose(months.reduce((sum, row) => sum + row[column]!, 0), sums[index]!, `Σ of column ${column + 1}`);
    });
  });

  it('gives the member-year d, C, M and S that sipro’s memberYear computes', () => {
    const result = memberYear(inputsOf(example));
    const printed = Object.fromEntries(exampleTable(`${example.name}-result`).map((row) => [row[0]!, numberIn(row[1]!)]));
    expectClose(result.density, printed['density d']!, 'd');
    expectClose(result.contributions, printed['own contributions C']!, 'C');
    expectClose(result.matching, printed['matching M']!, 'M');
    expectClose(result.insuredEarnings, printed['insured earnings S']!, 'S');
  });
});

describe('methodology §3.9 uses the inputs of fixtures/demo', () => {
  const scheme = parseYaml(read('fixtures/demo/scheme.yaml')) as {
    projection: { base_year: number };
    assumptions: { wage_growth: Record<string, number> };
    contributions: Record<string, unknown>;
    groups: Record<string, { compliance: number; declared_share: number; contributions: Record<string, unknown> }>;
  };
  const income = parseCsv(read('fixtures/demo/income.csv'), { columns: true }) as Record<string, string>[];
  const hint = 'fixtures/demo changed: update docs/methodology/contributions.md §3.9 (test/docs/methodology-example.py prints its tables) and this test';

  it('indexes 2026 by the demo wage growth of 2025, with wage-indexed rules', () => {
    expect(scheme.projection.base_year, hint).toBe(2025);
    expect(1 + scheme.assumptions.wage_growth['2025']!, hint).toBe(INDEX_2026);
    expect(scheme.contributions, hint).toEqual(DEFAULT_RULE);
  });

  it.each(EXAMPLES)('takes the rule and the women of 25–34 of $group from the demo', (example) => {
    const group = scheme.groups[example.group]!;
    expect({ compliance: group.compliance, declaredShare: group.declared_share }, hint)
      .toEqual({ compliance: example.compliance, declaredShare: example.declaredShare });
    if (example.rule.rule === 'classes') expect(group.contributions, hint).toEqual({ rule: 'classes', classes: example.rule.classes });
    else expect(group.contributions, hint).toEqual({});
    const row = income.find((line) => line.group === example.group && ['F', '*'].includes(line.sex!) && Number(line.age_from) <= 30 && Number(line.age_to) >= 30)!;
    expect({
      mean: Number(row.mean_monthly_income),
      cv: Number(row.cv),
      zeroMonthProb: Number(row.zero_month_prob),
      seasons: Array.from({ length: 12 }, (_, index) => Number(row[`season_${index + 1}`])),
    }, hint).toEqual(example.income);
  });
});
