/**
 * The money charts of a project report (methodology §6, §7, §13): the reserve
 * and the reserve ratio with the depletion and first-deficit years marked,
 * contribution income against expenditure by benefit, and the PAYG cost rate
 * against the GAP, the effective rate and the scaled premiums.
 */
import type { ChartFigure, MissingChart } from '../chartFigure.js';
import { contributionIncome, inBasis, type ProjectView } from '../projectView.js';
import { numbers } from '../outputTable.js';
import { CATEGORY_COLOURS, DASHES, PALETTE } from '../theme.js';
import { AMOUNT_FORMAT, layered, PERCENT_FORMAT, referenceLine, seriesLines, yearAxis, yearMarks, type Layer, type SeriesPoint } from './layers.js';

/** One colour a part of expenditure: the categorical order, administration in light grey. */
const EXPENDITURE_COLOURS = [...CATEGORY_COLOURS.slice(0, 7), PALETTE.lightGrey];

/** Expenditure by benefit (§5, §6), bottom of the stack first. */
const EXPENDITURE_PARTS: readonly (readonly [string, string])[] = [
  ['old_age_benefits', 'Old-age pensions'],
  ['disability_benefits', 'Disability pensions'],
  ['survivor_benefits', 'Survivors\' pensions'],
  ['refunds', 'Refunds'],
  ['maternity_benefits', 'Maternity'],
  ['health_benefits', 'Health'],
  ['funeral_benefits', 'Funeral grants'],
  ['administration', 'Administration'],
];

const pointsOf = (view: ProjectView, values: readonly (number | null)[], series: string, money: boolean): SeriesPoint[] =>
  view.years.flatMap((year, index) => {
    const value = values[index];
    if (value === null || value === undefined) return [];
    return [{ series, x: year, value: money ? inBasis(view.basis, value, year) : value }];
  });

const domainOf = (view: ProjectView): [number, number] => [view.years[0]!, view.years[view.years.length - 1]!];

function reserveChart(view: ProjectView): ChartFigure | MissingChart {
  const reserve = view.column('reserve_end');
  const title = `Reserve at the end of each year (${view.basis.unit})`;
  if (reserve === undefined) return { title, reason: 'projection.csv has no reserve_end column' };
  return {
    id: 'reserve',
    title,
    note: `projection.csv reserve_end. ${view.basis.explanation} A negative reserve is borrowing at the investment return (methodology §6).`,
    spec: layered([
      ...referenceLine(0, ''),
      seriesLines(pointsOf(view, reserve, 'Reserve', true), ['Reserve'], [PALETTE.blue], `Reserve (${view.basis.unit})`, AMOUNT_FORMAT),
      ...yearMarks(view.marks, domainOf(view)),
    ]),
  };
}

function reserveRatioChart(view: ProjectView): ChartFigure | MissingChart {
  const ratio = view.column('reserve_ratio');
  const title = 'Reserve ratio: reserve at year end in years of that year\'s expenditure (no money unit)';
  if (ratio === undefined) return { title, reason: 'projection.csv has no reserve_ratio column' };
  return {
    id: 'reserve-ratio',
    title,
    note: 'projection.csv reserve_ratio = reserve_end ÷ expenditure (methodology §7); a ratio, so the same in nominal and real terms. The dashed line marks one year of expenditure.',
    spec: layered([
      ...referenceLine(0, ''),
      ...referenceLine(1, '1 year of expenditure'),
      seriesLines(pointsOf(view, ratio, 'Reserve ratio', false), ['Reserve ratio'], [PALETTE.blue], 'Reserve ratio (years of expenditure)', '.1f'),
      ...yearMarks(view.marks, domainOf(view)),
    ]),
  };
}

function incomeExpenditureChart(view: ProjectView): ChartFigure | MissingChart {
  const title = `Contribution income against expenditure by benefit (${view.basis.unit})`;
  const income = contributionIncome(view);
  const parts = EXPENDITURE_PARTS.filter(([column]) => view.column(column) !== undefined);
  if (income === undefined || parts.length === 0) return { title, reason: 'projection.csv lacks the contribution or benefit columns' };
  const areas: SeriesPoint[] = parts.flatMap(([column, label], order) => pointsOf(view, view.column(column)!, label, true).map((point) => ({ ...point, order })));
  const investment = view.column('investment_income');
  const lineNames = ['Contribution income', ...(investment === undefined ? [] : ['Contribution and investment income'])];
  const lines = [
    ...pointsOf(view, income, lineNames[0]!, true),
    ...(investment === undefined ? [] : pointsOf(view, income.map((value, index) => (value === null || investment[index] === null ? null : value + investment[index]!)), lineNames[1]!, true)),
  ];
  const areaNames = parts.map(([, label]) => label);
  const names = [...areaNames, ...lineNames];
  const colours = [...parts.map((part) => EXPENDITURE_COLOURS[EXPENDITURE_PARTS.indexOf(part)]!), PALETTE.black, '#4d4d4d'];
  const colour = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: names, range: colours.slice(0, names.length) }, sort: names };
  const layers: Layer[] = [
    {
      data: { values: areas.map((point) => ({ ...point })) },
      mark: { type: 'area', opacity: 0.85, line: false },
      encoding: {
        x: yearAxis(domainOf(view)),
        y: { field: 'value', type: 'quantitative', stack: 'zero', title: `Amount (${view.basis.unit})`, axis: { format: AMOUNT_FORMAT } },
        color: colour,
        order: { field: 'order', type: 'quantitative' },
      },
    },
    ...lineNames.map((name, index): Layer => ({
      data: { values: lines.filter((point) => point.series === name).map((point) => ({ ...point })) },
      mark: { type: 'line', strokeWidth: 2.5, strokeDash: index === 0 ? [1, 0] : [6, 3] },
      encoding: { x: yearAxis(domainOf(view)), y: { field: 'value', type: 'quantitative' }, color: colour },
    })),
    ...yearMarks(view.marks, domainOf(view)),
  ];
  return {
    id: 'income-expenditure',
    title,
    note: `Stacked areas: expenditure by benefit and administration (projection.csv). Black line: contribution income (contributions + matching${view.column('care_credit_contributions') === undefined ? '' : ' + care-credit contributions'}, methodology §6)${investment === undefined ? '' : '; grey dashed line: with investment income added (negative once the reserve is borrowed)'}. ${view.basis.explanation}`,
    spec: layered(layers, { height: 300 }),
  };
}

interface Series {
  name: string;
  colour: string;
  dash: number[];
  points: SeriesPoint[];
  interpolate?: 'step-after';
}

function ratesChart(view: ProjectView): ChartFigure | MissingChart {
  const steps = scaledPremiumSteps(view);
  const title = `PAYG cost rate against the GAP${steps.length > 0 ? ', the effective contribution rate and the scaled premiums' : ' and the effective contribution rate'} (% of insured earnings)`;
  const payg = view.column('payg_cost_rate');
  if (payg === undefined) return { title, reason: 'projection.csv has no payg_cost_rate column' };
  const [first, last] = domainOf(view);
  const series: Series[] = [{ name: 'PAYG cost rate', colour: PALETTE.blue, dash: DASHES[0]!, points: pointsOf(view, payg, 'PAYG cost rate', false) }];
  const income = contributionIncome(view);
  const earnings = view.column('insured_earnings');
  if (income !== undefined && earnings !== undefined) {
    const name = 'Contribution income ÷ insured earnings';
    series.push({ name, colour: PALETTE.grey, dash: DASHES[2]!, points: pointsOf(view, income.map((value, index) => (value === null || !earnings[index] ? null : value / earnings[index]!)), name, false) });
  }
  const level = (value: number | null | undefined, name: string, colour: string, dash: number[]) => {
    if (typeof value === 'number') series.push({ name, colour, dash, points: [{ series: name, x: first, value }, { series: name, x: last, value }] });
  };
  level(view.summary.gap, 'GAP (level rate to the horizon)', PALETTE.black, DASHES[1]!);
  level(view.summary.effective_rate, 'Effective contribution rate', PALETTE.green, DASHES[3]!);
  if (steps.length > 0) series.push({ name: 'Scaled premium', colour: PALETTE.purple, dash: DASHES[0]!, points: steps, interpolate: 'step-after' });
  const names = series.map((item) => item.name);
  const colours = series.map((item) => item.colour);
  const dashes = series.map((item) => item.dash);
  const yTitle = 'Rate (% of insured earnings)';
  const plain = series.filter((item) => item.interpolate === undefined).flatMap((item) => item.points);
  const stepped = series.filter((item) => item.interpolate !== undefined).flatMap((item) => item.points);
  const layers: Layer[] = [
    seriesLines(plain, names, colours, yTitle, PERCENT_FORMAT, dashes),
    ...(stepped.length === 0 ? [] : [seriesLines(stepped, names, colours, yTitle, PERCENT_FORMAT, dashes, 'step-after')]),
    ...yearMarks(view.marks, domainOf(view)),
  ];
  return {
    id: 'rates',
    title,
    note: 'PAYG cost rate = expenditure ÷ insured earnings, year by year (methodology §7). GAP: the level rate on insured earnings that pays every benefit and expense to the horizon and leaves the target final reserve, after the initial reserve; effective rate: PV of contribution income ÷ PV of insured earnings (summary.json).'
      + (steps.length > 0 ? ' Scaled premium: the level rate of each period that balances the period\'s last year (scaled_premium.csv, methodology §13).' : ''),
    spec: layered(layers, { height: 300 }),
  };
}

/** scaled_premium.csv as steps: each period's premium from its first year to the year after its last (§13). */
function scaledPremiumSteps(view: ProjectView): SeriesPoint[] {
  const table = view.scaledPremium;
  if (table === undefined) return [];
  const starts = numbers(table, 'period_start');
  const ends = numbers(table, 'period_end');
  const premiums = numbers(table, 'premium');
  if (starts === undefined || ends === undefined || premiums === undefined) return [];
  const steps: SeriesPoint[] = [];
  for (let row = 0; row < starts.length; row += 1) {
    const [start, end, premium] = [starts[row], ends[row], premiums[row]];
    if (start === null || start === undefined || end === null || end === undefined || premium === null || premium === undefined) break;
    steps.push({ series: 'Scaled premium', x: start, value: premium });
    const next = starts[row + 1];
    const nextPremium = premiums[row + 1];
    if (next === undefined || next === null || nextPremium === null || nextPremium === undefined) steps.push({ series: 'Scaled premium', x: end, value: premium });
  }
  return steps;
}

export function financeCharts(view: ProjectView): (ChartFigure | MissingChart)[] {
  return [reserveRatioChart(view), ratesChart(view), incomeExpenditureChart(view), reserveChart(view)];
}
