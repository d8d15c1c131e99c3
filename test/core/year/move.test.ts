/**
 * Step 4 of a year alone (methodology §4 step 4, §5 disability awards): members
 * who survive move from the start-of-year cell to next year's cells one year
 * older, each destination's sums growing by `heads × year-end average`.
 *
 * The year is 2025 (t0) of a tiny scheme with wage_growth 0.04, i = 0.05 and
 * the flat rule 10 on 100 a month (J_2025 = 1), compliance 0.8 and
 * zero_month_prob 0.25, matching ratio 0.5 (§3):
 *   d = 0.6, C = 72, M = 36, S = 720;  J_2026 = Iw_2026 = 1.04 (disability awards, §5).
 * Year-end averages (§4 step 4), from a cell's own c̄, w̄, b̄, ō:
 *   A: c̄ + d, w̄ × 1.04 + S, b̄ × 1.05 + (C + M) × 1.05^½, ō × 1.05 + C × 1.05^½;
 *   I: c̄, w̄ × 1.04, b̄ × 1.05, ō × 1.05.
 */
import { describe, it } from 'vitest';
import { emptyState } from '../../../src/core/state.js';
import { move } from '../../../src/core/year/move.js';
import { tinyScheme, type SchemePatch } from '../../support/scheme.js';
import {
  addMember,
  expectState,
  freshFlows,
  rowOf,
  stateWith,
  stepWorld,
  type MemberCell,
  type MemberSums,
  type PensionerCell,
} from './cells.js';

const d = 0.8 * 0.75; //                       0.6
const C = 0.8 * 12 * 0.75 * 10; //             72
const M = 0.8 * 12 * 0.75 * 0.5 * 10; //       36
const S = 0.8 * 12 * 0.75 * 100; //            720
const root = Math.sqrt(1.05);

interface Averages { credits: number; earnings: number; balance: number; own: number }
const activeYearEnd = (a: Averages): Averages => ({
  credits: a.credits + d,
  earnings: a.earnings * 1.04 + S,
  balance: a.balance * 1.05 + (C + M) * root,
  own: a.own * 1.05 + C * root,
});
const inactiveYearEnd = (a: Averages): Averages => ({
  credits: a.credits, earnings: a.earnings * 1.04, balance: a.balance * 1.05, own: a.own * 1.05,
});
/** A destination's sums: `heads × average` (§1: cells hold sums). */
const to = (cell: MemberCell, heads: number, a: Averages): MemberCell & MemberSums => ({
  ...cell, heads, credits: heads * a.credits, earnings: heads * a.earnings, balance: heads * a.balance, own: heads * a.own, foreign: 0,
});
const A = (age: number, bin: number): MemberCell => ({ sex: 'F', age, bin, part: 'A' });
const I = (age: number, bin: number): MemberCell => ({ sex: 'F', age, bin, part: 'I' });
const D = (age: number): PensionerCell => ({ sex: 'F', age, state: 'D' });

/** Disability section variants; V = max(old-age vesting, disability vesting). */
const scheme = (benefits: SchemePatch['benefits']): SchemePatch => ({
  projection: { horizon: 2 },
  assumptions: { wage_growth: 0.04, inflation: 0.02, investment_return: 0.05 },
  contributions: { matching: { ratio: 0.5 } },
  groups: { g: { compliance: 0.8 } },
  // Account refunds: cells carry b̄ (state.ts memberSumsOf), whose year these tests follow.
  benefits: { ...benefits, old_age: { refund: 'account', ...benefits?.old_age } },
});
const income = { zero_month_prob: 0.25 };
const replacement = { formula: 'replacement', replacement: 0.4, vesting_years: 1 } as const;

// The start-of-year cells at 58 (q = 0.1; disability ι 0.1, lapse ℓ 0.25, reentry r 0.4) and 59 (nothing).
const a58k0 = { heads: 10, credits: 0.5, earnings: 2000, balance: 300, own: 200 };
const a58k1 = { heads: 4, credits: 3, earnings: 5000, balance: 1000, own: 600 };
const i58k1 = { heads: 2, credits: 0.5, earnings: 4000, balance: 500, own: 400 }; // c̄ < 1 in bin 1 (§4 v1.1)
const i58k0 = { heads: 5, credits: 0.2, earnings: 1000, balance: 100, own: 50 };
const a59k0 = { heads: 1, credits: 0.9, earnings: 800, balance: 70, own: 40 };

// Year-end averages of each.
const endA58k0 = activeYearEnd(a58k0); // c̄' 1.1, w̄' 2800
const endA58k1 = activeYearEnd(a58k1); // c̄' 3.6, w̄' 5920
const endI58k1 = inactiveYearEnd(i58k1); // c̄' 0.5, w̄' 4160
const endI58k0 = inactiveYearEnd(i58k0);
const endA59k0 = activeYearEnd(a59k0);

// Heads (§4 step 4). From A(k): R = N (1−q)(1−ι); A(k+1) R d (1−ℓ), A(k) R (1−d)(1−ℓ), I(k+1) R d ℓ, I(k) R (1−d) ℓ.
// From I(k): to D N (1−q) ι; the rest R to A(k) with r, else I(k).
const R58k0 = 10 * 0.9 * 1; //     ι = 0 in bin 0 < disability vesting 1: 9
const D58k1 = 4 * 0.9 * 0.1; //    0.36
const R58k1 = 4 * 0.9 * 0.9; //    3.24, top bin V = 1: k+1 capped at 1
const DI58k1 = 2 * 0.9 * 0.1; //   0.18
const RI58k1 = 2 * 0.9 * 0.9; //   1.62
const RI58k0 = 5 * 0.9; //         4.5, ι = 0 in bin 0

/** The moves of the five cells above when the disability award per head is `awardA` (A k1) and `awardI` (I k1). */
function expectedNext(awardA: number, awardI: number) {
  return {
    members: [
      to(A(59, 0), R58k0 * 0.4 * 0.75, endA58k0), //           2.7
      to(A(59, 0), RI58k0 * 0.4, endI58k0), //                  1.8
      to(A(59, 1), R58k0 * 0.6 * 0.75, endA58k0), //           4.05
      to(A(59, 1), R58k1 * 0.75, endA58k1), //                  2.43 = R d(1−ℓ) + R(1−d)(1−ℓ), both in bin V
      to(A(59, 1), RI58k1 * 0.4, endI58k1), //                  0.648
      to(I(59, 0), R58k0 * 0.4 * 0.25, endA58k0), //           0.9
      to(I(59, 0), RI58k0 * 0.6, endI58k0), //                  2.7
      to(I(59, 1), R58k0 * 0.6 * 0.25, endA58k0), //           1.35
      to(I(59, 1), R58k1 * 0.25, endA58k1), //                  0.81
      to(I(59, 1), RI58k1 * 0.6, endI58k1), //                  0.972
      to(A(60, 1), 1 * 0.6, endA59k0), //                       59 → 60: q = 0, no rates; bin 0 → 1 with d
      to(A(60, 0), 1 * 0.4, endA59k0),
    ],
    pensioners: [{ ...D(59), heads: D58k1 + DI58k1, pension: D58k1 * awardA + DI58k1 * awardI }],
  };
}

function start(benefits: SchemePatch['benefits'], rates = [{ age: 58, disability: 0.1, lapse: 0.25, reentry: 0.4 }]) {
  const world = stepWorld(tinyScheme({ scheme: scheme(benefits), income, qx: { '*': { 58: 0.1 } }, rates }));
  const { layout } = world;
  const state = emptyState(layout);
  addMember(state, layout, A(58, 0), a58k0);
  addMember(state, layout, A(58, 1), a58k1);
  addMember(state, layout, I(58, 1), i58k1);
  addMember(state, layout, I(58, 0), i58k0);
  addMember(state, layout, A(59, 0), a59k0);
  return { ...world, state };
}

describe('§4 step 4 move(context, state, next, row)', () => {
  it.each([
    {
      name: 'replacement 0.4 with min_pension 60: A k1 gets the minimum, I k1 the replacement on max(c̄\', 1)',
      benefits: { old_age: { min_pension: 60 }, disability: replacement },
      // A k1: max(0.4 × 5920 / 3.6 = 657.8, 12 × 1.04 × 60 = 748.8) = 748.8.
      // I k1: c̄' = 0.5 → max(c̄', 1) = 1: 0.4 × 4160 / 1 = 1664 > 748.8.
      awardA: 12 * 1.04 * 60,
      awardI: (0.4 * 4000 * 1.04) / 1,
    },
    {
      name: 'replacement 0.4 without minimum',
      benefits: { disability: replacement },
      awardA: (0.4 * (5000 * 1.04 + 720)) / (3 + 0.6), // 657.78
      awardI: 0.4 * 4160,
    },
    {
      name: 'flat 50 a month: 12 × 50 × J_2026 = 624, with no minimum',
      benefits: { disability: { formula: 'flat', amount: 50, vesting_years: 1 } },
      awardA: 12 * 50 * 1.04,
      awardI: 12 * 50 * 1.04,
    },
    {
      name: 'flat 50 a month under min_pension 60: 748.8',
      benefits: { old_age: { min_pension: 60 }, disability: { formula: 'flat', amount: 50, vesting_years: 1 } },
      awardA: 12 * 60 * 1.04,
      awardI: 12 * 60 * 1.04,
    },
  ] as const)('$name', ({ benefits, awardA, awardI }) => {
    const { context, layout, state } = start(benefits);
    const before = start(benefits).state;
    const next = emptyState(layout);

    move(context, state, next, rowOf('F'), freshFlows(layout));

    const expected = expectedNext(awardA, awardI);
    expectState(next, stateWith(layout, expected.members, expected.pensioners), layout);
    expectState(state, before, layout); // the start-of-year state is read, not changed: steps 5 and 6 read it
  });

  it('without disability benefits ι = 0 whatever the rate: nobody goes to D (V = 1 from old-age vesting)', () => {
    const { context, layout, state } = start({ old_age: { vesting_years: 1 } });
    const next = emptyState(layout);
    move(context, state, next, rowOf('F'), freshFlows(layout));
    const R = 4 * 0.9; // A k1: 3.6
    const RI = 2 * 0.9; // I k1: 1.8
    expectState(next, stateWith(layout, [
      to(A(59, 0), R58k0 * 0.4 * 0.75, endA58k0),
      to(A(59, 0), RI58k0 * 0.4, endI58k0),
      to(A(59, 1), R58k0 * 0.6 * 0.75, endA58k0),
      to(A(59, 1), R * 0.75, endA58k1),
      to(A(59, 1), RI * 0.4, endI58k1),
      to(I(59, 0), R58k0 * 0.4 * 0.25, endA58k0),
      to(I(59, 0), RI58k0 * 0.6, endI58k0),
      to(I(59, 1), R58k0 * 0.6 * 0.25, endA58k0),
      to(I(59, 1), R * 0.25, endA58k1),
      to(I(59, 1), RI * 0.6, endI58k1),
      to(A(60, 1), 0.6, endA59k0),
      to(A(60, 0), 0.4, endA59k0),
    ]), layout);
  });

  it('disability vesting 2 (V = 2): bin 1 is not yet exposed to disability and moves to bin 2 with d', () => {
    const { context, layout, state } = start({ disability: { ...replacement, vesting_years: 2 } });
    const next = emptyState(layout);
    move(context, state, next, rowOf('F'), freshFlows(layout));
    const R = 4 * 0.9; //  A k1: ι = 0 → R = 3.6 → A(2) R d (1−ℓ), A(1) R (1−d)(1−ℓ), I(2) R d ℓ, I(1) R (1−d) ℓ
    const RI = 2 * 0.9; // I k1: ι = 0
    expectState(next, stateWith(layout, [
      to(A(59, 0), R58k0 * 0.4 * 0.75, endA58k0),
      to(A(59, 0), RI58k0 * 0.4, endI58k0),
      to(A(59, 1), R58k0 * 0.6 * 0.75, endA58k0),
      to(A(59, 2), R * 0.6 * 0.75, endA58k1),
      to(A(59, 1), R * 0.4 * 0.75, endA58k1),
      to(A(59, 1), RI * 0.4, endI58k1),
      to(I(59, 0), R58k0 * 0.4 * 0.25, endA58k0),
      to(I(59, 0), RI58k0 * 0.6, endI58k0),
      to(I(59, 1), R58k0 * 0.6 * 0.25, endA58k0),
      to(I(59, 2), R * 0.6 * 0.25, endA58k1),
      to(I(59, 1), R * 0.4 * 0.25, endA58k1),
      to(I(59, 1), RI * 0.6, endI58k1),
      to(A(60, 1), 0.6, endA59k0),
      to(A(60, 0), 0.4, endA59k0),
    ]), layout);
  });

  it('V = 0 (no vesting anywhere): every mover stays in bin 0, and c̄ still grows by d', () => {
    const world = stepWorld(tinyScheme({ scheme: scheme({}), income, qx: { '*': { 58: 0.1 } }, rates: [{ age: 58, lapse: 0.25 }] }));
    const { context, layout } = world;
    const state = emptyState(layout);
    addMember(state, layout, A(58, 0), a58k0);
    const next = emptyState(layout);
    move(context, state, next, rowOf('F'), freshFlows(layout));
    expectState(next, stateWith(layout, [
      to(A(59, 0), 9 * 0.75, endA58k0), // R (d + 1 − d)(1 − ℓ), bin k+1 capped at V = 0
      to(I(59, 0), 9 * 0.25, endA58k0),
    ]), layout);
  });

  it('writes nothing for a row with nobody', () => {
    const { context, layout } = start({ disability: replacement });
    const next = emptyState(layout);
    move(context, emptyState(layout), next, rowOf('M'), freshFlows(layout));
    expectState(next, emptyState(layout), layout);
  });
});
