/**
 * The CSV tables of a scheme turned into dense arrays addressed by
 * (group, sex, age), once, before the hot loops (methodology §2).
 * Validation (src/io) has already guaranteed coverage and uniqueness.
 */
import type { IncomeRow, MortalityRow, RatesRow } from '../schema/tables.js';
import type { Sex } from './rules.js';
import { improvedQx } from './lifeTable.js';
import { SEXES } from './rules.js';

/** Ages `minAge … maxAge` of the projection; arrays store age `x` at `x − minAge`. */
export interface AgeRange {
  minAge: number;
  maxAge: number;
}

export const ageCount = (range: AgeRange) => range.maxAge - range.minAge + 1;
export const sexIndex = (sex: Sex) => (sex === 'F' ? 0 : 1);
const appliesTo = (rowSex: string, sex: Sex) => rowSex === '*' || rowSex === sex;

/** Base-year `qx` and `improvement` by (sex, age), from rows naming a sex or `*`. */
export interface MortalityBasis {
  qx: Float64Array;
  improvement: Float64Array;
}

export function mortalityBasis(rows: readonly MortalityRow[], range: AgeRange): MortalityBasis {
  const ages = ageCount(range);
  const qx = new Float64Array(2 * ages);
  const improvement = new Float64Array(2 * ages);
  for (const row of rows) {
    if (row.age < range.minAge || row.age > range.maxAge) continue;
    for (const sex of SEXES) {
      if (!appliesTo(row.sex, sex)) continue;
      const at = sexIndex(sex) * ages + row.age - range.minAge;
      qx[at] = row.qx;
      improvement[at] = row.improvement;
    }
  }
  return { qx, improvement };
}

/**
 * `q_{s,x,t} = min(1, qx × (1 − improvement)^{t−t0})`, and 1 at max_age (§2, §4).
 * @example mortalityOfYear(basis, range, 2)[at] // qx × (1 − imp)² two years after t0
 */
export function mortalityOfYear(basis: MortalityBasis, range: AgeRange, yearsSinceBase: number): Float64Array {
  const ages = ageCount(range);
  const q = new Float64Array(2 * ages);
  for (let at = 0; at < q.length; at += 1) {
    q[at] = improvedQx({ qx: basis.qx[at]!, improvement: basis.improvement[at]! }, yearsSinceBase);
  }
  q[ages - 1] = 1;
  q[2 * ages - 1] = 1;
  return q;
}

/** Annual decrement and entry rates by (group, sex, age); 0 where no row applies (§2 rates). */
export interface RatesTable {
  disability: Float64Array;
  lapse: Float64Array;
  reentry: Float64Array;
  fertility: Float64Array;
  entrantShare: Float64Array;
  /** §11: A and I members who move to W at the end of the year. */
  emigration: Float64Array;
}

const RATE_COLUMNS = ['disability', 'lapse', 'reentry', 'fertility', 'entrantShare', 'emigration'] as const;

/** A named-group row replaces the `*` row of the same (sex, age): `*` rows are laid down first. */
export function ratesTable(rows: readonly RatesRow[], groups: readonly string[], range: AgeRange): RatesTable {
  const ages = ageCount(range);
  const size = groups.length * 2 * ages;
  const table: RatesTable = {
    disability: new Float64Array(size),
    lapse: new Float64Array(size),
    reentry: new Float64Array(size),
    fertility: new Float64Array(size),
    entrantShare: new Float64Array(size),
    emigration: new Float64Array(size),
  };
  const ordered = [...rows.filter((row) => row.group === '*'), ...rows.filter((row) => row.group !== '*')];
  for (const row of ordered) {
    if (row.age < range.minAge || row.age > range.maxAge) continue;
    const values = [row.disability, row.lapse, row.reentry, row.fertility, row.entrant_share, row.emigration];
    groups.forEach((group, groupIndex) => {
      if (row.group !== '*' && row.group !== group) return;
      for (const sex of SEXES) {
        if (!appliesTo(row.sex, sex)) continue;
        const at = (groupIndex * 2 + sexIndex(sex)) * ages + row.age - range.minAge;
        RATE_COLUMNS.forEach((column, columnIndex) => { table[column][at] = values[columnIndex]!; });
      }
    });
  }
  return table;
}

/**
 * The income row that covers each (group, sex, age), as an index into
 * `rows`, or −1 where none does (at and above the retirement age).
 */
export function incomeRowIndex(rows: readonly IncomeRow[], groups: readonly string[], range: AgeRange): Int32Array {
  const ages = ageCount(range);
  const index = new Int32Array(groups.length * 2 * ages).fill(-1);
  rows.forEach((row, rowIndex) => {
    const groupIndex = groups.indexOf(row.group);
    if (groupIndex < 0) return;
    for (const sex of SEXES) {
      if (!appliesTo(row.sex, sex)) continue;
      for (let age = Math.max(row.age_from, range.minAge); age <= Math.min(row.age_to, range.maxAge); age += 1) {
        index[(groupIndex * 2 + sexIndex(sex)) * ages + age - range.minAge] = rowIndex;
      }
    }
  });
  return index;
}

/** The 12 seasonal factors of an income row, in month order. */
export function seasonsOf(row: IncomeRow): number[] {
  return [row.season_1, row.season_2, row.season_3, row.season_4, row.season_5, row.season_6,
    row.season_7, row.season_8, row.season_9, row.season_10, row.season_11, row.season_12];
}

/** Health cost per head and year by age, in money of t0 (§5 health). */
export function healthCostByAge(bands: readonly { age_from: number; age_to: number; cost: number }[], range: AgeRange): Float64Array {
  const cost = new Float64Array(ageCount(range));
  for (const band of bands) {
    for (let age = Math.max(band.age_from, range.minAge); age <= Math.min(band.age_to, range.maxAge); age += 1) {
      cost[age - range.minAge] = band.cost;
    }
  }
  return cost;
}
