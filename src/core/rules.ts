/**
 * Which rule applies to whom: the small lookups that turn a resolved scheme
 * into per-group, per-sex, per-year parameters.
 */
import type { Assumption, ContributionOverride, ContributionRule, Scheme } from '../schema/scheme.js';

export type Sex = 'F' | 'M';
export const SEXES: readonly Sex[] = ['F', 'M'];

/**
 * A group's contribution rule: the default overridden field by field; a
 * group's `matching` or `classes` replaces the default's whole (§2).
 * @example mergeContributionRule({rule: 'percent', rate: 0.1, …}, {rate: 0.05}).rate // 0.05
 */
export function mergeContributionRule(defaults: ContributionRule, override: ContributionOverride): ContributionRule {
  const merged: ContributionRule = { ...defaults };
  for (const [field, value] of Object.entries(override)) {
    if (value !== undefined) (merged as Record<string, unknown>)[field] = value;
  }
  return merged;
}

/**
 * The value of a step-function assumption in `year` (§1): the latest key
 * `<= year`, or the first value before the first key.
 * @example assumptionValue({2025: 0.04, 2030: 0.03}, 2032) // 0.03
 */
export function assumptionValue(assumption: Assumption, year: number): number {
  if (typeof assumption === 'number') return assumption;
  const years = Object.keys(assumption).map(Number).sort((a, b) => a - b);
  let value = assumption[String(years[0])]!;
  for (const key of years) {
    if (key > year) break;
    value = assumption[String(key)]!;
  }
  return value;
}

/** A by-sex field's value for one sex (§2: a number or `{F, M}`). */
export function forSex<T>(value: T | { F: T; M: T }, sex: Sex): T {
  if (typeof value === 'object' && value !== null && 'F' in value && 'M' in value) return value[sex];
  return value as T;
}

/** The retirement age of a sex (§2 `old_age.retirement_age`). */
export function retirementAge(scheme: Scheme, sex: Sex): number {
  return forSex(scheme.benefits.old_age.retirement_age, sex);
}

/** Number of credit bins minus one: `V = max(old-age, disability vesting)` (§1). */
export function topCreditBin(scheme: Scheme): number {
  const disabilityVesting = scheme.benefits.disability?.vesting_years ?? 0;
  return Math.max(scheme.benefits.old_age.vesting_years, disabilityVesting);
}
