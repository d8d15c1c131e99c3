/**
 * The rows of projection.csv and by_group.csv (methodology §7) built from a
 * year's flow rows, each as one object literal that names every field in
 * the file's column order. Written out rather than assembled with a spread
 * or a loop over the column names, which add the fields one by one into a
 * slower dictionary; a literal keeps them inside the object. The tables of a
 * demo projection took 0.86 ms the old way, 0.19 ms this way (a sweep
 * scenario is ~14 ms).
 * TypeScript checks that every field is there; the tests check the order.
 */
import { Flow } from './flows.js';
import type { Sex } from './rules.js';
import type { FlowColumns, GroupYear, ProjectionYear } from './types.js';

/** A by_group.csv row: the flow columns of `flows` at `row`. */
export function groupYearRow(year: number, group: string, sex: Sex, flows: Float64Array, row: number): GroupYear {
  return {
    year,
    group,
    sex,
    actives: flows[row + Flow.actives]!,
    inactives: flows[row + Flow.inactives]!,
    emigrants: flows[row + Flow.emigrants]!,
    old_age_pensioners: flows[row + Flow.old_age_pensioners]!,
    disability_pensioners: flows[row + Flow.disability_pensioners]!,
    survivor_pensioners: flows[row + Flow.survivor_pensioners]!,
    entrants: flows[row + Flow.entrants]!,
    deaths: flows[row + Flow.deaths]!,
    contributions: flows[row + Flow.contributions]!,
    matching: flows[row + Flow.matching]!,
    care_credit_contributions: flows[row + Flow.care_credit_contributions]!,
    old_age_benefits: flows[row + Flow.old_age_benefits]!,
    disability_benefits: flows[row + Flow.disability_benefits]!,
    survivor_benefits: flows[row + Flow.survivor_benefits]!,
    refunds: flows[row + Flow.refunds]!,
    maternity_benefits: flows[row + Flow.maternity_benefits]!,
    health_benefits: flows[row + Flow.health_benefits]!,
    funeral_benefits: flows[row + Flow.funeral_benefits]!,
    administration: flows[row + Flow.administration]!,
    expenditure: flows[row + Flow.expenditure]!,
    insured_earnings: flows[row + Flow.insured_earnings]!,
    old_age_awards: flows[row + Flow.old_age_awards]!,
    old_age_award_amount: flows[row + Flow.old_age_award_amount]!,
  };
}

/** The reserve and ratio columns of a projection.csv row (§6, §7): all but the year and the flows. */
export type ReserveColumns = Omit<ProjectionYear, keyof FlowColumns | 'year'>;

/** A projection.csv row: the scheme's totals of the year's flow columns (`totals`, one flow row) and its reserve columns. */
export function projectionRow(year: number, totals: Float64Array, reserve: ReserveColumns): ProjectionYear {
  return {
    year,
    actives: totals[Flow.actives]!,
    inactives: totals[Flow.inactives]!,
    emigrants: totals[Flow.emigrants]!,
    old_age_pensioners: totals[Flow.old_age_pensioners]!,
    disability_pensioners: totals[Flow.disability_pensioners]!,
    survivor_pensioners: totals[Flow.survivor_pensioners]!,
    entrants: totals[Flow.entrants]!,
    deaths: totals[Flow.deaths]!,
    contributions: totals[Flow.contributions]!,
    matching: totals[Flow.matching]!,
    care_credit_contributions: totals[Flow.care_credit_contributions]!,
    investment_income: reserve.investment_income,
    old_age_benefits: totals[Flow.old_age_benefits]!,
    disability_benefits: totals[Flow.disability_benefits]!,
    survivor_benefits: totals[Flow.survivor_benefits]!,
    refunds: totals[Flow.refunds]!,
    maternity_benefits: totals[Flow.maternity_benefits]!,
    health_benefits: totals[Flow.health_benefits]!,
    funeral_benefits: totals[Flow.funeral_benefits]!,
    administration: totals[Flow.administration]!,
    expenditure: totals[Flow.expenditure]!,
    reserve_start: reserve.reserve_start,
    reserve_end: reserve.reserve_end,
    insured_earnings: totals[Flow.insured_earnings]!,
    density: reserve.density,
    payg_cost_rate: reserve.payg_cost_rate,
    reserve_ratio: reserve.reserve_ratio,
    support_ratio: reserve.support_ratio,
  };
}
