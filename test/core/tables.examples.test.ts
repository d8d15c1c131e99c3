/**
 * The @example of src/core/tables.ts, run, and the other tables of §2 as
 * dense arrays by (group, sex, age).
 */
import { describe, expect, it } from 'vitest';
import {
  ageCount, healthCostByAge, incomeRowIndex, mortalityBasis, mortalityOfYear, ratesTable, seasonsOf, sexIndex,
} from '../../src/core/tables.js';
import { tinyScheme } from '../support/scheme.js';

const range = { minAge: 58, maxAge: 62 };

describe('mortalityOfYear(basis, range, yearsSinceBase) (§2, §4)', () => {
  const { mortality } = tinyScheme({
    qx: { F: { 58: 0.01, 59: 0.9 }, M: { 58: 0.02, 62: 0.4 } },
    improvement: { F: { 58: 0.02, 59: -0.2 }, M: { 58: 0.1 } },
  });
  const basis = mortalityBasis(mortality, range);
  const at = (sex: 'F' | 'M', age: number) => sexIndex(sex) * ageCount(range) + (age - range.minAge);

  it('@example qx × (1 − imp)² two years after t0', () => {
    expect(mortalityOfYear(basis, range, 2)[at('F', 58)]).toBeCloseTo(0.01 * 0.98 ** 2, 15);
  });

  it.each([
    { sex: 'M' as const, age: 58, years: 3, q: 0.02 * 0.9 ** 3 },
    { sex: 'F' as const, age: 59, years: 1, q: Math.min(1, 0.9 * 1.2) }, // a negative improvement, capped at 1
    { sex: 'M' as const, age: 62, years: 0, q: 1 }, //                       max_age: 1 whatever qx
    { sex: 'F' as const, age: 60, years: 5, q: 0 },
  ])('q($sex, $age) after $years years = $q', ({ sex, age, years, q }) => {
    expect(mortalityOfYear(basis, range, years)[at(sex, age)]).toBeCloseTo(q, 15);
  });
});

describe('the other tables', () => {
  it('sexIndex: F 0, M 1; ageCount: max − min + 1', () => {
    expect([sexIndex('F'), sexIndex('M'), ageCount(range)]).toEqual([0, 1, 5]);
  });

  it('ratesTable: a named group\'s row replaces the * row of the same (sex, age) whole; 0 where none applies (§2)', () => {
    const { rates } = tinyScheme({
      scheme: { groups: { a: {}, b: {} } },
      rates: [{ age: 58, disability: 0.1, lapse: 0.3 }, { group: 'b', sex: 'F', age: 58, lapse: 0.2 }],
    });
    const table = ratesTable(rates, ['a', 'b'], range);
    const slot = (group: number, sex: 'F' | 'M', age: number) => (2 * group + sexIndex(sex)) * ageCount(range) + (age - range.minAge);
    expect([table.disability[slot(0, 'F', 58)], table.lapse[slot(0, 'F', 58)]]).toEqual([0.1, 0.3]);
    expect([table.disability[slot(1, 'F', 58)], table.lapse[slot(1, 'F', 58)]]).toEqual([0, 0.2]); // replaced whole
    expect([table.disability[slot(1, 'M', 58)], table.lapse[slot(1, 'M', 58)]]).toEqual([0.1, 0.3]); // b's row is F only
    expect(table.lapse[slot(0, 'F', 59)]).toBe(0);
  });

  it('incomeRowIndex: the covering row of each (group, sex, age), −1 at and above the retirement age', () => {
    const { income } = tinyScheme({ scheme: { benefits: { old_age: { retirement_age: { F: 60, M: 61 } } } } });
    // One row per sex (retirement ages differ): F 58–59 (row 0), M 58–60 (row 1).
    expect([...incomeRowIndex(income, ['g'], range)]).toEqual([0, 0, -1, -1, -1, 1, 1, 1, -1, -1]);
  });

  it('seasonsOf: the twelve factors in month order', () => {
    const { income } = tinyScheme({ income: { season_1: 2, season_12: 0.5 } });
    expect(seasonsOf(income[0]!)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5]);
  });

  it('healthCostByAge: each band\'s cost on its ages', () => {
    expect([...healthCostByAge([{ age_from: 58, age_to: 59, cost: 30 }, { age_from: 60, age_to: 62, cost: 80 }], range)])
      .toEqual([30, 30, 80, 80, 80]);
  });
});
