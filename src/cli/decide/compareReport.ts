/**
 * What `sipro compare` shows: the headline indicators of A and B side by
 * side with B − A, the scaled premiums of the periods both share, and a few
 * years of the main differences — as tables on stdout, or as data for
 * compare.json and --json.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { difference, eventDifference } from '../../core/comparison.js';
import type { ComparedSide } from '../../io/compareInputs.js';
import { groupedNumber } from '../../io/groupedNumber.js';
import { printable } from '../../io/read/shown.js';
import { defaultYears } from '../../io/report/years.js';
import { HEADLINES, percent, points, yearOrNone } from './format.js';

type Kind = 'rate' | 'year' | 'money';

/** One indicator in A, in B, and B − A (for an event year, ±Infinity when only one side has it). */
export interface IndicatorComparison {
  indicator: string;
  label: string;
  kind: Kind;
  a: number | null;
  b: number | null;
  delta: number | null;
}

const PRESENT_VALUES = [
  { key: 'pv_contributions_and_matching', label: 'PV of contribution income' },
  { key: 'pv_expenditure', label: 'PV of expenditure' },
  { key: 'pv_insured_earnings', label: 'PV of insured earnings' },
] as const;

const field = (record: object, key: string): number | null => {
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : null;
};

/** The headline indicators and a few present values of both sides, with their differences. */
export function indicatorComparison(a: ComparedSide, b: ComparedSide): IndicatorComparison[] {
  const rows: IndicatorComparison[] = HEADLINES.map(({ key, label, kind }) => {
    const [valueA, valueB] = [a.indicators[key], b.indicators[key]];
    return { indicator: key, label, kind, a: valueA, b: valueB, delta: kind === 'year' ? eventDifference(valueA, valueB) : difference(valueA, valueB) };
  });
  // §7's gender pension gap, when both sides' versions compute it.
  if ('gender_pension_gap' in a.indicators && 'gender_pension_gap' in b.indicators) {
    const [valueA, valueB] = [field(a.indicators, 'gender_pension_gap'), field(b.indicators, 'gender_pension_gap')];
    rows.push({ indicator: 'gender_pension_gap', label: 'Gender pension gap', kind: 'rate', a: valueA, b: valueB, delta: difference(valueA, valueB) });
  }
  for (const { key, label } of PRESENT_VALUES) {
    const [valueA, valueB] = [field(a.indicators.present_values, key), field(b.indicators.present_values, key)];
    rows.push({ indicator: key, label, kind: 'money', a: valueA, b: valueB, delta: difference(valueA, valueB) });
  }
  return rows;
}

/** One period's scaled premium in A and B (§13). */
export interface PremiumComparison {
  period_start: number;
  period_end: number;
  a: number | null;
  b: number | null;
  delta: number | null;
}

/** The scaled premiums of the periods A and B both have (same first and last year), in order; empty when either has none. */
export function premiumComparison(a: ComparedSide, b: ComparedSide): PremiumComparison[] {
  const periodsB = b.scaledPremium ?? [];
  return (a.scaledPremium ?? []).flatMap((periodA) => {
    const periodB = periodsB.find((period) => period.period_start === periodA.period_start && period.period_end === periodA.period_end);
    return periodB === undefined ? [] : [{
      period_start: periodA.period_start, period_end: periodA.period_end, a: periodA.premium, b: periodB.premium, delta: difference(periodA.premium, periodB.premium),
    }];
  });
}

/** A difference as JSON holds it: an event that only one side has (±Infinity) is null. */
export const jsonNumber = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);

const signed = (value: number, text: string) => `${value > 0 ? '+' : ''}${text}`;

function eventDelta(row: IndicatorComparison): string {
  if (row.delta === null || row.delta === 0) return row.a === null && row.b === null ? '' : '0';
  if (row.b === null) return 'none in B';
  if (row.a === null) return 'none in A';
  return signed(row.delta, String(row.delta));
}

export interface MoneyFormat {
  scale: number;
  unit: string;
}

/** Millions when the amounts are large, as the terminal summary does. */
export function moneyFormat(a: ComparedSide, b: ComparedSide): MoneyFormat {
  const largest = Math.max(0, ...[a, b].flatMap((side) => side.projection.flatMap((row) => [Math.abs(row.expenditure ?? 0), Math.abs(row.reserve_end ?? 0)])));
  const scale = largest >= 1e7 ? 1e6 : 1;
  const currency = printable(a.currency || b.currency) || 'money units';
  return { scale, unit: `${scale === 1e6 ? 'millions of ' : ''}${currency}` };
}

const money = (format: MoneyFormat, value: number | null, sign = false) => {
  if (value === null) return '—';
  const text = groupedNumber(value / format.scale, format.scale === 1 ? 0 : 1);
  return sign ? signed(value, text) : text;
};

function cells(row: IndicatorComparison, format: MoneyFormat): [string, string, string] {
  switch (row.kind) {
    case 'rate': return [percent(row.a), percent(row.b), points(row.delta)];
    case 'year': return [yearOrNone(row.a), yearOrNone(row.b), eventDelta(row)];
    case 'money': return [money(format, row.a), money(format, row.b), money(format, row.delta, true)];
  }
}

const tableStyle = (colour: boolean) => ({
  style: colour ? { head: ['cyan'] } : { head: [], border: [] },
  chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
});

/** The differences listed for a few years (the first, every 5th for 30 years, every 10th after, the last). */
const YEAR_COLUMNS = [
  { column: 'contributions', label: 'Δ contributions' },
  { column: 'expenditure', label: 'Δ expenditure' },
  { column: 'investment_income', label: 'Δ investment income' },
  { column: 'reserve_end', label: 'Δ reserve end' },
] as const;

/** The terminal report: who A and B are, the indicators side by side, then a few years of differences. */
export function renderCompare(a: ComparedSide, b: ComparedSide, bOverrides: readonly string[], colour: boolean): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const format = moneyFormat(a, b);
  const who = (side: ComparedSide) => `${printable(side.label)}${side.name === undefined ? '' : ` (${printable(side.name)})`}${side.kind === 'output' ? ', an output folder' : ''}`;
  const lines = [
    `${chalk.bold('A')}: ${who(a)}`,
    // B made from A with --set is named by its path and overrides alone.
    `${chalk.bold('B')}: ${b.label === a.label && b.name === a.name ? printable(b.label) : who(b)}${bOverrides.length > 0 ? ` with --set ${bOverrides.join(' --set ')}` : ''}`,
  ];
  const indicators = new Table({ head: ['', 'A', 'B', 'B − A'], colAligns: ['left', 'right', 'right', 'right'], ...tableStyle(colour) });
  for (const row of indicatorComparison(a, b)) indicators.push([row.label, ...cells(row, format)]);
  for (const row of premiumComparison(a, b)) {
    const period = row.period_start === row.period_end ? String(row.period_start) : `${row.period_start}–${row.period_end}`;
    indicators.push([`Scaled premium ${period}`, percent(row.a), percent(row.b), points(row.delta)]);
  }
  const years = new Table({ head: ['year', ...YEAR_COLUMNS.map((column) => column.label)], colAligns: ['right', ...YEAR_COLUMNS.map(() => 'right' as const)], ...tableStyle(colour) });
  const chosen = new Set(defaultYears(b.projection.map((row) => row.year)));
  b.projection.forEach((rowB, index) => {
    if (!chosen.has(rowB.year)) return;
    const rowA = a.projection[index]!;
    years.push([String(rowB.year), ...YEAR_COLUMNS.map(({ column }) => money(format, difference(rowA[column], rowB[column]), true))]);
  });
  return `${lines.join('\n')}\n${indicators.toString()}\n${years.toString()}\n  Amounts in ${format.unit}, money of each year; every year and more columns in compare.csv.\n`;
}
