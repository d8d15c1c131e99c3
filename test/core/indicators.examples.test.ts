/**
 * The @example of src/core/indicators.ts, run, and §7's indicators on two
 * hand-made years.
 */
import { describe, expect, it } from 'vitest';
import { discountFactors, indicators, presentValue, ratio } from '../../src/core/indicators.js';
import type { ProjectionYear } from '../../src/core/types.js';
import { expectClose, expectFields } from '../support/expect.js';

const ZERO: ProjectionYear = {
  year: 0, actives: 0, inactives: 0, emigrants: 0, old_age_pensioners: 0, disability_pensioners: 0, survivor_pensioners: 0,
  entrants: 0, deaths: 0, contributions: 0, matching: 0, care_credit_contributions: 0, investment_income: 0, old_age_benefits: 0,
  disability_benefits: 0, survivor_benefits: 0, refunds: 0, maternity_benefits: 0, health_benefits: 0,
  funeral_benefits: 0, administration: 0, expenditure: 0, reserve_start: 0, reserve_end: 0, insured_earnings: 0,
  density: null, payg_cost_rate: null, reserve_ratio: null, support_ratio: null,
};

describe('discountFactors, presentValue, ratio (§7)', () => {
  it('@example discountFactors([0.05]) // {midYear: [1/√1.05], end: 1/1.05}', () => {
    const factors = discountFactors([0.05]);
    expect(factors.midYear.length).toBe(1);
    expectClose(factors.midYear[0], 1 / Math.sqrt(1.05), 1e-15);
    expectClose(factors.end, 1 / 1.05, 1e-15);
  });

  it('D_t h_t over three years: Π_{u<t}(1 + r_u)^{-1} × (1 + r_t)^{-1/2}', () => {
    const { midYear, end } = discountFactors([0.05, 0.1, 0]);
    expectClose(midYear[1], 1 / 1.05 / Math.sqrt(1.1), 1e-15);
    expectClose(midYear[2], 1 / 1.05 / 1.1, 1e-15);
    expectClose(end, 1 / 1.05 / 1.1, 1e-15);
  });

  it('presentValue sums X_t × factor_t; ratio is null on a zero divisor', () => {
    expect(presentValue([100, 200], [0.5, 0.25])).toBe(100);
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNull();
  });
});

describe('indicators(rows, discountRate, gapFinalReserveRatio) (§7)', () => {
  const rows: ProjectionYear[] = [
    { ...ZERO, year: 2025, contributions: 150, matching: 5, old_age_benefits: 80, administration: 20, expenditure: 100, insured_earnings: 1000, reserve_start: 10, reserve_end: 70 },
    { ...ZERO, year: 2026, contributions: 60, old_age_benefits: 150, refunds: 30, administration: 20, expenditure: 200, insured_earnings: 1000, reserve_start: 70, reserve_end: -5 },
  ];
  const m0 = 1 / Math.sqrt(1.05);
  const m1 = 1 / 1.05 / Math.sqrt(1.1);
  const DT = 1 / 1.05 / 1.1;
  const pvExpenditure = 100 * m0 + 200 * m1;
  const pvEarnings = 1000 * m0 + 1000 * m1;
  const target = 0.5 * 200; // R* = gap_final_reserve_ratio × expenditure_{T−1}
  const gap = (pvExpenditure - 10 + DT * target) / pvEarnings;
  const effective = (155 * m0 + 60 * m1) / pvEarnings; // K = contributions + matching

  it('GAP, effective rate, balance, depletion and first deficit years, present values', () => {
    const result = indicators(rows, new Float64Array([0.05, 0.1]), 0.5, null);
    expectFields(result, { gap, effective_rate: effective, actuarial_balance: effective - gap, depletion_year: 2026, first_deficit_year: 2026 });
    expectFields(result.present_values, {
      pv_expenditure: pvExpenditure,
      pv_insured_earnings: pvEarnings,
      pv_contributions: 150 * m0 + 60 * m1,
      pv_matching: 5 * m0,
      pv_contributions_and_matching: 155 * m0 + 60 * m1,
      pv_benefits: 80 * m0 + 180 * m1,
      pv_administration: 20 * m0 + 20 * m1,
      reserve_start: 10,
      discount_factor_T: DT,
      target_final_reserve: target,
    });
  });

  it('null years when the reserve never goes negative and K always covers expenditure', () => {
    const healthy = rows.map((row) => ({ ...row, contributions: 500, reserve_end: 1 }));
    expectFields(indicators(healthy, new Float64Array([0.05, 0.1]), 0, null), { depletion_year: null, first_deficit_year: null });
  });
});
