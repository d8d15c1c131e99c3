/**
 * From every scenario's outcome to the files of a simulate folder (§10):
 * the tables, the assertions (on the deterministic projection and on the
 * scenarios) and summary.json. `sipro simulate` and `sipro merge` of its
 * shards both end here, so they write the same bytes.
 */
import { type Assertion, type AssertionReport, checkAssertions, type StochasticAssertionInput } from '../../core/assertions.js';
import { percentileName } from '../../core/stochastic/percentiles.js';
import { type SimulationTables, simulationTables } from '../../core/stochastic/summary.js';
import type { OutcomeLayout } from '../../core/stochastic/outcome.js';
import type { Indicators, ProjectionYear } from '../../core/types.js';
import type { RunRecord } from '../../io/runRecord.js';
import { pathsHeader, simulateSummaryJson, simulateTablesCsv } from '../../io/simulateFiles.js';

/** The deterministic projection as simulate keeps it: its §7 summary, and its rows for column assertions. */
export interface DeterministicPart {
  indicators: Indicators;
  projection: ProjectionYear[];
}

export interface SimulationInputs {
  deterministic: DeterministicPart;
  layout: OutcomeLayout;
  baseYear: number;
  groups: string[];
  percentiles: number[];
  seed: number;
  /** Scenario numbers, ascending, and their outcome rows in that order. */
  scenarios: number[];
  outcomes: Float64Array;
  /** paths.csv lines per scenario, or null when not written. */
  pathsText: string[] | null;
  assertions: Assertion[];
  record: RunRecord;
}

export interface SimulationFiles {
  tables: SimulationTables;
  assertions: AssertionReport[];
  files: Map<string, string>;
}

/** The values §10's assertions read: `gap_p5`, `reserve_ratio_p5` year by year, `depletion_probability`. */
export function stochasticAssertionInput(tables: SimulationTables, percentiles: readonly number[]): StochasticAssertionInput {
  const indicatorPercentiles = new Map<string, number | null>();
  const percentileColumns = new Map<string, { year: number; value: number | null }[]>();
  for (const q of percentiles) {
    const name = percentileName(q);
    indicatorPercentiles.set(`gap_${name}`, tables.summary.gap[name] ?? null);
    indicatorPercentiles.set(`actuarial_balance_${name}`, tables.summary.actuarial_balance[name] ?? null);
    for (const variable of ['reserve_ratio', 'reserve_end', 'payg_cost_rate'] as const) {
      percentileColumns.set(`${variable}_${name}`, tables.percentiles
        .filter((row) => row.variable === variable)
        .map((row) => ({ year: row.year, value: row[name as `p${string}`] ?? null })));
    }
  }
  return { depletion_probability: tables.summary.depletion_probability, indicatorPercentiles, percentileColumns };
}

export function simulationFiles(inputs: SimulationInputs): SimulationFiles {
  const tables = simulationTables({ layout: inputs.layout, scenarios: inputs.scenarios, values: inputs.outcomes }, inputs.baseYear, inputs.percentiles, inputs.seed);
  const assertions = checkAssertions(inputs.assertions, {
    projection: inputs.deterministic.projection,
    indicators: inputs.deterministic.indicators,
    stochastic: stochasticAssertionInput(tables, inputs.percentiles),
  });
  const files = simulateTablesCsv(tables, inputs.percentiles);
  files.set('summary.json', simulateSummaryJson(inputs.deterministic.indicators, tables, assertions, inputs.record));
  if (inputs.pathsText !== null) files.set('paths.csv', pathsHeader(inputs.groups) + inputs.pathsText.join(''));
  return { tables, assertions, files };
}
