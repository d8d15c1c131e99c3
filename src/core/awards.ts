/**
 * Per-head annual pension awards, methodology §5, pro-rated by §11 for members
 * with foreign credits. Monthly fields enter as `field × 12 × J` of the first
 * year of payment, with J from the scheme's default contribution indexation.
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

/** Per-head averages of an A, I or W cell at retirement (§1). */
export interface MemberAverages {
  /** c̄: domestic credited years. */
  credits: number;
  earnings: number;
  balance: number;
  /** f̄: foreign credited years counted under totalization (§11), 0 without. */
  foreignCredits: number;
}

/**
 * The pro-rata share of domestic periods, `ρ = c̄ / (c̄ + f̄)`, and 1 when
 * `f̄ = 0` (§11), so that a member without foreign credits gets the §5 award.
 * @example proRata(15, 5) // 0.75
 */
export function proRata(credits: number, foreignCredits: number): number {
  return foreignCredits === 0 ? 1 : credits / (credits + foreignCredits);
}

/**
 * Old-age award at retirement in year t (§5, §11): `Aw` = flat `amount`,
 * career average `accrual × w̄`, or account `b̄ / ä`; then
 * `max(Aw × ρ_A, 12 × J_t × min_pension × ρ)` with `ρ` of proRata, `ρ_A = ρ`
 * for flat and 1 for career average and account (already proportional to
 * domestic periods). Without foreign credits, `ρ = 1`: §5's award.
 * @param benefitIndex J_t of the award year
 * @param annuityFactor ä_{s,x,t}, used by the account formula only
 * @example oldAgeAward({formula: 'career_average', accrual: 0.015, min_pension: 0, …}, {earnings: 100000, …}, 1, NaN) // 1500
 */
export function oldAgeAward(rule: OldAgeBenefit, averages: MemberAverages, benefitIndex: number, annuityFactor: number): number {
  const terms = oldAgeAwardTerms(rule, benefitIndex);
  const share = proRata(averages.credits, averages.foreignCredits);
  const formulaShare = rule.formula === 'flat' ? share : 1;
  return Math.max(oldAgeFormula(rule, terms, averages, annuityFactor) * formulaShare, terms.minimum * share);
}

/**
 * oldAgeAward's terms in year t: the flat `Aw = amount × 12 × J_t` (0 for the
 * other formulas), the career average's accrual (0 for the others) and the
 * minimum `min_pension × 12 × J_t`. Fixed for a year: step 1 evaluates the
 * award per cell with them (src/wasm/retire.ts).
 */
export interface OldAgeAwardTerms {
  flat: number;
  accrual: number;
  minimum: number;
}

export function oldAgeAwardTerms(rule: OldAgeBenefit, benefitIndex: number): OldAgeAwardTerms {
  const minimum = rule.min_pension * 12 * benefitIndex;
  switch (rule.formula) {
    case 'flat': return { flat: required(rule.amount, 'amount', rule.formula) * 12 * benefitIndex, accrual: 0, minimum };
    case 'career_average': return { flat: 0, accrual: required(rule.accrual, 'accrual', rule.formula), minimum };
    case 'account': return { flat: 0, accrual: 0, minimum };
    default: return unreachable(rule.formula, 'old-age formula');
  }
}

/** The §5 old-age award before the minimum pension. */
function oldAgeFormula(rule: OldAgeBenefit, terms: OldAgeAwardTerms, averages: MemberAverages, annuityFactor: number): number {
  switch (rule.formula) {
    case 'flat': return terms.flat;
    case 'career_average': return terms.accrual * averages.earnings;
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
 * Disability award at the end of year t on the year-end averages (§5, §11):
 * `Aw'` = flat `amount`, or `replacement × w̄' / max(c̄', 1)`; then
 * `max(Aw' × ρ', 12 × J_{t+1} × min_pension × ρ')`, with `ρ'` of proRata on
 * the year-end `c̄'` and `f̄'`, for every formula.
 * @param benefitIndex J_{t+1}: the award is first paid in t + 1
 * @example disabilityAward({formula: 'replacement', replacement: 0.4, …}, 0, {credits: 10, earnings: 50000, balance: 0, foreignCredits: 0}, 1) // 2000
 */
export function disabilityAward(rule: DisabilityBenefit, minPensionMonthly: number, yearEnd: MemberAverages, benefitIndex: number): number {
  return disabilityAwardOf(disabilityAwardTerms(rule, minPensionMonthly, benefitIndex), yearEnd.credits, yearEnd.earnings, 1,
    proRata(yearEnd.credits, yearEnd.foreignCredits));
}

/**
 * The disability award of a year as `max(fixed + replacement × w̄'/max(c̄', 1), minimum) × ρ'`:
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

/**
 * The §5 disability award of a cell of `heads` members whose year-end sums
 * are `credits` (Σc̄') and `earnings` (Σw̄'), pro-rated by §11's `ρ'`
 * (proRata of the year-end c̄' and f̄', a ratio the caller takes from sums).
 * On sums, `w̄'/max(c̄', 1) = Σw̄'/max(Σc̄', N)`: one division, where the
 * averages took three. `max(Aw' ρ', m ρ') = max(Aw', m) ρ'` exactly, since
 * rounding is monotonic.
 * @example disabilityAwardOf({fixed: 0, replacement: 0.4, minimum: 0}, 20, 100000, 2, 1) // 0.4 × 100000 / 20 = 2000
 */
export function disabilityAwardOf(terms: DisabilityAwardTerms, credits: number, earnings: number, heads: number, share: number): number {
  return Math.max(terms.fixed + terms.replacement * earnings / Math.max(credits, heads), terms.minimum) * share;
}
