/**
 * The @examples of src/core/awards.ts, run (methodology §5), and a few more
 * hand-worked figures of each award.
 */
import { describe, expect, it } from 'vitest';
import { annuityDue, disabilityAward, disabilityAwardOf, disabilityAwardTerms, oldAgeAward } from '../../src/core/awards.js';
import type { DisabilityBenefit, OldAgeBenefit } from '../../src/schema/scheme.js';
import { expectClose } from '../support/expect.js';

const oldAge = (fields: Partial<OldAgeBenefit>): OldAgeBenefit => ({
  retirement_age: 60, vesting_years: 0, formula: 'flat', min_pension: 0, refund: 'own', indexation: 'prices', ...fields,
});
const disability = (fields: Partial<DisabilityBenefit>): DisabilityBenefit => ({
  vesting_years: 0, formula: 'replacement', replacement: 0.4, amount: 0, mortality_multiplier: 1, ...fields,
});

describe('annuityDue(mortality, ageIndex, idx, annuityRate) (§5)', () => {
  it('@example annuityDue([0, 1], 0, 0, 0) // 1 + 0.5 = 1.5', () => {
    expect(annuityDue([0, 1], 0, 0, 0)).toBe(1.5);
  });

  it.each([
    // q = 0, 0, 0 then 1 at max_age, no interest: 1 + 1 + 1 + 0.5 (half a year in the year of certain death).
    { mortality: [0, 0, 0, 1], ageIndex: 0, idx: 0, rate: 0, expected: 3.5 },
    // From the last age: only the half year.
    { mortality: [0, 0, 0, 1], ageIndex: 3, idx: 0, rate: 0, expected: 0.5 },
    // Interest 0.03, indexation 0.02, q = 0.1 then 1: 0.95/1.03^½ + 0.9 × 0.5 × 1.02/1.03^1.5.
    { mortality: [0.1, 1], ageIndex: 0, idx: 0.02, rate: 0.03, expected: 0.95 / 1.03 ** 0.5 + (0.9 * 0.5 * 1.02) / 1.03 ** 1.5 },
  ])('$mortality from index $ageIndex, idx $idx, rate $rate: $expected', ({ mortality, ageIndex, idx, rate, expected }) => {
    expectClose(annuityDue(mortality, ageIndex, idx, rate), expected, 1e-14);
  });
});

describe('oldAgeAward(rule, averages, J_t, ä) (§5)', () => {
  it('@example career_average 0.015 × w̄ 100000 = 1500', () => {
    expect(oldAgeAward(oldAge({ formula: 'career_average', accrual: 0.015 }), { credits: 0, earnings: 100000, balance: 0, foreignCredits: 0 }, 1, NaN)).toBe(1500);
  });

  it.each([
    { name: 'flat: 12 × amount × J_t', rule: oldAge({ amount: 100 }), J: 1.04, annuity: NaN, expected: 1248 },
    { name: 'flat under the minimum: 12 × 120 × 1.04', rule: oldAge({ amount: 100, min_pension: 120 }), J: 1.04, annuity: NaN, expected: 1497.6 },
    { name: 'account: b̄ / ä', rule: oldAge({ formula: 'account', annuity_rate: 0 }), J: 1, annuity: 12.5, expected: 800 },
    { name: 'account under the minimum', rule: oldAge({ formula: 'account', annuity_rate: 0, min_pension: 100 }), J: 1.1, annuity: 12.5, expected: 1320 },
  ])('$name = $expected', ({ rule, J, annuity, expected }) => {
    expectClose(oldAgeAward(rule, { credits: 5, earnings: 30000, balance: 10000, foreignCredits: 0 }, J, annuity), expected, 1e-14);
  });
});

describe('disability awards (§5)', () => {
  it('@example replacement 0.4 × 50000 / max(10, 1) = 2000', () => {
    expect(disabilityAward(disability({}), 0, { credits: 10, earnings: 50000, balance: 0, foreignCredits: 0 }, 1)).toBe(2000);
  });

  it.each([
    { name: 'c̄\' < 1 divides by 1', rule: disability({}), min: 0, credits: 0.5, earnings: 3000, J: 1, expected: 1200 },
    { name: 'flat: 12 × 50 × J_{t+1}', rule: disability({ formula: 'flat', amount: 50 }), min: 0, credits: 3, earnings: 0, J: 1.04, expected: 624 },
    { name: 'the minimum 12 × 60 × 1.04 binds', rule: disability({}), min: 60, credits: 3.6, earnings: 5920, J: 1.04, expected: 748.8 },
  ])('$name: $expected, by disabilityAward and by its terms', ({ rule, min, credits, earnings, J, expected }) => {
    expectClose(disabilityAward(rule, min, { credits, earnings, balance: 0, foreignCredits: 0 }, J), expected, 1e-14);
    expectClose(disabilityAwardOf(disabilityAwardTerms(rule, min, J), credits, earnings, 1, 1), expected, 1e-14);
    // On sums: the same cell of 3 members.
    expectClose(disabilityAwardOf(disabilityAwardTerms(rule, min, J), 3 * credits, 3 * earnings, 3, 1), expected, 1e-14);
  });
});
