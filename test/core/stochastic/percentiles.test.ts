/**
 * §10's percentile (linear interpolation between order statistics, h = 1 +
 * ((m − 1) q)/100, multiply first) and its nulls, on examples worked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorOffset, outcomeLayout, variableOffset } from '../../../src/core/stochastic/outcome.js';
import { eventYearSpread, percentileName, percentileOfSorted, selectRanks, spreadOf } from '../../../src/core/stochastic/percentiles.js';
import { simulationTables } from '../../../src/core/stochastic/summary.js';

describe('percentileOfSorted', () => {
  const sorted = [1, 1, 3, 4, 5]; // 3, 1, 4, 1, 5 sorted (the methodology's example)
  it.each([
    [0, 1], // h = 1: the minimum
    [25, 1], // h = 1 + 100/100 = 2: y_2
    [50, 3], // h = 3
    [90, 4.6], // h = 4.6: 4 + 0.6 × (5 − 4)
    [100, 5], // h = 5: the maximum, no y_6 needed
    [62.5, 3.5], // h = 1 + 250/100 = 3.5: 3 + 0.5 × 1
  ])('p%s of 1, 1, 3, 4, 5 is %s', (q, expected) => {
    expect(percentileOfSorted(sorted, 5, q)).toBeCloseTo(expected, 14);
  });
  it('multiplies first: m = 101, q = 14 gives h = 1 + 1400/100 = 15 exactly (1 + 100 × 0.14 would be 15.000000000000002)', () => {
    const values = Array.from({ length: 101 }, (_, index) => index);
    expect(1 + 100 * (14 / 100)).not.toBe(15);
    expect(percentileOfSorted(values, 101, 14)).toBe(14);
  });
  it('is empty (NaN) without values and the value itself for one', () => {
    expect(percentileOfSorted([], 0, 50)).toBeNaN();
    expect(percentileOfSorted([7], 1, 95)).toBe(7);
  });
});

describe('spreadOf: over the non-empty values', () => {
  it('leaves NaN (empty cells) out of the mean and the percentiles', () => {
    const spread = spreadOf(Float64Array.of(3, Number.NaN, 1, 4, 1, 5), [25, 90], new Float64Array(6));
    expect(spread.mean).toBeCloseTo(14 / 5, 15);
    expect(spread.percentiles[0]).toBe(1);
    expect(spread.percentiles[1]).toBeCloseTo(4.6, 14);
  });
  it('is empty when every value is', () => {
    const spread = spreadOf(Float64Array.of(Number.NaN, Number.NaN), [50], new Float64Array(2));
    expect(spread.mean).toBeNaN();
    expect(spread.percentiles[0]).toBeNaN();
  });
});

describe('selectRanks: the order statistics a sort gives, at the ranks asked', () => {
  it('on a hand-made list with ties', () => {
    const values = Float64Array.of(5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5);
    selectRanks(values, values.length, Int32Array.of(0, 4, 5, 10));
    expect([values[0], values[4], values[5], values[10]]).toEqual([1, 4, 5, 9]); // sorted: [1] 1 2 3 [4] [5] 5 5 5 6 [9]
  });
  it('on a column where every scenario has the same value (a year no shock reaches yet)', () => {
    const values = new Float64Array(500).fill(7);
    values[123] = 8;
    selectRanks(values, 500, Int32Array.of(0, 249, 498, 499));
    expect([values[0], values[249], values[498], values[499]]).toEqual([7, 7, 7, 8]);
    const same = new Float64Array(500).fill(-2.5);
    selectRanks(same, 500, Int32Array.of(0, 250, 499));
    expect([same[0], same[250], same[499]]).toEqual([-2.5, -2.5, -2.5]);
  });
  it('on random lists (ties, sorted and reversed runs, lengths across the insertion-sort threshold)', () => {
    fc.assert(fc.property(
      fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 30, max: 400 })).chain((length) => fc.array(
        fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })), { minLength: length, maxLength: length })),
      fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.constantFrom('as drawn', 'ascending', 'descending'),
      (drawn, picks, order) => {
        // Zeros as +0: a sort puts −0 before 0, which selection counts as equal (and no output shows).
        const list = drawn.map((value) => (value === 0 ? 0 : value));
        if (order === 'ascending') list.sort((a, b) => a - b);
        if (order === 'descending') list.sort((a, b) => b - a);
        const sorted = Float64Array.from(list).sort();
        const ranks = Int32Array.from(new Set(list.length === 0 ? [] : picks.map((pick) => pick % list.length))).sort();
        const values = Float64Array.from(list);
        selectRanks(values, values.length, ranks);
        for (const rank of ranks) expect(values[rank]).toBe(sorted[rank]);
        expect(Float64Array.from(values).sort()).toEqual(sorted);
      },
    ), { numRuns: 500 });
  });
  it('spreadOf gives the percentiles of the sorted values', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 300 }).chain((length) => fc.array(
        fc.oneof(fc.constant(Number.NaN), fc.integer({ min: -3, max: 3 }), fc.double({ min: -100, max: 100, noNaN: true })), { minLength: length, maxLength: length })),
      fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }),
      (values, percentiles) => {
        const present = Float64Array.from(values.filter((value) => !Number.isNaN(value)).map((value) => (value === 0 ? 0 : value))).sort();
        const spread = spreadOf(Float64Array.from(values.map((value) => (value === 0 ? 0 : value))), percentiles, new Float64Array(values.length));
        expect(spread.percentiles).toEqual(percentiles.map((q) => percentileOfSorted(present, present.length, q)));
      },
    ), { numRuns: 300 });
  });
});

describe('eventYearSpread: a null depletion year is +∞', () => {
  // 2040, never, 2030, 2050 → 2030, 2040, 2050, +∞ (m = 4)
  const years = Float64Array.of(2040, Number.NaN, 2030, 2050);
  it.each([
    [0, 2030], // h = 1
    [50, 2045], // h = 2.5: 2040 + 0.5 × 10
    [200 / 3, 2050], // h = 1 + 3 × (200/3)/100 = 3: whole, y_3 = 2050 (no null touched)
    [75, null], // h = 3.25: y_4 is +∞ → null
    [100, null], // h = 4: y_4 = +∞ → null
  ])('p%s is %s', (q, expected) => {
    const [value] = eventYearSpread(years, [q], new Float64Array(4));
    if (expected === null) expect(value).toBeNaN();
    else expect(value).toBeCloseTo(expected, 9);
  });
});

describe('simulationTables on three hand-made outcomes', () => {
  const layout = outcomeLayout(2);
  const values = new Float64Array(3 * layout.width).fill(Number.NaN);
  const set = (scenario: number, offset: number, value: number) => { values[scenario * layout.width + offset] = value; };
  // gap 0.1, 0.3, 0.2; depletion 2026, never, 2025; deficit never, 2026, 2025; reserve_ratio of 2025: 2, empty, 4
  [[0.1, 2026, Number.NaN, 2], [0.3, Number.NaN, 2026, Number.NaN], [0.2, 2025, 2025, 4]].forEach(([gap, depletion, deficit, ratio], scenario) => {
    set(scenario, indicatorOffset('gap'), gap!);
    set(scenario, indicatorOffset('depletion_year'), depletion!);
    set(scenario, indicatorOffset('first_deficit_year'), deficit!);
    set(scenario, variableOffset(0, 'reserve_ratio'), ratio!);
  });
  const tables = simulationTables({ layout, scenarios: [4, 7, 9], values }, 2025, [50, 100], 3);
  it('ruin.csv: the share depleted (in deficit) at or before each year', () => {
    expect(tables.ruin).toEqual([
      { year: 2025, depleted_share: 1 / 3, deficit_share: 1 / 3 },
      { year: 2026, depleted_share: 2 / 3, deficit_share: 2 / 3 },
    ]);
    expect(tables.summary.depletion_probability).toBe(2 / 3);
  });
  it('summary.json: mean and percentiles of the gap; depletion years without a mean, nulls as +∞', () => {
    expect(tables.summary.gap.mean).toBeCloseTo(0.2, 15);
    expect(tables.summary.gap.p50).toBe(0.2);
    expect(tables.summary.gap.p100).toBe(0.3);
    expect(tables.summary.depletion_year).toEqual({ p50: 2026, p100: null });
    expect(tables.summary.scenarios).toBe(3);
    expect(tables.summary.seed).toBe(3);
  });
  it('percentiles.csv: over the year\'s non-empty values; empty when none', () => {
    const ratio2025 = tables.percentiles.find((row) => row.year === 2025 && row.variable === 'reserve_ratio')!;
    expect(ratio2025).toMatchObject({ mean: 3, p50: 3, p100: 4 });
    const ratio2026 = tables.percentiles.find((row) => row.year === 2026 && row.variable === 'reserve_ratio')!;
    expect(ratio2026).toMatchObject({ mean: null, p50: null, p100: null });
    expect(tables.percentiles.map((row) => `${row.year} ${row.variable}`).slice(0, 3)).toEqual(['2025 actives', '2025 density', '2025 contributions']);
  });
  it('scenarios.csv: one row per scenario in order, null for empty', () => {
    expect(tables.scenarios.map((row) => [row.scenario, row.gap, row.depletion_year])).toEqual([[4, 0.1, 2026], [7, 0.3, null], [9, 0.2, 2025]]);
  });
  it('names percentile columns in shortest decimal form', () => {
    expect([5, 2.5, 97.5, 50].map(percentileName)).toEqual(['p5', 'p2.5', 'p97.5', 'p50']);
  });
});
