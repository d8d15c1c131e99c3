/**
 * Step 5 of a year (methodology §4): deaths in P and D cells, and — when the
 * scheme pays disability — deaths in A and I cells with `k ≥
 * disability.vesting_years`, leave `deaths × spouse_probability_s` survivors
 * of the other sex in the same group, at the start of t+1 aged
 * `min(clamp(x + age_difference_s, min_age, max_age) + 1, max_age)`. Their
 * pension per head is `share × p̄ (1 + idx_t)` after a P or D death, and
 * `share ×` the §5 disability award on the cell's year-end averages after an
 * A or I death (step 4 computes the award, for the newly disabled, and sums
 * each age's vested deaths with it).
 */
import { rowIndex, slotIndex } from '../layout.js';
import { type CohortState, DISABILITY, occupy, OLD_AGE, PENSION, PENSIONER_STRIDE, SURVIVOR } from '../state.js';
import type { YearContext } from './context.js';
import { lastMovingAge } from './move.js';

export function survivors(context: YearContext, state: CohortState, next: CohortState, row: number): void {
  const { model } = context;
  if (!model.scheme.benefits.survivors) return;
  const { layout } = model;
  const disability = model.scheme.benefits.disability;
  const parameterSlots = slotIndex(layout, rowIndex(model.groupOfCell[row >> 1]!, row % 2), 0);
  // Deaths of vested members leave survivors only when the scheme pays disability (§4 step 5).
  if (disability) {
    // Step 4 summed each age's vested deaths and their awards (it computes the
    // awards anyway): every bin's survivors land in the same S cell.
    const last = lastMovingAge(context, state, row);
    for (let ageIndex = state.memberAges.low[row]!; ageIndex <= last; ageIndex += 1) {
      const deaths = context.memberDeaths[ageIndex]!;
      if (deaths > 0) leaveSurvivors(context, next, row, ageIndex, deaths, context.memberDeathPensions[ageIndex]!);
    }
  }
  pensionerDeaths(context, state, next, row, parameterSlots, OLD_AGE, context.q);
  pensionerDeaths(context, state, next, row, parameterSlots, DISABILITY, context.qDisabled);
}

/** Survivors of one P or D state's (`part`) deaths: `share × p̄ (1 + idx_t)` each. */
function pensionerDeaths(
  context: YearContext, state: CohortState, next: CohortState, row: number, parameterSlots: number, part: number, qOf: Float64Array,
): void {
  const { layout } = context.model;
  const { pensioners } = state;
  for (let ageIndex = state.pensionerAges.low[row]!; ageIndex <= state.pensionerAges.high[row]!; ageIndex += 1) {
    const at = slotIndex(layout, row, ageIndex) * PENSIONER_STRIDE + part;
    const heads = pensioners[at]!;
    if (heads === 0) continue;
    const deaths = heads * qOf[parameterSlots + ageIndex]!;
    leaveSurvivors(context, next, row, ageIndex, deaths, deaths * (pensioners[at + PENSION]! / heads * context.pensionGrowth));
  }
}

/**
 * `deaths × spouse_probability` survivors of the other sex, whose pensions
 * add up to `share × spouse_probability ×` the deceased's `pensions` (the
 * sum over the deaths of each one's pension for survivors).
 */
function leaveSurvivors(context: YearContext, next: CohortState, row: number, ageIndex: number, deaths: number, pensions: number): void {
  const { model } = context;
  const sex = row % 2;
  const spouses = model.spouseProbability[sex]!;
  const heads = deaths * spouses;
  if (heads === 0) return;
  const lastAge = model.layout.ages - 1;
  const survivorAge = Math.min(Math.min(Math.max(ageIndex + model.ageDifference[sex]!, 0), lastAge) + 1, lastAge);
  const survivorRow = row ^ 1; // the other sex, same group
  const at = slotIndex(model.layout, survivorRow, survivorAge) * PENSIONER_STRIDE + SURVIVOR;
  next.pensioners[at]! += heads;
  next.pensioners[at + PENSION]! += spouses * (model.scheme.benefits.survivors!.share * pensions);
  occupy(next.pensionerAges, survivorRow, survivorAge);
}
