/**
 * Per-head annual pension awards, MODEL.md §5. Monthly fields enter as
 * `field × 12 × J` of the first year of payment, with J from the scheme's
 * default contribution indexation.
 */
import type { DisabilityBenefit, OldAgeBenefit } from '../schema/scheme.js';

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
  let award: number;
  if (rule.formula === 'flat') award = (rule.amount ?? 0) * 12 * benefitIndex;
  else if (rule.formula === 'career_average') award = (rule.accrual ?? 0) * averages.earnings;
  else award = averages.balance / annuityFactor;
  return Math.max(award, rule.min_pension * 12 * benefitIndex);
}

/**
 * Disability award at the end of year t on the year-end averages (§5): flat
 * `amount`, or `replacement × w̄' / max(c̄', 1)`; then at least `min_pension`.
 * @param benefitIndex J_{t+1}: the award is first paid in t + 1
 * @example disabilityAward({formula: 'replacement', replacement: 0.4, …}, 0, {credits: 10, earnings: 50000, balance: 0}, 1) // 2000
 */
export function disabilityAward(rule: DisabilityBenefit, minPensionMonthly: number, yearEnd: MemberAverages, benefitIndex: number): number {
  const award = rule.formula === 'flat'
    ? rule.amount * 12 * benefitIndex
    : rule.replacement * yearEnd.earnings / Math.max(yearEnd.credits, 1);
  return Math.max(award, minPensionMonthly * 12 * benefitIndex);
}
