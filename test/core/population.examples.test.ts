/**
 * The @example of src/core/population.ts, run (methodology §2 population).
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/model.js';
import { initialState, oldestMemberIndex } from '../../src/core/population.js';
import { tinyScheme } from '../support/scheme.js';
import { memberSums, pensionerSums } from './year/cells.js';

describe('initialState(rows, groups, layout)', () => {
  it.each([
    // The example's "2 heads in bin 3" holds when V ≥ 3; with V = 2 the bin is min(floor(3), 2) = 2.
    { vesting: 5, bin: 3 },
    { vesting: 2, bin: 2 },
  ])('@example 2 heads with 3 credits at 40 go to bin min(3, V) of A (g, F, 40): V = $vesting → bin $bin', ({ vesting, bin }) => {
    const data = tinyScheme({
      scheme: { projection: { min_age: 20, max_age: 62 }, benefits: { old_age: { vesting_years: vesting } } },
      population: [{ group: 'g', sex: 'F', age: 40, status: 'active', count: 2, credits: 3, earnings: 100, own_balance: 7 }],
    });
    const { layout } = buildModel(data);
    const state = initialState(data.population, ['g'], layout, false);
    expect(memberSums(state, layout, { sex: 'F', age: 40, bin, part: 'A' })).toEqual({ heads: 2, credits: 6, earnings: 200, balance: 0, own: 14, foreign: 0 });
  });

  it('rows with one key add up; a pensioner row adds count × 12 × pension_monthly', () => {
    const data = tinyScheme({
      population: [
        { sex: 'M', age: 61, status: 'disabled', count: 2, pension_monthly: 50 },
        { sex: 'M', age: 61, status: 'disabled', count: 1, pension_monthly: 80 },
        { sex: 'F', age: 59, status: 'inactive', credits: 0.4 },
        { sex: 'F', age: 59, status: 'inactive', credits: 0.8 },
      ],
    });
    const { layout } = buildModel(data);
    const state = initialState(data.population, ['g'], layout, false);
    expect(pensionerSums(state, layout, { sex: 'M', age: 61, state: 'D' })).toEqual({ heads: 3, pension: 2 * 600 + 960 });
    expect(memberSums(state, layout, { sex: 'F', age: 59, bin: 0, part: 'I' }).credits).toBeCloseTo(1.2, 15);
    expect(oldestMemberIndex(data.population, 58)).toBe(1);
  });
});
