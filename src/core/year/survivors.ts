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
import type { CohortState } from '../state.js';
import type { YearContext } from './context.js';
import { enterKernel, leaveKernel, stateIndex } from './kernel.js';
import { lastMovingAge } from './move.js';

/**
 * Step 5 for one row (group, sex): the loops are src/wasm/pensioners.ts's
 * `survivors` (kernel.ts says why), over the ages step 4 summed the vested
 * deaths of (when the scheme pays disability) and the P and D slots.
 */
export function survivors(context: YearContext, state: CohortState, next: CohortState, row: number): void {
  const { model, kernel } = context;
  if (!model.scheme.benefits.survivors) return;
  const parameterSlots = slotIndex(model.layout, rowIndex(model.groupOfCell[row >> 1]!, row % 2), 0);
  // Deaths of vested members leave survivors only when the scheme pays disability (§4 step 5);
  // step 4 summed each age's vested deaths and their awards (it computes the awards anyway).
  const firstMemberAge = state.memberAges.low[row]!;
  const lastMemberAge = model.scheme.benefits.disability ? lastMovingAge(context, state, row) : firstMemberAge - 1;
  const own = enterKernel(kernel, state, next);
  kernel.steps.survivors(
    stateIndex(kernel, own, state), row, parameterSlots, firstMemberAge, lastMemberAge, state.pensionerAges.low[row]!, state.pensionerAges.high[row]!,
  );
  leaveKernel(kernel, own, next);
}
