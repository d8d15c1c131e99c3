/**
 * The terminal summary of a projection (§7): headline indicators and a table
 * of selected years on stdout; warnings (depletion, deficits) on stderr.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { contributionIncome } from '../../core/flows.js';
import type { ProjectionResult, ProjectionYear } from '../../core/types.js';
import { groupedNumber } from '../../io/groupedNumber.js';
import { printable } from '../../io/read/shown.js';
import { defaultYears } from '../../io/report/years.js';
import { scaledPremiumLines } from './scaledPremium.js';

export interface SummaryStyle {
  colour: boolean;
}

/** What the table shows: which years (default: selectedYears), and money nominal or in base-year prices. */
export interface SummaryTableOptions {
  /** Years to list, each a year of the projection. */
  years?: readonly number[] | undefined;
  /** Base-year prices: `Ip_t` by `year − t0` (methodology §1); undefined: money of each year. */
  priceIndex?: ArrayLike<number> | undefined;
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)} %`);
const yearOrNone = (year: number | null, none: string) => (year === null ? none : String(year));

/** First year, every 5th year for 30 years, every 10th after, and the last year. */
export function selectedYears(rows: readonly ProjectionYear[]): ProjectionYear[] {
  const chosen = new Set(defaultYears(rows.map((row) => row.year)));
  return rows.filter((row) => chosen.has(row.year));
}

export function renderSummary(name: string, currency: string, result: ProjectionResult, style: SummaryStyle, options: SummaryTableOptions = {}): string {
  const chalk = new Chalk({ level: style.colour ? 1 : 0 });
  const { indicators, projection } = result;
  const first = projection[0]!;
  const last = projection[projection.length - 1]!;
  const balance = indicators.actuarial_balance;
  const headline = [
    `${chalk.bold(printable(name))}: ${first.year}–${last.year} (${projection.length} years)`,
    '',
    `  GAP (general average premium)  ${percent(indicators.gap)}`,
    `  Effective contribution rate    ${percent(indicators.effective_rate)}`,
    `  Actuarial balance              ${balance === null ? '—' : (balance < 0 ? chalk.red : chalk.green)(percent(balance))}`,
    `  First deficit year             ${yearOrNone(indicators.first_deficit_year, 'none')}`,
    `  Reserve depletion year         ${yearOrNone(indicators.depletion_year, 'none')}`,
    // §7: 1 − a_F / a_M of the average new old-age awards, in money of t0.
    `  Gender pension gap             ${percent(indicators.gender_pension_gap)}${indicators.gender_pension_gap === null ? ' (no old-age award to one sex)' : ''}`,
    // §13: the level rate of each period that stops the reserve changing in its last year.
    ...(result.scaledPremium.length > 0 ? ['', ...scaledPremiumLines(result.scaledPremium)] : []),
  ];
  const { priceIndex } = options;
  const deflator = (year: number) => (priceIndex === undefined ? 1 : priceIndex[year - first.year]!);
  const scale = Math.max(...projection.map((row) => Math.abs(row.expenditure) / deflator(row.year)), ...projection.map((row) => Math.abs(row.reserve_end) / deflator(row.year))) >= 1e7 ? 1e6 : 1;
  const basis = priceIndex === undefined ? 'money of each year' : `${first.year} prices (deflated by the inflation assumption)`;
  const unit = `${scale === 1e6 ? 'millions of ' : ''}${printable(currency) || 'money units'}, ${basis}`;
  const money = (value: number, year: number) => groupedNumber(value / deflator(year) / scale, scale === 1 ? 0 : 1);
  const heads = (value: number) => groupedNumber(Math.round(value), 0);
  const table = new Table({
    head: ['year', 'actives', 'pensioners', 'density', 'contribution income', 'expenditure', 'reserve end', 'PAYG rate', 'reserve ratio'],
    colAligns: ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: style.colour ? { head: ['cyan'] } : { head: [], border: [] },
    // No rule between body rows: the table stays as tall as its years.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const rows = options.years === undefined ? selectedYears(projection) : projection.filter((row) => options.years!.includes(row.year));
  for (const row of rows) {
    const reserve = money(row.reserve_end, row.year);
    table.push([
      String(row.year),
      heads(row.actives),
      heads(row.old_age_pensioners + row.disability_pensioners + row.survivor_pensioners),
      percent(row.density),
      money(contributionIncome(row), row.year),
      money(row.expenditure, row.year),
      row.reserve_end < 0 ? chalk.red(reserve) : reserve,
      percent(row.payg_cost_rate),
      row.reserve_ratio === null ? '—' : row.reserve_ratio.toFixed(1),
    ]);
  }
  return `${headline.join('\n')}\n\n${table.toString()}\n  Amounts in ${unit}. Contribution income: contributions, matching and the state's care credits.\n`;
}

/** Warnings an actuary must not miss: depletion and deficits. */
export function projectionWarnings(result: ProjectionResult, style: SummaryStyle): string[] {
  const chalk = new Chalk({ level: style.colour ? 1 : 0 });
  const { depletion_year: depletion, first_deficit_year: deficit } = result.indicators;
  const warnings: string[] = [];
  if (depletion !== null) warnings.push(chalk.red(`warning: the reserve is depleted in ${depletion} (reserve_end < 0).`));
  if (deficit !== null) warnings.push(chalk.yellow(`warning: contribution income (contributions, matching, care-credit contributions) falls short of expenditure from ${deficit}.`));
  return warnings;
}
