/**
 * The tables of `sipro simulate` from every scenario's outcome (methodology
 * §10 "Outputs"): scenarios.csv, percentiles.csv, ruin.csv and the
 * `stochastic` block of summary.json. A pure function of the outcomes in
 * scenario order, so one run, any number of workers and merged shards give
 * the same numbers.
 */
import {
  indicatorOffset, type OutcomeLayout, SCENARIO_INDICATORS, type ScenarioIndicator, variableOffset, YEARLY_VARIABLES, type YearlyVariable,
} from './outcome.js';
import { eventYearSpread, percentileName, spreadOf } from './percentiles.js';

/** Every scenario's outcome, in ascending scenario order. */
export interface Outcomes {
  layout: OutcomeLayout;
  /** The scenarios' numbers, ascending. */
  scenarios: readonly number[];
  /** `scenarios.length × layout.width` numbers, one outcome row per scenario. */
  values: Float64Array;
}

/** A number of an output table, null when empty. */
export type Cell = number | null;
const cell = (value: number): Cell => (value === value ? value : null);

export type ScenarioRow = { scenario: number } & Record<ScenarioIndicator, Cell>;
export interface PercentileRow { year: number; variable: YearlyVariable; mean: Cell; [percentile: `p${string}`]: Cell }
export interface RuinRow { year: number; depleted_share: number; deficit_share: number }
/** `{mean, p<q>…}`; event years have no mean. */
export type SpreadSummary = { mean?: Cell } & Record<string, Cell>;

export interface StochasticSummary {
  scenarios: number;
  seed: number;
  depletion_probability: number;
  gap: SpreadSummary;
  actuarial_balance: SpreadSummary;
  depletion_year: SpreadSummary;
  final_reserve_ratio: SpreadSummary;
}

export interface SimulationTables {
  scenarios: ScenarioRow[];
  percentiles: PercentileRow[];
  ruin: RuinRow[];
  summary: StochasticSummary;
}

/** One indicator of every scenario, in scenario order. */
function indicatorValues(outcomes: Outcomes, name: ScenarioIndicator): Float64Array {
  const { layout, values, scenarios } = outcomes;
  const column = new Float64Array(scenarios.length);
  for (let index = 0; index < scenarios.length; index += 1) column[index] = values[index * layout.width + indicatorOffset(name)]!;
  return column;
}

function spreadSummary(values: Float64Array, percentiles: readonly number[], scratch: Float64Array): SpreadSummary {
  const spread = spreadOf(values, percentiles, scratch);
  const summary: SpreadSummary = { mean: cell(spread.mean) };
  percentiles.forEach((q, index) => { summary[percentileName(q)] = cell(spread.percentiles[index]!); });
  return summary;
}

/**
 * @param baseYear t0, to name the years
 * @param percentiles the `stochastic.percentiles` of the scheme, in order
 * @param seed reported as given (unused when the paths were replayed)
 */
export function simulationTables(outcomes: Outcomes, baseYear: number, percentiles: readonly number[], seed: number): SimulationTables {
  const { layout, values, scenarios } = outcomes;
  const count = scenarios.length;
  const scratch = new Float64Array(count);
  const scenarioRows = scenarios.map((scenario, index) => {
    const row = { scenario } as ScenarioRow;
    for (const name of SCENARIO_INDICATORS) row[name] = cell(values[index * layout.width + indicatorOffset(name)]!);
    return row;
  });

  const percentileRows: PercentileRow[] = [];
  const column = new Float64Array(count);
  for (let yearIndex = 0; yearIndex < layout.years; yearIndex += 1) {
    for (const variable of YEARLY_VARIABLES) {
      const offset = variableOffset(yearIndex, variable);
      for (let index = 0; index < count; index += 1) column[index] = values[index * layout.width + offset]!;
      const spread = spreadOf(column, percentiles, scratch);
      const row: PercentileRow = { year: baseYear + yearIndex, variable, mean: cell(spread.mean) };
      percentiles.forEach((q, at) => { row[percentileName(q) as `p${string}`] = cell(spread.percentiles[at]!); });
      percentileRows.push(row);
    }
  }

  const depletion = indicatorValues(outcomes, 'depletion_year');
  const deficit = indicatorValues(outcomes, 'first_deficit_year');
  const ruin: RuinRow[] = [];
  for (let yearIndex = 0; yearIndex < layout.years; yearIndex += 1) {
    const year = baseYear + yearIndex;
    let depleted = 0;
    let inDeficit = 0;
    for (let index = 0; index < count; index += 1) {
      if (depletion[index]! <= year) depleted += 1;
      if (deficit[index]! <= year) inDeficit += 1;
    }
    ruin.push({ year, depleted_share: depleted / count, deficit_share: inDeficit / count });
  }

  const depletionYear: SpreadSummary = {};
  eventYearSpread(depletion, percentiles, scratch).forEach((value, index) => { depletionYear[percentileName(percentiles[index]!)] = cell(value); });
  let depleted = 0;
  for (const year of depletion) if (year === year) depleted += 1;
  return {
    scenarios: scenarioRows,
    percentiles: percentileRows,
    ruin,
    summary: {
      scenarios: count,
      seed,
      depletion_probability: depleted / count,
      gap: spreadSummary(indicatorValues(outcomes, 'gap'), percentiles, scratch),
      actuarial_balance: spreadSummary(indicatorValues(outcomes, 'actuarial_balance'), percentiles, scratch),
      depletion_year: depletionYear,
      final_reserve_ratio: spreadSummary(indicatorValues(outcomes, 'final_reserve_ratio'), percentiles, scratch),
    },
  };
}
