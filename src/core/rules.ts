/**
 * Which rule applies to whom: the small lookups that turn a resolved scheme
 * into per-group, per-sex, per-year parameters.
 */
import type {
  Assumption, ContributionClass, ContributionFields, ContributionOverride, Indexation, Matching, Scheme,
} from '../schema/scheme.js';

export type Sex = 'F' | 'M';
export const SEXES: readonly Sex[] = ['F', 'M'];

interface RuleCommon {
  indexation: Indexation;
  /** A month is paid only if `c ≤ affordability × Y`; null = always (§3). */
  affordability: number | null;
  matching: Matching | null;
}
/** `c = rate × clamp(Dc, floor, ceiling)` on the base `clamp(Dc, floor, ceiling)` (§3). */
export interface PercentRule extends RuleCommon { rule: 'percent'; rate: number; floor: number; ceiling: number | null }
/** `c = amount` on the base `insured_income` (§3). */
export interface FlatRule extends RuleCommon { rule: 'flat'; amount: number; insured_income: number }
/** The first class with `Dc < up_to` gives `c = amount` on the base `insured_income` (§3). */
export interface ClassesRule extends RuleCommon { rule: 'classes'; classes: readonly ContributionClass[] }
/** A group's contribution rule, one kind with exactly the fields that kind uses. */
export type ContributionRule = PercentRule | FlatRule | ClassesRule;

/** For the `default:` of an exhaustive switch: a new kind without its branch fails to compile. */
export function unreachable(value: never, what: string): never {
  throw new Error(`unknown ${what}: ${String(value)}`);
}

/**
 * A group's contribution fields: the default overridden field by field; a
 * group's `matching` or `classes` replaces the default's whole (§2).
 * @example mergeContributionFields({rule: 'percent', rate: 0.1, …}, {rate: 0.05}).rate // 0.05
 */
export function mergeContributionFields(defaults: ContributionFields, override: ContributionOverride): ContributionFields {
  const merged: ContributionFields = { ...defaults };
  for (const [field, value] of Object.entries(override)) {
    if (value !== undefined) (merged as Record<string, unknown>)[field] = value;
  }
  return merged;
}

/**
 * The rule of a group's merged fields, as its kind (§3). Validation
 * (src/io/checks/schemeRules.ts) has checked that the kind's required field
 * is there; the guard names it if a caller skipped validation.
 * @example contributionRule({rule: 'flat', amount: 20, insured_income: 100, …}) // {rule: 'flat', amount: 20, insured_income: 100, …}
 */
export function contributionRule(fields: ContributionFields): ContributionRule {
  const common: RuleCommon = { indexation: fields.indexation, affordability: fields.affordability, matching: fields.matching };
  const required = <T>(value: T | undefined, field: string): T => {
    if (value === undefined) throw new Error(`contributions.${field} is required when rule is ${fields.rule}`);
    return value;
  };
  switch (fields.rule) {
    case 'percent': return { rule: 'percent', ...common, rate: required(fields.rate, 'rate'), floor: fields.floor, ceiling: fields.ceiling };
    case 'flat': return { rule: 'flat', ...common, amount: required(fields.amount, 'amount'), insured_income: fields.insured_income };
    case 'classes': return { rule: 'classes', ...common, classes: required(fields.classes, 'classes') };
    default: return unreachable(fields.rule, 'contribution rule');
  }
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
  // §1: a benefit the scheme does not pay counts 0 (not a default: an absent section has no vesting).
  const disabilityVesting = scheme.benefits.disability?.vesting_years ?? 0;
  return Math.max(scheme.benefits.old_age.vesting_years, disabilityVesting);
}
