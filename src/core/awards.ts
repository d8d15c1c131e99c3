/**
 * Per-head annual pension awards, MODEL.md §5. Monthly fields enter as
 * `field × 12 × J` of the first year of payment, with J from the scheme's
 * default contribution indexation.
 */
import type { DisabilityBenefit, OldAgeBenefit } from '../schema/scheme.js';
import { unreachable } from './rules.js';

/**
 * Annuity-due factor of the account formula (§5):
 * `ä = Σ_{j≥0} ₍j₎p × (1 − q_{x+j}/2) × (1 + idx)^j / (1 + annuityRate)^{j+1/2}`,
 * with `q` the award year's table (no group multiplier) and q = 1 at max_age.
 * Payments are mid-year, matching the exposure `N (1 − q/2)` of §4 step 3.
 * @param mortality q by age of one sex in the award year, index 0 = min_age, last = max_age
 * @example annuityDue([0, 1], 0, 0, 0) // 1 + 0.5 = 1.5
 */
export function annuityDue(mortality: ArrayLike<number>, ageIndex: number, pensionIndexation: number, annuityRate: number): number {
  const last = mortality.length - 1;
  let survival = 1;
  let factor = 0;
  for (let age = ageIndex, j = 0; age <= last; age += 1, j += 1) {
    const q = age === last ? 1 : mortality[age]!;
    factor += survival * (1 - q / 2) * Math.pow(1 + pensionIndexation, j) / Math.pow(1 + annuityRate, j + 0.5);
    survival *= 1 - q;
    if (survival === 0) break;
  }
  return factor;
}

/** Per-head averages of an A or I cell at retirement (§1). */
export interface MemberAverages {
  credits: number;
  earnings: number;
  balance: number;
}

/**
 * Old-age award at retirement in year t (§5): flat `amount`, career average
 * `accrual × w̄`, or account `b̄ / ä`; then at least `min_pension`.
 * @param benefitIndex J_t of the award year
 * @param annuityFactor ä_{s,x,t}, used by the account formula only
 * @example oldAgeAward({formula: 'career_average', accrual: 0.015, min_pension: 0, …}, {earnings: 100000, …}, 1, NaN) // 1500
 */
export function oldAgeAward(rule: OldAgeBenefit, averages: MemberAverages, benefitIndex: number, annuityFactor: number): number {
  return Math.max(oldAgeFormula(rule, averages, benefitIndex, annuityFactor), rule.min_pension * 12 * benefitIndex);
}

/** The §5 old-age award before the minimum pension. */
function oldAgeFormula(rule: OldAgeBenefit, averages: MemberAverages, benefitIndex: number, annuityFactor: number): number {
  switch (rule.formula) {
    case 'flat': return required(rule.amount, 'amount', rule.formula) * 12 * benefitIndex;
    case 'career_average': return required(rule.accrual, 'accrual', rule.formula) * averages.earnings;
    case 'account': return averages.balance / annuityFactor;
    default: return unreachable(rule.formula, 'old-age formula');
  }
}

/** A field the formula requires: validation guarantees it, the guard names it if a caller skipped validation. */
function required(value: number | undefined, field: string, formula: string): number {
  if (value === undefined) throw new Error(`benefits.old_age.${field} is required when formula is ${formula}`);
  return value;
}

/**
 * Disability award at the end of year t on the year-end averages (§5): flat
 * `amount`, or `replacement × w̄' / max(c̄', 1)`; then at least `min_pension`.
 * @param benefitIndex J_{t+1}: the award is first paid in t + 1
 * @example disabilityAward({formula: 'replacement', replacement: 0.4, …}, 0, {credits: 10, earnings: 50000, balance: 0}, 1) // 2000
 */
export function disabilityAward(rule: DisabilityBenefit, minPensionMonthly: number, yearEnd: MemberAverages, benefitIndex: number): number {
  return disabilityAwardOf(disabilityAwardTerms(rule, minPensionMonthly, benefitIndex), yearEnd.credits, yearEnd.earnings);
}

/**
 * The disability award of a year as `max(fixed + replacement × w̄'/max(c̄', 1), minimum)`:
 * `flat` has `fixed = amount × 12 × J` and no replacement, `replacement` the
 * reverse. The terms are fixed for a year; the year's loop evaluates them per cell.
 */
export interface DisabilityAwardTerms {
  fixed: number;
  replacement: number;
  minimum: number;
}

/** The terms of the §5 disability award first paid in the year of `benefitIndex` (`J_{t+1}`). */
export function disabilityAwardTerms(rule: DisabilityBenefit, minPensionMonthly: number, benefitIndex: number): DisabilityAwardTerms {
  const minimum = minPensionMonthly * 12 * benefitIndex;
  switch (rule.formula) {
    case 'flat': return { fixed: rule.amount * 12 * benefitIndex, replacement: 0, minimum };
    case 'replacement': return { fixed: 0, replacement: rule.replacement, minimum };
    default: return unreachable(rule.formula, 'disability formula');
  }
}

/** The §5 disability award of a cell with year-end averages `c̄'` (credits) and `w̄'` (earnings). */
export function disabilityAwardOf(terms: DisabilityAwardTerms, credits: number, earnings: number): number {
  return Math.max(terms.fixed + terms.replacement * earnings / Math.max(credits, 1), terms.minimum);
}
