/**
 * The report of failed column assertions on stderr: the count of failing
 * years, the first and the worst, values rounded for reading (never rounded
 * into passing). Reports are written by hand here, not computed.
 */
import { describe, expect, it } from 'vitest';
import type { AssertionReport } from '../../src/core/assertions.js';
import { renderAssertionReports } from '../../src/cli/gates.js';

const render = (report: AssertionReport) => renderAssertionReports([report], { colour: false, quiet: true }).split('\n')[0];
const failing = (assertion: string, failures: { year: number; value: number | null }[]): AssertionReport => ({ assertion, passed: false, failures });

describe('renderAssertionReports', () => {
  it.each([
    ['the largest value for <=', failing('density <= 2', [{ year: 2025, value: 2.5 }, { year: 2026, value: 3.123456789 }, { year: 2027, value: 2.1 }]),
      'assertion failed: density <= 2 (fails in 3 years; first 2025: density = 2.5; worst 2026: density = 3.12346)'],
    ['the smallest value for >=', failing('reserve_ratio >= 1 from 2030', [{ year: 2030, value: 0.9 }, { year: 2031, value: -4 }]),
      'assertion failed: reserve_ratio >= 1 from 2030 (fails in 2 years; first 2030: reserve_ratio = 0.9; worst 2031: reserve_ratio = -4)'],
    ['the farthest value for ==', failing('density == 0.5', [{ year: 2025, value: 0.4 }, { year: 2026, value: 0.75 }, { year: 2027, value: 0.3 }]),
      'assertion failed: density == 0.5 (fails in 3 years; first 2025: density = 0.4; worst 2026: density = 0.75)'],
    ['the first when it is the worst', failing('actives < 10', [{ year: 2025, value: 12 }, { year: 2026, value: 11 }]),
      'assertion failed: actives < 10 (fails in 2 years; first and worst 2025: actives = 12)'],
    ['a single year', failing('actives < 10', [{ year: 2040, value: 10 }]),
      'assertion failed: actives < 10 (fails in 2040: actives = 10)'],
    ['every digit where six would pass', failing('density <= 2', [{ year: 2025, value: 2.0000001 }]),
      'assertion failed: density <= 2 (fails in 2025: density = 2.0000001)'],
    ['a number over nulls', failing('payg_cost_rate <= 0.2', [{ year: 2025, value: null }, { year: 2026, value: 0.3 }]),
      'assertion failed: payg_cost_rate <= 0.2 (fails in 2 years; first 2025: payg_cost_rate = null; worst 2026: payg_cost_rate = 0.3)'],
    ['null when every value is null', failing('payg_cost_rate <= 0.2', [{ year: 2025, value: null }, { year: 2026, value: null }]),
      'assertion failed: payg_cost_rate <= 0.2 (fails in 2 years; first and worst 2025: payg_cost_rate = null)'],
  ])('names %s', (_what, report, line) => {
    expect(render(report)).toBe(line);
  });
});
