/**
 * The people charts of a project report: members by state (methodology §1, §7),
 * contribution density by group, and who pays for whom (§8): the net
 * transfer by group and sex, and the money's worth of one entrant by entry age.
 */
import type { ChartFigure, MissingChart } from '../chartFigure.js';
import { numbers, texts, type OutputTable } from '../outputTable.js';
import type { ProjectView } from '../projectView.js';
import { grouped } from '../format.js';
import { unitScale } from '../moneyBasis.js';
import { CATEGORY_COLOURS, CHART_WIDTH, DASHES, PALETTE } from '../theme.js';
import { AMOUNT_FORMAT, layered, PERCENT_FORMAT, referenceLine, seriesLines, yearAxis, type Layer, type SeriesPoint } from './layers.js';

const STATES: readonly (readonly [string, string])[] = [
  ['actives', 'Actives (contributing)'],
  ['inactives', 'Inactives (enrolled, not paying)'],
  ['emigrants', 'Emigrated (rights kept)'],
  ['old_age_pensioners', 'Old-age pensioners'],
  ['disability_pensioners', 'Disability pensioners'],
  ['survivor_pensioners', 'Survivor pensioners'],
];

function membersChart(view: ProjectView): ChartFigure | MissingChart {
  const title = 'Members by state at the start of each year (heads)';
  const states = STATES.filter(([column]) => view.column(column) !== undefined);
  if (states.length === 0) return { title, reason: 'projection.csv has none of the head-count columns' };
  const points = states.flatMap(([column, label], order) => view.years.flatMap((year, index) => {
    const value = view.column(column)![index];
    return value === null || value === undefined ? [] : [{ series: label, x: year, value, order }];
  }));
  const names = states.map(([, label]) => label);
  return {
    id: 'members',
    title,
    note: `Stacked: ${states.map(([column]) => column).join(', ')} of projection.csv, counted after the year's retirements and entries (methodology §7).`,
    spec: layered([{
      data: { values: points },
      mark: { type: 'area', opacity: 0.9 },
      encoding: {
        x: yearAxis([view.years[0]!, view.years[view.years.length - 1]!]),
        y: { field: 'value', type: 'quantitative', stack: 'zero', title: 'Members (heads)', axis: { format: ',.0f' } },
        color: { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: CATEGORY_COLOURS.slice(0, names.length) }, sort: names },
        order: { field: 'order', type: 'quantitative' },
      },
    }]),
  };
}

/** Sums of a by_group.csv column by year and group (both sexes). */
function byYearAndGroup(table: OutputTable, column: string): Map<string, Map<number, number>> | undefined {
  const values = numbers(table, column);
  const years = numbers(table, 'year');
  const groups = texts(table, 'group');
  if (values === undefined || years === undefined || groups === undefined) return undefined;
  const sums = new Map<string, Map<number, number>>();
  values.forEach((value, row) => {
    const group = groups[row]!;
    const year = years[row]!;
    const byYear = sums.get(group) ?? new Map<number, number>();
    byYear.set(year, (byYear.get(year) ?? 0) + (value ?? 0));
    sums.set(group, byYear);
  });
  return sums;
}

function densityChart(view: ProjectView): ChartFigure | MissingChart {
  const title = 'Contribution density by group: share of enrolled members who contribute in the year (%)';
  const table = view.byGroup;
  const actives = table && byYearAndGroup(table, 'actives');
  const inactives = table && byYearAndGroup(table, 'inactives');
  if (actives === undefined || inactives === undefined) return { title, reason: 'by_group.csv is absent or lacks actives and inactives' };
  const points: SeriesPoint[] = [];
  for (const [group, byYear] of actives) {
    for (const [year, active] of byYear) {
      const enrolled = active + (inactives.get(group)?.get(year) ?? 0);
      if (enrolled > 0) points.push({ series: group, x: year, value: active / enrolled });
    }
  }
  const schemeActives = view.column('actives');
  const schemeInactives = view.column('inactives');
  const groups = [...actives.keys()];
  const names = [...groups, 'All groups'];
  if (schemeActives !== undefined && schemeInactives !== undefined) {
    view.years.forEach((year, index) => {
      const enrolled = (schemeActives[index] ?? 0) + (schemeInactives[index] ?? 0);
      if (enrolled > 0) points.push({ series: 'All groups', x: year, value: (schemeActives[index] ?? 0) / enrolled });
    });
  }
  const colours = [...CATEGORY_COLOURS.slice(0, groups.length), PALETTE.black];
  const dashes = [...groups.map((_, index) => DASHES[(index + 1) % DASHES.length]!), DASHES[0]!];
  return {
    id: 'density',
    title,
    note: 'Actives ÷ (actives + inactives), both sexes, from by_group.csv; black: the whole scheme from projection.csv. by_group.csv does not hold the within-year density d (the share of months an active member pays, methodology §3), so this chart shows the share of members paying at all; d for the whole scheme is in the table of selected years.',
    spec: layered([seriesLines(points, names, colours, 'Share of members contributing', PERCENT_FORMAT, dashes)]),
  };
}

function netTransferChart(view: ProjectView): ChartFigure | MissingChart {
  const table = view.subsidy;
  const transfers = table && numbers(table, 'net_transfer');
  const [scale, word] = unitScale(Math.max(0, ...(transfers ?? []).map((value) => Math.abs(value ?? 0))));
  const currencyUnit = word === '' ? view.basis.currency : `${view.basis.currency} ${word}`;
  const baseYear = view.years[0];
  const title = `Who pays for whom: net transfer to each group and sex (${currencyUnit}, present value at ${baseYear})`;
  const groups = table && texts(table, 'group');
  const sexes = table && texts(table, 'sex');
  if (transfers === undefined || groups === undefined || sexes === undefined) return { title, reason: 'subsidy.csv is absent or lacks net_transfer' };
  const rows = transfers.map((value, index) => ({
    label: `${groups[index]} · ${sexes[index]}`,
    value: (value ?? 0) / scale,
    side: (value ?? 0) >= 0 ? 'Draws more than it pays in' : 'Pays in more than it draws',
    text: grouped((value ?? 0) / scale, 0),
  }));
  const order = rows.map((row) => row.label);
  const label = (positive: boolean): Layer => ({
    data: { values: rows.filter((row) => (row.value >= 0) === positive) },
    mark: { type: 'text', align: positive ? 'left' : 'right', dx: positive ? 4 : -4, baseline: 'middle', fontSize: 10, color: '#333' },
    encoding: { y: { field: 'label', type: 'nominal', sort: order }, x: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
  });
  return {
    id: 'net-transfer',
    title,
    note: 'subsidy.csv net_transfer = PV of benefits + administration − own contributions − matching − care-credit contributions, discounted to the base year (methodology §8). Positive: the group and sex receive more than they and the matching pay in, financed by others or by the reserve.',
    spec: layered([
      {
        data: { values: rows },
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: order, title: null },
          x: { field: 'value', type: 'quantitative', title: `Net transfer (${currencyUnit}, present value at ${baseYear})`, axis: { format: AMOUNT_FORMAT } },
          color: { field: 'side', type: 'nominal', title: null, scale: { domain: ['Draws more than it pays in', 'Pays in more than it draws'], range: [PALETTE.vermillion, PALETTE.blue] } },
        },
      },
      { data: { values: [{ value: 0 }] }, mark: { type: 'rule', color: '#555' }, encoding: { x: { field: 'value', type: 'quantitative' } } },
      label(true),
      label(false),
    ], { height: Math.max(120, rows.length * 26), width: CHART_WIDTH - 140 }),
  };
}

function moneysWorthChart(view: ProjectView): ChartFigure | MissingChart {
  const title = 'Money\'s worth of one new entrant by entry age: PV of benefits ÷ PV of own contributions (ratio)';
  const table = view.entrants;
  const worth = table && numbers(table, 'money_worth');
  const ages = table && numbers(table, 'entry_age');
  const groups = table && texts(table, 'group');
  const sexes = table && texts(table, 'sex');
  if (worth === undefined || ages === undefined || groups === undefined || sexes === undefined) {
    return { title, reason: 'entrants.csv is absent (project --no-entrants) or lacks money_worth' };
  }
  const rows = worth.flatMap((value, index) => (value === null ? [] : [{ x: ages[index]!, value, group: groups[index]!, sex: sexes[index] === 'F' ? 'Women' : sexes[index] === 'M' ? 'Men' : sexes[index]! }]));
  const groupNames = [...new Set(groups)];
  return {
    id: 'moneys-worth',
    title,
    note: 'entrants.csv money_worth: one entrant of each group, sex and entry age followed for life, present values at the base year (methodology §8). Above 1, the entrant gets back more than own contributions (matching and others pay the difference).',
    spec: layered([
      ...referenceLine(1, 'Pays back own contributions'),
      {
        data: { values: rows },
        mark: { type: 'line', point: { filled: true, size: 30 } },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: 'Entry age (years)', scale: { zero: false } },
          y: { field: 'value', type: 'quantitative', title: 'Money\'s worth (ratio)', axis: { format: '.2f' } },
          color: { field: 'group', type: 'nominal', title: 'Group', scale: { domain: groupNames, range: CATEGORY_COLOURS.slice(0, groupNames.length) } },
          strokeDash: { field: 'sex', type: 'nominal', title: 'Sex', scale: { domain: ['Women', 'Men'], range: [[1, 0], [6, 3]] }, legend: { symbolType: 'stroke', symbolStrokeColor: '#333' } },
          detail: { field: 'sex', type: 'nominal' },
        },
      },
    ]),
  };
}

export function memberCharts(view: ProjectView): (ChartFigure | MissingChart)[] {
  return [membersChart(view), densityChart(view)];
}

export function subsidyCharts(view: ProjectView): (ChartFigure | MissingChart)[] {
  return [netTransferChart(view), moneysWorthChart(view)];
}
