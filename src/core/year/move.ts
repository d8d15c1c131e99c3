/**
 * Step 4 of a year (methodology §4, §11, §12): members who survive the year
 * move, from the start-of-year cell, to next year's cells one year older.
 * From an A cell (bin k): to D with the disability rate ι, to W with the
 * emigration rate e (bin k+1 with the density d, else bin k), then of the
 * rest `R` the paid share d earns a credit (bin k+1, capped at V) and the
 * lapse rate ℓ sends them to I; from an I cell: to D with ι, to W(k) with e,
 * then back to A with the reentry rate, else they stay in I. From a W cell
 * (§11): deaths `N q`; the survivors to W(k+1) with `foreign_density` (with
 * totalization; else 0), the rest to W(k), carrying `c̄' = c̄`,
 * `f̄' = f̄ + foreign_density`, `w̄' = w̄ (1 + wage_growth_t)`,
 * `b̄' = b̄ (1 + i_t)`, `ō' = ō (1 + i_t)`; W's deaths leave no survivors.
 *
 * Everyone leaving a cell alive carries its year-end averages, those of the
 * whole origin cell: for A, `c̄' = c̄ + d`, `w̄' = w̄ (1 + wage_growth_t) + S`,
 * `b̄' = b̄ (1 + i_t) + (C + M)(1 + i_t)^{1/2}`, `ō' = ō (1 + i_t) + C (1 + i_t)^{1/2}`,
 * `f̄' = f̄`; for I the same without the year's d, S, C, M. Each destination's
 * sums grow by `heads × average`. New D cells get the §5 disability award on
 * those averages (pro-rated by §11), and the award is kept for step 5's
 * survivors of the cell's deaths.
 *
 * Care credits (§12): a share f (the fertility) of the women who stay in A
 * or I is credited y years: each of their destinations, bin j, is split into
 * j with 1 − f and min(j + y, V) with f, and every stayer carries the origin
 * cell's care credits on top of §4's averages. The births are counted for
 * the state's care-credit contributions.
 */
import { Flow, flowRow } from '../flows.js';
import { rowIndex, slotIndex } from '../layout.js';
import { clearStaleMembers, type CohortState } from '../state.js';
import type { YearContext } from './context.js';
import { enterKernel, leaveKernel, stateIndex } from './kernel.js';

/**
 * Step 4 for one row (group, sex): the A, I (and W) cells of its ages, every
 * credit bin, into next year's cells one year older. The walk itself is
 * src/wasm/walk.ts (kernel.ts says why), one function for the row, so that
 * what the row's ages share is read once. The moves are done on sums: a
 * destination that takes a share `f` of a cell's `N` members gets `f N`
 * heads and `f` times each of the cell's year-end sums (`N ×` the year-end
 * average, e.g. `Σc' = Σc + N d`), which is `heads × average` without a
 * division.
 *
 * Bin k of next year receives the members of bin k who earn no credit and
 * those of bin k − 1 who earn one (and bin V also those of bin V who do):
 * the bins are walked upwards carrying the credit-earners of the bin below,
 * so that each destination cell is written once. The care-credited share of
 * women who stay goes to a scratch of arrivals by destination bin (always a
 * bin above their origin's, or the top bin), added in when the walk writes
 * that bin. Next year's cells of age + 1 receive nobody else (entrants join
 * the current year's state), so they are set, not added to. The walk stops
 * above the highest bin that holds anyone, plus a credit and care credits'
 * y, and zeroes the bins above: every cell of the ages it reaches is written,
 * so those need no clearing beforehand (state.ts `releaseRow`).
 *
 * It also leaves, by age, the heads of the A, I and W cells for step 3
 * (context.memberHeads), the vested deaths and their award-weighted sum for
 * step 5, and adds the newly disabled to next year's D cells.
 */
export function move(context: YearContext, state: CohortState, next: CohortState, row: number, flows: Float64Array): void {
  const { model, kernel } = context;
  const parameterSlots = slotIndex(model.layout, rowIndex(model.groupOfCell[row >> 1]!, row % 2), 0);
  const first = state.memberAges.low[row]!;
  const last = lastMovingAge(context, state, row);
  // The walk writes every cell of next year's ages first + 1 … last + 1.
  clearStaleMembers(next, model.layout, row, first + 1, last + 1);
  const own = enterKernel(kernel, state, next);
  context.births = kernel.steps.moveAges(stateIndex(kernel, own, state), row, first, last, parameterSlots);
  leaveKernel(kernel, own, next);
  context.memberHeadsOf = row;
  if (context.births > 0) flows[flowRow(row) + Flow.care_credit_contributions]! += context.births * context.careCreditContribution;
}

/**
 * The oldest age of a row whose members move this year: step 1 has retired
 * everyone at or past the sex's retirement age, so the last members stand a
 * year below it (and move to next year's cells at the retirement age).
 */
export function lastMovingAge(context: YearContext, state: CohortState, row: number): number {
  return Math.min(state.memberAges.high[row]!, context.model.retirementAgeIndex[row % 2]! - 1);
}

