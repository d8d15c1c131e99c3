/**
 * Step 1 of a year alone (methodology §4 step 1, §5 old-age awards): one row of
 * a state goes through `retire`, and every cell of the state and every flow
 * of the row are compared with figures worked by hand from the methodology.
 *
 * The tiny scheme (test/support/scheme.ts): ages 58–62, retirement at 60, a
 * flat pension of 100 a month, every assumption 0 unless a case says so;
 * J_t is the default rule's index (wages), so J_t = Iw_t (§1, §5).
 */
import { describe, it } from 'vitest';
import { retire } from '../../../src/core/year/retire.js';
import { tinyScheme, type MemberInput, type SchemePatch, type BySexAge } from '../../support/scheme.js';
import {
  addMember,
  addPensioners,
  expectFlows,
  expectState,
  flowsWith,
  freshFlows,
  rowOf,
  stateWith,
  stepWorld,
  type MemberAveragesInput,
  type MemberCell,
  type MemberSums,
  type PensionerCell,
} from './cells.js';
import { emptyState } from '../../../src/core/state.js';

interface RetireCase {
  name: string;
  scheme?: SchemePatch;
  qx?: BySexAge;
  improvement?: BySexAge;
  /** Population rows only to make the layout hold older members (§2 members past the age at t0). */
  population?: MemberInput[];
  yearIndex?: number;
  sex?: 'F' | 'M';
  members: (MemberCell & MemberAveragesInput)[];
  pensioners?: (PensionerCell & { heads: number; pension: number })[];
  /** The state after the step: member cells (sums) and pensioner cells (heads, pension sum). */
  after: { members: (MemberCell & Partial<MemberSums>)[]; pensioners: (PensionerCell & { heads: number; pension: number })[] };
  refunds: number;
}

const A = (age: number, bin: number, sex: 'F' | 'M' = 'F'): MemberCell => ({ sex, age, bin, part: 'A' });
const I = (age: number, bin: number, sex: 'F' | 'M' = 'F'): MemberCell => ({ sex, age, bin, part: 'I' });
const P = (age: number, sex: 'F' | 'M' = 'F'): PensionerCell => ({ sex, age, state: 'P' });

// ä_{F,60,2026} of the account case (§5): year 2026 (t − t0 = 1), improvement 0.5 at 60 and 0.25 at 61:
// q_60 = 0.1 × 0.5 = 0.05, q_61 = 0.2 × 0.75 = 0.15, q_62 = 1 (max_age); idx_2026 = inflation_2026 = 0.02;
// annuity_rate 0.03; the group multiplier 3 is not in ä.
const annuity2026 =
  1 * (1 - 0.05 / 2) * 1.02 ** 0 / 1.03 ** 0.5 + //                  j = 0, age 60
  0.95 * (1 - 0.15 / 2) * 1.02 ** 1 / 1.03 ** 1.5 + //               j = 1, ₁p = 0.95
  0.95 * 0.85 * (1 - 1 / 2) * 1.02 ** 2 / 1.03 ** 2.5; //            j = 2, ₂p = 0.8075, q = 1; ₃p = 0

const cases: RetireCase[] = [
  {
    name: 'flat, no vesting: A and I of one cell become P with 12 × amount × J_t each (J_2026 = 1.04)',
    scheme: { projection: { horizon: 2 }, assumptions: { wage_growth: 0.04 } },
    yearIndex: 1,
    members: [
      { ...A(60, 0), heads: 3, credits: 2, earnings: 1000, own: 300 },
      { ...I(60, 0), heads: 1, credits: 4, own: 50 },
      { ...A(59, 0), heads: 2, credits: 1, earnings: 10, own: 30 }, // 59 < 60: stays as it is
    ],
    pensioners: [{ ...P(60), heads: 1, pension: 999 }], // already there: the new pensioners add to it
    after: {
      members: [{ ...A(59, 0), heads: 2, credits: 2, earnings: 20, own: 60 }],
      pensioners: [{ ...P(60), heads: 1 + 4, pension: 999 + 4 * 12 * 100 * 1.04 }], // 999 + 4992
    },
    refunds: 0,
  },
  {
    name: 'vesting_years 2 (V = 2): bin 1 is refunded ō (refund: own), bin 2 vests',
    scheme: { benefits: { old_age: { vesting_years: 2, refund: 'own' } } },
    members: [
      { ...A(60, 1), heads: 2, credits: 1.5, own: 150 },
      { ...I(60, 1), heads: 0.5, credits: 1.9, own: 80 },
      { ...A(60, 2), heads: 1, credits: 7, own: 3000 },
    ],
    after: { members: [], pensioners: [{ ...P(60), heads: 1, pension: 1 * 1200 }] },
    refunds: 2 * 150 + 0.5 * 80, // N × ō, no interest (paid at step 1)
  },
  {
    name: 'vesting_years 2: refund: account pays b̄ per head',
    scheme: { benefits: { old_age: { vesting_years: 2, refund: 'account' } } },
    members: [
      { ...A(60, 1), heads: 2, credits: 1.5, balance: 400, own: 150 },
      { ...I(60, 1), heads: 0.5, credits: 1.9, balance: 90, own: 80 },
      { ...A(60, 2), heads: 1, credits: 7, balance: 5000, own: 3000 },
    ],
    after: { members: [], pensioners: [{ ...P(60), heads: 1, pension: 1200 }] },
    refunds: 2 * 400 + 0.5 * 90,
  },
  {
    name: 'vesting_years 2: refund: none pays nothing, and the non-vested leave all the same',
    scheme: { benefits: { old_age: { vesting_years: 2, refund: 'none' } } },
    members: [
      { ...A(60, 0), heads: 4, own: 150 },
      { ...I(60, 1), heads: 0.5, credits: 1.9, own: 80 },
    ],
    after: { members: [], pensioners: [] },
    refunds: 0,
  },
  {
    name: 'V = max(old-age, disability vesting) = 3 > vesting_years 1: bins 1, 2 and 3 all vest',
    scheme: {
      benefits: {
        old_age: { vesting_years: 1, refund: 'own' },
        disability: { formula: 'flat', amount: 10, vesting_years: 3 },
      },
    },
    members: [
      { ...A(60, 0), heads: 1, own: 70 },
      { ...A(60, 1), heads: 1 },
      { ...I(60, 2), heads: 2 },
      { ...A(60, 3), heads: 3 },
    ],
    after: { members: [], pensioners: [{ ...P(60), heads: 6, pension: 6 * 1200 }] },
    refunds: 70,
  },
  {
    name: 'career_average with min_pension: max(accrual × w̄, 12 × J_t × min_pension) per cell, A and I apart',
    // J_2026 = 1.04: minimum 12 × 1.04 × 100 = 1248. A: 0.015 × 50000 = 750 → 1248. I: 0.015 × 100000 = 1500.
    // (Merging A and I first would give 0.015 × 200000/3 = 1000 → 1248 × 3 = 3744, not 3996.)
    scheme: {
      projection: { horizon: 2 },
      assumptions: { wage_growth: 0.04 },
      benefits: { old_age: { formula: 'career_average', accrual: 0.015, min_pension: 100 } },
    },
    yearIndex: 1,
    members: [
      { ...A(60, 0), heads: 2, credits: 10, earnings: 50000 },
      { ...I(60, 0), heads: 1, credits: 20, earnings: 100000 },
    ],
    after: { members: [], pensioners: [{ ...P(60), heads: 3, pension: 2 * 1248 + 1 * 1500 }] },
    refunds: 0,
  },
  {
    name: 'account: b̄ / ä_{s,x,t} on the award year\'s improved table, then the minimum (§5)',
    // A: 10000 / ä ≈ 4236 a year. I: 100 / ä ≈ 42 < 12 × 1 × 10 = 120 (wage_growth 0: J = 1).
    scheme: {
      projection: { horizon: 2 },
      assumptions: { inflation: { 2025: 0.01, 2026: 0.02 } },
      groups: { g: { mortality_multiplier: 3 } },
      benefits: { old_age: { formula: 'account', annuity_rate: 0.03, indexation: 'prices', min_pension: 10 } },
    },
    qx: { F: { 60: 0.1, 61: 0.2 }, M: { 60: 0.4, 61: 0.4 } },
    improvement: { F: { 60: 0.5, 61: 0.25 } },
    yearIndex: 1,
    members: [
      { ...A(60, 0), heads: 2, balance: 10000 },
      { ...I(60, 0), heads: 1, balance: 100 },
    ],
    after: { members: [], pensioners: [{ ...P(60), heads: 3, pension: 2 * (10000 / annuity2026) + 1 * 120 }] },
    refunds: 0,
  },
  {
    name: 'retirement_age {F: 60, M: 61}: a man of 60 stays, a man of 61 retires',
    scheme: { benefits: { old_age: { retirement_age: { F: 60, M: 61 } } } },
    sex: 'M',
    members: [
      { ...A(60, 0, 'M'), heads: 2, credits: 3 },
      { ...A(61, 0, 'M'), heads: 5 },
    ],
    after: { members: [{ ...A(60, 0, 'M'), heads: 2, credits: 6 }], pensioners: [{ ...P(61, 'M'), heads: 5, pension: 5 * 1200 }] },
    refunds: 0,
  },
  {
    name: 'members already past the age at t0 (x = 61 > 60) retire at their own age (§4 step 1)',
    population: [{ age: 61, status: 'active' }],
    members: [{ ...A(61, 0), heads: 2 }, { ...I(60, 0), heads: 1 }],
    after: { members: [], pensioners: [{ ...P(61), heads: 2, pension: 2400 }, { ...P(60), heads: 1, pension: 1200 }] },
    refunds: 0,
  },
];

describe('§4 step 1 retire(context, state, row, flows)', () => {
  it.each(cases)('$name', (testCase) => {
    const data = tinyScheme({
      scheme: testCase.scheme,
      qx: testCase.qx,
      improvement: testCase.improvement,
      population: testCase.population,
    });
    const { context, layout } = stepWorld(data, testCase.yearIndex ?? 0);
    const sex = testCase.sex ?? 'F';
    const state = emptyState(layout);
    for (const cell of testCase.members) addMember(state, layout, cell, cell);
    for (const cell of testCase.pensioners ?? []) addPensioners(state, layout, cell, cell.heads, cell.pension / cell.heads);
    const flows = freshFlows(layout);

    retire(context, state, rowOf(sex), flows);

    expectState(state, stateWith(layout, testCase.after.members, testCase.after.pensioners), layout);
    // §7 by_group.csv: the heads who become P in step 1 and the sum of their annual awards, the new pensioners of `after`.
    const total = (cells: readonly { heads: number; pension: number }[], field: 'heads' | 'pension') => cells.reduce((sum, cell) => sum + cell[field], 0);
    const before = testCase.pensioners ?? [];
    const awards = total(testCase.after.pensioners, 'heads') - total(before, 'heads');
    const amount = total(testCase.after.pensioners, 'pension') - total(before, 'pension');
    expectFlows(flows, flowsWith(layout, { [rowOf(sex)]: { refunds: testCase.refunds, old_age_awards: awards, old_age_award_amount: amount } }));
  });

  it('leaves a row with nobody, and every other row, as they were', () => {
    const { context, layout } = stepWorld(tinyScheme());
    const state = emptyState(layout);
    addMember(state, layout, A(60, 0, 'M'), { heads: 2, own: 5 }); // the other row: not this call's
    const flows = freshFlows(layout);

    retire(context, state, rowOf('F'), flows);

    expectState(state, stateWith(layout, [{ ...A(60, 0, 'M'), heads: 2, own: 10 }]), layout);
    expectFlows(flows, freshFlows(layout));
  });
});
