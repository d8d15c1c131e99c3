/**
 * Hand-worked single-cell cases for the engine, part 1: one active
 * member-year (§3), the moves of §4 steps 1–4, balances and old-age awards
 * (§5). Every expected value is plain arithmetic from the methodology, written out
 * with the section and step it comes from — never a call into sipro.
 *
 * The tiny default scheme (test/support/scheme.ts): base year 2025, ages
 * 58–62, retirement at 60, all assumptions 0, flat rule 10/month on an
 * insured income of 100/month (indexed to wages), compliance 1, no zero
 * months, flat pension 100/month, mortality 0 except q = 1 at max_age.
 *
 * With the flat rule and no affordability test every month with income is
 * paid, so (§3) d = π (1 − p0), C = π · 12 (1 − p0) · amount · J_t and
 * S = π · 12 (1 − p0) · insured_income · J_t: the lognormal drops out.
 */
import { describe, it } from 'vitest';
import { projectScheme } from '../../src/core/project.js';
import { groupRow, tinyScheme, yearRow } from '../support/scheme.js';
import { expectClose, expectFields } from '../support/expect.js';

describe('§3 one active member-year under the flat rule', () => {
  // π = 0.8, p0 = 0.25: d = 0.8 × (1 − 0.25) = 0.6.
  const scheme = {
    projection: { horizon: 2 },
    assumptions: { wage_growth: 0.04, inflation: 0.02 },
    groups: { g: { compliance: 0.8 } },
  };
  const income = { zero_month_prob: 0.25, cv: 0.7, mean_monthly_income: 123 };

  it('gives density π(1−p0), C = π·12(1−p0)·amount·J and S = π·12(1−p0)·insured_income·J', () => {
    const result = projectScheme(tinyScheme({ scheme, income, population: [{ sex: 'F', age: 58, status: 'active' }] }));
    // 2025: J_2025 = 1 (§1, empty product); E = N(1 − q/2) = 1 (§4 step 3).
    const d = 0.8 * (1 - 0.25); // 0.6
    const C2025 = 0.8 * 12 * (1 - 0.25) * 10 * 1; // 72
    const S2025 = 0.8 * 12 * (1 - 0.25) * 100 * 1; // 720
    expectFields(yearRow(result, 2025), {
      actives: 1, inactives: 0, deaths: 0,
      contributions: 1 * C2025, matching: 0, insured_earnings: 1 * S2025, density: d,
      // §7 ratios: payg = expenditure / insured earnings = 0/720; no pensioners and no
      // expenditure make support_ratio and reserve_ratio divide by 0, hence null.
      payg_cost_rate: 0, support_ratio: null, reserve_ratio: null,
    });
    // 2026: the member is in A(0) and A(1) (shares 0.4 and 0.6), both active (§4 step 4, ℓ = 0);
    // J_2026 = Iw_2026 = 1 + wage_growth_2025 = 1.04 (§1, indexation: wages).
    expectFields(yearRow(result, 2026), {
      actives: 1, contributions: C2025 * 1.04, insured_earnings: S2025 * 1.04, density: d,
    });
  });

  it.each([
    { indexation: 'wages', J2026: 1.04 }, // Iw_2026 = 1 + wage_growth_2025
    { indexation: 'prices', J2026: 1.02 }, // Ip_2026 = 1 + inflation_2025
    { indexation: 'none', J2026: 1 },
  ] as const)('indexes the rule’s money fields by J_t per contributions.indexation = $indexation (§1, §3)', ({ indexation, J2026 }) => {
    const result = projectScheme(tinyScheme({
      scheme: { ...scheme, contributions: { indexation } },
      income,
      population: [{ sex: 'M', age: 58, status: 'active', count: 3 }],
    }));
    // C = 0.8 × 12 × 0.75 × 10 × J = 72 J per head, 3 heads; S likewise with 100.
    expectClose(yearRow(result, 2026).contributions, 3 * 72 * J2026);
    expectClose(yearRow(result, 2026).insured_earnings, 3 * 720 * J2026);
  });

  it('reads a map assumption as a step function, the first value before the first key (§1)', () => {
    // wage_growth: {2026: 0.05, 2027: 0.03}. Years 2025 and 2026 take 0.05, 2027 takes 0.03.
    // Ages 50–53 over the horizon: the member never reaches 60.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 4, min_age: 50 },
        assumptions: { wage_growth: { 2026: 0.05, 2027: 0.03 } },
      },
      population: [{ age: 50, status: 'active' }],
    }));
    const J = {
      2025: 1,
      2026: 1 * (1 + 0.05), // wage_growth_2025 = first value (before the first key)
      2027: 1 * (1 + 0.05) * (1 + 0.05), // wage_growth_2026 = 0.05
      2028: 1 * (1 + 0.05) * (1 + 0.05) * (1 + 0.03), // wage_growth_2027 = 0.03
    };
    for (const year of [2025, 2026, 2027, 2028] as const) {
      // C = 1 × 12 × 1 × 10 × J_t (π = 1, p0 = 0).
      expectClose(yearRow(result, year).contributions, 12 * 10 * J[year], 1e-12, 1e-12, `${year}`);
    }
  });

  it('caps matching at cap × J_t: mc = min(ratio × c, cap) (§3)', () => {
    // matching {ratio 0.5, cap 4}. 2025: min(0.5 × 10, 4) = 4 a month. 2026, J = 1.04:
    // min(0.5 × 10.4, 4 × 1.04) = 4.16 — the cap is a money field of the rule, indexed by J_t
    // (§3 "Money fields of the rule are multiplied by J_t"; §2 "every money field of contributions").
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04 },
        contributions: { matching: { ratio: 0.5, cap: 4 } },
      },
      population: [{ age: 58, status: 'active', count: 2 }],
    }));
    expectClose(yearRow(result, 2025).matching, 2 * 12 * Math.min(0.5 * 10, 4));
    expectClose(yearRow(result, 2026).matching, 2 * 12 * Math.min(0.5 * 10 * 1.04, 4 * 1.04));
    expectClose(yearRow(result, 2025).contributions, 2 * 12 * 10);
  });
});

describe('§4 step 4 credits: c̄\' = c̄ + d, the bin moves A(k) → A(k+1) with share d', () => {
  it('vests the share d of a bin-0 member one year before retirement; the rest is refunded ō\' (§4 steps 1, 4)', () => {
    // vesting_years 1, so V = 1. π = 0.8, p0 = 0.25: d = 0.6, C = 0.8 × 12 × 0.75 × 10 = 72.
    // Lapse 0.25 at 59 splits the movers between A and I; it does not change the bin shares.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        groups: { g: { compliance: 0.8 } },
        benefits: { old_age: { vesting_years: 1, refund: 'own' } },
      },
      income: { zero_month_prob: 0.25 },
      rates: [{ age: 59, lapse: 0.25 }],
      population: [{ age: 59, status: 'active', count: 10 }],
    }));
    expectClose(yearRow(result, 2025).contributions, 10 * 72);
    // End of 2025 (§4 step 4, q = 0, i = 0, R = 10):
    //   A(1) = R d (1−ℓ) = 10 × 0.6 × 0.75 = 4.5   I(1) = R d ℓ = 1.5
    //   A(0) = R (1−d)(1−ℓ) = 3                   I(0) = R (1−d) ℓ = 1
    //   everyone carries ō' = ō (1 + i) + C (1 + i)^½ = 0 + 72.
    // 2026 step 1 (age 60): bin 1 (6 heads) vests → P, award 12 × 100 × J_2026 (= 1) = 1200 (§5 flat);
    // bin 0 (4 heads) is refunded ō' = 72 each and leaves.
    expectFields(yearRow(result, 2026), {
      actives: 0, inactives: 0, old_age_pensioners: 4.5 + 1.5,
      refunds: (3 + 1) * 72, old_age_benefits: 6 * 1200, contributions: 0,
    });
  });

  it('bins base-year credits at min(floor(credits), V) and retires members already past the age at t0 (§2, §4 step 1)', () => {
    // vesting_years 1 (V = 1). Credits 0.999 → bin 0 (not vested); credits 1 → bin 1; credits 3 → bin min(3, 1) = 1.
    const result = projectScheme(tinyScheme({
      scheme: { benefits: { old_age: { vesting_years: 1, refund: 'own' } } },
      population: [
        { age: 60, status: 'active', credits: 0.999, own_balance: 50 },
        { age: 60, status: 'active', credits: 1, own_balance: 50 },
        { age: 61, status: 'inactive', credits: 3, count: 2, own_balance: 70 },
      ],
    }));
    // Step 1 of 2025: all retire. Vested: 1 + 2 = 3 heads → P at 12 × 100 × J_2025 (= 1).
    // Not vested: 1 head refunded its ō = 50 (paid in year t, no interest: the refund happens at step 1).
    expectFields(yearRow(result, 2025), {
      actives: 0, inactives: 0, old_age_pensioners: 3,
      refunds: 50, old_age_benefits: 3 * 1200, contributions: 0,
    });
  });
});

describe('§4 step 4 balances b̄\', ō\' with half-year interest; refunds of non-vested leavers (§4 step 1)', () => {
  // vesting_years 5 (V = 5): a bin-0 member aged 59 cannot vest by 60.
  // π = 1, p0 = 0: C = 12 × 10 = 120; matching ratio 0.5, no cap: M = 12 × 0.5 × 10 = 60. i_2025 = 0.05.
  const bBar = 1000 * 1.05 + (120 + 60) * Math.sqrt(1.05); // b̄' = b̄ (1 + i) + (C + M)(1 + i)^½
  const oBar = 600 * 1.05 + 120 * Math.sqrt(1.05); //          ō' = ō (1 + i) + C (1 + i)^½
  it.each([
    { refund: 'own', perHead: oBar },
    { refund: 'account', perHead: bBar },
    { refund: 'none', perHead: 0 },
  ] as const)('refund: $refund pays the year-end balance per head at the next step 1', ({ refund, perHead }) => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { investment_return: 0.05 },
        contributions: { matching: { ratio: 0.5 } },
        benefits: { old_age: { vesting_years: 5, refund } },
      },
      population: [{ sex: 'M', age: 59, status: 'active', count: 2, balance: 1000, own_balance: 600 }],
    }));
    expectFields(yearRow(result, 2025), { contributions: 2 * 120, matching: 2 * 60, refunds: 0 });
    // 2026 step 1: 2 heads in bin 1 < 5 leave with the refund; no pension, nobody left.
    expectFields(yearRow(result, 2026), {
      refunds: 2 * perHead, old_age_pensioners: 0, old_age_benefits: 0, actives: 0, inactives: 0,
    });
  });

  it('rolls an inactive member\'s balances forward without the year\'s contributions (§4 step 4, I)', () => {
    // I cell: b̄' = b̄ (1 + i), ō' = ō (1 + i). refund: account, V = 5, i = 0.05.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { investment_return: 0.05 },
        benefits: { old_age: { vesting_years: 5, refund: 'account' } },
      },
      population: [{ age: 59, status: 'inactive', balance: 1000, own_balance: 600 }],
    }));
    expectClose(yearRow(result, 2026).refunds, 1000 * 1.05);
  });
});

describe('§4 step 3 deaths and exposure, §5 funeral', () => {
  it('counts deaths N q, exposes E = N(1 − q/2), pays funeral amount × J_t × deaths; q = 1 at max_age', () => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04 },
        benefits: { funeral: { amount: 300 } },
      },
      qx: { M: { 58: 0.1, 59: 0.2, 61: 0.5 } },
      population: [
        { sex: 'M', age: 58, status: 'active', count: 10 },
        { sex: 'M', age: 61, status: 'retired', count: 2, pension_monthly: 50 },
      ],
    }));
    // 2025. A: q = 0.1, deaths 10 × 0.1 = 1, E = 10 × (1 − 0.05) = 9.5.
    //       P: q = 0.5, deaths 1, E = 2 × (1 − 0.25) = 1.5, p̄ = 12 × 50 = 600.
    expectFields(yearRow(result, 2025), {
      actives: 10, old_age_pensioners: 2, deaths: 1 + 1,
      contributions: 9.5 * 120, insured_earnings: 9.5 * 1200,
      old_age_benefits: 1.5 * 600, funeral_benefits: 300 * 1 * 2,
    });
    // 2026. A: N = 10 × 0.9 = 9 at 59, q = 0.2: deaths 1.8, E = 9 × 0.9 = 8.1, J = 1.04.
    //       P: N = 2 × 0.5 = 1 at 62 = max_age, q = 1: deaths 1, E = 0.5; p̄ = 600 × (1 + inflation 0).
    expectFields(yearRow(result, 2026), {
      actives: 9, old_age_pensioners: 1, deaths: 1.8 + 1,
      contributions: 8.1 * 120 * 1.04, old_age_benefits: 0.5 * 600,
      funeral_benefits: 300 * 1.04 * 2.8,
    });
  });
});

describe('§4 step 4 lapse and reentry', () => {
  it('moves R(1−ℓ) to A and Rℓ to I from A, and r of the survivors from I back to A', () => {
    // Rates at 58 (both sexes): lapse ℓ = 0.2, reentry r = 0.3; q = 0.1 at 58, 0 at 59.
    // π = 0.5 (d = 0.5) to show the A/I split does not depend on d.
    const result = projectScheme(tinyScheme({
      scheme: { projection: { horizon: 2 }, groups: { g: { compliance: 0.5 } } },
      qx: { '*': { 58: 0.1 } },
      rates: [{ age: 58, lapse: 0.2, reentry: 0.3 }],
      population: [
        { age: 58, status: 'active', count: 100 },
        { age: 58, status: 'inactive', count: 50 },
      ],
    }));
    // 2025: E_A = 100 × 0.95 = 95, C = 0.5 × 12 × 10 = 60; deaths 100 × 0.1 + 50 × 0.1 = 15.
    expectFields(yearRow(result, 2025), {
      actives: 100, inactives: 50, deaths: 15, contributions: 95 * 60, density: 0.5,
    });
    // From A: R = 100 × 0.9 = 90 → A: 90 × 0.8 = 72, I: 90 × 0.2 = 18.
    // From I: 50 × 0.9 = 45 → A: 45 × 0.3 = 13.5, I: 45 × 0.7 = 31.5.
    expectFields(yearRow(result, 2026), {
      actives: 72 + 13.5, inactives: 18 + 31.5, deaths: 0, contributions: (72 + 13.5) * 60,
    });
  });

  it('lets a named-group rates row replace the * row of the same (sex, age) whole (§2 rates)', () => {
    // '*' row at 58: disability 0.1. Group b's own row at 58: lapse 0.2 (its disability is the default 0).
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        groups: { a: {}, b: {} },
        benefits: { disability: { formula: 'flat', amount: 10 } },
      },
      rates: [{ age: 58, disability: 0.1 }, { group: 'b', age: 58, lapse: 0.2 }],
      population: [{ group: 'a', age: 58, status: 'active', count: 10 }, { group: 'b', age: 58, status: 'active', count: 10 }],
    }));
    // a: to D 10 × 0.1 = 1, A 9.   b: no disability, A 10 × 0.8 = 8, I 2.
    expectFields(groupRow(result, 2026, 'a', 'F'), { actives: 9, inactives: 0, disability_pensioners: 1 });
    expectFields(groupRow(result, 2026, 'b', 'F'), { actives: 8, inactives: 2, disability_pensioners: 0 });
  });
});

describe('§4 step 1 and §5 old-age awards', () => {
  it.each([
    { indexation: 'prices', idx2026: 0.02 },
    { indexation: 'wages', idx2026: 0.04 },
    { indexation: 'none', idx2026: 0 },
  ] as const)('awards 12 × amount × J_t at retirement and indexes it by 1 + idx_t in payment (indexation $indexation)', ({ indexation, idx2026 }) => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 3 },
        assumptions: { wage_growth: 0.04, inflation: 0.02 },
        benefits: { old_age: { indexation } },
      },
      population: [{ age: 59, status: 'active' }],
    }));
    // 2026 step 1 at 60: award = 12 × 100 × J_2026, J = Iw (contributions.indexation wages) = 1.04.
    const award = 12 * 100 * 1.04; // 1248
    expectFields(yearRow(result, 2026), { actives: 0, old_age_pensioners: 1, old_age_benefits: award });
    // §4 step 6 at the end of 2026: p̄ × (1 + idx_2026).
    expectClose(yearRow(result, 2027).old_age_benefits, award * (1 + idx2026));
  });

  it('applies min_pension × 12 × J_t to a vested flat award (§5)', () => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04 },
        benefits: { old_age: { min_pension: 120 } },
      },
      population: [{ age: 59, status: 'active' }],
    }));
    // max(12 × 100 × 1.04, 12 × 120 × 1.04) = 1497.6
    expectClose(yearRow(result, 2026).old_age_benefits, Math.max(12 * 100 * 1.04, 12 * 120 * 1.04));
  });

  it.each([
    { minPension: 0, expected: 0.015 * (20000 * 1.04 + 720) }, // 322.8
    { minPension: 30, expected: 12 * 30 * 1.04 }, // 374.4 > 322.8
  ])('career_average: accrual × w̄ on the year-end w̄\' = w̄(1+g) + S (min_pension $minPension)', ({ minPension, expected }) => {
    // π = 0.8, p0 = 0.25: S_2025 = 0.8 × 12 × 0.75 × 100 = 720. wage_growth 0.04.
    // End of 2025: w̄' = 20000 × 1.04 + 720 = 21520. Award at 2026 step 1: 0.015 × 21520.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04 },
        groups: { g: { compliance: 0.8 } },
        benefits: { old_age: { formula: 'career_average', accrual: 0.015, min_pension: minPension } },
      },
      income: { zero_month_prob: 0.25 },
      population: [{ age: 59, status: 'active', earnings: 20000 }],
    }));
    expectClose(yearRow(result, 2026).old_age_benefits, expected);
  });

  it('account: b̄\'/ä with ä summed over the award year\'s table, no group multiplier, q = 1 at max_age (§5)', () => {
    // annuity_rate 0.03; indexation prices; inflation {2025: 0.01, 2026: 0.02} so idx_2026 = 0.02.
    // qx (both sexes) 60: 0.1, 61: 0.2, 62: 0.3 (→ 1 at max_age 62). Group multiplier 2 — not in ä.
    // i_2025 = 0.05; π = 1: C = 120. b̄' = 10000 × 1.05 + 120 × 1.05^½.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { investment_return: 0.05, inflation: { 2025: 0.01, 2026: 0.02 } },
        groups: { g: { mortality_multiplier: 2 } },
        benefits: { old_age: { formula: 'account', annuity_rate: 0.03, indexation: 'prices' } },
      },
      qx: { '*': { 60: 0.1, 61: 0.2, 62: 0.3 } },
      population: [{ age: 59, status: 'active', balance: 10000 }],
    }));
    const balance = 10000 * 1.05 + 120 * Math.sqrt(1.05);
    // ä_{F,60,2026} = Σ_j ₍j₎p (1 − q_{60+j}/2) (1.02)^j / 1.03^{j+½}:
    const annuity =
      1 * (1 - 0.1 / 2) * 1.02 ** 0 / 1.03 ** 0.5 + //            j = 0, age 60
      (1 - 0.1) * (1 - 0.2 / 2) * 1.02 ** 1 / 1.03 ** 1.5 + //     j = 1, age 61, ₁p = 0.9
      (1 - 0.1) * (1 - 0.2) * (1 - 1 / 2) * 1.02 ** 2 / 1.03 ** 2.5; // j = 2, age 62 = max_age: q = 1, ₂p = 0.72
    //                                                                 j = 3: ₃p = 0.72 × (1 − 1) = 0
    const award = balance / annuity;
    // The pensioner's own mortality in 2026 has the group multiplier: q = 0.1 × 2 = 0.2, E = 0.9.
    expectFields(yearRow(result, 2026), {
      old_age_pensioners: 1, deaths: 0.2, old_age_benefits: 0.9 * award,
    });
  });

  it('account: ä uses the award year\'s improved mortality q × (1 − improvement)^{t−t0} (§2, §5)', () => {
    // Retire at 2026 (t − t0 = 1); improvement 0.5 at 60 and 61: q_60 = 0.1 × 0.5 = 0.05, q_61 = 0.2 × 0.5 = 0.1.
    // annuity_rate 0, indexation none: ä = Σ ₍j₎p (1 − q/2).
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        benefits: { old_age: { formula: 'account', annuity_rate: 0, indexation: 'none' } },
      },
      qx: { '*': { 60: 0.1, 61: 0.2 } },
      improvement: { '*': { 60: 0.5, 61: 0.5 } },
      population: [{ age: 59, status: 'active', balance: 1000 }],
    }));
    const balance = 1000 + 120; // i = 0
    const annuity =
      1 * (1 - 0.05 / 2) + //                  j = 0
      (1 - 0.05) * (1 - 0.1 / 2) + //           j = 1
      (1 - 0.05) * (1 - 0.1) * (1 - 1 / 2); //  j = 2, max_age
    // Own 2026 mortality at 60: q = 0.05, E = 0.975.
    expectClose(yearRow(result, 2026).old_age_benefits, 0.975 * (balance / annuity));
  });
});
