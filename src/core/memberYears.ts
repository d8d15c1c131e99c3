/**
 * §3 for every (group, sex, age) of a year: the density, contributions,
 * matching and insured earnings of one active member-year, computed once per
 * income row and year (a row covers an age band, and `*` rows both sexes),
 * then laid out by slot for the year's loops.
 *
 * A rule's pieces depend on the rule, `J_t` and `κ` only: the rows of a
 * group share them. When a group's rule is wage-indexed (`J_t = Iw_t`),
 * income and every money field of the rule scale by `Iw_t` together, so C,
 * M and S scale by `Iw_t` and d does not change: the pieces are computed
 * once, and a row's values at `Iw = 1` only when the scenario's income
 * factor `F_{g,t}` is one the row has not just had (never again in a
 * deterministic run). A stochastic run changes `F` every year, so the row's
 * evaluation itself is made fast (memberYearSums.ts).
 */
import { contributionPieces } from './contributions.js';
import type { ProjectionModel } from './model.js';
import { memberYearInto, type PieceSet, pieceSet, rowShape } from './memberYearSums.js';
import { type IncomeKernel, incomeKernel, spreadBySlot } from './incomeKernel.js';
import type { Timeline } from './timeline.js';
import { record } from './record.js';

/** §3's results by parameter slot (group, sex, age) for one year. */
export interface MemberYearTable {
  density: Float64Array;
  contributions: Float64Array;
  matching: Float64Array;
  insuredEarnings: Float64Array;
}

/**
 * What §3 keeps from year to year, and from run to run on the same model:
 * every number here is a function of the model and of the income factor
 * recorded beside it, never of a scenario's other paths.
 */
export interface MemberYearCache {
  /** §3's WebAssembly, which holds the rows' shapes and evaluates them (incomeKernel.ts). */
  kernel: IncomeKernel;
  /** Pieces at `J = 1` of each wage-indexed group, once computed. */
  unitPieces: (PieceSet | undefined)[];
  /** The income factor each row's unit values were computed at (NaN: never). */
  rowFactor: Float64Array;
  /** d, C, M, S per row at `Iw = J = 1`, for wage-indexed groups. */
  unitValues: Float64Array;
  /** d, C, M, S per row in the year being filled. */
  values: Float64Array;
  /**
   * Whether an income row gives some paid slot its values: a row whose ages
   * all lie at or above the retirement age (the demo's 60–64 and 65–69
   * bands, a quarter of its rows) is never evaluated.
   */
  rowPaid: Uint8Array;
}

export function memberYearTable(slots: number): MemberYearTable {
  return record({ density: new Float64Array(slots), contributions: new Float64Array(slots), matching: new Float64Array(slots), insuredEarnings: new Float64Array(slots) });
}

export function memberYearCache(model: ProjectionModel): MemberYearCache {
  const rows = model.incomeProfiles.length;
  const { incomeRowOfSlot } = model;
  // The slots that have an income row (ages below the sex's retirement age)
  // in a group some cell follows, the only ones a year fills: the others
  // stay 0 in every table, as allocated, and no step reads them (a stress
  // scheme's 3,840 slots hold 1,800 such; a batch of its entrant lanes, whose
  // lanes follow 4 of its 20 groups, about 360).
  const paidSlots = Int32Array.from(incomeRowOfSlot.keys())
    .filter((slot) => incomeRowOfSlot[slot]! >= 0 && model.groupInUse[model.groupOfIncomeRow[incomeRowOfSlot[slot]!]!] === 1);
  const rowPaid = new Uint8Array(rows);
  const pairs = new Int32Array(2 * paidSlots.length);
  paidSlots.forEach((slot, index) => {
    rowPaid[incomeRowOfSlot[slot]!] = 1;
    pairs[2 * index] = slot;
    pairs[2 * index + 1] = incomeRowOfSlot[slot]!;
  });
  return record({
    kernel: incomeKernel(model.incomeProfiles.map(rowShape), { slots: incomeRowOfSlot.length, pairs }),
    unitPieces: model.groups.map(() => undefined),
    rowFactor: new Float64Array(rows).fill(NaN),
    unitValues: new Float64Array(4 * rows),
    values: new Float64Array(4 * rows),
    rowPaid,
  });
}

/**
 * Fills `table` with §3's results of year `t0 + yearIndex` by parameter slot:
 * 0 at the slots without a paid income row. Places past the model's slots
 * (a table that served a larger model) are left as they are.
 */
export function fillMemberYears(model: ProjectionModel, timeline: Timeline, yearIndex: number, cache: MemberYearCache, table: MemberYearTable): void {
  const rows = model.incomeProfiles.length;
  const { values, unitValues, kernel } = cache;
  const piecesOfYear: (PieceSet | undefined)[] = [];
  const wageIndex = timeline.wageIndex[yearIndex]!;
  for (let row = 0; row < rows; row += 1) {
    if (cache.rowPaid[row] === 0) continue;
    const group = model.groupOfIncomeRow[row]!;
    const parameters = model.groups[group]!;
    const meanMonthlyIncome = kernel.shapes[row]!.profile.meanMonthlyIncome;
    const factor = timeline.scenario.incomeFactor[group]![yearIndex]!;
    const at = 4 * row;
    if (parameters.rule.indexation === 'wages') {
      if (cache.rowFactor[row] !== factor) {
        const pieces = (cache.unitPieces[group] ??= pieceSet(contributionPieces(parameters.rule, 1, parameters.declaredShare)));
        memberYearInto(kernel, pieces, row, 12 * meanMonthlyIncome * factor, parameters.compliance, unitValues, at);
        cache.rowFactor[row] = factor;
      }
      values[at] = unitValues[at]!;
      values[at + 1] = unitValues[at + 1]! * wageIndex;
      values[at + 2] = unitValues[at + 2]! * wageIndex;
      values[at + 3] = unitValues[at + 3]! * wageIndex;
    } else {
      const pieces = (piecesOfYear[group] ??= pieceSet(contributionPieces(parameters.rule, timeline.contributionIndex[group]![yearIndex]!, parameters.declaredShare)));
      memberYearInto(kernel, pieces, row, 12 * meanMonthlyIncome * wageIndex * factor, parameters.compliance, values, at);
    }
  }
  // Laid out by slot in the kernel: a loop of ~300 slots a year here ran
  // interpreted in a cold run, 9 ms of the demo's (bench/RESULTS.md).
  const bySlot = spreadBySlot(kernel, values);
  const slots = kernel.slots;
  table.density.set(bySlot.subarray(0, slots));
  table.contributions.set(bySlot.subarray(slots, 2 * slots));
  table.matching.set(bySlot.subarray(2 * slots, 3 * slots));
  table.insuredEarnings.set(bySlot.subarray(3 * slots, 4 * slots));
}
