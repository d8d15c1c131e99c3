/**
 * The fast §3 evaluation (one normal evaluation per breakpoint, shared by
 * the pieces it bounds) gives the very doubles of the general one
 * (contributions.ts, itself checked against quadrature of the literal rule
 * in contributions.test.ts), for every rule kind and income.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributionPieces, expectedMemberYear } from '../../src/core/contributions.js';
import { memberYearInto, pieceSet, rowShape } from '../../src/core/memberYearSums.js';
import { incomeKernel } from '../../src/core/incomeKernel.js';
import { contributionRule } from '../../src/core/rules.js';
import type { ContributionFields } from '../../src/schema/scheme.js';

const rules: ContributionFields[] = [
  { rule: 'percent', rate: 0.1, floor: 40, ceiling: 750, indexation: 'wages', affordability: 0.15, matching: { ratio: 0.5, cap: 2.5, income_limit: 100 } } as ContributionFields,
  { rule: 'flat', amount: 4, insured_income: 40, indexation: 'prices', affordability: 0.2, matching: { ratio: 1, cap: 2, income_limit: null } } as ContributionFields,
  {
    rule: 'classes', indexation: 'none', affordability: null, matching: null,
    classes: [{ up_to: 50, amount: 3, insured_income: 30 }, { up_to: 100, amount: 6, insured_income: 60 }, { up_to: null, amount: 20, insured_income: 200 }],
  } as ContributionFields,
];

describe('memberYearInto', () => {
  it.each(rules.map((fields) => [fields.rule, fields] as const))('%s rule: expectedMemberYear\'s doubles', (_, fields) => {
    const rule = contributionRule(fields);
    fc.assert(fc.property(
      fc.double({ min: 1, max: 5000, noNaN: true }), fc.double({ min: 1e-3, max: 3, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }),
      fc.array(fc.constantFrom(0.8, 1, 1.2, 1.4), { minLength: 12, maxLength: 12 }), fc.double({ min: 0.5, max: 2, noNaN: true }),
      fc.double({ min: 0.3, max: 1, noNaN: true }),
      (meanAnnualIncome, cv, zeroMonthProb, seasons, contributionIndex, declaredShare) => {
        const pieces = contributionPieces(rule, contributionIndex, declaredShare);
        const expected = expectedMemberYear(pieces, { meanAnnualIncome, cv, zeroMonthProb, seasons }, 0.8);
        const out = new Float64Array(4);
        const kernel = incomeKernel([rowShape({ meanMonthlyIncome: meanAnnualIncome / 12, cv, zeroMonthProb, seasons })]);
        memberYearInto(kernel, pieceSet(pieces), 0, meanAnnualIncome, 0.8, out, 0);
        expect([...out]).toEqual([expected.density, expected.contributions, expected.matching, expected.insuredEarnings]);
      },
    ), { numRuns: 300 });
  });
  it('handles a point mass (σ = 0) and no income like the general code', () => {
    const pieces = contributionPieces(contributionRule(rules[1]!), 1, 1);
    const out = new Float64Array(4);
    memberYearInto(incomeKernel([rowShape({ meanMonthlyIncome: 100, cv: 1e-170, zeroMonthProb: 0, seasons: Array(12).fill(1) })]), pieceSet(pieces), 0, 1200, 1, out, 0);
    const expected = expectedMemberYear(pieces, { meanAnnualIncome: 1200, cv: 1e-170, zeroMonthProb: 0, seasons: Array(12).fill(1) }, 1);
    expect([...out]).toEqual([expected.density, expected.contributions, expected.matching, expected.insuredEarnings]);
    memberYearInto(incomeKernel([rowShape({ meanMonthlyIncome: 0, cv: 0.5, zeroMonthProb: 0, seasons: Array(12).fill(1) })]), pieceSet(pieces), 0, 0, 1, out, 0);
    expect([...out]).toEqual([0, 0, 0, 0]);
  });
});
