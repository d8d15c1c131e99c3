/**
 * B against A (src/core/comparison.ts) and compare's gates (`delta …`,
 * src/core/assertions.ts): differences of indicators and columns, event
 * years that only one side has, and the grammar's `delta` prefix.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAssertion, parseAssertion, parseComparisonAssertion, type AssertionInput } from '../../src/core/assertions.js';
import { compareYears, difference, differenceOf, eventDifference } from '../../src/core/comparison.js';
import type { Indicators, ProjectionYear } from '../../src/core/types.js';

const indicators = (values: Partial<Indicators>): Indicators => ({
  gap: 0.15, effective_rate: 0.12, actuarial_balance: -0.03, depletion_year: null, first_deficit_year: null, gender_pension_gap: null,
  present_values: {
    pv_expenditure: 100, pv_insured_earnings: 1000, pv_contributions: 80, pv_matching: 20, pv_care_credit_contributions: 0, pv_contributions_and_matching: 100,
    pv_benefits: 90, pv_administration: 10, reserve_start: 5, discount_factor_T: 0.5, target_final_reserve: 0,
  },
  ...values,
});
const year = (year: number, values: Partial<ProjectionYear>) => ({ year, reserve_end: 0, contributions: 0, reserve_ratio: null, ...values }) as unknown as ProjectionYear;
const side = (rows: ProjectionYear[], values: Partial<Indicators>): AssertionInput => ({ projection: rows, indicators: indicators(values) });

describe('difference and eventDifference', () => {
  it.each([
    [0.15, 0.16, 0.16 - 0.15],
    [null, 0.16, null],
    [0.15, null, null],
    [undefined, 1, null],
  ])('difference(%s, %s) is %s: empty when either is', (a, b, expected) => {
    expect(difference(a, b)).toBe(expected);
  });
  it.each([
    [2078, 2082, 4, 'both deplete: B four years later'],
    [2078, null, Number.POSITIVE_INFINITY, 'B no longer depletes within the horizon'],
    [null, 2078, Number.NEGATIVE_INFINITY, 'only B depletes'],
    [null, null, 0, 'neither depletes: no change'],
    [2078, 2078, 0, 'same year'],
  ] as [number | null, number | null, number, string][])('eventDifference(%s, %s) is %s: %s', (a, b, expected) => {
    expect(eventDifference(a, b)).toBe(expected);
  });
});

describe('differenceOf and compareYears', () => {
  const a = side([year(2025, { reserve_end: 100, contributions: 10, reserve_ratio: 2 }), year(2026, { reserve_end: 90, contributions: 12, reserve_ratio: null })],
    { gap: 0.15, depletion_year: 2078, first_deficit_year: 2050 });
  const b = side([year(2025, { reserve_end: 110, contributions: 11, reserve_ratio: 2.5 }), year(2026, { reserve_end: 80, contributions: 13, reserve_ratio: 1 })],
    { gap: 0.14, depletion_year: null, first_deficit_year: 2053, present_values: { ...indicators({}).present_values, pv_expenditure: 130 } });

  it('B − A field by field; event years by eventDifference; years kept', () => {
    const delta = differenceOf(a, b);
    expect(delta.projection.map((row) => [row.year, row.reserve_end, row.contributions, row.reserve_ratio])).toEqual([[2025, 10, 1, 0.5], [2026, -10, 1, null]]);
    expect(delta.indicators).toMatchObject({ gap: 0.14 - 0.15, effective_rate: 0, depletion_year: Number.POSITIVE_INFINITY, first_deficit_year: 3 });
    expect(delta.indicators.present_values.pv_expenditure).toBe(30);
  });

  it('a side with itself differs by zero everywhere', () => {
    const delta = differenceOf(a, a);
    expect(delta.projection.every((row) => Object.entries(row).every(([key, value]) => key === 'year' || value === 0 || value === null))).toBe(true);
    expect(Object.values(delta.indicators.present_values).every((value) => value === 0)).toBe(true);
    expect([delta.indicators.gap, delta.indicators.depletion_year, delta.indicators.first_deficit_year]).toEqual([0, 0, 0]);
  });

  it('refuses projections of different years', () => {
    expect(() => differenceOf(a, side([year(2025, {})], {}))).toThrow('do not cover the same years');
  });

  it('compareYears: A, B and B − A of each column named', () => {
    expect(compareYears(a, b, ['reserve_end', 'reserve_ratio'])).toEqual([
      { year: 2025, reserve_end_a: 100, reserve_end_b: 110, delta_reserve_end: 10, reserve_ratio_a: 2, reserve_ratio_b: 2.5, delta_reserve_ratio: 0.5 },
      { year: 2026, reserve_end_a: 90, reserve_end_b: 80, delta_reserve_end: -10, reserve_ratio_a: null, reserve_ratio_b: 1, delta_reserve_ratio: null },
    ]);
  });

  it.each([
    ['delta reserve_end >= 0', false, [{ year: 2026, value: -10 }]],
    ['delta reserve_end >= 0 to 2025', true, []],
    ['delta gap <= 0', true, []],
    ['delta depletion_year > 0', true, []],
    ['delta first_deficit_year >= 5', false, [{ value: 3 }]],
    ['delta reserve_ratio >= 0', false, [{ year: 2026, value: null }]],
    ['gap <= 0.14', true, []],
  ])('"%s" holds: %s', (text, passed, failures) => {
    const parsed = parseComparisonAssertion(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const outcome = evaluateAssertion(parsed.assertion, parsed.delta ? differenceOf(a, b) : b);
    expect(outcome).toEqual({ passed, failures });
  });
});

describe('parseComparisonAssertion', () => {
  it('reads the delta prefix and keeps the text as written', () => {
    expect(parseComparisonAssertion('  delta reserve_end >= 0 from 2030 ')).toEqual({
      ok: true, delta: true,
      assertion: { text: 'delta reserve_end >= 0 from 2030', subject: { kind: 'column', name: 'reserve_end' }, operator: '>=', threshold: 0, from: 2030 },
    });
    expect(parseComparisonAssertion('gap <= 0.16')).toEqual({ ok: true, delta: false, assertion: (parseAssertion('gap <= 0.16') as { assertion: unknown }).assertion });
  });

  it.each([
    ['delta gapp <= 0.01', 7, 'unknown name "gapp" at column 7'],
    ['delta gap <== 0.01', 13, 'unexpected "=" at column 13: expected a number'],
    ['delta', 1, 'unknown name "delta" at column 1'],
    ['deltagap <= 1', 1, 'unknown name "deltagap" at column 1'],
    ['delta  ', 8, 'unexpected end of text at column 8'],
  ])('"%s": error at column %d', (text, column, message) => {
    const parsed = parseComparisonAssertion(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.column).toBe(column);
    expect(parsed.error.message).toContain(message);
  });
});
