/**
 * Flow accumulators of one year: one row of columns per (group, sex), in a
 * flat Float64Array. The output columns come first, in `by_group.csv` order
 * (§7); working columns follow: the scheme-wide density's two sums, and the
 * deaths of W cells, which count as deaths but are paid no funeral grant.
 */
import type { FlowColumns } from './types.js';

export const FLOW_COLUMNS = [
  'actives', 'inactives', 'emigrants', 'old_age_pensioners', 'disability_pensioners', 'survivor_pensioners',
  'entrants', 'deaths', 'contributions', 'matching', 'care_credit_contributions', 'old_age_benefits', 'disability_benefits',
  'survivor_benefits', 'refunds', 'maternity_benefits', 'health_benefits', 'funeral_benefits',
  'administration', 'expenditure', 'insured_earnings', 'old_age_awards', 'old_age_award_amount',
] as const satisfies readonly (keyof FlowColumns)[];

/** The benefit columns whose sum, with administration, is expenditure (§6). */
export const BENEFIT_COLUMNS = [
  'old_age_benefits', 'disability_benefits', 'survivor_benefits', 'refunds',
  'maternity_benefits', 'health_benefits', 'funeral_benefits',
] as const satisfies readonly (keyof FlowColumns)[];

const column = Object.fromEntries(FLOW_COLUMNS.map((name, index) => [name, index])) as Record<(typeof FLOW_COLUMNS)[number], number>;

/** Column offsets within a (group, sex) row. */
export const Flow = {
  ...column,
  /** Σ_A E: the density's divisor (§7). */
  activeExposure: FLOW_COLUMNS.length,
  /** Σ_A E d: the density's dividend (§7). */
  paidExposure: FLOW_COLUMNS.length + 1,
  /** Deaths in W cells (§11): in `deaths`, but no funeral grant (§5). */
  emigrantDeaths: FLOW_COLUMNS.length + 2,
} as const;

export const FLOW_WIDTH = FLOW_COLUMNS.length + 3;

/** Offset of a (group, sex) row (layout.ts `rowIndex`) in a year's flow array. */
export const flowRow = (row: number) => row * FLOW_WIDTH;

/** Contribution income `K = contributions + matching + care_credit_contributions` of a flow row (§6). */
export const contributionIncome = (row: { contributions: number; matching: number; care_credit_contributions: number }): number =>
  row.contributions + row.matching + row.care_credit_contributions;
