/**
 * The base-year state from population rows (methodology §2, §11): rows with the
 * same key add up; an A/I row goes to bin `min(floor(credits), V)` and adds
 * `count × value` to each sum; a pensioner row adds `count × 12 ×
 * pension_monthly`. With totalization, foreign credits count too: the bin is
 * `min(floor(credits + foreign_credits), V)` and they add to the f̄ sum;
 * without, they are ignored. W is empty at t0.
 */
import type { PopulationRow } from '../schema/tables.js';
import { type CellLayout, memberCellIndex, rowIndex, slotIndex } from './layout.js';
import {
  ACTIVE, CREDITS, type CohortState, DISABILITY, EARNINGS, emptyState, HEADS, inactivePart, occupy, OLD_AGE, OWN_BALANCE,
  PENSION, PENSIONER_STRIDE, SURVIVOR,
} from './state.js';
import { sexIndex } from './tables.js';

/**
 * @param groups the scheme's group names, in order (cell group = scheme group)
 * @param totalization `portability.totalization` (§11): whether foreign credits count
 * @param state where to put them: a clear state (a new one by default)
 * @example initialState([{group: 'g', sex: 'F', age: 40, status: 'active', count: 2, credits: 3, …}], ['g'], layout, false) // 2 heads in bin 3 of A (g, F, 40)
 */
export function initialState(
  rows: readonly PopulationRow[], groups: readonly string[], layout: CellLayout, totalization: boolean, state: CohortState = emptyState(layout),
): CohortState {
  const { members, pensioners } = state;
  const groupIndex = new Map(groups.map((name, index) => [name, index]));
  for (const population of rows) {
    const group = groupIndex.get(population.group);
    if (group === undefined) continue;
    const row = rowIndex(group, sexIndex(population.sex));
    const ageIndex = population.age - layout.minAge;
    const count = population.count;
    if (population.status === 'active' || population.status === 'inactive') {
      const foreign = totalization ? population.foreign_credits : 0;
      const bin = Math.min(Math.floor(population.credits + foreign), layout.bins - 1);
      const at = (memberCellIndex(layout, row, ageIndex) + bin) * layout.memberStride + (population.status === 'active' ? ACTIVE : inactivePart(layout));
      members[at + HEADS]! += count;
      members[at + CREDITS]! += count * population.credits;
      members[at + EARNINGS]! += count * population.earnings;
      members[at + OWN_BALANCE]! += count * population.own_balance;
      // Balances only where the scheme reads them, foreign credits only with totalization (state.ts memberSumsOf).
      if (layout.balanceSum >= 0) members[at + layout.balanceSum]! += count * population.balance;
      if (layout.foreignSum >= 0) members[at + layout.foreignSum]! += count * foreign;
      occupy(state.memberAges, row, ageIndex);
    } else {
      const at = slotIndex(layout, row, ageIndex) * PENSIONER_STRIDE + pensionerPart(population.status);
      pensioners[at]! += count;
      pensioners[at + PENSION]! += count * 12 * pensionMonthly(population);
      occupy(state.pensionerAges, row, ageIndex);
    }
  }
  return state;
}

function pensionerPart(status: 'retired' | 'disabled' | 'survivor'): number {
  switch (status) {
    case 'retired': return OLD_AGE;
    case 'disabled': return DISABILITY;
    case 'survivor': return SURVIVOR;
  }
}

/** §2: a pensioner row's `pension_monthly` is required; validation guarantees it, the guard names it if not. */
function pensionMonthly(row: PopulationRow): number {
  if (row.pension_monthly === undefined) throw new Error(`population row ${row.group} ${row.sex} ${row.age} ${row.status} has no pension_monthly`);
  return row.pension_monthly;
}

/** The highest age index a member row of the population holds, or −1 when none. */
export function oldestMemberIndex(rows: readonly PopulationRow[], minAge: number): number {
  let oldest = -1;
  for (const row of rows) {
    if ((row.status === 'active' || row.status === 'inactive') && row.age - minAge > oldest) oldest = row.age - minAge;
  }
  return oldest;
}
