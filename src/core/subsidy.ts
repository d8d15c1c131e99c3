/**
 * Cross-subsidies by (group, sex), methodology §8: present values at t0 of what
 * each pays in and draws out. Administration is already allocated per
 * (group, sex) in the flows (share part by own contributions, per-member part
 * by A + I heads), survivor benefits sit on the survivor's own row, and
 * care-credit contributions (§12) on the row of the woman credited.
 */
import { BENEFIT_COLUMNS, Flow, flowRow } from './flows.js';
import { rowIndex } from './layout.js';
import { ratio } from './indicators.js';
import type { BenefitPresentValues, SubsidyRow } from './types.js';
import { SEXES } from './rules.js';

/** Present values of one (group, sex)'s flows over the years given. */
export function benefitPresentValues(yearFlows: readonly Float64Array[], row: number, midYear: ArrayLike<number>): BenefitPresentValues {
  const pvOf = (column: number) => columnPresentValue(yearFlows, row + column, midYear);
  const values: BenefitPresentValues = {
    pv_contributions: pvOf(Flow.contributions),
    pv_matching: pvOf(Flow.matching),
    pv_care_credit_contributions: pvOf(Flow.care_credit_contributions),
    pv_old_age_benefits: pvOf(Flow.old_age_benefits),
    pv_disability_benefits: pvOf(Flow.disability_benefits),
    pv_survivor_benefits: pvOf(Flow.survivor_benefits),
    pv_refunds: pvOf(Flow.refunds),
    pv_maternity_benefits: pvOf(Flow.maternity_benefits),
    pv_health_benefits: pvOf(Flow.health_benefits),
    pv_funeral_benefits: pvOf(Flow.funeral_benefits),
    pv_benefits: 0,
  };
  values.pv_benefits = BENEFIT_COLUMNS.reduce((sum, column) => sum + values[`pv_${column}`], 0);
  return values;
}

/** `PV(X) = Σ_t X_t D_t h_t` (§7) of one column of a (group, sex) row, read across the years' flows. */
export function columnPresentValue(yearFlows: readonly Float64Array[], at: number, midYear: ArrayLike<number>): number {
  let total = 0;
  for (let year = 0; year < yearFlows.length; year += 1) total += yearFlows[year]![at]! * midYear[year]!;
  return total;
}

/** subsidy.csv rows: one per (group, sex), adding up to the scheme totals (§8). */
export function subsidyRows(yearFlows: readonly Float64Array[], groups: readonly string[], midYear: ArrayLike<number>): SubsidyRow[] {
  return groups.flatMap((group, groupIndex) => SEXES.map((sex, sexIndex): SubsidyRow => {
    const row = flowRow(rowIndex(groupIndex, sexIndex));
    const values = benefitPresentValues(yearFlows, row, midYear);
    const pvAdministration = columnPresentValue(yearFlows, row + Flow.administration, midYear);
    return {
      group,
      sex,
      ...values,
      pv_administration: pvAdministration,
      net_transfer: values.pv_benefits + pvAdministration - values.pv_contributions - values.pv_matching - values.pv_care_credit_contributions,
      money_worth: ratio(values.pv_benefits, values.pv_contributions),
    };
  }));
}
