/** The assertion grammar (src/core/assertions.ts): parsing as a table of texts, evaluation on hand-made results. */
import { describe, expect, it } from 'vitest';
import {
  ASSERTION_SUBJECTS, checkAssertions, compare, evaluateAssertion, parseAssertion, rangeProblem,
  type Assertion, type AssertionInput, type ComparisonOperator,
} from '../../src/core/assertions.js';
import { PROJECTION_COLUMNS } from '../../src/core/project.js';
import type { Indicators, ProjectionYear } from '../../src/core/types.js';

const parsed = (text: string): Assertion => {
  const result = parseAssertion(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.assertion;
};

describe('parseAssertion accepts', () => {
  it.each([
    ['gap <= 0.12', { subject: { kind: 'indicator', name: 'gap' }, operator: '<=', threshold: 0.12 }],
    ['gap<=0.12', { subject: { kind: 'indicator', name: 'gap' }, operator: '<=', threshold: 0.12 }],
    ['  effective_rate   >   0.1  ', { subject: { kind: 'indicator', name: 'effective_rate' }, operator: '>', threshold: 0.1 }],
    ['actuarial_balance >= -0.03', { subject: { kind: 'indicator', name: 'actuarial_balance' }, operator: '>=', threshold: -0.03 }],
    ['actuarial_balance>-.5', { subject: { kind: 'indicator', name: 'actuarial_balance' }, operator: '>', threshold: -0.5 }],
    ['depletion_year > 2090', { subject: { kind: 'indicator', name: 'depletion_year' }, operator: '>', threshold: 2090 }],
    ['first_deficit_year != 2053', { subject: { kind: 'indicator', name: 'first_deficit_year' }, operator: '!=', threshold: 2053 }],
    ['first_deficit_year == 2053', { subject: { kind: 'indicator', name: 'first_deficit_year' }, operator: '==', threshold: 2053 }],
    ['pv_expenditure < 1.5e11', { subject: { kind: 'present_value', name: 'pv_expenditure' }, operator: '<', threshold: 1.5e11 }],
    ['present_values.pv_benefits < 2E+11', { subject: { kind: 'present_value', name: 'pv_benefits' }, operator: '<', threshold: 2e11 }],
    ['present_values.reserve_start == 100000', { subject: { kind: 'present_value', name: 'reserve_start' }, operator: '==', threshold: 100000 }],
    ['discount_factor_T > +0', { subject: { kind: 'present_value', name: 'discount_factor_T' }, operator: '>', threshold: 0 }],
    ['reserve_start >= 0', { subject: { kind: 'column', name: 'reserve_start' }, operator: '>=', threshold: 0 }],
    ['reserve_ratio >= 2', { subject: { kind: 'column', name: 'reserve_ratio' }, operator: '>=', threshold: 2 }],
    ['reserve_ratio >= 2 to 2050', { subject: { kind: 'column', name: 'reserve_ratio' }, operator: '>=', threshold: 2, to: 2050 }],
    ['density > 0.5 from 2030', { subject: { kind: 'column', name: 'density' }, operator: '>', threshold: 0.5, from: 2030 }],
    ['density>0.5 from 2030 to 2040', { subject: { kind: 'column', name: 'density' }, operator: '>', threshold: 0.5, from: 2030, to: 2040 }],
    ['reserve_end >= 0 from 2030 to 2030', { subject: { kind: 'column', name: 'reserve_end' }, operator: '>=', threshold: 0, from: 2030, to: 2030 }],
  ])('%s', (text, expected) => {
    const result = parseAssertion(text);
    expect(result).toEqual({ ok: true, assertion: { text: text.trim(), ...expected } });
  });

  it('every projection.csv column but year, every indicator and present value', () => {
    for (const column of PROJECTION_COLUMNS.filter((name) => name !== 'year')) expect(parsed(`${column} >= 0`).subject).toEqual({ kind: 'column', name: column });
    for (const subject of ASSERTION_SUBJECTS) expect(parseAssertion(`${subject} >= 0`).ok).toBe(true);
  });
});

describe('parseAssertion refuses, naming the 1-based column', () => {
  it.each([
    ['gap <== 1', 7, 'unexpected "=" at column 7: expected a number'],
    ['gap = 1', 5, 'unexpected "=" at column 5: expected a comparison: < <= > >= == !='],
    ['gap 0.12', 5, 'unexpected "0.12" at column 5: expected a comparison: < <= > >= == !='],
    ['gap <=', 7, 'unexpected end of text at column 7: expected a number'],
    ['', 1, 'unexpected end of text at column 1: expected an indicator (gap, depletion_year, …) or a projection.csv column'],
    ['<= 0.1', 1, 'unexpected "<=" at column 1: expected an indicator (gap, depletion_year, …) or a projection.csv column'],
    ['0.1 >= gap', 1, 'unexpected "0.1" at column 1: expected an indicator (gap, depletion_year, …) or a projection.csv column'],
    ['gap <= abc', 8, 'unexpected "abc" at column 8: expected a number'],
    ['gap <= 12%', 10, 'unexpected "%" at column 10: expected the end of the assertion'],
    ['gap <= 0.1.2', 11, 'unexpected "." at column 11: expected a space or an operator after the number'],
    ['gap <= 1e', 9, 'unexpected "e" at column 9: expected a space or an operator after the number'],
    ['gap <= 0.12 to 2050', 13, 'unexpected "to" at column 13: a year range applies only to projection.csv columns, and gap is a single number of summary.json'],
    ['depletion_year > 2090 from 2030', 23, 'unexpected "from" at column 23: a year range applies only to projection.csv columns, and depletion_year is a single number of summary.json'],
    ['reserve_ratio >= 2 to', 22, 'unexpected end of text at column 22: expected a four-digit year'],
    ['reserve_ratio >= 2 to 50', 23, 'unexpected "50" at column 23: expected a four-digit year'],
    ['reserve_ratio >= 2 to 2050.5', 23, 'unexpected "2050.5" at column 23: expected a four-digit year'],
    ['reserve_ratio >= 2 until 2050', 20, 'unexpected "until" at column 20: expected the end, or a year range: from YEAR, to YEAR'],
    ['reserve_ratio >= 2 to 2050 from 2030', 28, 'unexpected "from" at column 28: expected the end of the assertion'],
    ['reserve_ratio >= 2 from 2060 to 2050', 20, 'the year range at column 20 is empty: from 2060 is after to 2050'],
    ['year >= 2030', 1, 'unknown name "year" at column 1: expected an indicator of summary.json (gap, effective_rate, actuarial_balance, depletion_year, first_deficit_year, pv_…) or a column of projection.csv'],
    ['  gapp <= 1', 3, 'unknown name "gapp" at column 3: expected an indicator of summary.json (gap, effective_rate, actuarial_balance, depletion_year, first_deficit_year, pv_…) or a column of projection.csv'],
    ['present_values.gap <= 1', 1, 'unknown name "present_values.gap" at column 1: expected an indicator of summary.json (gap, effective_rate, actuarial_balance, depletion_year, first_deficit_year, pv_…) or a column of projection.csv'],
    ['gap <= 1; rm -rf /', 9, 'unexpected ";" at column 9: expected the end of the assertion'],
  ])('%j', (text, column, message) => {
    const result = parseAssertion(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.column).toBe(column);
    expect(result.error.message).toBe(message);
  });
});

describe('compare', () => {
  const operators: ComparisonOperator[] = ['<', '<=', '>', '>=', '==', '!='];
  it.each([
    [1, 2, [true, true, false, false, false, true]],
    [2, 2, [false, true, false, true, true, false]],
    [3, 2, [false, false, true, true, false, true]],
  ])('%d against %d', (value, threshold, expected) => {
    expect(operators.map((operator) => compare(value, operator, threshold, false))).toEqual(expected);
  });
  it('a null event year is +infinity: later than any year, equal to none', () => {
    expect(operators.map((operator) => compare(null, operator, 2090, true))).toEqual([false, false, true, true, false, true]);
  });
  it('any other null fails every comparison but != (as NaN)', () => {
    expect(operators.map((operator) => compare(null, operator, 0, false))).toEqual([false, false, false, false, false, true]);
  });
});

/** A projection of the given years with one column's values; the rest 0. */
function input(column: keyof ProjectionYear, values: Record<number, number | null>, indicators: Partial<Indicators> = {}): AssertionInput {
  const projection = Object.entries(values).map(([year, value]) => {
    const row = Object.fromEntries(PROJECTION_COLUMNS.map((name) => [name, 0])) as unknown as ProjectionYear;
    return { ...row, year: Number(year), [column]: value };
  });
  const presentValues = { pv_expenditure: 10, pv_insured_earnings: 100, pv_contributions: 8, pv_matching: 1, pv_care_credit_contributions: 0, pv_contributions_and_matching: 9, pv_benefits: 9, pv_administration: 1, reserve_start: 5, discount_factor_T: 0.5, target_final_reserve: 0 };
  return {
    projection,
    indicators: { gap: 0.1, effective_rate: 0.09, actuarial_balance: -0.01, depletion_year: null, first_deficit_year: 2031, gender_pension_gap: null, present_values: presentValues, ...indicators },
  };
}

describe('evaluateAssertion', () => {
  const ratios = input('reserve_ratio', { 2030: 3, 2031: 2.5, 2032: 1.9, 2033: null, 2034: 1.5 });

  it('checks a column in every year and lists each year that fails with its value', () => {
    expect(evaluateAssertion(parsed('reserve_ratio >= 2'), ratios)).toEqual({
      passed: false,
      failures: [{ year: 2032, value: 1.9 }, { year: 2033, value: null }, { year: 2034, value: 1.5 }],
    });
  });
  it.each([
    ['reserve_ratio >= 2 to 2031', true, []],
    ['reserve_ratio >= 2 to 2032', false, [{ year: 2032, value: 1.9 }]],
    ['reserve_ratio >= 1.9 from 2031 to 2032', true, []],
    ['reserve_ratio > 1.9 from 2032 to 2032', false, [{ year: 2032, value: 1.9 }]],
    ['reserve_ratio >= 1 from 2033', false, [{ year: 2033, value: null }]],
    ['reserve_ratio != 0 from 2033', true, []],
    ['reserve_ratio == 3 to 2030', true, []],
  ])('%s', (text, passed, failures) => {
    expect(evaluateAssertion(parsed(text), ratios)).toEqual({ passed, failures });
  });

  it.each([
    ['gap <= 0.12', true, []],
    ['gap < 0.1', false, [{ value: 0.1 }]],
    ['actuarial_balance >= 0', false, [{ value: -0.01 }]],
    ['depletion_year > 2090', true, []],
    ['depletion_year >= 3000', true, []],
    ['depletion_year < 3000', false, [{ value: null }]],
    ['depletion_year == 2090', false, [{ value: null }]],
    ['depletion_year != 2090', true, []],
    ['first_deficit_year > 2030', true, []],
    ['first_deficit_year > 2031', false, [{ value: 2031 }]],
    ['pv_benefits <= 9', true, []],
    ['present_values.reserve_start == 5', true, []],
    ['reserve_start == 0', true, []],
  ])('%s', (text, passed, failures) => {
    expect(evaluateAssertion(parsed(text), ratios)).toEqual({ passed, failures });
  });

  it('a null indicator other than an event year fails every comparison but !=', () => {
    const noEarnings = input('reserve_ratio', { 2030: 1 }, { gap: null });
    expect(evaluateAssertion(parsed('gap <= 1'), noEarnings)).toEqual({ passed: false, failures: [{ value: null }] });
    expect(evaluateAssertion(parsed('gap != 1'), noEarnings)).toEqual({ passed: true, failures: [] });
  });

  it('checkAssertions reports each assertion by its text, in order', () => {
    expect(checkAssertions([parsed(' gap <= 0.12 '), parsed('gap < 0.1')], ratios)).toEqual([
      { assertion: 'gap <= 0.12', passed: true, failures: [] },
      { assertion: 'gap < 0.1', passed: false, failures: [{ value: 0.1 }] },
    ]);
  });
});

describe('rangeProblem', () => {
  it.each([
    ['reserve_ratio >= 2', undefined],
    ['reserve_ratio >= 2 from 2025 to 2099', undefined],
    ['reserve_ratio >= 2 to 2150', 'year 2150 is outside the projection (2025–2099)'],
    ['reserve_ratio >= 2 from 2020', 'year 2020 is outside the projection (2025–2099)'],
    ['reserve_ratio >= 2 from 2000 to 2150', 'years 2000 and 2150 are outside the projection (2025–2099)'],
  ])('%s', (text, expected) => {
    expect(rangeProblem(parsed(text), 2025, 2099)).toBe(expected);
  });
});
