/**
 * The files of a `sipro project` output folder and their columns (methodology
 * §7, §8, §13), as text: one place, so that every command that writes a
 * projection's folder (project, a sweep's kept scenarios) writes the same.
 */
import type { AssertionReport } from '../core/assertions.js';
import { FLOW_COLUMNS } from '../core/flows.js';
import { PROJECTION_COLUMNS } from '../core/project.js';
import type { EntrantRow, ProjectionResult, ScaledPremiumPeriod, SubsidyRow } from '../core/types.js';
import type { RunRecord } from './runRecord.js';
import { toCsv } from './writeCsv.js';

/** subsidy.csv (§8). */
export const SUBSIDY_COLUMNS = [
  'group', 'sex', 'pv_contributions', 'pv_matching', 'pv_care_credit_contributions', 'pv_old_age_benefits', 'pv_disability_benefits',
  'pv_survivor_benefits', 'pv_refunds', 'pv_maternity_benefits', 'pv_health_benefits', 'pv_funeral_benefits',
  'pv_benefits', 'pv_administration', 'net_transfer', 'money_worth',
] as const satisfies readonly (keyof SubsidyRow)[];

/** entrants.csv (§8). */
export const ENTRANT_COLUMNS = [
  'group', 'sex', 'entry_age', 'pv_contributions', 'pv_matching', 'pv_care_credit_contributions', 'pv_old_age_benefits', 'pv_disability_benefits',
  'pv_survivor_benefits', 'pv_refunds', 'pv_maternity_benefits', 'pv_health_benefits', 'pv_funeral_benefits',
  'pv_benefits', 'net_transfer', 'money_worth',
] as const satisfies readonly (keyof EntrantRow)[];

/** scaled_premium.csv (§13). */
export const SCALED_PREMIUM_COLUMNS = [
  'period_start', 'period_end', 'premium', 'reserve_start', 'reserve_end',
] as const satisfies readonly (keyof ScaledPremiumPeriod)[];

/** by_group.csv (§7). */
export const BY_GROUP_COLUMNS = ['year', 'group', 'sex', ...FLOW_COLUMNS] as const;

export { PROJECTION_COLUMNS };

/**
 * Every file of the output folder, by name (§7, §8, §13). `entrants` undefined
 * leaves entrants.csv out (sweeps skip it unless asked). summary.json holds
 * the indicators, the assertions' outcomes and the run record (§9).
 */
export function outputFiles(
  result: ProjectionResult, entrants: readonly EntrantRow[] | undefined, record: RunRecord, assertions: readonly AssertionReport[] = [],
): Map<string, string> {
  const summary = { ...result.indicators, assertions, run: record };
  const files = new Map([
    ['projection.csv', toCsv(result.projection, PROJECTION_COLUMNS)],
    ['by_group.csv', toCsv(result.byGroup, BY_GROUP_COLUMNS)],
    ['subsidy.csv', toCsv(result.subsidy, SUBSIDY_COLUMNS)],
  ]);
  if (entrants !== undefined) files.set('entrants.csv', toCsv(entrants, ENTRANT_COLUMNS));
  files.set('scaled_premium.csv', toCsv(result.scaledPremium, SCALED_PREMIUM_COLUMNS));
  files.set('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  return files;
}
