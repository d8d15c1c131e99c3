/**
 * Plain data in and out of the core. Output rows use the column names of
 * methodology §7–§8 so that writers and JSON consumers see the same keys.
 */
import type { Scheme } from '../schema/scheme.js';
import type { IncomeRow, MortalityRow, PopulationRow, RatesRow } from '../schema/tables.js';
import type { Sex } from './rules.js';

/** A validated scheme folder: the resolved scheme and its parsed CSV rows. */
export interface SchemeData {
  scheme: Scheme;
  population: readonly PopulationRow[];
  income: readonly IncomeRow[];
  mortality: readonly MortalityRow[];
  /** Empty when the scheme has no rates file (every rate is then 0). */
  rates: readonly RatesRow[];
}

/** A ratio whose divisor is 0 is null (§7). */
export type Ratio = number | null;

/** Head counts and flows shared by the scheme-wide and the per-group rows (§7). */
export interface FlowColumns {
  actives: number;
  inactives: number;
  /** Heads in W, abroad (§11). */
  emigrants: number;
  old_age_pensioners: number;
  disability_pensioners: number;
  survivor_pensioners: number;
  entrants: number;
  deaths: number;
  contributions: number;
  matching: number;
  /** The state's contributions for care credits (§12), part of `K`. */
  care_credit_contributions: number;
  old_age_benefits: number;
  disability_benefits: number;
  survivor_benefits: number;
  refunds: number;
  maternity_benefits: number;
  health_benefits: number;
  funeral_benefits: number;
  administration: number;
  expenditure: number;
  insured_earnings: number;
  /** Heads who become old-age pensioners in step 1 of the year (by_group.csv only, §7). */
  old_age_awards: number;
  /** The sum of their annual awards, after §5's minimum and §11's pro-rata. */
  old_age_award_amount: number;
}

/** The award columns that by_group.csv has and projection.csv has not (§7). */
export type AwardColumn = 'old_age_awards' | 'old_age_award_amount';

/** One row of `projection.csv` (§7). */
export interface ProjectionYear extends Omit<FlowColumns, AwardColumn> {
  year: number;
  investment_income: number;
  reserve_start: number;
  reserve_end: number;
  density: Ratio;
  payg_cost_rate: Ratio;
  reserve_ratio: Ratio;
  support_ratio: Ratio;
}

/** One row of `by_group.csv` (§7): a year, group and sex. */
export interface GroupYear extends FlowColumns {
  year: number;
  group: string;
  sex: Sex;
}

export interface PresentValues {
  pv_expenditure: number;
  pv_insured_earnings: number;
  pv_contributions: number;
  pv_matching: number;
  pv_care_credit_contributions: number;
  /** PV(K), care-credit contributions included (§7). */
  pv_contributions_and_matching: number;
  pv_benefits: number;
  pv_administration: number;
  reserve_start: number;
  discount_factor_T: number;
  target_final_reserve: number;
}

/** The indicators of `summary.json` (§7), without the run record (added by the shell). */
export interface Indicators {
  gap: Ratio;
  effective_rate: Ratio;
  actuarial_balance: Ratio;
  depletion_year: number | null;
  first_deficit_year: number | null;
  /** `1 − a_F / a_M` of the average new old-age awards in money of t0 (§7); null when a sex has none. */
  gender_pension_gap: Ratio;
  present_values: PresentValues;
}

/** Present values at t0 of one (group, sex)'s flows (§8). */
export interface BenefitPresentValues {
  pv_contributions: number;
  pv_matching: number;
  pv_care_credit_contributions: number;
  pv_old_age_benefits: number;
  pv_disability_benefits: number;
  pv_survivor_benefits: number;
  pv_refunds: number;
  pv_maternity_benefits: number;
  pv_health_benefits: number;
  pv_funeral_benefits: number;
  pv_benefits: number;
}

/** One row of `subsidy.csv` (§8). */
export interface SubsidyRow extends BenefitPresentValues {
  group: string;
  sex: Sex;
  pv_administration: number;
  net_transfer: number;
  money_worth: Ratio;
}

/** One row of `entrants.csv` (§8): one entrant, followed to extinction. */
export interface EntrantRow extends BenefitPresentValues {
  group: string;
  sex: Sex;
  entry_age: number;
  net_transfer: number;
  money_worth: Ratio;
}

/** One row of `scaled_premium.csv` (§13): a period, its premium and the reserve at its ends under the premiums. */
export interface ScaledPremiumPeriod {
  period_start: number;
  period_end: number;
  /** Null when the period's last year has no insured earnings: the table ends there. */
  premium: Ratio;
  reserve_start: number;
  reserve_end: number | null;
}

/** Everything `sipro project` writes, as data. */
export interface ProjectionResult {
  projection: ProjectionYear[];
  byGroup: GroupYear[];
  indicators: Indicators;
  subsidy: SubsidyRow[];
  /** The scaled premium of each period (§13). */
  scaledPremium: ScaledPremiumPeriod[];
}
