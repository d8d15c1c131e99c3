/**
 * The tables of a project report. Money in tables is nominal (money of each
 * year, as in the CSV files), as valuation reports print it; the price index
 * Ip_t stands beside it so a reader can deflate any figure.
 */
import { amount, grouped, NONE, percent } from '../format.js';
import { html, type RawHtml } from '../html/escape.js';
import { htmlTable, type TableColumn } from '../html/tables.js';
import { priceIndexOf, tableScale } from '../moneyBasis.js';
import { numbers, texts } from '../outputTable.js';
import { contributionIncome, type ProjectView } from '../projectView.js';

interface ColumnSpec {
  label: string;
  values: (number | null)[] | undefined;
  format: (value: number | null) => string;
}

/** The nominal unit for a set of amounts: `XOF million` and its divisor. */
function nominalUnit(view: ProjectView, amounts: readonly ((number | null)[] | undefined)[]): { scale: number; unit: string } {
  const largest = Math.max(0, ...amounts.flatMap((values) => (values ?? []).map((value) => Math.abs(value ?? 0))));
  const [scale, word] = tableScale(largest);
  return { scale, unit: word === '' ? view.basis.currency : `${view.basis.currency} ${word}` };
}

function yearTable(view: ProjectView, years: readonly number[], columns: ColumnSpec[], caption: string, className?: string): RawHtml {
  const present = columns.filter((column) => column.values !== undefined);
  const rows = years.map((year) => {
    const index = view.years.indexOf(year);
    return [String(year), ...present.map((column) => column.format(column.values![index] ?? null))];
  });
  const head: TableColumn[] = [{ label: 'Year' }, ...present.map((column) => ({ label: column.label, numeric: true }))];
  return htmlTable(head, rows, { caption, rowHeaders: true, ...(className === undefined ? {} : { className }) });
}

const heads = (value: number | null) => (value === null ? NONE : grouped(value, 0));
const ratio = (decimals: number) => (value: number | null) => (value === null ? NONE : grouped(value, decimals));

export function memberTable(view: ProjectView, years: readonly number[]): RawHtml {
  const c = view.column;
  return yearTable(view, years, [
    { label: 'Actives', values: c('actives'), format: heads },
    { label: 'Inactives', values: c('inactives'), format: heads },
    { label: 'Emigrated', values: c('emigrants'), format: heads },
    { label: 'Old-age pensioners', values: c('old_age_pensioners'), format: heads },
    { label: 'Disability pensioners', values: c('disability_pensioners'), format: heads },
    { label: 'Survivor pensioners', values: c('survivor_pensioners'), format: heads },
    { label: 'Entrants', values: c('entrants'), format: heads },
    { label: 'Deaths', values: c('deaths'), format: heads },
    { label: 'Actives per pensioner', values: c('support_ratio'), format: ratio(1) },
    { label: 'Density d (share of months paid by actives)', values: c('density'), format: (value) => percent(value, 1) },
  ], 'Members in selected years (heads at the start of the year; entrants and deaths during it)', 'wide');
}

function priceIndexColumn(view: ProjectView): (number | null)[] | undefined {
  const index = priceIndexOf(view.scheme);
  if (index === undefined) return undefined;
  return view.years.map((year) => index.index[year - index.baseYear] ?? null);
}

export function financeTable(view: ProjectView, years: readonly number[]): RawHtml {
  const c = view.column;
  const income = contributionIncome(view);
  const { scale, unit } = nominalUnit(view, [c('expenditure'), c('reserve_end'), income]);
  const money = (value: number | null) => amount(value, scale);
  return yearTable(view, years, [
    { label: 'Contribution income', values: income, format: money },
    { label: 'Investment income', values: c('investment_income'), format: money },
    { label: 'Benefits and administration', values: c('expenditure'), format: money },
    { label: 'Reserve at year end', values: c('reserve_end'), format: money },
    { label: 'PAYG cost rate', values: c('payg_cost_rate'), format: (value) => percent(value) },
    { label: 'Reserve ratio (years)', values: c('reserve_ratio'), format: ratio(1) },
    { label: 'Price index Ip_t', values: priceIndexColumn(view), format: ratio(3) },
  ], `Income, expenditure and reserve in selected years (${unit}, money of each year)`, 'wide');
}

export function annualTable(view: ProjectView): RawHtml {
  const c = view.column;
  const income = contributionIncome(view);
  const { scale, unit } = nominalUnit(view, [c('expenditure'), c('reserve_end'), income]);
  const money = (value: number | null) => amount(value, scale);
  const pensioners = ['old_age_pensioners', 'disability_pensioners', 'survivor_pensioners'].map((name) => c(name)).filter((values) => values !== undefined);
  const pensionerTotal = pensioners.length === 0 ? undefined : view.years.map((_, index) => pensioners.reduce((sum, values) => sum + (values[index] ?? 0), 0));
  return yearTable(view, view.years, [
    { label: 'Actives', values: c('actives'), format: heads },
    { label: 'Pensioners', values: pensionerTotal, format: heads },
    { label: 'Insured earnings', values: c('insured_earnings'), format: money },
    { label: 'Contribution income', values: income, format: money },
    { label: 'Investment income', values: c('investment_income'), format: money },
    { label: 'Expenditure', values: c('expenditure'), format: money },
    { label: 'Reserve at year end', values: c('reserve_end'), format: money },
    { label: 'PAYG cost rate', values: c('payg_cost_rate'), format: (value) => percent(value) },
    { label: 'Reserve ratio', values: c('reserve_ratio'), format: ratio(1) },
    { label: 'Price index Ip_t', values: priceIndexColumn(view), format: ratio(3) },
  ], `Every year of the projection (${unit}, money of each year; heads at the start of the year). The workbook (--xlsx) and projection.csv hold every column unrounded.`, 'wide');
}

export function scaledPremiumTable(view: ProjectView): RawHtml | undefined {
  const table = view.scaledPremium;
  if (table === undefined) return undefined;
  const starts = numbers(table, 'period_start')!;
  const ends = numbers(table, 'period_end')!;
  const premiums = numbers(table, 'premium');
  const reserveStart = numbers(table, 'reserve_start');
  const reserveEnd = numbers(table, 'reserve_end');
  const { scale, unit } = nominalUnit(view, [reserveStart, reserveEnd]);
  const rows = starts.map((start, index) => [
    `${start}–${ends[index]}`,
    percent(premiums?.[index] ?? null),
    amount(reserveStart?.[index] ?? null, scale),
    amount(reserveEnd?.[index] ?? null, scale),
  ]);
  return htmlTable(
    [{ label: 'Period' }, { label: 'Scaled premium (% of insured earnings)', numeric: true }, { label: `Reserve at the start (${unit})`, numeric: true }, { label: `Reserve at the end (${unit})`, numeric: true }],
    rows,
    { caption: 'Scaled premiums: the level rate of each period that balances its last year (methodology §13; reserves in money of their year)', rowHeaders: true },
  );
}

const SUBSIDY_COLUMNS: readonly (readonly [string, string])[] = [
  ['pv_contributions', 'Own contributions'],
  ['pv_matching', 'Matching'],
  ['pv_care_credit_contributions', 'Care-credit contributions'],
  ['pv_benefits', 'Benefits'],
  ['pv_administration', 'Administration'],
  ['net_transfer', 'Net transfer'],
];

export function subsidyTable(view: ProjectView): RawHtml[] {
  const table = view.subsidy;
  if (table === undefined) return [];
  const groups = texts(table, 'group')!;
  const sexes = texts(table, 'sex')!;
  const present = SUBSIDY_COLUMNS.filter(([column]) => table.columns.includes(column));
  const values = present.map(([column]) => numbers(table, column)!);
  const { scale, unit } = nominalUnit(view, values);
  const worth = numbers(table, 'money_worth');
  const rows: string[][] = groups.map((group, row) => [
    group, sexes[row]!, ...values.map((column) => amount(column[row] ?? null, scale)), worth === undefined ? NONE : ratio(2)(worth[row] ?? null),
  ]);
  const totals = values.map((column) => column.reduce<number>((sum, value) => sum + (value ?? 0), 0));
  const benefits = totals[present.findIndex(([column]) => column === 'pv_benefits')];
  const contributions = totals[present.findIndex(([column]) => column === 'pv_contributions')];
  rows.push(['All groups', '', ...totals.map((total) => amount(total, scale)), benefits !== undefined && contributions ? ratio(2)(benefits / contributions) : NONE]);
  const baseYear = view.years[0];
  return [
    htmlTable(
      [{ label: 'Group' }, { label: 'Sex' }, ...present.map(([, label]) => ({ label, numeric: true })), { label: 'Money\'s worth', numeric: true }],
      rows,
      { caption: `Present values at ${baseYear} over the projection, by group and sex (${unit}; subsidy.csv, methodology §8)`, className: 'wide' },
    ),
    html`<p>Net transfer = benefits + administration &minus; own contributions &minus; matching${present.some(([column]) => column === 'pv_care_credit_contributions') ? ' − care-credit contributions' : ''}. Money's worth = benefits &divide; own contributions. The last row sums the groups; it equals the scheme's totals.</p>`,
  ];
}
