/**
 * Hand-worked single-cell cases for the engine, part 3: administration and
 * entrants (§4 step 2, §6), the reserve (§6), the summary indicators (§7) and
 * mortality (§2, §4). Expected values are plain arithmetic from the methodology,
 * never a call into sipro. The tiny default scheme is described in
 * test/support/scheme.ts (ages 58–62, retirement 60, flat rule: C = 120 and
 * S = 1200 per active member-year at J = 1, flat pension 1200 a year).
 */
import { describe, expect, it } from 'vitest';
import { projectScheme } from '../../src/core/project.js';
import { groupRow, tinyScheme, yearRow } from '../support/scheme.js';
import { expectClose, expectFields } from '../support/expect.js';

describe('§6 administration', () => {
  it('is contribution_share × contributions + per_member_annual × Iw_t × Σ_{A,I} N', () => {
    // contribution_share 0.1, per_member_annual 5, wage_growth 0.04.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04 },
        administration: { contribution_share: 0.1, per_member_annual: 5 },
      },
      population: [
        { age: 58, status: 'active', count: 2 },
        { age: 58, status: 'inactive', count: 3 },
        { sex: 'M', age: 60, status: 'retired', pension_monthly: 100 }, // not a member for administration
      ],
    }));
    // 2025: contributions 2 × 120 = 240; A + I heads 5; Iw_2025 = 1.
    const admin2025 = 0.1 * 240 + 5 * 1 * (2 + 3); // 49
    expectFields(yearRow(result, 2025), {
      contributions: 240, administration: admin2025, old_age_benefits: 1200,
      expenditure: 1200 + admin2025, // §6: all benefits + administration
    });
    // 2026: J = Iw = 1.04: contributions 2 × 124.8; heads still 5 (q = 0, no retirement at 59).
    const admin2026 = 0.1 * (2 * 120 * 1.04) + 5 * 1.04 * (2 + 3); // 50.96
    expectFields(yearRow(result, 2026), { administration: admin2026, expenditure: 1200 + admin2026 });
  });
});

describe('§4 step 2 entrants', () => {
  it('enter count × (1+growth)^{t−t0}, spread by entrant_share, counted after steps 1–2', () => {
    // count 10, growth 0.1; entrant_share: F 58 → 0.6, M 59 → 0.4. No base population.
    const result = projectScheme(tinyScheme({
      scheme: { projection: { horizon: 2 }, groups: { g: { entrants: { count: 10, growth: 0.1 } } } },
      rates: [{ group: 'g', sex: 'F', age: 58, entrant_share: 0.6 }, { group: 'g', sex: 'M', age: 59, entrant_share: 0.4 }],
    }));
    // 2025: 10 × 1.1^0 = 10 entrants (F 6 at 58, M 4 at 59), all active, each C = 120.
    expectFields(yearRow(result, 2025), { entrants: 10, actives: 10, contributions: 10 * 120 });
    // 2026 step 1: the 4 M now 60 retire (vesting 0) → P at 1200. Step 2: 10 × 1.1 = 11 entrants
    // (F 6.6 at 58, M 4.4 at 59). Counts after steps 1–2: actives 6 + 11 = 17.
    expectFields(yearRow(result, 2026), {
      entrants: 11, actives: 6 + 11, old_age_pensioners: 4,
      contributions: 17 * 120, old_age_benefits: 4 * 1200,
    });
    expectFields(groupRow(result, 2026, 'g', 'F'), { entrants: 6.6, actives: 6 + 6.6, old_age_pensioners: 0 });
    expectFields(groupRow(result, 2026, 'g', 'M'), { entrants: 4.4, actives: 4.4, old_age_pensioners: 4 });
  });
});

describe('§6 reserve and §7 indicators', () => {
  // reserve.initial 2000, gap_final_reserve_ratio 0.5; investment_return {2025: 0.05, 2026: 0.03}.
  // One active F 58 (C = 120, S = 1200 each year) and one pensioner M 60 (1200 a year; q = 0 at 60, 61).
  const population = [
    { sex: 'F', age: 58, status: 'active' },
    { sex: 'M', age: 60, status: 'retired', pension_monthly: 100 },
  ] as const;
  const scheme = {
    projection: { horizon: 2 },
    assumptions: { investment_return: { 2025: 0.05, 2026: 0.03 } },
    reserve: { initial: 2000, gap_final_reserve_ratio: 0.5 },
  };
  const net = 120 - 1200; // contributions + matching − expenditure, both years
  const end2025 = 2000 * 1.05 + net * 1.05 ** 0.5; // §6 reserve_end
  const end2026 = end2025 * 1.03 + net * 1.03 ** 0.5;

  it('rolls the reserve forward with half-year interest on the net flow and reports investment income (§6)', () => {
    const result = projectScheme(tinyScheme({ scheme, population: [...population] }));
    expect(end2025).toBeGreaterThan(0); // the case is built to deplete in 2026, not 2025
    expect(end2026).toBeLessThan(0);
    expectFields(yearRow(result, 2025), {
      reserve_start: 2000, reserve_end: end2025,
      investment_income: end2025 - 2000 - net,
      // §7 ratios: payg = 1200/1200; reserve_ratio = reserve_end / expenditure; support = 1 / 1.
      payg_cost_rate: 1, reserve_ratio: end2025 / 1200, support_ratio: 1, density: 1,
    });
    // A negative reserve keeps projecting (§6).
    expectFields(yearRow(result, 2026), {
      reserve_start: end2025, reserve_end: end2026, investment_income: end2026 - end2025 - net,
    });
  });

  it('computes PV, gap, effective_rate, actuarial_balance, depletion and first deficit (§7), discounting at i_t', () => {
    const { indicators } = projectScheme(tinyScheme({ scheme, population: [...population] }));
    // discount_rate null → i_t. D_2025 = 1, D_2026 = 1/1.05, D_T = D_2027 = 1/(1.05 × 1.03);
    // h_2025 = 1.05^−½, h_2026 = 1.03^−½. PV(X) = Σ X_t D_t h_t.
    const v2025 = 1 * 1.05 ** -0.5;
    const v2026 = (1 / 1.05) * 1.03 ** -0.5;
    const DT = 1 / (1.05 * 1.03);
    const pvExpenditure = 1200 * v2025 + 1200 * v2026;
    const pvInsured = 1200 * v2025 + 1200 * v2026;
    const pvContributions = 120 * v2025 + 120 * v2026;
    const target = 0.5 * 1200; // R* = gap_final_reserve_ratio × expenditure_{T−1}
    const gap = (pvExpenditure - 2000 + DT * target) / pvInsured;
    const effectiveRate = pvContributions / pvInsured; // 0.1
    expectFields(indicators, {
      gap, effective_rate: effectiveRate, actuarial_balance: effectiveRate - gap,
      depletion_year: 2026, // first reserve_end < 0
      first_deficit_year: 2025, // 120 < 1200
    });
    expectFields(indicators.present_values, {
      pv_expenditure: pvExpenditure, pv_insured_earnings: pvInsured, pv_contributions: pvContributions,
      pv_matching: 0, pv_contributions_and_matching: pvContributions, pv_benefits: pvExpenditure,
      pv_administration: 0, reserve_start: 2000, discount_factor_T: DT,
      // methodology §7 lists target_final_reserve without a formula; read as R* itself (undiscounted),
      // since discount_factor_T is reported beside it.
      target_final_reserve: target,
    });
  });

  it('discounts at discount_rate when it is set, while the reserve still earns i_t', () => {
    const result = projectScheme(tinyScheme({
      scheme: { ...scheme, assumptions: { ...scheme.assumptions, discount_rate: 0.04 } },
      population: [...population],
    }));
    const v2025 = 1.04 ** -0.5;
    const v2026 = (1 / 1.04) * 1.04 ** -0.5;
    const DT = 1 / 1.04 ** 2;
    const pv = 1200 * (v2025 + v2026);
    expectFields(result.indicators, { gap: (pv - 2000 + DT * 600) / pv });
    expectFields(result.indicators.present_values, { discount_factor_T: DT, pv_contributions: 120 * (v2025 + v2026) });
    expectClose(yearRow(result, 2026).reserve_end, end2026);
  });

  it('gives null ratios on zero divisors and null years when nothing happens (§7)', () => {
    // Only an inactive member: no contributions, no insured earnings, no expenditure, no pensioners.
    const result = projectScheme(tinyScheme({ scheme: { reserve: { initial: 100 } }, population: [{ age: 58, status: 'inactive' }] }));
    expectFields(yearRow(result, 2025), {
      density: null, payg_cost_rate: null, reserve_ratio: null, support_ratio: null,
      reserve_end: 100, investment_income: 0,
    });
    expectFields(result.indicators, {
      gap: null, effective_rate: null, actuarial_balance: null,
      depletion_year: null, first_deficit_year: null, // 0 < 0 is false: no deficit
    });
  });

  it('does not call a reserve of exactly 0 depleted: depletion needs reserve_end < 0 (§7)', () => {
    const result = projectScheme(tinyScheme({ scheme: { assumptions: { investment_return: 0.05 } }, population: [{ age: 58, status: 'inactive' }] }));
    expectFields(yearRow(result, 2025), { reserve_start: 0, reserve_end: 0 });
    expect(result.indicators.depletion_year).toBeNull();
  });

  it('borrows at i_t from a negative initial reserve and reports depletion in the first year (§6, §7)', () => {
    const result = projectScheme(tinyScheme({
      scheme: { assumptions: { investment_return: 0.05 }, reserve: { initial: -10 } },
      population: [{ age: 58, status: 'inactive' }],
    }));
    expectFields(yearRow(result, 2025), { reserve_end: -10 * 1.05, investment_income: -10 * 0.05 });
    expect(result.indicators.depletion_year).toBe(2025);
    expect(result.indicators.first_deficit_year).toBeNull();
  });
});

describe('§2, §4 mortality: improvement, group and disability multipliers, cap, max_age', () => {
  it('uses q = min(1, min(1, qx (1 − improvement)^{t−t0}) × multiplier_g [× disability multiplier]), q = 1 at max_age', () => {
    // qx F 58 = F 59 = 0.2, improvement 0.1 at both. Disability mortality_multiplier 2.
    // Groups: g multiplier 1.5, h multiplier 5, z multiplier 0.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        groups: { g: { mortality_multiplier: 1.5 }, h: { mortality_multiplier: 5 }, z: { mortality_multiplier: 0 } },
        benefits: { disability: { formula: 'flat', amount: 10, mortality_multiplier: 2 } },
      },
      qx: { F: { 58: 0.2, 59: 0.2 } },
      improvement: { F: { 58: 0.1, 59: 0.1 } },
      population: [
        { group: 'g', age: 58, status: 'active', count: 100 },
        { group: 'g', age: 58, status: 'disabled', count: 10, pension_monthly: 50 },
        { group: 'h', age: 58, status: 'disabled', count: 4, pension_monthly: 50 },
        { group: 'z', age: 58, status: 'active', count: 1 },
        { group: 'z', age: 62, status: 'retired', count: 3, pension_monthly: 50 },
      ],
    }));
    // 2025 (t − t0 = 0):
    //  g A: q = 0.2 × 0.9^0 × 1.5 = 0.3 → 30 deaths;  g D: q = 0.2 × 1.5 × 2 = 0.6 → 6.
    //  h D: q = min(1, 0.2 × 5 × 2) = 1 → 4.          z A: q = 0.2 × 0 = 0.  z P at 62: q = 1 → 3.
    expectClose(groupRow(result, 2025, 'g', 'F').deaths, 30 + 6);
    expectClose(groupRow(result, 2025, 'h', 'F').deaths, 4);
    expectClose(groupRow(result, 2025, 'z', 'F').deaths, 3);
    // z P: E = 3 × (1 − 1/2), p̄ = 600.
    expectClose(groupRow(result, 2025, 'z', 'F').old_age_benefits, 1.5 * 600);
    // g D: E = 10 × 0.7, p̄ = 600.
    expectClose(groupRow(result, 2025, 'g', 'F').disability_benefits, 7 * 600);
    // 2026 (t − t0 = 1), age 59: g A (70 heads): q = 0.2 × 0.9 × 1.5 = 0.27 → 18.9;
    //  g D (10 × 0.4 = 4 heads): q = 0.2 × 0.9 × 1.5 × 2 = 0.54 → 2.16.
    expectClose(groupRow(result, 2026, 'g', 'F').deaths, 70 * 0.27 + 4 * 0.54);
    expectFields(groupRow(result, 2026, 'z', 'F'), { deaths: 0, actives: 1, old_age_pensioners: 0 });
  });
});
