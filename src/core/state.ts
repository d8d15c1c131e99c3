/**
 * The cohort state at the start of a year: head counts and money sums of
 * every cell (methodology §1) in two flat typed arrays. Cells store sums
 * (`N × average`), so merging cells is addition and the head-count weighting
 * of averages comes for free.
 *
 * The fields of a cell are interleaved: a member cell (group, sex, age, bin)
 * holds the A cell's sums, then the I cell's, then — in a scheme with
 * emigration — the W cell's (§11); a
 * pensioner slot (group, sex, age) the heads and pension sums of P, D and S.
 * A year's step reads one origin and writes its few destinations in
 * neighbouring memory, instead of a dozen arrays apart.
 *
 * Each row (group, sex) records the range of ages that may hold anyone, for
 * members and for pensioners apart: the year's loops run over those ages
 * only, and clearing a state for reuse is a fill over them.
 *
 * Within a run, a row's member cells are not cleared once the row is done
 * (`releaseRow`): step 4 writes every bin of next year's ages it reaches, so
 * it clears only the released ages it does not reach (`clearStaleMembers`).
 * Most member cells are thus written once a year, not zeroed and written.
 */
import { type CellLayout, memberCellCount, memberCellIndex, type MemberSumPlaces, slotCount, slotIndex } from './layout.js';
import { record } from './record.js';

/**
 * Offsets of a member state's sums within its part of a member cell (§1):
 * the heads and the sums every scheme reads come first, then those only
 * some schemes read, at the layout's `balanceSum` and `foreignSum`.
 */
export const HEADS = 0;
export const CREDITS = 1;
export const EARNINGS = 2;
export const OWN_BALANCE = 3;
/** Where the A part starts in a member cell; I follows at `memberPart`, W at `2 × memberPart`. */
export const ACTIVE = 0;

/**
 * The sums a member part carries: `N`, `N × c̄`, `N × w̄` and `N × ō` always;
 * `N × b̄` only when the scheme reads account balances (the account formula
 * or account refunds, §5), `N × f̄` only with totalization (§11; without it
 * f̄ is 0 everywhere). A sum no step reads would only be walked, moved and
 * cleared every year: step 4 is bound by its loads and stores, and the
 * stress scheme's cells are a third lighter without the two.
 * @example memberSumsOf({carriesBalance: false, carriesForeign: false, emigrates: false}) // {memberPart: 4, balanceSum: -1, foreignSum: -1, memberStride: 8}
 */
export function memberSumsOf(carries: { carriesBalance: boolean; carriesForeign: boolean; emigrates: boolean }): MemberSumPlaces {
  let memberPart = OWN_BALANCE + 1;
  const balanceSum = carries.carriesBalance ? memberPart++ : -1;
  const foreignSum = carries.carriesForeign ? memberPart++ : -1;
  // A W part only in a scheme with emigration (§11), whose W would otherwise stay empty.
  return { memberPart, balanceSum, foreignSum, memberStride: (carries.emigrates ? 3 : 2) * memberPart };
}

/** Where a cell's I part starts. */
export const inactivePart = (layout: CellLayout): number => layout.memberPart;
/** Where a cell's W part starts (§11). */
export const emigratedPart = (layout: CellLayout): number => 2 * layout.memberPart;

/** Where P, D and S start in a pensioner slot: heads, then the sum of annual pensions in payment. */
export const OLD_AGE = 0;
export const DISABILITY = 2;
export const SURVIVOR = 4;
export const PENSION = 1;
/** Numbers per pensioner slot. */
export const PENSIONER_STRIDE = 6;

/** Ages `low[row] … high[row]` may hold anyone; `low > high` when none. */
export interface AgeRanges {
  low: Int32Array;
  high: Int32Array;
}

export interface CohortState {
  /** A, I (and W) sums by member cell: `memberCellIndex × layout.memberStride + part + sum`. */
  members: Float64Array;
  /** P, D and S heads and pensions by slot: `slotIndex × PENSIONER_STRIDE + state (+ PENSION)`. */
  pensioners: Float64Array;
  memberAges: AgeRanges;
  pensionerAges: AgeRanges;
  /**
   * Member ages released by `releaseRow` whose cells may still hold an
   * earlier year's numbers: outside `memberAges`, nobody; zeroed by
   * `clearStaleMembers` before the row's cells are written again.
   */
  staleMemberAges: AgeRanges;
}

/** Where a state's arrays are made: on the heap, or in a kernel's WebAssembly memory (year/kernel.ts). */
export interface ArrayMaker {
  float64(length: number): Float64Array;
  int32(length: number): Int32Array;
}

const heapArrays: ArrayMaker = { float64: (length) => new Float64Array(length), int32: (length) => new Int32Array(length) };

function emptyRanges(rows: number, arrays: ArrayMaker): AgeRanges {
  return record({ low: arrays.int32(rows).fill(0x7fffffff), high: arrays.int32(rows).fill(-1) });
}

/** The numbers a state of `layout` holds, for sizing memory: doubles, then int32s. */
export const stateSize = (layout: CellLayout): { float64: number; int32: number } =>
  ({ float64: memberCellCount(layout) * layout.memberStride + slotCount(layout) * PENSIONER_STRIDE, int32: 6 * layout.groups * 2 });

export function emptyState(layout: CellLayout, arrays: ArrayMaker = heapArrays): CohortState {
  const rows = layout.groups * 2;
  return record({
    members: arrays.float64(memberCellCount(layout) * layout.memberStride),
    pensioners: arrays.float64(slotCount(layout) * PENSIONER_STRIDE),
    memberAges: emptyRanges(rows, arrays),
    pensionerAges: emptyRanges(rows, arrays),
    staleMemberAges: emptyRanges(rows, arrays),
  });
}

/** Widens a row's range to hold `ageIndex`. */
export function occupy(ranges: AgeRanges, row: number, ageIndex: number): void {
  if (ageIndex < ranges.low[row]!) ranges.low[row] = ageIndex;
  if (ageIndex > ranges.high[row]!) ranges.high[row] = ageIndex;
}

/** Whether row `row` holds nobody. */
export function rowIsEmpty(state: CohortState, row: number): boolean {
  return state.memberAges.low[row]! > state.memberAges.high[row]! && state.pensionerAges.low[row]! > state.pensionerAges.high[row]!;
}

/** Whether no row holds anyone. */
export function isEmpty(state: CohortState): boolean {
  const { memberAges, pensionerAges } = state;
  for (let row = 0; row < memberAges.low.length; row += 1) {
    if (memberAges.low[row]! <= memberAges.high[row]! || pensionerAges.low[row]! <= pensionerAges.high[row]!) return false;
  }
  return true;
}

/** Zeroes every cell the ranges cover and empties the ranges, so the state can be written again. */
export function clearState(state: CohortState, layout: CellLayout): void {
  for (let row = 0; row < state.memberAges.low.length; row += 1) clearRow(state, layout, row);
}

/** Zeroes the cells of one row that its ranges (and its stale member ages) cover, and empties its ranges. */
export function clearRow(state: CohortState, layout: CellLayout, row: number): void {
  releaseRow(state, layout, row);
  clearStaleMembers(state, layout, row, 0, -1);
}

/**
 * Empties a row's ranges within a run, once its year is projected: its
 * pensioner cells are zeroed, its member ages marked stale, for the step 4
 * that next writes the row to clear (`clearStaleMembers`).
 */
export function releaseRow(state: CohortState, layout: CellLayout, row: number): void {
  const { memberAges, pensionerAges } = state;
  widen(state.staleMemberAges, row, memberAges);
  if (pensionerAges.low[row]! <= pensionerAges.high[row]!) {
    state.pensioners.fill(0, slotIndex(layout, row, pensionerAges.low[row]!) * PENSIONER_STRIDE,
      slotIndex(layout, row, pensionerAges.high[row]! + 1) * PENSIONER_STRIDE);
  }
  memberAges.low[row] = 0x7fffffff; memberAges.high[row] = -1;
  pensionerAges.low[row] = 0x7fffffff; pensionerAges.high[row] = -1;
}

/**
 * Zeroes a row's stale member cells (`staleMemberAges`) but those of ages
 * `writtenLow … writtenHigh`, whose every cell the caller is about to
 * write, and empties the stale range.
 */
export function clearStaleMembers(state: CohortState, layout: CellLayout, row: number, writtenLow: number, writtenHigh: number): void {
  const stale = state.staleMemberAges;
  const low = stale.low[row]!;
  const high = stale.high[row]!;
  if (low > high) return;
  if (writtenLow > writtenHigh) {
    zeroMemberAges(state, layout, row, low, high);
  } else {
    zeroMemberAges(state, layout, row, low, Math.min(high, writtenLow - 1));
    zeroMemberAges(state, layout, row, Math.max(low, writtenHigh + 1), high);
  }
  stale.low[row] = 0x7fffffff; stale.high[row] = -1;
}

function zeroMemberAges(state: CohortState, layout: CellLayout, row: number, firstAge: number, lastAge: number): void {
  if (firstAge > lastAge) return;
  state.members.fill(0, memberCellIndex(layout, row, firstAge) * layout.memberStride, memberCellIndex(layout, row, lastAge + 1) * layout.memberStride);
}

/** Widens row `row` of `ranges` to cover that row of `by`. */
function widen(ranges: AgeRanges, row: number, by: AgeRanges): void {
  if (by.low[row]! > by.high[row]!) return;
  occupy(ranges, row, by.low[row]!);
  occupy(ranges, row, by.high[row]!);
}
