/**
 * Step 6 of a year (methodology §4): pensioners who survive, `N (1 − q)`, are a
 * year older at the start of t+1 and their pension in payment grows by
 * `1 + idx_t`. Everyone at max_age has died (q = 1). Awards that join at t+1
 * (new D and S cells, written by steps 4 and 5) are already in money of t+1.
 */
import { rowIndex, slotIndex } from '../layout.js';
import { type CohortState, DISABILITY, occupy, OLD_AGE, PENSION, PENSIONER_STRIDE, SURVIVOR } from '../state.js';
import type { YearContext } from './context.js';

export function agePensioners(context: YearContext, state: CohortState, next: CohortState, row: number): void {
  const { model } = context;
  const { layout } = model;
  const lastAge = layout.ages - 1;
  const parameterSlots = slotIndex(layout, rowIndex(model.groupOfCell[row >> 1]!, row % 2), 0);
  const first = state.pensionerAges.low[row]!;
  const last = Math.min(state.pensionerAges.high[row]!, lastAge - 1);
  if (first > last) return;
  ageCells(context, state, next, row, first, last, parameterSlots, OLD_AGE, context.q);
  ageCells(context, state, next, row, first, last, parameterSlots, DISABILITY, context.qDisabled);
  ageCells(context, state, next, row, first, last, parameterSlots, SURVIVOR, context.q);
}

/** One pensioner state (`part`) of a row, ages `first … last`, into next year's cells one year older. */
function ageCells(
  context: YearContext, state: CohortState, next: CohortState, row: number, first: number, last: number, parameterSlots: number,
  part: number, qOf: Float64Array,
): void {
  const { layout } = context.model;
  const { pensioners } = state;
  for (let ageIndex = first; ageIndex <= last; ageIndex += 1) {
    const at = slotIndex(layout, row, ageIndex) * PENSIONER_STRIDE + part;
    const heads = pensioners[at]!;
    if (heads === 0) continue;
    const alive = heads * (1 - qOf[parameterSlots + ageIndex]!);
    if (alive === 0) continue;
    const older = at + PENSIONER_STRIDE;
    next.pensioners[older]! += alive;
    next.pensioners[older + PENSION]! += alive * (pensioners[at + PENSION]! / heads * context.pensionGrowth);
    occupy(next.pensionerAges, row, ageIndex + 1);
  }
}
