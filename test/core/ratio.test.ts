/**
 * §7: a ratio whose divisor is 0 is an empty cell (null). A divisor so near 0
 * that the quotient overflows (insured earnings of 6e-323 from a subnormal
 * insured income, or a lognormal tail) is as empty: no double holds it, and
 * writing Infinity would stop the run.
 */
import { describe, expect, it } from 'vitest';
import { ratio } from '../../src/core/indicators.js';
import { projectScheme } from '../../src/core/project.js';
import { tinyScheme, yearRow } from '../support/scheme.js';

describe('ratio', () => {
  it.each([
    [1, 2, 0.5],
    [-3, 4, -0.75],
    [1, 0, null],
    [0, 0, null],
    [1e10, 1e-320, null],
    [-1e10, 1e-320, null],
    [1e-320, 1e-320, 1],
  ])('%s / %s is %s', (dividend, divisor, expected) => {
    expect(ratio(dividend, divisor)).toBe(expected);
  });

  it('leaves payg_cost_rate empty when insured earnings are subnormal (flat insured income 5e-324)', () => {
    // One active member pays 10 a month on an insured income of 5e-324: insured
    // earnings 12 × 5e-324 ≈ 6e-323; one pensioner is paid 100 a month: 1,200.
    const data = tinyScheme({
      scheme: { contributions: { rule: 'flat', amount: 10, insured_income: Number.MIN_VALUE } },
      population: [{ age: 58, status: 'active' }, { age: 61, status: 'retired', pension_monthly: 100 }],
    });
    const row = yearRow(projectScheme(data), 2025);
    expect(row.insured_earnings).toBeGreaterThan(0);
    expect(row.insured_earnings).toBeLessThan(1e-320);
    expect(row.expenditure).toBe(1200);
    expect(row.payg_cost_rate).toBeNull();
  });
});
