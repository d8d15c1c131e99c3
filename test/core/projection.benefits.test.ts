/**
 * Hand-worked single-cell cases for the engine, part 2: disability (§4 step
 * 4, §5), survivors (§4 step 5), indexation of awards (§4 step 6), maternity
 * and health (§5). Expected values are plain arithmetic from the methodology, never a
 * call into sipro. The tiny default scheme is described in
 * test/support/scheme.ts (ages 58–62, retirement 60, flat rule 10/100 a month,
 * every assumption and rate 0 unless set).
 *
 * With π = 0.8 and p0 = 0.25 under the flat rule (§3): d = 0.6, C = 72 × J_t,
 * S = 720 × J_t per active member-year.
 */
import { describe, it } from 'vitest';
import { projectScheme } from '../../src/core/project.js';
import { groupRow, tinyScheme, yearRow } from '../support/scheme.js';
import { expectClose, expectFields } from '../support/expect.js';

const income = { zero_month_prob: 0.25 };

describe('§5 disability: awarded at the end of year t on year-end averages, paid from t+1', () => {
  it('awards replacement × w̄\'/max(c̄\', 1), does not index it at t+1, indexes it from t+2', () => {
    // wage_growth 0.04; inflation {2025: 0.02, 2026: 0.03}: idx_2025 = 0.02, idx_2026 = 0.03 (prices).
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 3 },
        assumptions: { wage_growth: 0.04, inflation: { 2025: 0.02, 2026: 0.03 } },
        groups: { g: { compliance: 0.8 } },
        benefits: { disability: { formula: 'replacement', replacement: 0.4 } },
      },
      income,
      rates: [{ age: 58, disability: 0.1 }],
      population: [{ age: 58, status: 'active', credits: 2, earnings: 2000 }],
    }));
    // End of 2025 (§4 step 4): to D = N (1 − q) i = 1 × 1 × 0.1.
    // Year-end averages: c̄' = c̄ + d = 2 + 0.6; w̄' = w̄ (1 + g) + S = 2000 × 1.04 + 720 = 2800.
    const award = 0.4 * (2000 * 1.04 + 720) / Math.max(2 + 0.6, 1);
    expectFields(yearRow(result, 2025), { disability_pensioners: 0, disability_benefits: 0 });
    // 2026: the award is already in money of 2026 — not multiplied by 1 + idx_2025 (§4 step 6).
    expectFields(yearRow(result, 2026), {
      actives: 0.9, disability_pensioners: 0.1, disability_benefits: 0.1 * award,
    });
    // 2027: in payment, so indexed by 1 + idx_2026 = 1.03. D cells do not retire at 60.
    expectFields(yearRow(result, 2027), { disability_pensioners: 0.1, disability_benefits: 0.1 * award * 1.03 });
  });

  it.each([
    // c̄' = 0 + 0.6 < 1, so the divisor is 1; w̄' = 0 × 1.04 + 720.
    { name: 'replacement with c̄\' < 1', disability: { formula: 'replacement', replacement: 0.4 }, minPension: 0, award: 0.4 * 720 / 1 },
    // min_pension is monthly, × 12 × J_{t+1} = Iw_2026 = 1.04 (§5: J of the first year of payment).
    { name: 'replacement below min_pension', disability: { formula: 'replacement', replacement: 0.4 }, minPension: 30, award: Math.max(0.4 * 720, 12 * 30 * 1.04) },
    { name: 'flat', disability: { formula: 'flat', amount: 25 }, minPension: 0, award: 12 * 25 * 1.04 },
    { name: 'flat below min_pension', disability: { formula: 'flat', amount: 25 }, minPension: 30, award: Math.max(12 * 25 * 1.04, 12 * 30 * 1.04) },
  ] as const)('$name', ({ disability, minPension, award }) => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04 },
        groups: { g: { compliance: 0.8 } },
        benefits: { disability, old_age: { min_pension: minPension } },
      },
      income,
      rates: [{ age: 58, disability: 0.1 }],
      population: [{ age: 58, status: 'active', count: 10 }],
    }));
    // 10 × 0.1 = 1 disabled head in 2026, q = 0.
    expectFields(yearRow(result, 2026), { disability_pensioners: 1, disability_benefits: 1 * award });
  });

  it('uses the disability rate only for bins k ≥ disability.vesting_years (§4 step 4)', () => {
    // disability.vesting_years 2, old-age 0: V = 2. Bin 1 (credits 1) is not eligible, bin 2 (credits 2) is.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04 },
        groups: { g: { compliance: 0.8 } },
        benefits: { disability: { formula: 'replacement', replacement: 0.4, vesting_years: 2 } },
      },
      income,
      rates: [{ age: 58, disability: 0.1 }],
      population: [
        { age: 58, status: 'active', credits: 1, earnings: 2000 },
        { age: 58, status: 'active', credits: 2, earnings: 2000 },
      ],
    }));
    // Only the bin-2 cell: to D = 0.1, award 0.4 × (2000 × 1.04 + 720)/2.6.
    expectFields(yearRow(result, 2026), {
      actives: 2 - 0.1, disability_pensioners: 0.1,
      disability_benefits: 0.1 * 0.4 * (2000 * 1.04 + 720) / 2.6,
    });
  });
});

describe('§4 step 5 survivors', () => {
  it('from pensioner deaths: share × p̄ × (1 + idx_t), other sex, age per age_difference with clamping', () => {
    // survivors share 0.5, spouse_probability 0.7, age_difference {F: +3, M: −3} (the default).
    // inflation 0.02 (prices). Group h has mortality_multiplier 1.5.
    // qx: F 59: 0.2, 61: 0.4; M 58: 0.1, 61: 0.1; all else 0 (q = 1 at 62).
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 3 },
        assumptions: { inflation: 0.02 },
        groups: { g: {}, h: { mortality_multiplier: 1.5 } },
        benefits: {
          disability: { formula: 'flat', amount: 0 },
          survivors: { share: 0.5, spouse_probability: 0.7 },
        },
      },
      qx: { F: { 59: 0.2, 61: 0.4 }, M: { 58: 0.1, 61: 0.1 } },
      population: [
        { group: 'g', sex: 'M', age: 61, status: 'retired', pension_monthly: 100 },
        { group: 'g', sex: 'F', age: 61, status: 'retired', pension_monthly: 100 },
        { group: 'h', sex: 'M', age: 58, status: 'disabled', pension_monthly: 50 },
      ],
    }));
    // 2025 deaths: g M (P, 61): 0.1;  g F (P, 61): 0.4;  h M (D, 58): q = 0.1 × 1.5 = 0.15.
    expectClose(yearRow(result, 2025).deaths, 0.1 + 0.4 + 0.15);
    expectFields(yearRow(result, 2025), { survivor_pensioners: 0, survivor_benefits: 0 });
    // Survivors at the start of 2026: min(clamp(x + age_difference, 58, 62) + 1, 62).
    //  g M 61 → 0.1 × 0.7 = 0.07 F aged clamp(58) + 1 = 59;  pension 0.5 × 1200 × 1.02 = 612.
    //  g F 61 → 0.4 × 0.7 = 0.28 M aged min(clamp(64) + 1, 62) = 62;  pension 612.
    //  h M 58 → 0.15 × 0.7 = 0.105 F aged clamp(55) + 1 = 59;  pension 0.5 × 600 × 1.02 = 306.
    // 2026 exposure with the survivor's own sex and age and the group multiplier (§4 step 5):
    //  g F 59: q = 0.2, E = 0.07 × 0.9;  g M 62: q = 1, E = 0.28 × 0.5;  h F 59: q = 0.3, E = 0.105 × 0.85.
    // New awards are not indexed again at the end of 2025 (§4 step 6).
    expectFields(groupRow(result, 2026, 'g', 'F'), { survivor_pensioners: 0.07, survivor_benefits: 0.07 * 0.9 * 612 });
    expectFields(groupRow(result, 2026, 'g', 'M'), { survivor_pensioners: 0.28, survivor_benefits: 0.28 * 0.5 * 612 });
    expectFields(groupRow(result, 2026, 'h', 'F'), { survivor_pensioners: 0.105, survivor_benefits: 0.105 * 0.85 * 306 });
    expectFields(groupRow(result, 2026, 'h', 'M'), { survivor_pensioners: 0, survivor_benefits: 0 });
    expectFields(yearRow(result, 2026), { survivor_pensioners: 0.07 + 0.28 + 0.105 });
    // 2026 deaths in g: P M 0.9 at 62 (q = 1), P F 0.6 at 62 (q = 1) — each leaves survivors for 2027 —
    // and the survivors' own deaths (survivors leave no survivors): g F 0.07 × 0.2, g M 0.28 × 1.
    expectFields(groupRow(result, 2026, 'g', 'M'), { deaths: 0.9 + 0.28 });
    expectFields(groupRow(result, 2026, 'g', 'F'), { deaths: 0.6 + 0.07 * 0.2 });
    // 2027, g F: the 2025 survivors (0.07 × 0.8 = 0.056, age 60, q = 0) in payment: 612 × (1 + idx_2026);
    // plus new survivors of the 2026 P M deaths: 0.9 × 0.7 = 0.63 aged clamp(62 − 3) + 1 = 60, pension
    // 0.5 × p̄_2026 × (1 + idx_2026) = 0.5 × (1200 × 1.02) × 1.02.
    expectClose(
      groupRow(result, 2027, 'g', 'F').survivor_benefits,
      0.056 * 612 * 1.02 + 0.63 * 0.5 * 1200 * 1.02 * 1.02,
    );
  });

  it('from active and inactive deaths when disability is vested: share × the cell\'s disability award', () => {
    // disability replacement 0.4, vesting 2 (V = 2); survivors share 0.5, spouse_probability 0.7.
    // π = 0.8, p0 = 0.25 (d = 0.6, S = 720); wage_growth 0.04. qx M 58: 0.1; F 59: 0.2.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04 },
        groups: { g: { compliance: 0.8 }, h: { compliance: 0.8 }, k: { compliance: 0.8 } },
        benefits: {
          disability: { formula: 'replacement', replacement: 0.4, vesting_years: 2 },
          survivors: { share: 0.5, spouse_probability: 0.7 },
        },
      },
      income,
      qx: { M: { 58: 0.1 }, F: { 59: 0.2 } },
      population: [
        { group: 'g', sex: 'M', age: 58, status: 'active', credits: 2, earnings: 2000 },
        { group: 'h', sex: 'M', age: 58, status: 'active', credits: 1, earnings: 2000 },
        { group: 'k', sex: 'M', age: 58, status: 'inactive', credits: 3, earnings: 2000 },
      ],
    }));
    // g (bin 2, vested): 0.1 deaths → 0.07 F aged clamp(58 − 3) + 1 = 59.
    //   A cell's year-end averages (§5 "on the year-end averages of §4"): c̄' = 2.6, w̄' = 2000 × 1.04 + 720.
    //   the methodology reading: the dying members' award uses the same year-end averages as the survivors'.
    const activeAward = 0.4 * (2000 * 1.04 + 720) / 2.6;
    // k (I, bin min(3, 2) = 2, vested): I averages without the year's d and S: c̄' = 3, w̄' = 2000 × 1.04.
    const inactiveAward = 0.4 * (2000 * 1.04) / 3;
    // 2026 survivor exposure: q_F59 = 0.2 → E = 0.07 × 0.9.
    expectFields(groupRow(result, 2026, 'g', 'F'), { survivor_pensioners: 0.07, survivor_benefits: 0.07 * 0.9 * 0.5 * activeAward });
    expectFields(groupRow(result, 2026, 'k', 'F'), { survivor_pensioners: 0.07, survivor_benefits: 0.07 * 0.9 * 0.5 * inactiveAward });
    // h (bin 1 < 2): no survivors.
    expectFields(groupRow(result, 2026, 'h', 'F'), { survivor_pensioners: 0, survivor_benefits: 0 });
    for (const group of ['g', 'h', 'k']) expectClose(groupRow(result, 2025, group, 'M').deaths, 0.1);
  });
});

describe('§5 benefits use the scheme\'s default indexation, not a group override', () => {
  // Default contributions.indexation wages; group g overrides to none. wage_growth 0.04.
  const data = () => tinyScheme({
    scheme: {
      projection: { horizon: 2 },
      assumptions: { wage_growth: 0.04 },
      groups: { g: { contributions: { indexation: 'none' } } },
      benefits: { funeral: { amount: 300 } },
    },
    qx: { F: { 60: 0.1 } },
    population: [{ age: 58, status: 'active' }, { age: 59, status: 'active' }],
  });

  it('indexes the group\'s contributions by its own J but the old-age award by the default J', () => {
    const result = projectScheme(data());
    // 2026: the member who was 58 (now 59) pays 12 × 10 × 1 (group J = 1);
    // the other retires at 60: 12 × 100 × Iw_2026 = 1248, exposed 1 − 0.1/2 = 0.95.
    expectFields(yearRow(result, 2026), { contributions: 120, old_age_benefits: 0.95 * 12 * 100 * 1.04 });
  });

  it('indexes the funeral grant by the default J too', () => {
    // methodology §5: "funeral amount × J_t"; §5 preamble: "group overrides do not apply to benefits".
    // Literal reading: the default's J_2026 = 1.04 for a death in a group that overrides to none.
    const result = projectScheme(data());
    expectClose(yearRow(result, 2026).funeral_benefits, 300 * 1.04 * 0.1);
  });
});

describe('§5 maternity', () => {
  it('pays Σ_{A,F} E × fertility × replacement × weeks/52 × S/max(d, 1e-12)', () => {
    // weeks 13, replacement 0.8; fertility 0.05 at 58 (both sexes in the file, paid to F only);
    // q_F58 = 0.1; π = 0.8, p0 = 0.25: d = 0.6, S = 720, S/d = 1200 (= 12 × insured_income).
    const result = projectScheme(tinyScheme({
      scheme: { groups: { g: { compliance: 0.8 } }, benefits: { maternity: { weeks: 13, replacement: 0.8 } } },
      income,
      qx: { F: { 58: 0.1 } },
      rates: [{ age: 58, fertility: 0.05 }],
      population: [
        { sex: 'F', age: 58, status: 'active', count: 10 },
        { sex: 'M', age: 58, status: 'active', count: 10 },
        { sex: 'F', age: 58, status: 'inactive', count: 10 },
      ],
    }));
    // E = 10 × (1 − 0.05) = 9.5 (actives F only).
    const expected = 9.5 * 0.05 * 0.8 * (13 / 52) * (720 / 0.6); // 114
    expectClose(groupRow(result, 2025, 'g', 'F').maternity_benefits, expected);
    expectClose(groupRow(result, 2025, 'g', 'M').maternity_benefits, 0);
    expectClose(yearRow(result, 2025).maternity_benefits, expected);
  });
});

describe('§5 health', () => {
  const bands = [{ age_from: 58, age_to: 59, cost: 30 }, { age_from: 60, age_to: 62, cost: 80 }];

  it('pays Σ_covered E × annual_cost(x) × (1 + inflation)^{t−t0} × dependants_factor', () => {
    // covered [active, retired], dependants_factor 1.5, inflation 0.05. q_M61 = 0.2.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        benefits: { health: { covered: ['active', 'retired'], dependants_factor: 1.5, inflation: 0.05, annual_cost: bands } },
      },
      qx: { M: { 61: 0.2 } },
      population: [
        { sex: 'F', age: 58, status: 'active' },
        { sex: 'F', age: 58, status: 'inactive' },
        { sex: 'M', age: 61, status: 'retired', count: 2, pension_monthly: 50 },
      ],
    }));
    // 2025: A F 58: E 1 × 30; I not covered; P M 61: E = 2 × 0.9 = 1.8, × 80.
    expectClose(yearRow(result, 2025).health_benefits, 1.5 * (1 * 30 + 1.8 * 80) * 1.05 ** 0);
    // 2026: A F 59: 1 × 30; P M: N = 1.6 at 62 (q = 1): E = 0.8, × 80.
    expectClose(yearRow(result, 2026).health_benefits, 1.5 * (1 * 30 + 0.8 * 80) * 1.05 ** 1);
  });

  it('covers the states it names: inactive, disabled, survivor', () => {
    const result = projectScheme(tinyScheme({
      scheme: {
        benefits: {
          disability: { formula: 'flat', amount: 10 },
          survivors: { share: 0.5, spouse_probability: 0.5 },
          health: { covered: ['inactive', 'disabled', 'survivor'], inflation: 0, annual_cost: bands },
        },
      },
      population: [
        { sex: 'F', age: 58, status: 'active' },
        { sex: 'F', age: 58, status: 'inactive' },
        { sex: 'M', age: 60, status: 'disabled', pension_monthly: 50 },
        { sex: 'F', age: 60, status: 'survivor', pension_monthly: 50 },
      ],
    }));
    // I 58: 30; D 60: 80; S 60: 80; the active is not covered. dependants_factor 1.
    expectClose(yearRow(result, 2025).health_benefits, 30 + 80 + 80);
    expectClose(yearRow(result, 2025).survivor_benefits, 12 * 50); // S: p̄ = 12 × 50, E = 1
  });
});
