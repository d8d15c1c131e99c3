/**
 * One projection year, methodology §4 steps 1–6 with the flows of §5 and §6
 * (and §11's W cells, §12's care credits),
 * each step a function of its own. Every flow and move is computed from the
 * start-of-year cell and added once into the year's flows or next year's
 * state (never decrement by decrement), so heads and money are conserved by
 * construction.
 *
 * Each (group, sex) row goes through every step before the next row starts:
 * rows never meet within a year but for survivors, who join next year's
 * state, so the order is free, and a row's cells stay in the processor's
 * cache from step to step.
 */
import { type CellLayout, slotIndex } from '../layout.js';
import { clearStaleMembers, type CohortState, releaseRow, rowIsEmpty } from '../state.js';
import { agePensioners } from './age.js';
import { enterYear, type YearContext } from './context.js';
import { enter } from './enter.js';
import { move } from './move.js';
import { closeFlows, payments } from './payments.js';
import { retire } from './retire.js';
import { survivors } from './survivors.js';

/**
 * Projects year `t0 + yearIndex`: reads `state` (start of year; steps 1–2
 * change it, and each row is released once done, ready to be written as a
 * later year's `next`), writes `next` (start of the following year: clear
 * but for released member ages, state.ts `releaseRow`) and adds the year's
 * flows to `flows` (one FLOW_WIDTH row per (group, sex), must be zeroed).
 * @param entrants heads entering bin 0 of A by (cell group, sex, age) slot, or null (§4 step 2)
 */
export function projectYear(
  context: YearContext, state: CohortState, next: CohortState, yearIndex: number, entrants: Float64Array | null, flows: Float64Array,
): void {
  enterYear(context, yearIndex);
  const { layout } = context.model;
  for (let row = 0; row < layout.groups * 2; row += 1) {
    // A row with nobody and nobody entering has no flows and no one to move: most
    // rows of the single-entrant lanes (§8), once their entrant and survivors have died.
    if (rowIsEmpty(state, row) && !entersRow(layout, entrants, row)) {
      // No step 4 writes the row's next-year cells: those of an earlier year go.
      clearStaleMembers(next, layout, row, 0, -1);
      continue;
    }
    retire(context, state, row, flows); //               step 1
    enter(context.model, state, row, entrants, flows); // step 2
    // Step 4 before step 3: neither changes what the other reads (step 4 writes
    // next year's cells), and step 4 counts the heads step 3 needs as it walks.
    move(context, state, next, row, flows); //           step 4 (W cells of §11, care credits of §12)
    payments(context, state, row, flows); //             step 3, §5, §6
    survivors(context, state, next, row); //             step 5
    agePensioners(context, state, next, row); //         step 6
    closeFlows(context, row, flows); //                  §5 funeral, §6 administration and expenditure
    releaseRow(state, layout, row);
  }
}

/** Whether `entrants` brings anyone into row `row` this year. */
function entersRow(layout: CellLayout, entrants: Float64Array | null, row: number): boolean {
  if (entrants === null) return false;
  const first = slotIndex(layout, row, 0);
  for (let slot = first; slot < first + layout.ages; slot += 1) if (entrants[slot]! > 0) return true;
  return false;
}
