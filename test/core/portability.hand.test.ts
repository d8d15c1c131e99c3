/**
 * Hand-worked cases of methodology §11 (portability: emigration to W cells,
 * totalization of foreign credits, pro-rata awards), written from the
 * model's text alone against the public surface: `projectScheme(data)` and
 * the output columns of §7 (`emigrants` in projection.csv and by_group.csv,
 * `deaths` counting W, the benefit columns).
 *
 * Skipped until the feature lands. The probe: the scheme schema has the
 * `portability` key (§2). A test that always runs checks that the rest of
 * the feature's surface (the rates column `emigration`, the population column
 * `foreign_credits`, the output column `emigrants`) comes with it.
 *
 * Every expected figure is arithmetic from the methodology; §3 under the flat rule
 * 10 on 100 a month with compliance π and no zero months gives d = π,
 * C = 120 π J_t, S = 1200 π J_t; the flat pension is 12 × 100 × J_t.
 */
import { describe, expect, it } from 'vitest';
import { PROJECTION_COLUMNS, projectScheme } from '../../src/core/project.js';
import { schemeSchema } from '../../src/schema/scheme.js';
import { populationRowSchema, ratesRowSchema } from '../../src/schema/tables.js';
import { expectFields } from '../support/expect.js';
import { columnsOf, groupRow, tinyScheme, yearRow, type SchemePatch } from '../support/scheme.js';

/** The probe: §11's `portability` section is part of scheme.yaml. */
export const PORTABILITY_PRESENT = 'portability' in schemeSchema.shape;

const sqrt105 = Math.sqrt(1.05);

// ── A W cell's year. Ages 58–62, retirement 60, horizon 2025–2027. wage_growth 0.04 (J_2026 = 1.04,
// J_2027 = 1.0816), inflation 0, i = 0.05. Compliance 0.5: d = 0.5, C = 60 J, S = 600 J.
// Old age: flat 100, vesting 3, refund own. Disability flat 50, vesting 0, no disability rate (ι = 0): it is
// "paid", so members' deaths leave survivors (§4 step 5) and W deaths must not. Survivors: share 0.5,
// spouse_probability 1, age_difference 0. Funeral 300. Administration 10 a member a year. V = max(3, 0) = 3.
// qx F 58: 0.1, F 59: 0.2, men 0; emigration 0.2 at 58 (women).
// Population: 100 active women of 58, credits 1 (bin 1), earnings 5000, balance 1000, own 600.
const wScheme = (portability: SchemePatch['portability'], refund: 'own' | 'account' = 'own'): SchemePatch => ({
  projection: { horizon: 3 },
  assumptions: { wage_growth: 0.04, investment_return: 0.05 },
  groups: { g: { compliance: 0.5 } },
  administration: { per_member_annual: 10 },
  benefits: {
    old_age: { vesting_years: 3, refund },
    disability: { formula: 'flat', amount: 50 },
    survivors: { share: 0.5, spouse_probability: 1, age_difference: 0 },
    funeral: { amount: 300 },
  },
  portability,
});
const wData = (portability: SchemePatch['portability'], refund: 'own' | 'account' = 'own', emigration = true) => tinyScheme({
  scheme: wScheme(portability, refund),
  qx: { F: { 58: 0.1, 59: 0.2 } },
  rates: emigration ? [{ sex: 'F', age: 58, emigration: 0.2 }] : [],
  population: [{ sex: 'F', age: 58, status: 'active', count: 100, credits: 1, earnings: 5000, balance: 1000, own_balance: 600 }],
});
// Year-end 2025 averages of the A(58, 1) cell, carried by A and W movers alike (§4 step 4, §11):
//   c̄' = 1.5, f̄' = 0, w̄' = 5000 × 1.04 + 600 = 5800, b̄' = 1000 × 1.05 + 60 √1.05, ō' = 600 × 1.05 + 60 √1.05.
const b2025 = 1000 * 1.05 + 60 * sqrt105;
const o2025 = 600 * 1.05 + 60 * sqrt105;
// 2026, W cells (§11): c̄ = 1.5, f̄ = 0 + foreign_density 0.5, b̄ = b̄' × 1.05, ō = ō' × 1.05 (no contributions).
const bW = b2025 * 1.05;
const oW = o2025 * 1.05;
// 2026, A cells: + the year's C = 62.4: b̄ = b̄' × 1.05 + 62.4 √1.05, ō = ō' × 1.05 + 62.4 √1.05; c̄ = 2, f̄ = 0.
const bA = b2025 * 1.05 + 62.4 * sqrt105;
const oA = o2025 * 1.05 + 62.4 * sqrt105;

describe.skipIf(!PORTABILITY_PRESENT)('§11 a W cell\'s year, worked by hand', () => {
  it('2025–2026: emigrants move at the year end, die with their mortality, pay and receive nothing, leave no survivors', () => {
    const result = projectScheme(wData({ totalization: true, foreign_density: 0.5, export: true }));
    // 2025: N = 100, q = 0.1: deaths 10, E = 95. W is empty at t0. Funeral 300 × 1 × 10; administration 10 × 1 × 100.
    expectFields(columnsOf(yearRow(result, 2025)), {
      actives: 100, emigrants: 0, deaths: 10, contributions: 95 * 60, insured_earnings: 95 * 600,
      funeral_benefits: 3000, administration: 1000, survivor_pensioners: 0,
    });
    // Step 4 of 2025 (§4, §11): to W N(1−q)(1−ι)e = 90 × 0.2 = 18, split d: W(59, 2) 9, W(59, 1) 9;
    //   R = 72: A(59, 2) 36, A(59, 1) 36.
    // Step 5: 10 deaths in A (k = 1 ≥ disability vesting 0) → 10 men aged 59, each 0.5 × 12 × 50 × J_2026 = 312.
    // 2026: q = 0.2. A: deaths 14.4, E = 64.8, C = 60 × 1.04 = 62.4. W: deaths 3.6 — counted in `deaths` (§7),
    //   not in the funeral grants (§5: deaths of every state but W) nor in administration's members (§11).
    expectFields(columnsOf(yearRow(result, 2026)), {
      actives: 72, emigrants: 18, deaths: 14.4 + 3.6,
      contributions: 64.8 * 62.4, insured_earnings: 64.8 * 624,
      survivor_pensioners: 10, survivor_benefits: 10 * 312,
      funeral_benefits: 300 * 1.04 * 14.4, //    4492.8, not 300 × 1.04 × 18
      administration: 10 * 1.04 * 72, //         748.8: Iw_2026 × (A + I) heads, W left out
      expenditure: 10 * 312 + 300 * 1.04 * 14.4 + 10 * 1.04 * 72,
      disability_pensioners: 0, health_benefits: 0,
    });
    expectFields(columnsOf(groupRow(result, 2026, 'g', 'F')), { emigrants: 18, actives: 72 });
    expectFields(columnsOf(groupRow(result, 2026, 'g', 'M')), { emigrants: 0, survivor_pensioners: 10 });
    // 2027: A deaths of 2026 (14.4) leave 14.4 men at 60 with 0.5 × 12 × 50 × J_2027 = 324.48; W deaths (3.6) none.
    // The 2025 survivors: 10 × 312 × (1 + idx 0). Men's q = 0: E = N.
    expectFields(columnsOf(yearRow(result, 2027)), {
      survivor_pensioners: 10 + 14.4, survivor_benefits: 10 * 312 + 14.4 * 324.48, emigrants: 0,
    });
  });

  // 2026 step 4, W (§11): survivors 7.2 of W(59, 1) go to W(60, 2) with foreign_density 0.5 (3.6) and stay in
  // W(60, 1) (3.6); the 7.2 of W(59, 2) go to W(60, 3) (3.6) and W(60, 2) (3.6). Without totalization the
  // density is 0: they stay in W(60, 1) and W(60, 2), 7.2 each, and f̄ stays 0.
  // A: A(59, 1) 28.8 → A(60, 2) 14.4, A(60, 1) 14.4; A(59, 2) 28.8 → A(60, 3) 14.4, A(60, 2) 14.4.
  // 2027 step 1 (vesting 3): A(60, 3) 14.4 → P at 12 × 100 × 1.0816 = 1297.92 (f̄ = 0: ρ = 1);
  //   A bins 1, 2 (43.2) refunded; W(60, 3) 3.6 → P at 1297.92 × ρ, ρ = c̄/(c̄ + f̄) = 1.5/2 = 0.75 (flat: ρ_A = ρ),
  //   if export; otherwise refunded like W bins 1, 2.
  it.each([
    {
      name: 'totalization and export: the vested W cell retires on a pro-rated flat pension',
      portability: { totalization: true, foreign_density: 0.5, export: true },
      refund: 'own' as const,
      pensioners: 14.4 + 3.6,
      benefits: 14.4 * 1297.92 + 3.6 * 1297.92 * 0.75, // 973.44 for each W pensioner
      refunds: 43.2 * oA + 10.8 * oW,
    },
    {
      name: 'no export: the vested W cell is refunded ō instead',
      portability: { totalization: true, foreign_density: 0.5, export: false },
      refund: 'own' as const,
      pensioners: 14.4,
      benefits: 14.4 * 1297.92,
      refunds: 43.2 * oA + 14.4 * oW,
    },
    {
      name: 'no totalization: no foreign credit is earned abroad, no W cell vests',
      portability: { totalization: false, foreign_density: 0.5, export: true },
      refund: 'own' as const,
      pensioners: 14.4,
      benefits: 14.4 * 1297.92,
      refunds: 43.2 * oA + 14.4 * oW,
    },
    {
      name: 'refund: account pays b̄, which grew abroad by i but took no contributions',
      portability: { totalization: true, foreign_density: 0.5, export: true },
      refund: 'account' as const,
      pensioners: 14.4 + 3.6,
      benefits: 14.4 * 1297.92 + 3.6 * 973.44,
      refunds: 43.2 * bA + 10.8 * bW,
    },
  ])('2027, retirement from W: $name', ({ portability, refund, pensioners, benefits, refunds }) => {
    const result = projectScheme(wData(portability, refund));
    // q = 0 at 60: E = N.
    expectFields(columnsOf(yearRow(result, 2027)), {
      actives: 0, emigrants: 0, old_age_pensioners: pensioners, old_age_benefits: benefits, refunds, deaths: 0,
    });
  });
});

describe.skipIf(!PORTABILITY_PRESENT)('§11 an I cell emigrates to W(k), and foreign_density 1 credits a year abroad', () => {
  it('moves N(1−q)(1−ι)e of an I cell to W(k) unsplit; the W year credits f̄ + 1 and bin k+1', () => {
    // Ages 58–62, vesting 2 (V = 2), all assumptions 0 (J = 1), q = 0; I(58, 1): 10 heads, credits 1, own 100.
    // 2025: to W(59, 1) 10 × 0.3 = 3; I(59, 1) 7. 2026: W(59, 1) → W(60, 2), f̄ = 1, c̄ = 1.
    // 2027: W(60, 2) vested: P at 1200 × ρ, ρ = 1/(1 + 1) = 0.5 → 600; I(60, 1) refunded 7 × 100.
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 3 },
        benefits: { old_age: { vesting_years: 2, refund: 'own' } },
        portability: { totalization: true, foreign_density: 1 },
      },
      rates: [{ age: 58, emigration: 0.3 }],
      population: [{ age: 58, status: 'inactive', count: 10, credits: 1, own_balance: 100 }],
    }));
    expectFields(columnsOf(yearRow(result, 2026)), { inactives: 7, emigrants: 3, actives: 0 });
    expectFields(columnsOf(yearRow(result, 2027)), { old_age_pensioners: 3, old_age_benefits: 3 * 600, refunds: 700 });
  });
});

describe.skipIf(!PORTABILITY_PRESENT)('§11 pro-rata of old-age awards on foreign credits', () => {
  // One active woman of 59, credits 6, foreign_credits 4: bin min(floor(6 + 4), V = 8) = 8 with totalization.
  // Earnings 20000, balance 10000, own 5000; assumptions 0 (J = 1), q = 0 but 1 at max_age 62; compliance 1.
  // Year-end 2025: c̄' = 7, f̄' = 4, w̄' = 21200, b̄' = 10120, ō' = 5120. At 2026 step 1: ρ = 7/11.
  const rho = 7 / 11;
  it.each([
    { name: 'flat 100: 1200 × ρ', oldAge: { formula: 'flat', amount: 100 }, award: 1200 * rho }, //           763.6
    { name: 'flat 10 under min_pension 40: max(120 ρ, 480 ρ)', oldAge: { formula: 'flat', amount: 10, min_pension: 40 }, award: 480 * rho },
    { name: 'career_average 0.02: not reduced, 0.02 × 21200', oldAge: { formula: 'career_average', accrual: 0.02 }, award: 424 },
    { name: 'career_average under min_pension 60: max(424, 720 ρ)', oldAge: { formula: 'career_average', accrual: 0.02, min_pension: 60 }, award: 720 * rho }, // 458.2
    // ä_{60} with annuity_rate 0, no indexation, q 0, 0, 1 at 60, 61, 62: 1 + 1 + 0.5 = 2.5 (§5).
    { name: 'account: not reduced, b̄ / ä = 10120 / 2.5', oldAge: { formula: 'account', annuity_rate: 0, indexation: 'none' }, award: 4048 },
  ] as const)('$name', ({ oldAge, award }) => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        benefits: { old_age: { vesting_years: 8, refund: 'own', ...oldAge } },
        portability: { totalization: true },
      },
      population: [{ age: 59, status: 'active', credits: 6, foreign_credits: 4, earnings: 20000, balance: 10000, own_balance: 5000 }],
    }));
    expectFields(columnsOf(yearRow(result, 2026)), { old_age_pensioners: 1, old_age_benefits: award, refunds: 0 });
  });

  it('without totalization the foreign years count for nothing: bin 6 → 7 < 8, refunded ō\'', () => {
    const result = projectScheme(tinyScheme({
      scheme: { projection: { horizon: 2 }, benefits: { old_age: { vesting_years: 8, refund: 'own' } }, portability: { totalization: false } },
      population: [{ age: 59, status: 'active', credits: 6, foreign_credits: 4, earnings: 20000, balance: 10000, own_balance: 5000 }],
    }));
    expectFields(columnsOf(yearRow(result, 2026)), { old_age_pensioners: 0, old_age_benefits: 0, refunds: 5120 });
  });

  it.each([
    // Entrants bring 2 foreign years: bin min(2, V = 2) = 2, f̄ = 2. π = 0.5: c̄ = 0.5 a year, so at 60 (2027)
    // c̄ = 1, f̄ = 2, ρ = 1/3: 10 pensioners at 1200/3 = 400.
    { totalization: true, pensioners: 10, benefits: 10 * 400, refunds: 0 },
    // Ignored: bin 0; after two years with d = 0.5 the bins are 0: 2.5, 1: 5, 2: 2.5. Only bin 2 vests,
    // at 1200 (ρ = 1); 7.5 refunded ō = 60 + 60 = 120 (i = 0).
    { totalization: false, pensioners: 2.5, benefits: 2.5 * 1200, refunds: 7.5 * 120 },
  ])('entrants with entrants.foreign_credits 2 (totalization $totalization)', ({ totalization, pensioners, benefits, refunds }) => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 3 },
        groups: { g: { compliance: 0.5, entrants: { count: 10, foreign_credits: 2 } } },
        benefits: { old_age: { vesting_years: 2, refund: 'own' } },
        portability: { totalization },
      },
      rates: [{ sex: 'F', age: 58, entrant_share: 1 }],
    }));
    expectFields(columnsOf(yearRow(result, 2027)), { old_age_pensioners: pensioners, old_age_benefits: benefits, refunds });
  });
});

describe.skipIf(!PORTABILITY_PRESENT)('§11 a disability award and its survivors with foreign credits', () => {
  // Ten active women of 58, credits 2, foreign_credits 2, earnings 8000: bin min(floor(4), V = 3) = 3 with
  // totalization (disability vesting 3, old-age vesting 0). q = 0.1 at 58, else 0 (1 at max_age);
  // disability rate 0.1; assumptions 0 (J = 1); compliance 1: d = 1, S = 1200.
  // Year-end 2025: c̄' = 3, f̄' = 2, w̄' = 9200; ρ' = 3/5 = 0.6.
  //   To D: 10 × 0.9 × 0.1 = 0.9. Deaths 1 (k = 3 ≥ 3) → 1 man (spouse_probability 1) with 0.5 × the award.
  const rhoPrime = 0.6;
  const tenWomen = { age: 58, status: 'active', count: 10, credits: 2, foreign_credits: 2, earnings: 8000 } as const;
  it.each([
    // replacement 0.4: Aw' = 0.4 × 9200 / max(3, 1) = 1226.67; × ρ' = 736. (With c̄' ≥ 1 this equals
    // 0.4 × w̄' / (c̄' + f̄'): a c̄' < 1 below tells the two apart.)
    { name: 'replacement, no minimum', disability: { formula: 'replacement', replacement: 0.4 }, minPension: 0, member: tenWomen, compliance: 1, award: 0.4 * 9200 / 3 * rhoPrime },
    // min_pension 120: 12 × 1 × 120 × ρ' = 864 > 736.
    { name: 'replacement under min_pension 120 (pro-rated too)', disability: { formula: 'replacement', replacement: 0.4 }, minPension: 120, member: tenWomen, compliance: 1, award: 1440 * rhoPrime },
    // flat 100: 1200 × ρ' = 720 — every disability formula is pro-rated.
    { name: 'flat 100', disability: { formula: 'flat', amount: 100 }, minPension: 0, member: tenWomen, compliance: 1, award: 1200 * rhoPrime },
    // c̄' < 1 tells Aw' × ρ' from 0.4 × w̄' / (c̄' + f̄'): credits 0, foreign 3 (bin 3), compliance 0.5 (d = 0.5,
    // S = 600): c̄' = 0.5, f̄' = 3, w̄' = 8600, ρ' = 0.5/3.5 = 1/7; Aw' = 0.4 × 8600 / max(0.5, 1) = 3440 → 491.43
    // (not 0.4 × 8600 / 3.5 = 982.86).
    { name: 'replacement with half a domestic year against three abroad', disability: { formula: 'replacement', replacement: 0.4 }, minPension: 0, member: { ...tenWomen, credits: 0, foreign_credits: 3 }, compliance: 0.5, award: 3440 / 7 },
  ] as const)('$name: D and survivors at the pro-rated award', ({ disability, minPension, member, compliance, award }) => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        groups: { g: { compliance } },
        benefits: {
          old_age: { min_pension: minPension },
          disability: { ...disability, vesting_years: 3 },
          survivors: { share: 0.5, spouse_probability: 1, age_difference: 0 },
        },
        portability: { totalization: true },
      },
      qx: { F: { 58: 0.1 } },
      rates: [{ sex: 'F', age: 58, disability: 0.1 }],
      population: [member],
    }));
    // 2026: q = 0 at 59: E = N.
    expectFields(columnsOf(yearRow(result, 2026)), {
      actives: 8.1, disability_pensioners: 0.9, disability_benefits: 0.9 * award,
      survivor_pensioners: 1, survivor_benefits: 0.5 * award,
    });
  });

  it('without totalization: bin 2 < disability vesting 3, so no disability and no survivors', () => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        benefits: {
          disability: { formula: 'replacement', replacement: 0.4, vesting_years: 3 },
          survivors: { share: 0.5, spouse_probability: 1, age_difference: 0 },
        },
        portability: { totalization: false },
      },
      qx: { F: { 58: 0.1 } },
      rates: [{ sex: 'F', age: 58, disability: 0.1 }],
      population: [{ age: 58, status: 'active', count: 10, credits: 2, foreign_credits: 2, earnings: 8000 }],
    }));
    expectFields(columnsOf(yearRow(result, 2026)), { actives: 9, disability_pensioners: 0, survivor_pensioners: 0 });
  });
});

describe('§11 premises, run today: the same schemes without emigrants or foreign credits (§4–§6 only)', () => {
  it('the W scheme with nobody emigrating: the figures the W cases build on', () => {
    const result = projectScheme(wData(undefined, 'own', false));
    // 2026: R = 90 (no emigration): A(59, 2) 45, A(59, 1) 45; deaths 18, E = 81.
    expectFields(yearRow(result, 2026), {
      actives: 90, deaths: 18, contributions: 81 * 62.4, funeral_benefits: 300 * 1.04 * 18,
      administration: 10 * 1.04 * 90, survivor_pensioners: 10, survivor_benefits: 10 * 312,
    });
    // 2027: A(60, 3) = 45 × 0.8 × 0.5 = 18 at 1297.92; 72 − 18 = 54 refunded ō_A; 18 more survivors at 324.48.
    expectFields(yearRow(result, 2027), {
      old_age_pensioners: 18, old_age_benefits: 18 * 1297.92, refunds: 54 * oA,
      survivor_pensioners: 10 + 18, survivor_benefits: 10 * 312 + 18 * 324.48,
    });
  });

  it.each([
    { oldAge: { formula: 'flat', amount: 100 }, award: 1200 },
    { oldAge: { formula: 'flat', amount: 10, min_pension: 40 }, award: 480 },
    { oldAge: { formula: 'career_average', accrual: 0.02 }, award: 424 },
    { oldAge: { formula: 'career_average', accrual: 0.02, min_pension: 60 }, award: 720 },
    { oldAge: { formula: 'account', annuity_rate: 0, indexation: 'none' }, award: 4048 },
  ] as const)('the pro-rata member with 10 domestic credits instead (ρ = 1): $oldAge.formula → $award', ({ oldAge, award }) => {
    const result = projectScheme(tinyScheme({
      scheme: { projection: { horizon: 2 }, benefits: { old_age: { vesting_years: 8, refund: 'own', ...oldAge } } },
      population: [{ age: 59, status: 'active', credits: 10, earnings: 20000, balance: 10000, own_balance: 5000 }],
    }));
    expectFields(yearRow(result, 2026), { old_age_pensioners: 1, old_age_benefits: award, refunds: 0 });
  });

  it('the disability member with 4 domestic credits instead: c̄\' = 5, award 0.4 × 9200 / 5 = 736', () => {
    const result = projectScheme(tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        benefits: {
          disability: { formula: 'replacement', replacement: 0.4, vesting_years: 3 },
          survivors: { share: 0.5, spouse_probability: 1, age_difference: 0 },
        },
      },
      qx: { F: { 58: 0.1 } },
      rates: [{ sex: 'F', age: 58, disability: 0.1 }],
      population: [{ age: 58, status: 'active', count: 10, credits: 4, earnings: 8000 }],
    }));
    expectFields(yearRow(result, 2026), {
      actives: 8.1, disability_pensioners: 0.9, disability_benefits: 0.9 * 736, survivor_pensioners: 1, survivor_benefits: 368,
    });
  });
});

describe('§11 probe', () => {
  it('when the schema has portability, the rest of §11\'s surface has come with it', () => {
    if (!PORTABILITY_PRESENT) return;
    expect('emigration' in ratesRowSchema.shape).toBe(true);
    expect('foreign_credits' in populationRowSchema.shape).toBe(true);
    expect(PROJECTION_COLUMNS as readonly string[]).toContain('emigrants');
  });
});
