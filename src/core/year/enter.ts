/**
 * Step 2 of a year (methodology §4, §11): entrants join A, bin 0, with every
 * average 0 — or, with totalization and `entrants.foreign_credits = y`, bin
 * `min(y, V)` with `f̄ = y`. The scheme's own entrants are `count × (1 + growth)^{t−t0}` per
 * group, times the scenario's entrants factor, spread by `entrant_share`;
 * the single-entrant lanes of §8 bring their one entrant in the first year.
 */
import { memberCellIndex, rowIndex, slotCount, slotIndex } from '../layout.js';
import { Flow, flowRow } from '../flows.js';
import type { ProjectionModel } from '../model.js';
import type { Scenario } from '../scenario.js';
import { ACTIVE, type CohortState, HEADS, occupy } from '../state.js';

/** Entrant heads by (cell group, sex, age) slot in a year, or null for none. */
export type EntrantsOfYear = (yearIndex: number) => Float64Array | null;

export function enter(model: ProjectionModel, state: CohortState, row: number, entrants: Float64Array | null, flows: Float64Array): void {
  if (entrants === null) return;
  const { layout } = model;
  const foreignCredits = model.groups[model.groupOfCell[row >> 1]!]!.entrantForeignCredits;
  const bin = Math.min(foreignCredits, layout.bins - 1);
  let entered = 0;
  for (let ageIndex = 0; ageIndex < layout.memberAges; ageIndex += 1) {
    const heads = entrants[slotIndex(layout, row, ageIndex)]!;
    if (heads === 0) continue;
    const at = (memberCellIndex(layout, row, ageIndex) + bin) * layout.memberStride + ACTIVE;
    state.members[at + HEADS]! += heads;
    // Entrants bring foreign credits only with totalization, where cells carry f̄ (§11).
    if (foreignCredits > 0) state.members[at + layout.foreignSum]! += heads * foreignCredits;
    occupy(state.memberAges, row, ageIndex);
    entered += heads;
  }
  if (entered !== 0) flows[flowRow(row) + Flow.entrants]! += entered;
}

/**
 * The scheme's own entrants (§4 step 2): `count × (1 + growth)^{t−t0} ×`
 * the entrants factor of the scenario, spread by `entrant_share`.
 */
export function schemeEntrants(model: ProjectionModel, scenario: Scenario): EntrantsOfYear {
  const { layout, groups, rates } = model;
  const heads = new Float64Array(slotCount(layout));
  return (yearIndex) => {
    let any = false;
    for (let group = 0; group < layout.groups; group += 1) {
      const parameters = groups[model.groupOfCell[group]!]!;
      const count = parameters.entrantCount * Math.pow(1 + parameters.entrantGrowth, yearIndex) * scenario.entrantsFactor[yearIndex]!;
      for (let sex = 0; sex < 2; sex += 1) {
        const first = slotIndex(layout, rowIndex(group, sex), 0);
        const shares = slotIndex(layout, rowIndex(model.groupOfCell[group]!, sex), 0);
        for (let ageIndex = 0; ageIndex < layout.ages; ageIndex += 1) {
          const share = rates.entrantShare[shares + ageIndex]!;
          heads[first + ageIndex] = count * share;
          any ||= count * share > 0;
        }
      }
    }
    return any ? heads : null;
  };
}
