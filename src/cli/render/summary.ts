/**
 * The terminal summary of a projection (§7): headline indicators and a table
 * of selected years on stdout; warnings (depletion, deficits) on stderr.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { ProjectionResult, ProjectionYear } from '../../core/types.js';

export interface SummaryStyle {
  colour: boolean;
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)} %`);
const yearOrNone = (year: number | null, none: string) => (year === null ? none : String(year));

/** First year, every 5th year for 30 years, every 10th after, and the last year. */
export function selectedYears(rows: readonly ProjectionYear[]): ProjectionYear[] {
  return rows.filter((_, index) => index === 0 || index === rows.length - 1
    || (index <= 30 ? index % 5 === 0 : index % 10 === 0));
}

export function renderSummary(name: string, currency: string, result: ProjectionResult, style: SummaryStyle): string {
  const chalk = new Chalk({ level: style.colour ? 1 : 0 });
  const { indicators, projection } = result;
  const first = projection[0]!;
  const last = projection[projection.length - 1]!;
  const balance = indicators.actuarial_balance;
  const headline = [
    `${chalk.bold(name)}: ${first.year}–${last.year} (${projection.length} years)`,
    '',
    `  GAP (general average premium)  ${percent(indicators.gap)}`,
    `  Effective contribution rate    ${percent(indicators.effective_rate)}`,
    `  Actuarial balance              ${balance === null ? '—' : (balance < 0 ? chalk.red : chalk.green)(percent(balance))}`,
    `  First deficit year             ${yearOrNone(indicators.first_deficit_year, 'none')}`,
    `  Reserve depletion year         ${yearOrNone(indicators.depletion_year, 'none')}`,
    '',
  ];
  const scale = Math.max(...projection.map((row) => Math.abs(row.expenditure)), ...projection.map((row) => Math.abs(row.reserve_end))) >= 1e7 ? 1e6 : 1;
  const unit = `${scale === 1e6 ? 'millions of ' : ''}${currency || 'money units'}, money of each year`;
  const money = (value: number) => (value / scale).toLocaleString('en-US', { maximumFractionDigits: scale === 1 ? 0 : 1, minimumFractionDigits: scale === 1 ? 0 : 1 });
  const heads = (value: number) => Math.round(value).toLocaleString('en-US');
  const table = new Table({
    head: ['year', 'actives', 'pensioners', 'density', 'contrib. + matching', 'expenditure', 'reserve end', 'PAYG rate', 'reserve ratio'],
    colAligns: ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: style.colour ? { head: ['cyan'] } : { head: [], border: [] },
    // No rule between body rows: the table stays as tall as its years.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of selectedYears(projection)) {
    const reserve = money(row.reserve_end);
    table.push([
      String(row.year),
      heads(row.actives),
      heads(row.old_age_pensioners + row.disability_pensioners + row.survivor_pensioners),
      percent(row.density),
      money(row.contributions + row.matching),
      money(row.expenditure),
      row.reserve_end < 0 ? chalk.red(reserve) : reserve,
      percent(row.payg_cost_rate),
      row.reserve_ratio === null ? '—' : row.reserve_ratio.toFixed(1),
    ]);
  }
  return `${headline.join('\n')}${table.toString()}\n  Amounts in ${unit}.\n`;
}

/** Warnings an actuary must not miss: depletion and deficits. */
export function projectionWarnings(result: ProjectionResult, style: SummaryStyle): string[] {
  const chalk = new Chalk({ level: style.colour ? 1 : 0 });
  const { depletion_year: depletion, first_deficit_year: deficit } = result.indicators;
  const warnings: string[] = [];
  if (depletion !== null) warnings.push(chalk.red(`warning: the reserve is depleted in ${depletion} (reserve_end < 0).`));
  if (deficit !== null) warnings.push(chalk.yellow(`warning: contributions and matching fall short of expenditure from ${deficit}.`));
  return warnings;
}
