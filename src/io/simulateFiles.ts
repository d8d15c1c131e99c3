/**
 * The files of a `sipro simulate` output folder (methodology §10 "Outputs"),
 * as text: scenarios.csv, percentiles.csv, ruin.csv, summary.json and, on
 * request, paths.csv. One place, so that a run and `sipro merge` of its
 * shards write the same bytes.
 */
import type { AssertionReport } from '../core/assertions.js';
import { SCENARIO_INDICATORS } from '../core/stochastic/outcome.js';
import { percentileName } from '../core/stochastic/percentiles.js';
import type { ScenarioPaths } from '../core/stochastic/paths.js';
import type { SimulationTables } from '../core/stochastic/summary.js';
import type { Indicators } from '../core/types.js';
import type { RunRecord } from './runRecord.js';
import { toCsv } from './writeCsv.js';

/** scenarios.csv (§10). */
export const SCENARIOS_COLUMNS = ['scenario', ...SCENARIO_INDICATORS] as const;
/** ruin.csv (§10). */
export const RUIN_COLUMNS = ['year', 'depleted_share', 'deficit_share'] as const;
/** percentiles.csv (§10): `year, variable, mean, p<q>…`. */
export const percentilesColumns = (percentiles: readonly number[]): string[] => ['year', 'variable', 'mean', ...percentiles.map(percentileName)];
/** paths.csv (§10): the realised paths, one row per scenario and year. */
export const pathsColumns = (groups: readonly string[]): string[] => [
  'scenario', 'year', 'investment_return', 'wage_growth', 'inflation', 'mortality_factor', 'entrants_factor',
  ...groups.map((group) => `income_factor.${group}`),
];

/** The CSV files of a simulate folder, by name, in the order they are listed. */
export function simulateTablesCsv(tables: SimulationTables, percentiles: readonly number[]): Map<string, string> {
  return new Map([
    ['scenarios.csv', toCsv(tables.scenarios, [...SCENARIOS_COLUMNS])],
    ['percentiles.csv', toCsv(tables.percentiles, percentilesColumns(percentiles) as never[])],
    ['ruin.csv', toCsv(tables.ruin, [...RUIN_COLUMNS])],
  ]);
}

/**
 * summary.json (§10): the deterministic projection's §7 summary, the
 * `stochastic` block, the assertions and the run record.
 */
export function simulateSummaryJson(
  deterministic: Indicators, tables: SimulationTables, assertions: readonly AssertionReport[], record: RunRecord,
): string {
  return `${JSON.stringify({ ...deterministic, stochastic: tables.summary, assertions, run: record }, null, 2)}\n`;
}

/** A number as paths.csv writes it: the shortest decimal that reads back to the same double (never -0). */
const decimal = (value: number) => (Object.is(value, -0) ? '0' : String(value));

/**
 * The lines of paths.csv for one scenario (no header), each ending in a
 * newline: numbers only, so no cell needs quoting and a shard's lines are
 * the very lines one run writes.
 */
export function pathsLines(scenario: number, baseYear: number, paths: ScenarioPaths): string {
  let text = '';
  for (let year = 0; year < paths.investmentReturn.length; year += 1) {
    text += `${scenario},${baseYear + year},${decimal(paths.investmentReturn[year]!)},${decimal(paths.wageGrowth[year]!)},${decimal(paths.inflation[year]!)},`
      + `${decimal(paths.mortalityFactor[year]!)},${decimal(paths.entrantsFactor[year]!)}`;
    for (const factors of paths.incomeFactor) text += `,${decimal(factors[year]!)}`;
    text += '\n';
  }
  return text;
}

/** paths.csv's header line. */
export const pathsHeader = (groups: readonly string[]): string => `${pathsColumns(groups).join(',')}\n`;
