/**
 * Unit tests of the functions that carry methodology §11 (portability) and §12
 * (care credits) inside the engine: the awards' pro-rata, the care-credit
 * split, the gender pension gap, and the year steps that touch W cells and
 * care credits, each run alone on a state built by hand. Expected figures
 * are worked out here from the sections' formulas (the working is in the
 * comments). The hand-worked projections of §11 and §12 through the public
 * outputs live in their own file, written apart from the engine.
 */
import { describe, expect, it } from 'vitest';
import { disabilityAward, oldAgeAward, proRata } from '../../src/core/awards.js';
import { Flow, FLOW_WIDTH, flowRow } from '../../src/core/flows.js';
import { genderPensionGap } from '../../src/core/indicators.js';
import { memberCellIndex, rowIndex, slotIndex } from '../../src/core/layout.js';
import { buildModel, type ProjectionModel } from '../../src/core/model.js';
import { initialState } from '../../src/core/population.js';
import { deterministicScenario } from '../../src/core/scenario.js';
import {
  ACTIVE, type CohortState, CREDITS, EARNINGS, emigratedPart, emptyState, HEADS, inactivePart, occupy, OLD_AGE, OWN_BALANCE,
  PENSION, PENSIONER_STRIDE,
} from '../../src/core/state.js';
import { timelineOf } from '../../src/core/timeline.js';
import { enterYear, type YearContext, yearContext } from '../../src/core/year/context.js';
import { enter } from '../../src/core/year/enter.js';
import { move } from '../../src/core/year/move.js';
import { retire } from '../../src/core/year/retire.js';
import type { DisabilityBenefit, OldAgeBenefit } from '../../src/schema/scheme.js';
import { populationRowSchema } from '../../src/schema/tables.js';
import { expectClose } from '../support/expect.js';
import { type SchemePatch, tinyScheme, type TinySchemeOptions } from '../support/scheme.js';

describe('proRata: ρ = c̄ / (c̄ + f̄), 1 when f̄ = 0 (§11)', () => {
  it.each([
    [15, 5, 0.75],
    [10, 0, 1],
    [0, 0, 1], // no credits at all: 1, not 0/0
    [0, 4, 0],
    [2.5, 7.5, 0.25],
  ])('proRata(%s, %s) = %s', (credits, foreign, expected) => {
    expect(proRata(credits, foreign)).toBe(expected);
  });
});

const oldAge = (rule: Partial<OldAgeBenefit>): OldAgeBenefit => ({
  retirement_age: 60, vesting_years: 0, formula: 'flat', min_pension: 0, refund: 'own', indexation: 'prices', ...rule,
});

describe('oldAgeAward: max(Aw × ρ_A, 12 × J × min_pension × ρ) (§5, §11)', () => {
  // ρ = 15 / (15 + 5) = 0.75 for every row but the last.
  it.each([
    ['flat: ρ_A = ρ', { formula: 'flat', amount: 100 }, 1, NaN, 1200 * 0.75],
    ['flat, J = 1.1', { formula: 'flat', amount: 100 }, 1.1, NaN, 1200 * 1.1 * 0.75],
    ['flat under the pro-rated minimum', { formula: 'flat', amount: 100, min_pension: 120 }, 1, NaN, 1440 * 0.75],
    ['career average: ρ_A = 1', { formula: 'career_average', accrual: 0.01 }, 1, NaN, 0.01 * 50000],
    ['career average under the pro-rated minimum: 1200 × 0.75 = 900 > 500', { formula: 'career_average', accrual: 0.01, min_pension: 100 }, 1, NaN, 900],
    ['account: ρ_A = 1', { formula: 'account', annuity_rate: 0.03 }, 1, 20, 10000 / 20],
  ] as const)('%s', (_, rule, benefitIndex, annuityFactor, expected) => {
    const averages = { credits: 15, earnings: 50000, balance: 10000, foreignCredits: 5 };
    expectClose(oldAgeAward(oldAge(rule), averages, benefitIndex, annuityFactor), expected);
  });

  it('is §5\'s award when f̄ = 0, to the bit', () => {
    const rule = oldAge({ formula: 'flat', amount: 100, min_pension: 30 });
    expect(oldAgeAward(rule, { credits: 7, earnings: 0, balance: 0, foreignCredits: 0 }, 1.2345, NaN)).toBe(Math.max(100 * 12 * 1.2345, 30 * 12 * 1.2345));
  });
});

describe('disabilityAward: max(Aw\' ρ\', 12 J_{t+1} min_pension ρ\') on the year-end c̄\', f̄\' (§5, §11)', () => {
  const replacement: DisabilityBenefit = { vesting_years: 0, formula: 'replacement', replacement: 0.4, amount: 0, mortality_multiplier: 1 };
  const flat: DisabilityBenefit = { ...replacement, formula: 'flat', amount: 50 };
  it.each([
    // 0.4 × 50000 / 10 = 2000 > 1200, × ρ' = 10 / 20
    ['replacement above the minimum', replacement, { credits: 10, earnings: 50000, foreignCredits: 10 }, 1000],
    // 0.4 × 20000 / 10 = 800 < 1200: the minimum, pro-rated
    ['replacement under the minimum', replacement, { credits: 10, earnings: 20000, foreignCredits: 10 }, 600],
    // flat 50 × 12 = 600 < 1200: the minimum × 10 / 40
    ['flat, every formula is pro-rated', flat, { credits: 10, earnings: 0, foreignCredits: 30 }, 300],
    ['without foreign credits, §5 alone', replacement, { credits: 10, earnings: 50000, foreignCredits: 0 }, 2000],
  ] as const)('%s', (_, rule, yearEnd, expected) => {
    expectClose(disabilityAward(rule, 100, { ...yearEnd, balance: 0 }, 1), expected);
  });
});

describe('genderPensionGap: 1 − a_F / a_M of the new awards in money of t0 (§7)', () => {
  const row = (year: number, sex: 'F' | 'M', awards: number, amount: number) => ({ year, sex, old_age_awards: awards, old_age_award_amount: amount });
  it('averages every year\'s awards deflated by Iw_t', () => {
    // a_F = (1600 + 1100 / 1.1) / 3 = 2600 / 3; a_M = (2200 / 1.1) / 2 = 1000
    const rows = [row(2025, 'F', 2, 1600), row(2025, 'M', 0, 0), row(2026, 'F', 1, 1100), row(2026, 'M', 2, 2200)];
    expectClose(genderPensionGap(rows, 2025, [1, 1.1]), 1 - 2600 / 3 / 1000);
  });
  it.each([
    ['no woman is awarded', [row(2025, 'M', 1, 100)]],
    ['no man is awarded', [row(2025, 'F', 1, 100)]],
    ['men\'s awards are all 0 (a_M = 0 divides)', [row(2025, 'F', 1, 100), row(2025, 'M', 1, 0)]],
    ['no rows', []],
  ])('is null when %s', (_, rows) => {
    expect(genderPensionGap(rows, 2025, [1])).toBeNull();
  });
  it('is negative when women get more', () => {
    expectClose(genderPensionGap([row(2025, 'F', 1, 150), row(2025, 'M', 1, 100)], 2025, [1]), -0.5);
  });
});

// ---- The year steps, one at a time, on a hand-made state ----------------------

/** A model of the tiny scheme (support/scheme.ts: ages 58–62, retirement 60, every index 1 unless set). */
function modelOf(options: TinySchemeOptions): ProjectionModel {
  return buildModel(tinyScheme(options));
}

function contextOf(model: ProjectionModel): YearContext {
  const context = yearContext(model, timelineOf(model, deterministicScenario(model)));
  enterYear(context, 0);
  return context;
}

type Part = 'A' | 'I' | 'W';

/** Where a member part starts: cell (group 0, sex, age, bin), part A, I or W. */
function at(model: ProjectionModel, sex: number, age: number, bin: number, part: Part): number {
  const { layout } = model;
  const offset = part === 'A' ? ACTIVE : part === 'I' ? inactivePart(layout) : emigratedPart(layout);
  return (memberCellIndex(layout, rowIndex(0, sex), age - layout.minAge) + bin) * layout.memberStride + offset;
}

/** Where heads, credits, earnings, balance, own balance, foreign credits lie in a part; -1 where the layout has no such sum. */
const offsets = (model: ProjectionModel) => [HEADS, CREDITS, EARNINGS, model.layout.balanceSum, OWN_BALANCE, model.layout.foreignSum];

function put(model: ProjectionModel, state: CohortState, sex: number, age: number, bin: number, part: Part, sums: number[]): void {
  const where = at(model, sex, age, bin, part);
  offsets(model).forEach((offset, index) => {
    if (offset >= 0) state.members[where + offset] = sums[index]!;
    else if (sums[index] !== 0) throw new Error(`the model's cells carry no sum ${index}: a test scheme must read what the test puts`);
  });
  occupy(state.memberAges, rowIndex(0, sex), age - model.layout.minAge);
}

/** [heads, credits, earnings, balance, own balance, foreign credits] of a member part; 0 for a sum the layout does not carry. */
function sumsAt(model: ProjectionModel, state: CohortState, sex: number, age: number, bin: number, part: Part): number[] {
  const where = at(model, sex, age, bin, part);
  return offsets(model).map((offset) => (offset < 0 ? 0 : state.members[where + offset]!));
}

function expectSums(actual: number[], expected: number[], label: string): void {
  expected.forEach((value, index) => expectClose(actual[index], value, 1e-12, 1e-9, `${label} [${index}]`));
}

describe('the member state: a W part only with emigration, b̄ only where read, f̄ only with totalization (state.ts memberSumsOf)', () => {
  it('is 4 sums a part (N, N c̄, N w̄, N ō) in a flat scheme with own refunds, 2 parts without emigration, 3 with', () => {
    expect(modelOf({}).layout.memberStride).toBe(8);
    expect(modelOf({ rates: [{ age: 58, emigration: 0.01 }] }).layout.memberStride).toBe(12);
    expect(modelOf({}).emigrates).toBe(false);
  });
  it('carries N b̄ with account refunds or the account formula, and N f̄ with totalization', () => {
    const flat = { retirement_age: 60, formula: 'flat', amount: 100 } as const;
    type OldAge = NonNullable<NonNullable<SchemePatch['benefits']>['old_age']>;
    const layoutOf = (old_age: OldAge, totalization = false) => modelOf({ scheme: { benefits: { old_age }, portability: { totalization } } }).layout;
    expect(layoutOf({ ...flat, refund: 'account' })).toMatchObject({ memberPart: 5, balanceSum: 4, foreignSum: -1, memberStride: 10 });
    expect(layoutOf({ retirement_age: 60, formula: 'account', annuity_rate: 0.03 })).toMatchObject({ balanceSum: 4, memberStride: 10 });
    expect(layoutOf(flat, true)).toMatchObject({ memberPart: 5, balanceSum: -1, foreignSum: 4, memberStride: 10 });
  });
});

describe('initialState with foreign credits (§2, §11)', () => {
  const row = populationRowSchema.parse({ group: 'g', sex: 'M', age: 58, status: 'inactive', count: 2, credits: 2.5, foreign_credits: 1.7 });
  const scheme = { benefits: { old_age: { retirement_age: 60, formula: 'flat', amount: 100, vesting_years: 5 } } } as const;
  it('with totalization: bin min(floor(c + f), V), and count × f in the f̄ sum', () => {
    const model = modelOf({ scheme: { ...scheme, portability: { totalization: true } } });
    const state = initialState([row], ['g'], model.layout, true);
    // floor(2.5 + 1.7) = 4
    expectSums(sumsAt(model, state, 1, 58, 4, 'I'), [2, 5, 0, 0, 0, 3.4], 'bin 4');
  });
  it('without: bin min(floor(c), V), f̄ = 0', () => {
    const model = modelOf({ scheme });
    const state = initialState([row], ['g'], model.layout, false);
    expectSums(sumsAt(model, state, 1, 58, 2, 'I'), [2, 5, 0, 0, 0, 0], 'bin 2');
  });
});

describe('enter: entrants bring entrants.foreign_credits (§4 step 2, §11)', () => {
  const options = (totalization: boolean): TinySchemeOptions => ({
    scheme: {
      groups: { g: { entrants: { count: 10, foreign_credits: 3 } } },
      benefits: { old_age: { retirement_age: 60, formula: 'flat', amount: 100, vesting_years: 2 } },
      portability: { totalization },
    },
    rates: [{ age: 58, sex: 'F', entrant_share: 1 }],
  });
  it.each([
    // with totalization: bin min(3, V = 2), f̄ = 3 a head
    [true, 2, [10, 0, 0, 0, 0, 30]],
    [false, 0, [10, 0, 0, 0, 0, 0]],
  ])('totalization %s: bin %s', (totalization, bin, expected) => {
    const model = modelOf(options(totalization));
    const state = emptyState(model.layout);
    const entrants = new Float64Array(2 * model.layout.ages);
    entrants[slotIndex(model.layout, rowIndex(0, 0), 0)] = 10;
    const flows = new Float64Array(2 * FLOW_WIDTH);
    enter(model, state, rowIndex(0, 0), entrants, flows);
    expectSums(sumsAt(model, state, 0, 58, bin, 'A'), expected, `bin ${bin}`);
    expect(flows[flowRow(0) + Flow.entrants]).toBe(10);
  });
});

describe('step 4 on a W cell: its year (§11)', () => {
  it('moves N (1 − q) one year older, to W(k+1) with foreign_density, with f̄ + foreign_density, w̄ (1 + g), b̄ and ō (1 + i)', () => {
    const model = modelOf({
      scheme: {
        assumptions: { wage_growth: 0.03, inflation: 0, investment_return: 0.05 },
        // account refunds: cells carry b̄, whose year this test follows
        benefits: { old_age: { retirement_age: 60, formula: 'flat', amount: 100, vesting_years: 2, refund: 'account' } },
        portability: { totalization: true, foreign_density: 0.4 },
      },
      qx: { M: { 58: 0.1 } },
      rates: [{ age: 59, emigration: 0.01 }],
    });
    const state = emptyState(model.layout);
    const next = emptyState(model.layout);
    // 10 heads in W(1): c̄ 0.8, f̄ 2, w̄ 5000, b̄ 300, ō 200
    put(model, state, 1, 58, 1, 'W', [10, 8, 50000, 3000, 2000, 20]);
    move(contextOf(model), state, next, rowIndex(0, 1), new Float64Array(2 * FLOW_WIDTH));
    // alive 9: 3.6 to W(2), 5.4 to W(1); year-end sums 8, 20 + 10 × 0.4 = 24, 51500, 3150, 2100
    expectSums(sumsAt(model, next, 1, 59, 2, 'W'), [3.6, 0.36 * 8, 0.36 * 51500, 0.36 * 3150, 0.36 * 2100, 0.36 * 24], 'W(2)');
    expectSums(sumsAt(model, next, 1, 59, 1, 'W'), [5.4, 0.54 * 8, 0.54 * 51500, 0.54 * 3150, 0.54 * 2100, 0.54 * 24], 'W(1)');
    expect(next.members.reduce((sum, value) => sum + value, 0)).toBeCloseTo(9 * (1 + 8 / 10 + 51500 / 10 + 315 + 210 + 2.4), 6);
  });

  it('without totalization stays in its bin and adds no foreign credits', () => {
    const model = modelOf({
      scheme: { benefits: { old_age: { retirement_age: 60, formula: 'flat', amount: 100, vesting_years: 2, refund: 'account' } }, portability: { foreign_density: 0.4 } },
      rates: [{ age: 59, emigration: 0.01 }],
    });
    const state = emptyState(model.layout);
    const next = emptyState(model.layout);
    put(model, state, 0, 58, 1, 'W', [10, 8, 50000, 3000, 2000, 0]);
    move(contextOf(model), state, next, rowIndex(0, 0), new Float64Array(2 * FLOW_WIDTH));
    expectSums(sumsAt(model, next, 0, 59, 1, 'W'), [10, 8, 50000, 3000, 2000, 0], 'W(1)');
    expectSums(sumsAt(model, next, 0, 59, 2, 'W'), [0, 0, 0, 0, 0, 0], 'W(2)');
  });
});

describe('retire: W cells at the retirement age (§4 step 1, §11)', () => {
  const options = (exported: boolean): TinySchemeOptions => ({
    scheme: {
      benefits: { old_age: { retirement_age: 60, formula: 'flat', amount: 100, vesting_years: 2, refund: 'own' } },
      portability: { totalization: true, export: exported },
    },
    rates: [{ age: 58, emigration: 0.01 }],
  });
  function retired(exported: boolean) {
    const model = modelOf(options(exported));
    const state = emptyState(model.layout);
    // vested W(2): 5 heads, c̄ 1.5, f̄ 1.5: ρ = 0.5; not vested W(1): 2 heads, ō 200
    put(model, state, 1, 60, 2, 'W', [5, 7.5, 0, 0, 1000, 7.5]);
    put(model, state, 1, 60, 1, 'W', [2, 1, 0, 0, 400, 0]);
    const flows = new Float64Array(2 * FLOW_WIDTH);
    retire(contextOf(model), state, rowIndex(0, 1), flows);
    const slot = slotIndex(model.layout, rowIndex(0, 1), 60 - model.layout.minAge) * PENSIONER_STRIDE + OLD_AGE;
    const out = flowRow(rowIndex(0, 1));
    return {
      pensioners: state.pensioners[slot]!, pensions: state.pensioners[slot + PENSION]!, refunds: flows[out + Flow.refunds]!,
      awards: flows[out + Flow.old_age_awards]!, amount: flows[out + Flow.old_age_award_amount]!,
      left: sumsAt(model, state, 1, 60, 2, 'W')[0]! + sumsAt(model, state, 1, 60, 1, 'W')[0]!,
    };
  }
  it('with export: a vested W cell becomes P with the pro-rated award (1200 × 0.5), the others are refunded', () => {
    expect(retired(true)).toEqual({ pensioners: 5, pensions: 3000, refunds: 400, awards: 5, amount: 3000, left: 0 });
  });
  it('without export: every W cell is refunded', () => {
    expect(retired(false)).toEqual({ pensioners: 0, pensions: 0, refunds: 1400, awards: 0, amount: 0, left: 0 });
  });
});

describe('move: emigration and care credits of one A cell (§4 step 4, §11, §12)', () => {
  // Flat rule at compliance 0.5: d = 0.5, C = 60, S = 600 a year; every index 1, i = 0.
  // care credits: y = 1, insured_income 50 → 600 a credited year, G = 600 × 0.1 = 60.
  const model = modelOf({
    scheme: {
      groups: { g: { compliance: 0.5 } },
      benefits: {
        old_age: { retirement_age: 60, formula: 'flat', amount: 100, vesting_years: 2, refund: 'account' }, // cells carry b̄
        care_credits: { years_per_birth: 1, insured_income: 50, state_contribution_rate: 0.1 },
      },
    },
    qx: { F: { 58: 0.1 } },
    rates: [{ age: 58, sex: 'F', emigration: 0.1, lapse: 0.2, fertility: 0.3 }],
  });
  const state = emptyState(model.layout);
  const next = emptyState(model.layout);
  // A(0): 100 heads, c̄ 0.5, w̄ 1000, b̄ 200, ō 100
  put(model, state, 0, 58, 0, 'A', [100, 50, 100000, 20000, 10000, 0]);
  const flows = new Float64Array(2 * FLOW_WIDTH);
  move(contextOf(model), state, next, rowIndex(0, 0), flows);
  // year-end sums: c 50 + 100 × 0.5 = 100, w 100000 + 60000, b 20000 + 6000, o 10000 + 6000
  const yearEnd = [100, 160000, 26000, 16000, 0];
  // stayers also carry N f y = 30 credited years, 30 × 600 earnings, 30 × 60 balance
  const credited = [130, 178000, 27800, 16000, 0];
  const cell = (heads: number, sums: number[]) => [heads, ...sums.map((sum) => (heads / 100) * sum)];

  it('sends N (1 − q)(1 − ι) e to W, d to W(k+1), with the year-end averages only', () => {
    // 100 × 0.9 × 0.1 = 9 emigrants, 4.5 each to W(1) and W(0)
    expectSums(sumsAt(model, next, 0, 59, 1, 'W'), cell(4.5, yearEnd), 'W(1)');
    expectSums(sumsAt(model, next, 0, 59, 0, 'W'), cell(4.5, yearEnd), 'W(0)');
  });

  it('splits the stayers by care credits: A(k+1), A(k), I(k+1), I(k), each j → j (1 − f) and min(j + 1, 2) (f)', () => {
    // R = 81: A(1) 0.5 × 0.8 × 81 = 32.4, A(0) 32.4, I(1) 8.1, I(0) 8.1 before the split
    expectSums(sumsAt(model, next, 0, 59, 0, 'A'), cell(32.4 * 0.7, credited), 'A(0)');
    expectSums(sumsAt(model, next, 0, 59, 1, 'A'), cell(32.4 * 0.3 + 32.4 * 0.7, credited), 'A(1)');
    expectSums(sumsAt(model, next, 0, 59, 2, 'A'), cell(32.4 * 0.3, credited), 'A(2)');
    expectSums(sumsAt(model, next, 0, 59, 0, 'I'), cell(8.1 * 0.7, credited), 'I(0)');
    expectSums(sumsAt(model, next, 0, 59, 1, 'I'), cell(8.1, credited), 'I(1)');
    expectSums(sumsAt(model, next, 0, 59, 2, 'I'), cell(8.1 * 0.3, credited), 'I(2)');
  });

  it('counts the births of the stayers, 81 × 0.3, and the state\'s contribution G for each', () => {
    expectClose(flows[flowRow(0) + Flow.care_credit_contributions], 81 * 0.3 * 60);
  });
});
