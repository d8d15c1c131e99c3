/**
 * Step 5 of a year alone (methodology §4 step 5): deaths in P and D cells, and —
 * when the scheme pays disability — in A and I cells with k ≥
 * disability.vesting_years, leave `deaths × spouse_probability_s` survivors
 * of the other sex, aged `min(clamp(x + age_difference_s, min_age, max_age) + 1, max_age)`
 * at the start of t+1, with `share × p̄ × (1 + idx_t)` (P, D deaths) or
 * `share ×` the §5 disability award on the year-end averages (A, I deaths).
 *
 * Ages 50–70, retirement at 60; year 2025: wage_growth 0.04 (J_2026 = 1.04),
 * inflation 0.02, i = 0; the flat rule 10 on 100 a month, compliance 1, no
 * zero months: d = 1, S = 1200 (§3). Survivors: share 0.5, spouse_probability
 * {F 0.6, M 0.8}, age_difference {F +3, M −3} (by the deceased's sex).
 * Disability: replacement 0.4, vesting 1, mortality multiplier 2.
 * Step 4 (move) runs first: it computes the award that A/I deaths' survivors get.
 */
import { describe, it } from 'vitest';
import { emptyState } from '../../../src/core/state.js';
import { move } from '../../../src/core/year/move.js';
import { survivors } from '../../../src/core/year/survivors.js';
import { tinyScheme, type SchemePatch } from '../../support/scheme.js';
import { addMember, addPensioners, expectState, freshFlows, rowOf, stateWith, stepWorld, type PensionerCell } from './cells.js';

type Indexation = 'prices' | 'wages' | 'none';
const scheme = (indexation: Indexation, benefits: SchemePatch['benefits'] = {}): SchemePatch => ({
  projection: { horizon: 2, min_age: 50, max_age: 70 },
  assumptions: { wage_growth: 0.04, inflation: 0.02 },
  benefits: {
    old_age: { indexation, vesting_years: 1 },
    disability: { formula: 'replacement', replacement: 0.4, vesting_years: 1, mortality_multiplier: 2 },
    survivors: { share: 0.5, spouse_probability: { F: 0.6, M: 0.8 }, age_difference: { F: 3, M: -3 } },
    ...benefits,
  },
});
// q (2025): F 55: 0.05, F 61: 0.1, F 69: 0.2, F 70 = max_age: 1; M 51: 0.3. D cells × 2.
const qx = { F: { 55: 0.05, 61: 0.1, 69: 0.2 }, M: { 51: 0.3 } };

function world(patch: SchemePatch, withDisabled: boolean) {
  const built = stepWorld(tinyScheme({ scheme: patch, qx }));
  const { layout } = built;
  const state = emptyState(layout);
  const P = (sex: 'F' | 'M', age: number, state_: 'P' | 'D' | 'S', heads: number, pension: number) =>
    addPensioners(state, layout, { sex, age, state: state_ }, heads, pension);
  P('F', 61, 'P', 5, 1000);
  P('F', 69, 'P', 2, 400);
  P('F', 70, 'P', 1, 300);
  if (withDisabled) P('F', 61, 'D', 1, 2000); // a scheme without disability benefits has no D cells
  P('F', 61, 'S', 3, 500); // survivors' deaths leave no survivors
  P('M', 51, 'P', 1, 100);
  addMember(state, layout, { sex: 'F', age: 55, bin: 1, part: 'A' }, { heads: 10, credits: 4, earnings: 10000 });
  addMember(state, layout, { sex: 'F', age: 55, bin: 0, part: 'A' }, { heads: 4, credits: 0.5, earnings: 3000 }); // k < vesting
  addMember(state, layout, { sex: 'F', age: 55, bin: 1, part: 'I' }, { heads: 2, credits: 2, earnings: 6000 });
  return { ...built, state };
}

/** Runs step 4 into a scratch state (for the awards it leaves), then step 5 into a fresh one, for `sex`'s row. */
function survivorsOf(patch: SchemePatch, sex: 'F' | 'M', withDisabled = true) {
  const { context, layout, state } = world(patch, withDisabled);
  move(context, state, emptyState(layout), rowOf(sex), freshFlows(layout));
  const next = emptyState(layout);
  survivors(context, state, next, rowOf(sex));
  return { next, layout };
}

const S = (sex: 'F' | 'M', age: number): PensionerCell => ({ sex, age, state: 'S' });

// Awards of the A/I deaths' survivors (§5 on the year-end averages, J_2026 = 1.04 not needed by replacement):
const awardA = (0.4 * (10000 * 1.04 + 1200)) / (4 + 1); // c̄' = 5, w̄' = 11600: 928
const awardI = (0.4 * (6000 * 1.04)) / 2; //                c̄' = 2, w̄' = 6240: 1248

describe('§4 step 5 survivors(context, state, next, row)', () => {
  it.each([
    { indexation: 'prices' as const, idx: 0.02 },
    { indexation: 'wages' as const, idx: 0.04 },
    { indexation: 'none' as const, idx: 0 },
  ])('deaths of women (row F) leave men; P and D pensions × (1 + idx_t), idx $idx', ({ indexation, idx }) => {
    const { next, layout } = survivorsOf(scheme(indexation), 'F');
    const grow = 1 + idx;
    expectState(next, stateWith(layout, [], [
      // P 61: deaths 5 × 0.1 = 0.5, × 0.6 = 0.3 men aged min(clamp(61 + 3) + 1, 70) = 65, each 0.5 × 1000 × grow.
      // D 61: q = 0.1 × 2 = 0.2, deaths 0.2, × 0.6 = 0.12 at 65, each 0.5 × 2000 × grow.
      { ...S('M', 65), heads: 0.3 + 0.12, pension: 0.3 * 0.5 * 1000 * grow + 0.12 * 0.5 * 2000 * grow },
      // P 69: deaths 0.4 → 0.24 aged min(clamp(72 → 70) + 1, 70) = 70; P 70 (max_age, q = 1): deaths 1 → 0.6 at 70.
      { ...S('M', 70), heads: 0.24 + 0.6, pension: 0.24 * 0.5 * 400 * grow + 0.6 * 0.5 * 300 * grow },
      // A 55 bin 1: deaths 10 × 0.05 = 0.5 → 0.3 aged 58 + 1 = 59; I 55 bin 1: deaths 0.1 → 0.06 at 59.
      // Bin 0 (k < disability vesting 1): none. S 61: none.
      { ...S('M', 59), heads: 0.3 + 0.06, pension: 0.3 * 0.5 * awardA + 0.06 * 0.5 * awardI },
    ]), layout);
  });

  it('deaths of men (row M) leave women, age_difference −3 clamped at min_age: min(clamp(48, 50, 70) + 1, 70) = 51', () => {
    const { next, layout } = survivorsOf(scheme('prices'), 'M');
    // P(M 51): deaths 1 × 0.3, × spouse_probability_M 0.8 = 0.24 women, each 0.5 × 100 × 1.02.
    expectState(next, stateWith(layout, [], [{ ...S('F', 51), heads: 0.24, pension: 0.24 * 0.5 * 100 * 1.02 }]), layout);
  });

  it('without disability benefits, members\' deaths leave no survivors; P deaths still do', () => {
    const patch = scheme('prices');
    delete (patch.benefits as Record<string, unknown>).disability;
    const { next, layout } = survivorsOf(patch, 'F', false);
    expectState(next, stateWith(layout, [], [
      { ...S('M', 65), heads: 0.3, pension: 0.3 * 0.5 * 1000 * 1.02 },
      { ...S('M', 70), heads: 0.24 + 0.6, pension: (0.24 * 400 + 0.6 * 300) * 0.5 * 1.02 },
    ]), layout);
  });

  it('A/I deaths: the survivors\' base is the award with min_pension × 12 × J_2026 in it (§4 step 5 v1.1)', () => {
    // min_pension 100: 12 × 100 × 1.04 = 1248 ≥ both awards (928 and 1248); P and D deaths are unaffected.
    const { next, layout } = survivorsOf(scheme('prices', { old_age: { indexation: 'prices', vesting_years: 1, min_pension: 100 } }), 'F');
    expectState(next, stateWith(layout, [], [
      { ...S('M', 65), heads: 0.3 + 0.12, pension: (0.3 * 1000 + 0.12 * 2000) * 0.5 * 1.02 },
      { ...S('M', 70), heads: 0.24 + 0.6, pension: (0.24 * 400 + 0.6 * 300) * 0.5 * 1.02 },
      { ...S('M', 59), heads: 0.3 + 0.06, pension: (0.3 + 0.06) * 0.5 * Math.max(awardA, 12 * 100 * 1.04) },
    ]), layout);
  });

  it('without survivors benefits, nobody is left', () => {
    const patch = scheme('prices');
    delete (patch.benefits as Record<string, unknown>).survivors;
    const { next, layout } = survivorsOf(patch, 'F');
    expectState(next, emptyState(layout), layout);
  });
});

