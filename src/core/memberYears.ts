/**
 * §3 for every (group, sex, age) of a year: the density, contributions,
 * matching and insured earnings of one active member-year, computed once per
 * income row and year (a row covers an age band, and `*` rows both sexes),
 * then laid out by slot for the year's loops.
 *
 * A rule's pieces depend on the rule, `J_t` and `κ` only. When a group's rule
 * is wage-indexed (`J_t = Iw_t`), income and every money field of the rule
 * scale by `Iw_t` together, so C, M and S scale by `Iw_t` and d does not
 * change: the pieces are computed once, and a row's values are computed
 * again only when the scenario's income factor `F_{g,t}` changes (never in a
 * deterministic run).
 */
import { contributionPieces, expectedMemberYear, type MemberYear } from './contributions.js';
import type { ProjectionModel } from './model.js';
import type { Timeline } from './timeline.js';

/** §3's results by parameter slot (group, sex, age) for one year. */
export interface MemberYearTable {
  density: Float64Array;
  contributions: Float64Array;
  matching: Float64Array;
  insuredEarnings: Float64Array;
}

/** What one projection keeps from year to year: wage-indexed pieces and row values. */
export interface MemberYearCache {
  /** Pieces at `J = 1` of each wage-indexed group, once computed. */
  unitPieces: (Float64Array | undefined)[];
  /** The income factor each row's unit values were computed at (NaN: never). */
  rowFactor: Float64Array;
  /** d, C, M, S per row at `Iw = J = 1`, for wage-indexed groups. */
  unitValues: Float64Array;
}

export function memberYearTable(slots: number): MemberYearTable {
  return { density: new Float64Array(slots), contributions: new Float64Array(slots), matching: new Float64Array(slots), insuredEarnings: new Float64Array(slots) };
}

export function memberYearCache(model: ProjectionModel): MemberYearCache {
  const rows = model.incomeProfiles.length;
  return { unitPieces: model.groups.map(() => undefined), rowFactor: new Float64Array(rows).fill(NaN), unitValues: new Float64Array(4 * rows) };
}

/** Fills `table` with §3's results of year `t0 + yearIndex` by parameter slot. */
export function fillMemberYears(model: ProjectionModel, timeline: Timeline, yearIndex: number, cache: MemberYearCache, table: MemberYearTable): void {
  const rows = model.incomeProfiles.length;
  const values = new Float64Array(4 * rows);
  const piecesOfYear: (Float64Array | undefined)[] = [];
  const wageIndex = timeline.wageIndex[yearIndex]!;
  for (let row = 0; row < rows; row += 1) {
    const group = model.groupOfIncomeRow[row]!;
    if (model.groupInUse[group] === 0) continue;
    const parameters = model.groups[group]!;
    const profile = model.incomeProfiles[row]!;
    const factor = timeline.scenario.incomeFactor[group]![yearIndex]!;
    const wageIndexed = parameters.rule.indexation === 'wages';
    let result: MemberYear;
    if (wageIndexed) {
      if (cache.rowFactor[row] !== factor) {
        const pieces = (cache.unitPieces[group] ??= contributionPieces(parameters.rule, 1, parameters.declaredShare));
        const unit = expectedMemberYear(pieces, { ...profile, meanAnnualIncome: 12 * profile.meanMonthlyIncome * factor }, parameters.compliance);
        cache.unitValues.set([unit.density, unit.contributions, unit.matching, unit.insuredEarnings], 4 * row);
        cache.rowFactor[row] = factor;
      }
      result = {
        density: cache.unitValues[4 * row]!,
        contributions: cache.unitValues[4 * row + 1]! * wageIndex,
        matching: cache.unitValues[4 * row + 2]! * wageIndex,
        insuredEarnings: cache.unitValues[4 * row + 3]! * wageIndex,
      };
    } else {
      const pieces = (piecesOfYear[group] ??= contributionPieces(parameters.rule, timeline.contributionIndex[group]![yearIndex]!, parameters.declaredShare));
      result = expectedMemberYear(pieces, { ...profile, meanAnnualIncome: 12 * profile.meanMonthlyIncome * wageIndex * factor }, parameters.compliance);
    }
    values.set([result.density, result.contributions, result.matching, result.insuredEarnings], 4 * row);
  }
  const { incomeRowOfSlot } = model;
  for (let slot = 0; slot < incomeRowOfSlot.length; slot += 1) {
    const row = incomeRowOfSlot[slot]!;
    if (row < 0) {
      table.density[slot] = 0; table.contributions[slot] = 0; table.matching[slot] = 0; table.insuredEarnings[slot] = 0;
      continue;
    }
    table.density[slot] = values[4 * row]!;
    table.contributions[slot] = values[4 * row + 1]!;
    table.matching[slot] = values[4 * row + 2]!;
    table.insuredEarnings[slot] = values[4 * row + 3]!;
  }
}
