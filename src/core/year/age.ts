/**
 * Step 6 of a year (methodology §4): pensioners who survive, `N (1 − q)`, are a
 * year older at the start of t+1 and their pension in payment grows by
 * `1 + idx_t`. Everyone at max_age has died (q = 1). Awards that join at t+1
 * (new D and S cells, written by steps 4 and 5) are already in money of t+1.
 */
import { rowIndex, slotIndex } from '../layout.js';
import type { CohortState } from '../state.js';
import type { YearContext } from './context.js';
import { enterKernel, leaveKernel, stateIndex } from './kernel.js';

/** Step 6 for one row (group, sex): P, D and S, in src/wasm/pensioners.ts's `agePensionersOf` (kernel.ts says why). */
export function agePensioners(context: YearContext, state: CohortState, next: CohortState, row: number): void {
  const { model, kernel } = context;
  const { layout } = model;
  const lastAge = layout.ages - 1;
  const parameterSlots = slotIndex(layout, rowIndex(model.groupOfCell[row >> 1]!, row % 2), 0);
  const first = state.pensionerAges.low[row]!;
  const last = Math.min(state.pensionerAges.high[row]!, lastAge - 1);
  if (first > last) return;
  const own = enterKernel(kernel, state, next);
  kernel.steps.agePensioners(stateIndex(kernel, own, state), row, parameterSlots, first, last);
  leaveKernel(kernel, own, next);
}
