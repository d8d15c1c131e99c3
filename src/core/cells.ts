/**
 * The cohort state: head counts and money sums of every cell (MODEL.md §1),
 * in flat typed arrays. Cells store sums (`N × average`), so merging cells is
 * addition and the head-count weighting of averages comes for free.
 */
import type { PopulationRow } from '../schema/tables.js';
import { type AgeRange, ageCount, sexIndex } from './tables.js';

export interface CellLayout extends AgeRange {
  groups: number;
  /** Ages per (group, sex). */
  ages: number;
  /** Credit bins `0 … V`: `V + 1` of them. */
  bins: number;
}

export function cellLayout(groups: number, range: AgeRange, topBin: number): CellLayout {
  return { groups, minAge: range.minAge, maxAge: range.maxAge, ages: ageCount(range), bins: topBin + 1 };
}

/** Index of the (group, sex, age) slot: ages of one (group, sex) are contiguous. */
export const slotIndex = (layout: CellLayout, group: number, sex: number, ageIndex: number) =>
  (group * 2 + sex) * layout.ages + ageIndex;

/** Index of an A or I cell: the slot's credit bins are contiguous. */
export const memberIndex = (layout: CellLayout, slot: number, bin: number) => slot * layout.bins + bin;

/** A and I cells: heads and the sums of c̄, w̄, b̄, ō (§1). */
export interface MemberCells {
  heads: Float64Array;
  credits: Float64Array;
  earnings: Float64Array;
  balance: Float64Array;
  ownBalance: Float64Array;
}

/** P, D and S cells: heads and the sum of annual pensions in payment. */
export interface PensionerCells {
  heads: Float64Array;
  pension: Float64Array;
}

export interface CohortState {
  /** 1 where a (group, sex, age) slot may hold anyone: empty slots are skipped and need no clearing. */
  occupied: Uint8Array;
  active: MemberCells;
  inactive: MemberCells;
  oldAge: PensionerCells;
  disability: PensionerCells;
  survivor: PensionerCells;
}

const memberCells = (size: number): MemberCells => ({
  heads: new Float64Array(size),
  credits: new Float64Array(size),
  earnings: new Float64Array(size),
  balance: new Float64Array(size),
  ownBalance: new Float64Array(size),
});

const pensionerCells = (size: number): PensionerCells => ({ heads: new Float64Array(size), pension: new Float64Array(size) });

export function emptyState(layout: CellLayout): CohortState {
  const slots = layout.groups * 2 * layout.ages;
  return {
    occupied: new Uint8Array(slots),
    active: memberCells(slots * layout.bins),
    inactive: memberCells(slots * layout.bins),
    oldAge: pensionerCells(slots),
    disability: pensionerCells(slots),
    survivor: pensionerCells(slots),
  };
}

export function clearState(state: CohortState, layout: CellLayout): void {
  const { occupied } = state;
  for (let slot = 0; slot < occupied.length; slot += 1) {
    if (occupied[slot] === 0) continue;
    const from = slot * layout.bins;
    const to = from + layout.bins;
    for (const cells of [state.active, state.inactive]) {
      cells.heads.fill(0, from, to); cells.credits.fill(0, from, to); cells.earnings.fill(0, from, to);
      cells.balance.fill(0, from, to); cells.ownBalance.fill(0, from, to);
    }
    for (const cells of [state.oldAge, state.disability, state.survivor]) {
      cells.heads[slot] = 0; cells.pension[slot] = 0;
    }
    occupied[slot] = 0;
  }
}

/**
 * The base-year state from population rows (§2): rows with the same key add
 * up; an A/I row goes to bin `min(floor(credits), V)` and adds `count × value`
 * to each sum; a pensioner row adds `count × 12 × pension_monthly`.
 */
export function initialState(rows: readonly PopulationRow[], groups: readonly string[], layout: CellLayout): CohortState {
  const state = emptyState(layout);
  for (const row of rows) {
    const group = groups.indexOf(row.group);
    if (group < 0) continue;
    const slot = slotIndex(layout, group, sexIndex(row.sex), row.age - layout.minAge);
    const count = row.count;
    state.occupied[slot] = 1;
    if (row.status === 'active' || row.status === 'inactive') {
      const cells = row.status === 'active' ? state.active : state.inactive;
      const cell = memberIndex(layout, slot, Math.min(Math.floor(row.credits), layout.bins - 1));
      cells.heads[cell]! += count;
      cells.credits[cell]! += count * row.credits;
      cells.earnings[cell]! += count * row.earnings;
      cells.balance[cell]! += count * row.balance;
      cells.ownBalance[cell]! += count * row.own_balance;
    } else {
      const cells = row.status === 'retired' ? state.oldAge : row.status === 'disabled' ? state.disability : state.survivor;
      cells.heads[slot]! += count;
      cells.pension[slot]! += count * 12 * (row.pension_monthly ?? 0);
    }
  }
  return state;
}
