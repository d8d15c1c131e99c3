/**
 * Where each cell lives in the flat typed arrays of the cohort state
 * (methodology §1): one index helper per shape, so that no slot formula is
 * spelt out twice.
 *
 * - a *row* is a (cell group, sex): flows, occupied age ranges;
 * - a *slot* is a (cell group, sex, age) of P, D and S cells, ages
 *   `min_age … max_age`;
 * - a *member cell* is a (cell group, sex, age, credit bin) of A and I
 *   cells, ages `min_age …` up to the highest age a member can have at the
 *   start of a year (the highest retirement age: older members retire in
 *   step 1), bins `0 … V`.
 *
 * Cell groups are the scheme's groups, or one lane per single entrant (§8),
 * each lane following its own group's parameters.
 */
import { record } from './record.js';

export interface CellLayout {
  minAge: number;
  maxAge: number;
  /** Ages `min_age … max_age` of a slot. */
  ages: number;
  /** Cell groups: the scheme's groups or the entrant lanes. */
  groups: number;
  /** Ages of member cells, from `min_age`. */
  memberAges: number;
  /** Credit bins `0 … V`: `V + 1` of them. */
  bins: number;
  /** Numbers per member state (an A, I or W part of a cell): the sums the scheme reads (state.ts `memberSumsOf`). */
  memberPart: number;
  /** Where `N × b̄` lies in a part, or −1 when the scheme reads no account balance. */
  balanceSum: number;
  /** Where `N × f̄` lies in a part, or −1 without totalization (§11). */
  foreignSum: number;
  /** Numbers per member cell: two parts, or three with a W part. */
  memberStride: number;
}

/** The sums of a member part and their places (state.ts `memberSumsOf`). */
export interface MemberSumPlaces {
  memberPart: number;
  balanceSum: number;
  foreignSum: number;
  memberStride: number;
}

/**
 * A layout, always built here with the same fields in the same order, so
 * that every layout (the scheme's, the entrant lanes') has one hidden class
 * and the year's loops stay optimised for both.
 */
export function cellLayout(minAge: number, maxAge: number, groups: number, memberAges: number, bins: number, sums: MemberSumPlaces): CellLayout {
  const { memberPart, balanceSum, foreignSum, memberStride } = sums;
  return record({ minAge, maxAge, ages: maxAge - minAge + 1, groups, memberAges, bins, memberPart, balanceSum, foreignSum, memberStride });
}

/** The (cell group, sex) row: `2 g + s`. */
export const rowIndex = (group: number, sex: number): number => group * 2 + sex;

/** First slot of a row: slots of one (group, sex) are contiguous by age. */
export const slotIndex = (layout: CellLayout, row: number, ageIndex: number): number => row * layout.ages + ageIndex;

/**
 * First member cell of (row, age): its credit bins are contiguous. A cell's
 * numbers start at `index × layout.memberStride` in the state's members.
 */
export const memberCellIndex = (layout: CellLayout, row: number, ageIndex: number): number =>
  (row * layout.memberAges + ageIndex) * layout.bins;

/** Slots of every row. */
export const slotCount = (layout: CellLayout): number => layout.groups * 2 * layout.ages;

/** Member cells of every row. */
export const memberCellCount = (layout: CellLayout): number => layout.groups * 2 * layout.memberAges * layout.bins;
