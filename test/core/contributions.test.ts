import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberYear as memberYearOfRule, type MemberYear, type MemberYearInputs } from '../../src/core/contributions.js';
import { contributionRule } from '../../src/core/rules.js';
import type { ContributionFields } from '../../src/schema/scheme.js';
import { gaussLegendre } from '../support/quadrature.js';

// ---------------------------------------------------------------------------
// Rules and inputs
// ---------------------------------------------------------------------------

const BASE_RULE: ContributionFields = {
  rule: 'percent',
  floor: 0,
  ceiling: null,
  insured_income: 0,
  indexation: 'wages',
  affordability: null,
  matching: null,
};

function percent(rate: number, fields: Partial<ContributionFields> = {}): ContributionFields {
  return { ...BASE_RULE, rule: 'percent', rate, ...fields };
}

function flat(amount: number, insuredIncome: number, fields: Partial<ContributionFields> = {}): ContributionFields {
  return { ...BASE_RULE, rule: 'flat', amount, insured_income: insuredIncome, ...fields };
}

function classes(table: [number | null, number, number][], fields: Partial<ContributionFields> = {}): ContributionFields {
  const rows = table.map(([upTo, amount, insuredIncome]) => ({ up_to: upTo, amount, insured_income: insuredIncome }));
  return { ...BASE_RULE, rule: 'classes', classes: rows, ...fields };
}

const FLAT_SEASONS: readonly number[] = Array<number>(12).fill(1);
const MARKET_SEASONS: readonly number[] = [0.6, 0.7, 0.9, 1.1, 1.3, 1.6, 1.4, 1.2, 1.0, 0.8, 0.7, 0.9];

/** §3's inputs with the rule as scheme.yaml's fields (every field of every kind), built as its kind when run. */
type Case = Omit<MemberYearInputs, 'rule'> & { rule: ContributionFields };
const memberYear = (given: Case): MemberYear => memberYearOfRule({ ...given, rule: contributionRule(given.rule) });

function inputs(fields: Partial<Case> & { rule: ContributionFields }): Case {
  return {
    meanAnnualIncome: 3000,
    cv: 0.5,
    zeroMonthProb: 0,
    seasons: FLAT_SEASONS,
    contributionIndex: 1,
    compliance: 1,
    declaredShare: 1,
    ...fields,
  };
}

// ---------------------------------------------------------------------------
// Independent reference: the §3 text applied literally to one month's income,
// integrated numerically. It never computes a breakpoint in closed form: it
// walks a grid of 4000 points in u = ln Y over [λ − 16σ, λ + σ² + 16σ],
// notes where the literal rule changes branch (paid or not, which clamp or
// class, which matching case), locates each change by 80 bisections, and
// integrates each smooth stretch with 20-point Gauss–Legendre on panels of
// width ≤ σ/8. Good to ~1e-13 relative on these cases.
// ---------------------------------------------------------------------------

interface LiteralMonth {
  paid: boolean;
  c: number;
  b: number;
  mc: number;
  branch: string;
}

function literalMonth(rule: ContributionFields, index: number, declaredShare: number, income: number): LiteralMonth {
  const declared = declaredShare * income;
  let c: number;
  let b: number;
  let branch: string;
  if (rule.rule === 'percent') {
    const floor = rule.floor * index;
    const ceiling = rule.ceiling === null ? Infinity : rule.ceiling * index;
    b = Math.min(Math.max(declared, floor), ceiling);
    branch = declared < floor ? 'floor' : declared > ceiling ? 'ceiling' : 'declared';
    c = rule.rate! * b;
  } else if (rule.rule === 'flat') {
    c = rule.amount! * index;
    b = rule.insured_income * index;
    branch = 'flat';
  } else {
    const chosen = rule.classes!.findIndex((row) => row.up_to === null || declared < row.up_to * index);
    c = rule.classes![chosen]!.amount * index;
    b = rule.classes![chosen]!.insured_income * index;
    branch = `class ${chosen}`;
  }
  const paid = income > 0 && (rule.affordability === null || c <= rule.affordability * income * (1 + 1e-12));
  let mc = 0;
  let matchBranch = 'none';
  const matching = rule.matching;
  if (matching !== null && (matching.income_limit === null || income <= matching.income_limit * index)) {
    const cap = matching.cap === null ? Infinity : matching.cap * index;
    mc = Math.min(matching.ratio * c, cap);
    matchBranch = matching.ratio * c <= cap ? 'ratio' : 'cap';
  }
  return { paid, c, b, mc, branch: `${paid} ${branch} ${matchBranch}` };
}

const NODES = 20;
const [GL_X, GL_W] = gaussLegendre(NODES);

/** `[Pr[paid], E[c 1{paid}], E[mc 1{paid}], E[b 1{paid}]]` for one month with income, `ln Y ~ N(λ, σ²)`. */
function integrateMonth(rule: ContributionFields, index: number, declaredShare: number, lambda: number, sigma: number): number[] {
  const at = (u: number) => literalMonth(rule, index, declaredShare, Math.exp(u));
  const from = lambda - 16 * sigma;
  const to = lambda + sigma * sigma + 16 * sigma;
  const steps = 4000;
  const cuts = [from];
  let previous = at(from).branch;
  for (let i = 1; i <= steps; i += 1) {
    const u = from + ((to - from) * i) / steps;
    const branch = at(u).branch;
    if (branch !== previous) {
      let low = from + ((to - from) * (i - 1)) / steps;
      let high = u;
      for (let k = 0; k < 80; k += 1) {
        const middle = (low + high) / 2;
        if (at(middle).branch === previous) low = middle;
        else high = middle;
      }
      cuts.push(high);
      previous = branch;
    }
  }
  cuts.push(to);
  const totals = [0, 0, 0, 0];
  for (let s = 0; s + 1 < cuts.length; s += 1) {
    const start = cuts[s]!;
    const end = cuts[s + 1]!;
    if (!(end > start)) continue;
    const panels = Math.max(1, Math.ceil((end - start) / (sigma / 8)));
    const width = (end - start) / panels;
    for (let p = 0; p < panels; p += 1) {
      const middle = start + (p + 0.5) * width;
      for (let k = 0; k < NODES; k += 1) {
        const u = middle + (GL_X[k]! * width) / 2;
        const z = (u - lambda) / sigma;
        const weight = ((GL_W[k]! * width) / 2) * (Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI)));
        const month = at(u);
        if (!month.paid) continue;
        totals[0]! += weight;
        totals[1]! += weight * month.c;
        totals[2]! += weight * month.mc;
        totals[3]! += weight * month.b;
      }
    }
  }
  return totals;
}

/** §3 by quadrature: d, C, M, S of one member-year. */
function referenceMemberYear(input: Case): MemberYear {
  const sum = input.seasons.reduce((total, factor) => total + factor, 0);
  const variance = Math.log(1 + input.cv * input.cv);
  const sigma = Math.sqrt(variance);
  const nonZero = 1 - input.zeroMonthProb;
  const totals = [0, 0, 0, 0];
  for (const raw of input.seasons) {
    const season = (raw * 12) / sum;
    const monthMean = (input.meanAnnualIncome * season) / (12 * nonZero);
    const month = integrateMonth(input.rule, input.contributionIndex, input.declaredShare, Math.log(monthMean) - variance / 2, sigma);
    for (let k = 0; k < 4; k += 1) totals[k]! += nonZero * month[k]!;
  }
  const pi = input.compliance;
  return { density: (pi * totals[0]!) / 12, contributions: pi * totals[1]!, matching: pi * totals[2]!, insuredEarnings: pi * totals[3]! };
}

/** Each output within `relative` of the expected one (absolute `relative × scale` when expected is 0). */
function expectClose(actual: MemberYear, expected: MemberYear, relative: number, scale = 1): void {
  for (const key of ['density', 'contributions', 'matching', 'insuredEarnings'] as const) {
    const tolerance = relative * Math.max(Math.abs(expected[key]), expected[key] === 0 ? scale : 0);
    expect(Math.abs(actual[key] - expected[key]), `${key}: ${actual[key]} vs ${expected[key]}`).toBeLessThanOrEqual(tolerance);
  }
}

// ---------------------------------------------------------------------------
// Hand-worked cases
// ---------------------------------------------------------------------------

describe('memberYear: hand-worked cases', () => {
  it('runs the JSDoc example (flat rule, J, compliance, zero months)', () => {
    const result = memberYear({
      meanAnnualIncome: 1200, cv: 0.5, zeroMonthProb: 0.25, seasons: Array<number>(12).fill(1),
      rule: { rule: 'flat', amount: 20, insured_income: 100, floor: 0, ceiling: null, indexation: 'wages', affordability: null, matching: null },
      contributionIndex: 1.1, compliance: 0.9, declaredShare: 1,
    });
    expectClose(result, { density: 0.675, contributions: 178.2, matching: 0, insuredEarnings: 891 }, 1e-15);
  });

  // d = π(1 − p0), C = π 12 (1 − p0) amount J, S = π 12 (1 − p0) insured J, M = π 12 (1 − p0) min(ratio amount, cap) J
  it.each([
    // [π, p0, amount, insured, J, matching, expected M per paid month before J]
    [1, 0, 20, 100, 1, null, 0],
    [0.8, 0.3, 15, 200, 1.25, { ratio: 0.5, cap: null, income_limit: null }, 7.5],
    [0.6, 0.1, 40, 0, 2, { ratio: 1, cap: 25, income_limit: null }, 25],
  ] as const)('flat rule without affordability (π %s, p0 %s, amount %s, insured %s, J %s)', (pi, p0, amount, insured, index, matching, matchedMonth) => {
    const result = memberYear(inputs({
      rule: flat(amount, insured, { matching }), compliance: pi, zeroMonthProb: p0, contributionIndex: index, seasons: MARKET_SEASONS,
      meanAnnualIncome: 2400 * index,
    }));
    expectClose(result, {
      density: pi * (1 - p0),
      contributions: pi * 12 * (1 - p0) * amount * index,
      matching: pi * 12 * (1 - p0) * matchedMonth * index,
      insuredEarnings: pi * 12 * (1 - p0) * insured * index,
    }, 1e-14);
  });

  // E[Y] over the months with income adds up to Ȳ: C = π rate κ Ȳ, S = π κ Ȳ, d = π (1 − p0).
  it.each([
    [0.1, 1, 0, 1, FLAT_SEASONS, 0.5],
    [0.07, 0.6, 0.25, 0.9, MARKET_SEASONS, 1.4],
    [0.2, 0.3, 0.6, 0.5, [5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.2], 3],
  ])('percent rule with no floor, ceiling or affordability (rate %s, κ %s, p0 %s, π %s)', (rate, kappa, p0, pi, seasons, cv) => {
    const meanAnnualIncome = 4321;
    const result = memberYear(inputs({ rule: percent(rate), declaredShare: kappa, zeroMonthProb: p0, compliance: pi, seasons, cv, meanAnnualIncome }));
    expectClose(result, {
      density: pi * (1 - p0),
      contributions: pi * rate * kappa * meanAnnualIncome,
      matching: 0,
      insuredEarnings: pi * kappa * meanAnnualIncome,
    }, 1e-13);
  });

  it('rescales seasonal factors to mean 1: factors 2, 2, …, 2 are factors 1', () => {
    const rule = percent(0.1, { floor: 150, ceiling: 600, affordability: 0.3, matching: { ratio: 1, cap: 20, income_limit: 400 } });
    const ones = memberYear(inputs({ rule, declaredShare: 0.8 }));
    const twos = memberYear(inputs({ rule, declaredShare: 0.8, seasons: Array<number>(12).fill(2) }));
    expectClose(twos, ones, 1e-15);
    const scaled = memberYear(inputs({ rule, seasons: MARKET_SEASONS.map((factor) => factor * 3.7) }));
    expectClose(scaled, memberYear(inputs({ rule, seasons: MARKET_SEASONS })), 1e-14);
  });

  it('puts a near-certain income in its class (cv 1e-6, monthly income 200)', () => {
    const table: [number | null, number, number][] = [[150, 10, 100], [null, 40, 400]];
    const result = memberYear(inputs({ rule: classes(table), meanAnnualIncome: 2400, cv: 1e-6 }));
    expectClose(result, { density: 1, contributions: 12 * 40, matching: 0, insuredEarnings: 12 * 400 }, 1e-14);
    // declared 200 × 0.7 = 140 < 150: the first class
    const declaredLow = memberYear(inputs({ rule: classes(table), meanAnnualIncome: 2400, cv: 1e-6, declaredShare: 0.7 }));
    expectClose(declaredLow, { density: 1, contributions: 12 * 10, matching: 0, insuredEarnings: 12 * 100 }, 1e-14);
  });

  it('matches only months at or below income_limit: a limit at the median matches half of them', () => {
    const cv = 0.6;
    const variance = Math.log(1 + cv * cv);
    const median = 250 * Math.exp(-variance / 2); // e^λ for a monthly mean of 250
    const rule = flat(20, 0, { matching: { ratio: 1, cap: 15, income_limit: median } });
    const result = memberYear(inputs({ rule, cv, meanAnnualIncome: 3000, compliance: 0.9 }));
    // min(1 × 20, 15) = 15 on half the paid months
    expect(result.matching).toBeCloseTo(0.9 * 12 * 15 * 0.5, 12);
    expect(result.contributions).toBeCloseTo(0.9 * 12 * 20, 12);
  });

  it('counts the exact tie 0.1 × 0.8 against affordability 0.08 as affordable', () => {
    expect(0.1 * 0.8).toBeGreaterThan(0.08); // the tie is not exact in binary
    const rule = percent(0.1, { affordability: 0.08 });
    const result = memberYear(inputs({ rule, declaredShare: 0.8, zeroMonthProb: 0.2, compliance: 0.5 }));
    expectClose(result, { density: 0.5 * 0.8, contributions: 0.5 * 0.1 * 0.8 * 3000, matching: 0, insuredEarnings: 0.5 * 0.8 * 3000 }, 1e-13);
    // a real shortfall is all or nothing on the declared-income stretch: nothing is paid
    const short = memberYear(inputs({ rule: percent(0.1, { affordability: 0.0799 }), declaredShare: 0.8 }));
    expectClose(short, { density: 0, contributions: 0, matching: 0, insuredEarnings: 0 }, 0);
  });

  it('pays a flat amount only where amount ≤ affordability × Y (mpmath reference)', () => {
    // monthly mean 250, cv 0.5: Pr[Y ≥ 20 / (0.1 (1 + 1e-12))] = 0.59335752160427144357… (mpmath, 40 digits)
    const paid = 0.5933575216042714435;
    const result = memberYear(inputs({ rule: flat(20, 150, { affordability: 0.1 }) }));
    expectClose(result, { density: paid, contributions: 12 * 20 * paid, matching: 0, insuredEarnings: 12 * 150 * paid }, 1e-14);
  });

  it('scales every output by compliance', () => {
    const rule = classes([[100, 5, 80], [250, 12, 200], [null, 30, 500]], { affordability: 0.06, matching: { ratio: 1, cap: 10, income_limit: 500 } });
    const full = memberYear(inputs({ rule, declaredShare: 0.8, seasons: MARKET_SEASONS }));
    const partial = memberYear(inputs({ rule, declaredShare: 0.8, seasons: MARKET_SEASONS, compliance: 0.37 }));
    expectClose(partial, { density: 0.37 * full.density, contributions: 0.37 * full.contributions, matching: 0.37 * full.matching, insuredEarnings: 0.37 * full.insuredEarnings }, 1e-15);
  });
});

describe('memberYear: edge cases', () => {
  it('gives nothing without income (Ȳ = 0)', () => {
    const result = memberYear(inputs({ rule: flat(20, 100), meanAnnualIncome: 0 }));
    expect(result).toEqual({ density: 0, contributions: 0, matching: 0, insuredEarnings: 0 });
  });

  it('credits insured earnings at rate 0: every month with income is paid, at 0', () => {
    const result = memberYear(inputs({ rule: percent(0, { floor: 0, ceiling: null, affordability: 0.1, matching: { ratio: 1, cap: null, income_limit: null } }), declaredShare: 0.9, zeroMonthProb: 0.1 }));
    expectClose(result, { density: 0.9, contributions: 0, matching: 0, insuredEarnings: 0.9 * 3000 }, 1e-13, 1);
  });

  it('ignores an empty class (two equal up_to)', () => {
    const withEmpty = classes([[100, 5, 80], [100, 7, 90], [250, 12, 200], [null, 30, 500]], { affordability: 0.06 });
    const without = classes([[100, 5, 80], [250, 12, 200], [null, 30, 500]], { affordability: 0.06 });
    expectClose(memberYear(inputs({ rule: withEmpty, declaredShare: 0.8 })), memberYear(inputs({ rule: without, declaredShare: 0.8 })), 0);
  });

  it('treats cv so small that σ = 0 as a certain income (percent with a floor)', () => {
    // monthly income 200, declared 100 < floor 150: c = 0.1 × 150 every month
    const result = memberYear(inputs({ rule: percent(0.1, { floor: 150 }), cv: 1e-200, meanAnnualIncome: 2400, declaredShare: 0.5 }));
    expectClose(result, { density: 1, contributions: 12 * 15, matching: 0, insuredEarnings: 12 * 150 }, 1e-15);
  });

  it('approaches the certain income as cv → 0 (cv 1e-9)', () => {
    const result = memberYear(inputs({ rule: percent(0.1, { floor: 150, ceiling: 180 }), cv: 1e-9, meanAnnualIncome: 2400, declaredShare: 0.8 }));
    // declared 160, between floor and ceiling: c = 16
    expectClose(result, { density: 1, contributions: 12 * 16, matching: 0, insuredEarnings: 12 * 160 }, 1e-12);
  });

  it('does not mutate its inputs', () => {
    const rule = classes([[100, 5, 80], [null, 30, 500]], { matching: { ratio: 1, cap: 10, income_limit: 500 } });
    const given = inputs({ rule, seasons: [...MARKET_SEASONS] });
    const copy = structuredClone(given);
    memberYear(given);
    expect(given).toEqual(copy);
  });

  it('rejects a season table without 12 factors', () => {
    expect(() => memberYear(inputs({ rule: flat(1, 1), seasons: [1, 1] }))).toThrow(/12 factors, got 2/);
  });
});

// ---------------------------------------------------------------------------
// Against quadrature of the literal rule
// ---------------------------------------------------------------------------

const QUADRATURE_CASES: ReadonlyArray<readonly [string, Case]> = [
  ['percent, κ < 1, floor, ceiling, affordability, capped and limited matching, seasons, zero months', inputs({
    rule: percent(0.1, { floor: 50, ceiling: 800, affordability: 0.3, matching: { ratio: 1, cap: 15, income_limit: 400 } }),
    meanAnnualIncome: 12 * 250 * 1.3, contributionIndex: 1.3, cv: 0.8, zeroMonthProb: 0.2, seasons: MARKET_SEASONS, declaredShare: 0.7, compliance: 0.85,
  })],
  ['percent where rate κ > affordability: only the ceiling stretch can be paid', inputs({
    rule: percent(0.2, { floor: 30, ceiling: 300, affordability: 0.15 }),
    meanAnnualIncome: 12 * 300, cv: 0.9, declaredShare: 0.9,
  })],
  ['percent, floor stretch partly affordable, matching switches to its cap on the declared stretch', inputs({
    rule: percent(0.1, { floor: 100, affordability: 0.2, matching: { ratio: 2, cap: 30, income_limit: null } }),
    meanAnnualIncome: 12 * 260, cv: 0.7, declaredShare: 0.5, zeroMonthProb: 0.15, seasons: MARKET_SEASONS,
  })],
  ['percent with a wide income spread (cv 2.5)', inputs({
    rule: percent(0.12, { floor: 40, ceiling: 2000, matching: { ratio: 0.5, cap: 50, income_limit: 1500 } }),
    meanAnnualIncome: 12 * 400, cv: 2.5, contributionIndex: 1.7, declaredShare: 0.6,
  })],
  ['percent with a narrow spread across the floor (cv 0.01), unaffordable just below it', inputs({
    rule: percent(0.1, { floor: 198, ceiling: 400, affordability: 0.1 }),
    meanAnnualIncome: 12 * 200, cv: 0.01,
  })],
  ['flat with affordability, capped matching and an income limit', inputs({
    rule: flat(20, 150, { affordability: 0.1, matching: { ratio: 0.5, cap: 8, income_limit: 300 } }),
    meanAnnualIncome: 12 * 250 * 1.1, contributionIndex: 1.1, cv: 0.6, zeroMonthProb: 0.3, seasons: MARKET_SEASONS, compliance: 0.7,
  })],
  ['classes with an empty class, affordability and matching', inputs({
    rule: classes([[100, 5, 80], [100, 7, 90], [250, 12, 200], [null, 30, 500]], { affordability: 0.06, matching: { ratio: 1, cap: 10, income_limit: 500 } }),
    meanAnnualIncome: 12 * 220 * 1.1, contributionIndex: 1.1, cv: 0.9, declaredShare: 0.8, seasons: MARKET_SEASONS,
  })],
  ['percent at rate 0 with a floor, no ceiling and affordability (0 × ∞ must not cut the range)', inputs({
    rule: percent(0, { floor: 100, affordability: 0.2, matching: { ratio: 1, cap: null, income_limit: 300 } }),
    meanAnnualIncome: 12 * 180, cv: 0.9, declaredShare: 0.6, seasons: MARKET_SEASONS,
  })],
  ['classes without affordability, zero months', inputs({
    rule: classes([[80, 4, 60], [160, 9, 120], [320, 18, 240], [null, 36, 480]]),
    meanAnnualIncome: 12 * 150, cv: 1.2, zeroMonthProb: 0.4, declaredShare: 0.75,
  })],
];

describe('memberYear against quadrature of the literal §3 rule', () => {
  it.each(QUADRATURE_CASES)('%s (1e-9 relative)', (_what, given) => {
    expectClose(memberYear(given), referenceMemberYear(given), 1e-9, 1);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const money = (max: number) => fc.double({ min: 0, max, noNaN: true });
const matchingArbitrary = fc.option(
  fc.record({
    ratio: fc.double({ min: 0, max: 2, noNaN: true }),
    cap: fc.option(money(100), { nil: null }),
    income_limit: fc.option(money(2000), { nil: null }),
  }),
  { nil: null },
);
const affordabilityArbitrary = fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: null });

const percentArbitrary = fc
  .record({ rate: fc.double({ min: 0, max: 1, noNaN: true }), floor: money(500), width: fc.option(money(2000), { nil: null }), affordability: affordabilityArbitrary, matching: matchingArbitrary })
  .map(({ rate, floor, width, affordability, matching }) => percent(rate, { floor, ceiling: width === null ? null : floor + width, affordability, matching }));
const flatArbitrary = fc
  .record({ amount: money(100), insured: money(1000), affordability: affordabilityArbitrary, matching: matchingArbitrary })
  .map(({ amount, insured, affordability, matching }) => flat(amount, insured, { affordability, matching }));
const classesArbitrary = fc
  .record({
    rows: fc.array(fc.tuple(money(1000), money(100), money(1000)), { minLength: 0, maxLength: 4 }),
    top: fc.tuple(money(100), money(1000)),
    affordability: affordabilityArbitrary,
    matching: matchingArbitrary,
  })
  .map(({ rows, top, affordability, matching }) => {
    const sorted = [...rows].sort((a, b) => a[0] - b[0]);
    const table: [number | null, number, number][] = [...sorted, [null, top[0], top[1]]];
    return classes(table, { affordability, matching });
  });
const ruleArbitrary = fc.oneof(percentArbitrary, flatArbitrary, classesArbitrary);

const inputsArbitrary = fc.record({
  rule: ruleArbitrary,
  meanAnnualIncome: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e5, noNaN: true })),
  cv: fc.double({ min: 0.001, max: 3, noNaN: true }),
  zeroMonthProb: fc.double({ min: 0, max: 0.95, noNaN: true }),
  seasons: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 12, maxLength: 12 }),
  contributionIndex: fc.double({ min: 0.2, max: 10, noNaN: true }),
  compliance: fc.double({ min: 0.01, max: 1, noNaN: true }),
  declaredShare: fc.double({ min: 0.05, max: 1, noNaN: true }),
});

describe('memberYear properties', () => {
  it('gives finite outputs ≥ 0 with density ≤ compliance × (1 − p0)', () => {
    fc.assert(fc.property(inputsArbitrary, (given) => {
      const result = memberYear(given);
      const values = [result.density, result.contributions, result.matching, result.insuredEarnings];
      return values.every((value) => Number.isFinite(value) && value >= 0)
        && result.density <= given.compliance * (1 - given.zeroMonthProb) * (1 + 1e-14);
    }), { numRuns: 300 });
  });

  it('never lowers contributions when the floor rises (percent, no affordability)', () => {
    fc.assert(fc.property(
      inputsArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), money(500), money(500), fc.option(money(2000), { nil: null }),
      (given, rate, x, y, width) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const ceiling = width === null ? null : high + width;
        const lower = memberYear({ ...given, rule: percent(rate, { floor: low, ceiling }) });
        const higher = memberYear({ ...given, rule: percent(rate, { floor: high, ceiling }) });
        return higher.contributions >= lower.contributions * (1 - 1e-12);
      },
    ), { numRuns: 200 });
  });

  it('scales C, M and S by λ and leaves d unchanged when Ȳ and J both scale by λ', () => {
    fc.assert(fc.property(inputsArbitrary, fc.double({ min: 0.1, max: 20, noNaN: true }), (given, factor) => {
      const base = memberYear(given);
      const scaled = memberYear({ ...given, meanAnnualIncome: given.meanAnnualIncome * factor, contributionIndex: given.contributionIndex * factor });
      // a breakpoint that lands within rounding of a region edge may move by an ulp:
      // allow 1e-9 relative to the member-year's scale (its largest flow, or its mean income)
      const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(b), scale);
      const flows = Math.max(base.contributions, base.insuredEarnings, 1e-300) * factor;
      return close(scaled.density, base.density, 1)
        && close(scaled.contributions, base.contributions * factor, flows)
        && close(scaled.matching, base.matching * factor, flows)
        && close(scaled.insuredEarnings, base.insuredEarnings * factor, flows);
    }), { numRuns: 300 });
  });
});

// ---------------------------------------------------------------------------
// Regressions found by the properties
// ---------------------------------------------------------------------------

describe('memberYear regressions', () => {
  // The counterexample of "never lowers contributions when the floor rises"
  // seen once with a lost seed, found again with FC_SEED=2: a rate of 7e-323
  // is subnormal, so rate × floor and rate × κ kept one or two significant
  // bits each (7e-323 × 0.25 rounds to 2e-323, 14 % off) and C fell by 0.5 %
  // when the floor rose. §3's c = rate × b on every piece makes C = rate × S:
  // one product, monotone wherever S is.
  const lostSeed = {
    meanAnnualIncome: 4837.102251781656, cv: 0.001, zeroMonthProb: 0, contributionIndex: 0.2, compliance: 0.01, declaredShare: 0.25,
    seasons: [0.1, 4.354388129711147, 2.1871557569235516, 0.4215067877614381, 4.337557226419439, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
  };

  it('never lowers C when the floor rises, even at a subnormal rate (7e-323)', () => {
    const lower = memberYear({ ...lostSeed, rule: percent(7e-323, { floor: 0 }) });
    const higher = memberYear({ ...lostSeed, rule: percent(7e-323, { floor: 49.8273714351973 }) });
    expect(higher.insuredEarnings).toBeGreaterThan(lower.insuredEarnings);
    expect(higher.contributions).toBeGreaterThanOrEqual(lower.contributions);
  });

  it.each([0.1, 0.07, 1e-10])('gives C = rate × S for a percent rule (rate %s; §3: c = rate × b month by month)', (rate) => {
    const rule = percent(rate, { floor: 150, ceiling: 600, affordability: 0.3, matching: { ratio: 1, cap: 20, income_limit: 400 } });
    const result = memberYear(inputs({ rule, declaredShare: 0.8, zeroMonthProb: 0.1, seasons: MARKET_SEASONS }));
    expect(Math.abs(result.contributions / (rate * result.insuredEarnings) - 1)).toBeLessThan(1e-14);
  });

  it('ends the class search above a breakpoint near the largest double (up_to / κ = 1e308)', () => {
    // κ = 1e-299 puts the class boundary 1e9 at Y = 1e308: every real month
    // (monthly mean 200) declares less than 1e9 and pays the first class.
    const rule = classes([[1e9, 10, 100], [null, 40, 400]]);
    const result = memberYear(inputs({ rule, meanAnnualIncome: 2400, declaredShare: 1e-299 }));
    expectClose(result, { density: 1, contributions: 12 * 10, matching: 0, insuredEarnings: 12 * 100 }, 1e-15);
  });
});
