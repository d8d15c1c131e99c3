/**
 * Hand-worked cases of methodology §12 (care credits), written from the model's
 * text alone against the public surface: `projectScheme(data)` and the
 * columns of §7–§8 (`care_credit_contributions` in projection.csv,
 * by_group.csv; `pv_care_credit_contributions` in subsidy.csv and
 * summary.json's present values; K = contributions + matching + care-credit
 * contributions in the reserve and the effective rate).
 *
 * §12: a share f = fertility of the women in A and I cells who stay in A or I
 * at step 4 get y = years_per_birth credited years: each destination bin j
 * splits into j (1 − f) and min(j + y, V) (f); every stayer carries §4's
 * averages plus c̄ += f y, w̄ += f y × 12 × insured_income × J_t and
 * b̄ += f G (1 + i_t)^{1/2}, G = y × 12 × insured_income × J_t × state_contribution_rate;
 * movers to D carry §4's averages only. Births = Σ_{A,I,F} N (1−q)(1−ι)(1−e) f;
 * care_credit_contributions = births × G.
 *
 * Skipped until the feature lands. The probe: the benefits schema has the
 * `care_credits` key (§2). A test that always runs checks that the output
 * column comes with it.
 */
import { describe, expect, it } from 'vitest';
import { PROJECTION_COLUMNS, projectScheme } from '../../src/core/project.js';
import { benefitsSchema } from '../../src/schema/benefits.js';
import { expectClose, expectFields } from '../support/expect.js';
import { columnsOf, groupRow, subsidyRow, tinyScheme, yearRow, type SchemePatch } from '../support/scheme.js';

/** The probe: §12's `benefits.care_credits` section is part of scheme.yaml. */
export const CARE_CREDITS_PRESENT = 'care_credits' in benefitsSchema.shape;

const root = Math.sqrt(1.05);
const careCredits = { years_per_birth: 2, insured_income: 50, state_contribution_rate: 0.1 };

// ── One year of care credits, then retirement. Ages 58–62, retirement 60, horizon 2025–2026; wage_growth 0.04,
// inflation 0, i = 0.05; compliance 0.5: d = 0.5, C = 60, S = 600 in 2025 (J = 1). Old age: career average
// 0.01, vesting 3. Disability replacement 0.4, vesting 0 (V = 3). Survivors share 0.5, spouse_probability 1,
// age_difference 0. Care credits y = 2, insured_income 50, state rate 0.1: G_2025 = 2 × 12 × 50 × 1 × 0.1 = 120.
// Women at 59: q 0.1, disability 0.1, lapse 0.25, reentry 0.5, fertility 0.1.
// A(59, 0): 100 heads, c̄ 0.4, w̄ 1000, b̄ 200, ō 100.  I(59, 1): 20 heads, c̄ 1.2, w̄ 500, b̄ 50, ō 40.
const oneYear = (refund: 'own' | 'account', care: boolean): SchemePatch => ({
  projection: { horizon: 2 },
  assumptions: { wage_growth: 0.04, investment_return: 0.05 },
  groups: { g: { compliance: 0.5 } },
  benefits: {
    old_age: { formula: 'career_average', accrual: 0.01, vesting_years: 3, refund },
    disability: { formula: 'replacement', replacement: 0.4 },
    survivors: { share: 0.5, spouse_probability: 1, age_difference: 0 },
    ...(care ? { care_credits: careCredits } : {}),
  },
});
const oneYearData = (refund: 'own' | 'account', care = true) => tinyScheme({
  scheme: oneYear(refund, care),
  qx: { F: { 59: 0.1 } },
  rates: [{ sex: 'F', age: 59, disability: 0.1, lapse: 0.25, reentry: 0.5, fertility: 0.1 }],
  population: [
    { sex: 'F', age: 59, status: 'active', count: 100, credits: 0.4, earnings: 1000, balance: 200, own_balance: 100 },
    { sex: 'F', age: 59, status: 'inactive', count: 20, credits: 1.2, earnings: 500, balance: 50, own_balance: 40 },
  ],
});
// 2025 step 4 (§4, §12):
//   A(59, 0): deaths 10; to D 90 × 0.1 = 9; R = 81 → A(1) 30.375, A(0) 30.375, I(1) 10.125, I(0) 10.125;
//     split f = 0.1: A(1) 27.3375 + A(3) 3.0375, A(0) 27.3375 + A(2) 3.0375, I(1) 9.1125 + I(3) 1.0125,
//     I(0) 9.1125 + I(2) 1.0125. Stayers' averages: c̄ 0.4 + 0.5 + 0.1 × 2 = 1.1,
//     w̄ 1000 × 1.04 + 600 + 0.1 × 2 × 12 × 50 = 1760, b̄ 200 × 1.05 + 60 √1.05 + 0.1 × 120 √1.05, ō 105 + 60 √1.05.
//   I(59, 1): deaths 2; to D 1.8; R = 16.2 → A(1) 8.1, I(1) 8.1; split: A(1) 7.29 + A(3) 0.81, I(1) 7.29 + I(3) 0.81.
//     Stayers' averages: c̄ 1.2 + 0.2 = 1.4, w̄ 520 + 120 = 640, b̄ 52.5 + 12 √1.05, ō 42.
//   Births = (81 + 16.2) × 0.1 = 9.72; care_credit_contributions = 9.72 × 120 = 1166.4.
//   D awards on §4's averages only: A origin 0.4 × 1640 / max(0.9, 1) = 656; I origin 0.4 × 520 / 1.2 = 173.33.
//   Survivors (step 5, without the year's care credits): 10 men at 60 with 328, 2 with 86.67.
// 2026 step 1, vesting 3: bin 3 = 3.0375 + 1.0125 (A origin) + 0.81 + 0.81 (I origin) → P at 0.01 × w̄;
//   the other 81 − 4.05 = 76.95 (A origin) and 16.2 − 1.62 = 14.58 (I origin) are refunded.
const births2025 = (81 + 16.2) * 0.1;
const careContributions2025 = births2025 * 120;
const disabilityAward = { a: (0.4 * 1640) / 1, i: (0.4 * 520) / 1.2 };
const endA = { earnings: 1760, balance: 210 + 72 * root, own: 105 + 60 * root };
const endI = { earnings: 640, balance: 52.5 + 12 * root, own: 42 };

describe.skipIf(!CARE_CREDITS_PRESENT)('§12 care credits of one year, worked by hand', () => {
  it('2025: births of the women who stay in A or I, the state\'s contribution G, K in the reserve, on the woman\'s row', () => {
    const result = projectScheme(oneYearData('own'));
    expectFields(columnsOf(yearRow(result, 2025)), {
      actives: 100, inactives: 20, contributions: 95 * 60, insured_earnings: 95 * 600,
      care_credit_contributions: careContributions2025, expenditure: 0,
      // §6: reserve_end = 0 × 1.05 + (K − 0) × √1.05 with K = 5700 + 1166.4.
      reserve_end: (5700 + careContributions2025) * root,
      investment_income: (5700 + careContributions2025) * (root - 1),
    });
    expectFields(columnsOf(groupRow(result, 2025, 'g', 'F')), { care_credit_contributions: careContributions2025 });
    expectFields(columnsOf(groupRow(result, 2025, 'g', 'M')), { care_credit_contributions: 0 });
    expectFields(columnsOf(yearRow(result, 2026)), { care_credit_contributions: 0 }); // nobody left in A or I
    // §7, §8 present values at t0 (discount = i): D h_2025 = 1/√1.05.
    const pvCare = careContributions2025 / root;
    expectFields(columnsOf(result.indicators.present_values), {
      pv_care_credit_contributions: pvCare,
      pv_contributions_and_matching: (5700 + careContributions2025) / root, // PV(K)
    });
    expectClose(result.indicators.effective_rate, (5700 + careContributions2025) / 57000); // PV(K) / PV(S), S only in 2025
    const women = columnsOf(subsidyRow(result, 'g', 'F'));
    expectClose(women.pv_care_credit_contributions as number, pvCare);
    expectClose(women.net_transfer as number,
      (women.pv_benefits as number) + (women.pv_administration as number) - (women.pv_contributions as number) - (women.pv_matching as number) - pvCare);
    expectFields(columnsOf(subsidyRow(result, 'g', 'M')), { pv_care_credit_contributions: 0 });
  });

  it.each([
    { refund: 'own' as const, refunds: 76.95 * endA.own + 14.58 * endI.own },
    { refund: 'account' as const, refunds: 76.95 * endA.balance + 14.58 * endI.balance }, // b̄ carries f G √1.05
  ])('2026: the bin-(j + y) parts vest, every stayer carries the care credits (refund $refund)', ({ refund, refunds }) => {
    const result = projectScheme(oneYearData(refund));
    // q = 0 at 60: E = N.
    expectFields(columnsOf(yearRow(result, 2026)), {
      old_age_pensioners: 4.05 + 1.62,
      old_age_benefits: 4.05 * 0.01 * endA.earnings + 1.62 * 0.01 * endI.earnings, // w̄ carries f y × 12 × 50
      refunds,
      // The newly disabled and the survivors ignore the year's care credits.
      disability_pensioners: 9 + 1.8, disability_benefits: 9 * disabilityAward.a + 1.8 * disabilityAward.i,
      survivor_pensioners: 12, survivor_benefits: 10 * 0.5 * disabilityAward.a + 2 * 0.5 * disabilityAward.i,
    });
  });
});

// ── c̄ carries f y into the next year. Ages 58–62, horizon 2025–2027, wage_growth 0.04, compliance 0.5; old-age
// vesting 3 (V = 3); disability replacement 0.4, vesting 0; care credits as above; q = 0 (1 at max_age).
// Women at 58: fertility 0.1, lapse 0.25; at 59: disability 0.1. A(58, 0): 100 heads, w̄ 1000.
// 2025: R = 100 → A(1) 37.5, A(0) 37.5, I(1) 12.5, I(0) 12.5, each split 0.9 / 0.1 to bins j and j + 2.
//   Every stayer: c̄ 0.5 + 0.2 = 0.7, w̄ 1040 + 600 + 120 = 1760. Births 10: care contributions 10 × 120 = 1200.
// 2026 (J = 1.04: C = 62.4, S = 624): 75 in A, 25 in I. To D: 7.5 from A, 2.5 from I, on year-end averages:
//   A: c̄' = 0.7 + 0.5 = 1.2, w̄' = 1760 × 1.04 + 624 = 2454.4 → 0.4 × 2454.4 / 1.2 = 818.13
//      (without the 2025 care credits: c̄' = 1, w̄' = 2329.6 → 931.84);
//   I: c̄' = 0.7, w̄' = 1830.4 → 0.4 × 1830.4 / max(0.7, 1) = 732.16.
// 2027: D at 60, E = N.
const twoYears = (care: boolean) => tinyScheme({
  scheme: {
    projection: { horizon: 3 },
    assumptions: { wage_growth: 0.04, investment_return: 0.05 },
    groups: { g: { compliance: 0.5 } },
    benefits: {
      old_age: { vesting_years: 3 },
      disability: { formula: 'replacement', replacement: 0.4 },
      ...(care ? { care_credits: careCredits } : {}),
    },
  },
  rates: [{ sex: 'F', age: 58, fertility: 0.1, lapse: 0.25 }, { sex: 'F', age: 59, disability: 0.1 }],
  population: [{ sex: 'F', age: 58, status: 'active', count: 100, earnings: 1000 }],
});

describe.skipIf(!CARE_CREDITS_PRESENT)('§12 care credits carried into later years', () => {
  it('keeps the A/I split of step 4, and a later disability award sees c̄ and w̄ with the care credits', () => {
    const result = projectScheme(twoYears(true));
    expectFields(columnsOf(yearRow(result, 2025)), { care_credit_contributions: 1200 });
    expectFields(columnsOf(yearRow(result, 2026)), { actives: 75, inactives: 25, care_credit_contributions: 0 });
    expectFields(columnsOf(yearRow(result, 2027)), {
      disability_pensioners: 10, disability_benefits: 7.5 * (0.4 * 2454.4) / 1.2 + 2.5 * 0.4 * 1830.4,
    });
  });

  it('indexes G and the notional earnings by the default rule\'s J_t, whatever the group\'s own indexation', () => {
    // Default indexation wages (J_2026 = 1.04); group g: contributions indexation none (its C = 120, S = 1200).
    // Women of 58, fertility 0.1 at 59 only, q = 0: 2026 births 100 × 0.1 = 10,
    // G_2026 = 2 × 12 × 50 × 1.04 × 0.1 = 124.8 → 1248.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04 },
        groups: { g: { contributions: { indexation: 'none' } } },
        benefits: { care_credits: careCredits },
      },
      rates: [{ sex: 'F', age: 59, fertility: 0.1 }],
      population: [{ sex: 'F', age: 58, status: 'active', count: 100 }],
    }));
    expectFields(columnsOf(yearRow(result, 2025)), { care_credit_contributions: 0, contributions: 12000 });
    expectFields(columnsOf(yearRow(result, 2026)), { care_credit_contributions: 1248, contributions: 12000 });
  });

  it('credits women only: a * fertility row gives men no births', () => {
    // 100 women and 100 men of 58, fertility 0.1 for both sexes, q = 0: births 10 (women), 10 × 120 = 1200.
    const result = projectScheme(tinyScheme({
      scheme: { benefits: { care_credits: careCredits } },
      rates: [{ age: 58, fertility: 0.1 }],
      population: [{ sex: 'F', age: 58, status: 'active', count: 100 }, { sex: 'M', age: 58, status: 'active', count: 100 }],
    }));
    expectFields(columnsOf(groupRow(result, 2025, 'g', 'F')), { care_credit_contributions: 1200 });
    expectFields(columnsOf(groupRow(result, 2025, 'g', 'M')), { care_credit_contributions: 0 });
  });
});

describe('§12 premises, run today: the same schemes without care credits (§4–§6 only)', () => {
  it('one year: nobody reaches bin 3, all are refunded; D and survivors as with care credits', () => {
    const result = projectScheme(oneYearData('own', false));
    expectFields(yearRow(result, 2025), { contributions: 5700, reserve_end: 5700 * root });
    expectFields(yearRow(result, 2026), {
      old_age_pensioners: 0, refunds: 81 * endA.own + 16.2 * endI.own,
      disability_pensioners: 10.8, disability_benefits: 9 * disabilityAward.a + 1.8 * disabilityAward.i,
      survivor_pensioners: 12, survivor_benefits: 5 * disabilityAward.a + disabilityAward.i,
    });
  });

  it('two years: the disability award without the 2025 care credits is 931.84 (A) and 682.24 (I)', () => {
    // I: c̄' = 0.5, w̄' = 1640 × 1.04 = 1705.6 → 0.4 × 1705.6 / 1.
    const result = projectScheme(twoYears(false));
    expectFields(yearRow(result, 2026), { actives: 75, inactives: 25 });
    expectFields(yearRow(result, 2027), { disability_pensioners: 10, disability_benefits: 7.5 * 931.84 + 2.5 * 0.4 * 1705.6 });
  });
});

describe('§12 probe', () => {
  it('when the schema has care_credits, the output column has come with it', () => {
    if (!CARE_CREDITS_PRESENT) return;
    expect(PROJECTION_COLUMNS as readonly string[]).toContain('care_credit_contributions');
  });
});
