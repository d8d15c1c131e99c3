/**
 * Flow accumulators of one year: one row of columns per (group, sex), in a
 * flat Float64Array. The output columns come first, in `by_group.csv` order;
 * two working columns follow for the scheme-wide density (§7).
 */
import type { FlowColumns } from './types.js';

export const FLOW_COLUMNS = [
  'actives', 'inactives', 'old_age_pensioners', 'disability_pensioners', 'survivor_pensioners',
  'entrants', 'deaths', 'contributions', 'matching', 'old_age_benefits', 'disability_benefits',
  'survivor_benefits', 'refunds', 'maternity_benefits', 'health_benefits', 'funeral_benefits',
  'administration', 'expenditure', 'insured_earnings',
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
} as const;

export const FLOW_WIDTH = FLOW_COLUMNS.length + 2;

/** Offset of a (group, sex) row (layout.ts `rowIndex`) in a year's flow array. */
export const flowRow = (row: number) => row * FLOW_WIDTH;
