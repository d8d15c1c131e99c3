/**
 * One whole year (methodology §4 steps 1–6, §5, §6) through projectYear, on a
 * state small enough to follow every head by hand: the steps' order shows in
 * the numbers (a member retiring at step 1 is paid, dies and leaves survivors
 * in the same year; entrants of step 2 contribute at step 3).
 *
 * Ages 58–62, retirement 60, old-age vesting 1 (V = 1), refund own; flat
 * disability 50 a month, vesting 0; survivors share 0.5, spouse_probability
 * 0.5, age_difference {F +3, M −3}; funeral 300. Assumptions 0 but inflation
 * 0.02 (idx_2025, prices). Flat rule, compliance 1: d = 1, C = 120, S = 1200.
 * qx 59: 0.1, 60: 0.2 (both sexes).
 */
import { describe, expect, it } from 'vitest';
import { slotCount, slotIndex } from '../../../src/core/layout.js';
import { emptyState, isEmpty, occupy, releaseRow } from '../../../src/core/state.js';
import { projectYear } from '../../../src/core/year/projectYear.js';
import { tinyScheme } from '../../support/scheme.js';
import { addMember, expectFlows, expectState, flowsWith, freshFlows, rowOf, stateWith, stepWorld } from './cells.js';

describe('§4 one year: projectYear(context, state, next, yearIndex, entrants, flows)', () => {
  it('retires, enters, pays, moves, leaves survivors and ages, in that order; empties the old state', () => {
    const { context, layout } = stepWorld(tinyScheme({
      scheme: {
        assumptions: { inflation: 0.02 },
        benefits: {
          old_age: { vesting_years: 1, refund: 'own' },
          disability: { formula: 'flat', amount: 50 },
          survivors: { share: 0.5, spouse_probability: 0.5, age_difference: { F: 3, M: -3 } },
          funeral: { amount: 300 },
        },
      },
      qx: { '*': { 59: 0.1, 60: 0.2 } },
    }));
    const state = emptyState(layout);
    addMember(state, layout, { sex: 'F', age: 59, bin: 0, part: 'A' }, { heads: 10, own: 50 });
    addMember(state, layout, { sex: 'F', age: 60, bin: 0, part: 'A' }, { heads: 2, own: 100 }); // not vested: refund
    addMember(state, layout, { sex: 'F', age: 60, bin: 1, part: 'A' }, { heads: 1, own: 100 }); // vested: P at once
    const entrants = new Float64Array(slotCount(layout));
    entrants[slotIndex(layout, rowOf('F'), 58 - layout.minAge)] = 4;
    const next = emptyState(layout);
    const flows = freshFlows(layout);

    projectYear(context, state, next, 0, entrants, flows);

    // Step 1: refunds 2 × 100; P(F 60) 1 head at 1200. Step 2: A(F 58, 0) 4 heads.
    // Step 3: A 58 E = 4, A 59 E = 10 × 0.95 = 9.5 (deaths 1), P 60 E = 0.8 (q 0.2, deaths 0.2).
    // Step 4: A 59 → A(60, 1): 9 heads, c̄' 1, w̄' 1200, ō' 50 + 120; A 58 → A(59, 1): 4, c̄' 1, w̄' 1200, ō' 120
    // (own refunds and a flat pension: the cells carry no b̄).
    // Step 5: A 59 deaths 1 (disability paid, k ≥ 0) → 0.5 men aged min(clamp(62) + 1, 62) = 62 with
    //         0.5 × 12 × 50 × J_2026 (= 1) = 300 each; P 60 deaths 0.2 → 0.1 men at 62 with 0.5 × 1200 × 1.02 = 612.
    // Step 6: P 60 → P(F 61): 0.8 heads, 0.8 × 1200 × 1.02.
    expectState(next, stateWith(layout, [
      { sex: 'F', age: 60, bin: 1, part: 'A', heads: 9, credits: 9, earnings: 9 * 1200, own: 9 * 170 },
      { sex: 'F', age: 59, bin: 1, part: 'A', heads: 4, credits: 4, earnings: 4 * 1200, own: 4 * 120 },
    ], [
      { sex: 'F', age: 61, state: 'P', heads: 0.8, pension: 0.8 * 1200 * 1.02 },
      { sex: 'M', age: 62, state: 'S', heads: 0.5 + 0.1, pension: 0.5 * 300 + 0.1 * 612 },
    ]), layout);
    const exposure = 4 + 9.5;
    const deaths = 1 + 0.2;
    expectFlows(flows, flowsWith(layout, {
      [rowOf('F')]: {
        actives: 14, old_age_pensioners: 1, entrants: 4, deaths,
        contributions: exposure * 120, insured_earnings: exposure * 1200, activeExposure: exposure, paidExposure: exposure,
        old_age_benefits: 0.9 * 1200, refunds: 200, funeral_benefits: 300 * 1 * deaths,
        expenditure: 0.9 * 1200 + 200 + 300 * deaths, // 1080 + 200 + 360
        old_age_awards: 1, old_age_award_amount: 1200, // step 1's new pensioner (§7 by_group.csv)
      },
    }));
    expect(isEmpty(state)).toBe(true);
  });

  it('writes next year\'s cells whatever numbers of an earlier year its released rows still hold (state.ts releaseRow)', () => {
    // Vesting 3: bins 0 … 3, so that the walk stops below the top bin and must zero the bins above.
    const { context, layout } = stepWorld(tinyScheme({
      scheme: { benefits: { old_age: { vesting_years: 3, refund: 'own' }, survivors: { share: 0.5, spouse_probability: 0.5, age_difference: { F: 3, M: -3 } } } },
      qx: { '*': { 59: 0.1, 60: 0.2 } },
    }));
    const start = () => {
      const state = emptyState(layout);
      addMember(state, layout, { sex: 'F', age: 59, bin: 0, part: 'A' }, { heads: 10, own: 50 });
      addMember(state, layout, { sex: 'F', age: 60, bin: 3, part: 'A' }, { heads: 1, own: 100 });
      return state;
    };
    const entrants = new Float64Array(slotCount(layout));
    entrants[slotIndex(layout, rowOf('F'), 58 - layout.minAge)] = 4;
    const clear = emptyState(layout);
    projectYear(context, start(), clear, 0, entrants, freshFlows(layout));

    // Every member cell of both rows holds an earlier year's numbers, released:
    // F's ages 59–60 are written by the walk (from 58–59), 58 and 61–62 are not;
    // M's row holds nobody this year and is not walked at all.
    const stale = emptyState(layout);
    stale.members.fill(7);
    for (const sex of ['F', 'M'] as const) {
      occupy(stale.memberAges, rowOf(sex), 0);
      occupy(stale.memberAges, rowOf(sex), layout.memberAges - 1);
      releaseRow(stale, layout, rowOf(sex));
    }
    projectYear(context, start(), stale, 0, entrants, freshFlows(layout));

    expect(clear.members.some((sum) => sum !== 0)).toBe(true);
    expectState(stale, clear, layout, 0);
  });
});
