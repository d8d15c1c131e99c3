/**
 * Step 6 of a year alone (methodology §4 step 6): P, D and S cells keep
 * `N (1 − q)` (D with disability.mortality_multiplier), one year older, and
 * their pension in payment grows by `1 + idx_t`; at max_age everyone has died.
 * Awards that joined next year's state in steps 4 and 5 are not indexed again.
 *
 * Ages 58–62, year 2025: wage_growth 0.04, inflation 0.02; group mortality
 * multiplier 1.5, disability multiplier 2.5; qx 58: 0.1, 60: 0.2, 61: 0.3, so
 *   P, S: q_58 = 0.15, q_61 = 0.45, q_62 = 1;   D: q_60 = 0.2 × 3.75 = 0.75, q_61 = min(1, 1.125) = 1.
 */
import { describe, it } from 'vitest';
import { emptyState } from '../../../src/core/state.js';
import { agePensioners } from '../../../src/core/year/age.js';
import { tinyScheme } from '../../support/scheme.js';
import { addMember, addPensioners, expectState, rowOf, stateWith, stepWorld, type PensionerCell } from './cells.js';

const at = (state: 'P' | 'D' | 'S', age: number, sex: 'F' | 'M' = 'F'): PensionerCell => ({ sex, age, state });

function world(indexation: 'prices' | 'wages' | 'none') {
  const built = stepWorld(tinyScheme({
    scheme: {
      projection: { horizon: 2 },
      assumptions: { wage_growth: 0.04, inflation: 0.02 },
      groups: { g: { mortality_multiplier: 1.5 } },
      benefits: {
        old_age: { indexation },
        disability: { formula: 'flat', amount: 10, mortality_multiplier: 2.5 },
        survivors: { share: 0.5, spouse_probability: 0.7 },
      },
    },
    qx: { '*': { 58: 0.1, 60: 0.2, 61: 0.3 } },
  }));
  const { layout } = built;
  const state = emptyState(layout);
  addPensioners(state, layout, at('P', 58), 2, 1000);
  addPensioners(state, layout, at('P', 61), 1, 500);
  addPensioners(state, layout, at('P', 62), 3, 700); // max_age: q = 1
  addPensioners(state, layout, at('D', 60), 1, 800);
  addPensioners(state, layout, at('D', 61), 2, 900); // q capped at 1
  addPensioners(state, layout, at('S', 58), 4, 200);
  addPensioners(state, layout, at('P', 58, 'M'), 9, 9); // the other row: not this call's
  addMember(state, layout, { sex: 'F', age: 58, bin: 0, part: 'A' }, { heads: 5 }); // members are step 4's
  // Next year's state already holds step 4's new D and step 5's new S (money of t+1).
  const next = emptyState(layout);
  addPensioners(next, layout, at('D', 59), 0.5, 600);
  addPensioners(next, layout, at('S', 59), 1, 100);
  return { ...built, state, next };
}

describe('§4 step 6 agePensioners(context, state, next, row)', () => {
  it.each([
    { indexation: 'prices' as const, growth: 1.02 }, // 1 + inflation_2025
    { indexation: 'wages' as const, growth: 1.04 }, //  1 + wage_growth_2025
    { indexation: 'none' as const, growth: 1 },
  ])('survivors N(1 − q) at x + 1 with pensions × (1 − q) × $growth (indexation $indexation)', ({ indexation, growth }) => {
    const { context, layout, state, next } = world(indexation);

    agePensioners(context, state, next, rowOf('F'));

    expectState(next, stateWith(layout, [], [
      { ...at('P', 59), heads: 2 * 0.85, pension: 2 * 0.85 * 1000 * growth }, //  P 58, q 0.15
      { ...at('P', 62), heads: 1 * 0.55, pension: 1 * 0.55 * 500 * growth }, //   P 61, q 0.45; P 62 all die
      { ...at('D', 61), heads: 1 * 0.25, pension: 1 * 0.25 * 800 * growth }, //   D 60, q 0.75; D 61 all die
      { ...at('D', 59), heads: 0.5, pension: 0.5 * 600 }, //                        step 4's award, as it was
      { ...at('S', 59), heads: 1 + 4 * 0.85, pension: 100 + 4 * 0.85 * 200 * growth }, // S 58, plus step 5's
    ]), layout);
  });

  it('writes nothing for a row with nobody', () => {
    const { context, layout } = world('prices');
    const next = emptyState(layout);
    agePensioners(context, emptyState(layout), next, rowOf('F'));
    expectState(next, emptyState(layout), layout);
  });
});
