/**
 * The terminal summary of `sipro simulate` (§10): the deterministic
 * headline, the probability of depletion within the horizon, the spread of
 * the GAP and the actuarial balance over the scenarios, and the reserve
 * ratio's percentiles in selected years.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { percentileName } from '../../core/stochastic/percentiles.js';
import type { Cell, SimulationTables, SpreadSummary } from '../../core/stochastic/summary.js';
import type { ProjectionResult } from '../../core/types.js';
import { groupedCount } from '../../io/groupedNumber.js';
import { printable } from '../../io/read/shown.js';
import { selectedYears } from '../render/summary.js';

const percent = (value: Cell) => (value === null ? '—' : `${(value * 100).toFixed(2)} %`);
const ratio = (value: Cell) => (value === null ? '—' : value.toFixed(1));
const year = (value: Cell) => (value === null ? 'none' : String(value));

export function renderSimulation(
  name: string, deterministic: ProjectionResult, tables: SimulationTables, percentiles: readonly number[], colour: boolean,
): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const { indicators, projection } = deterministic;
  const first = projection[0]!;
  const last = projection[projection.length - 1]!;
  const { summary } = tables;
  const probability = summary.depletion_probability;
  const spread = (values: SpreadSummary, show: (value: Cell) => string) =>
    percentiles.map((q) => `${percentileName(q)} ${show(values[percentileName(q)] ?? null)}`).join(' · ');
  const lines = [
    `${chalk.bold(printable(name))}: ${first.year}–${last.year}, ${groupedCount(summary.scenarios)} scenarios`,
    '',
    `  Deterministic projection: GAP ${percent(indicators.gap)}, actuarial balance ${percent(indicators.actuarial_balance)}, `
      + `reserve depleted ${indicators.depletion_year === null ? 'never' : `in ${indicators.depletion_year}`}`,
    `  Probability the reserve is depleted by ${last.year}: ${(probability > 0 ? chalk.red : chalk.green)(`${(probability * 100).toFixed(1)} %`)}`,
    `  GAP                 mean ${percent(summary.gap.mean ?? null)} · ${spread(summary.gap, percent)}`,
    `  Actuarial balance   mean ${percent(summary.actuarial_balance.mean ?? null)} · ${spread(summary.actuarial_balance, percent)}`,
    `  Depletion year      ${spread(summary.depletion_year, year)}`,
    '',
    '  Reserve ratio (reserve at year end / the year\'s expenditure), across scenarios:',
  ];
  const table = new Table({
    head: ['year', 'deterministic', 'mean', ...percentiles.map(percentileName)],
    colAligns: Array(3 + percentiles.length).fill('right') as 'right'[],
    style: colour ? { head: ['cyan'] } : { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const ratios = new Map(tables.percentiles.filter((row) => row.variable === 'reserve_ratio').map((row) => [row.year, row]));
  for (const row of selectedYears(projection)) {
    const stochastic = ratios.get(row.year)!;
    table.push([String(row.year), ratio(row.reserve_ratio), ratio(stochastic.mean), ...percentiles.map((q) => ratio(stochastic[percentileName(q) as `p${string}`] ?? null))]);
  }
  return `${lines.join('\n')}\n${table.toString()}\n  Each column joins the percentiles of different years: no scenario need follow it.\n`;
}
