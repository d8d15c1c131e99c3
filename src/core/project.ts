/**
 * The deterministic projection of a scheme, MODEL.md §4–§8: plain data in,
 * the tables `sipro project` writes out.
 */
import { initialState } from './cells.js';
import { Flow, FLOW_COLUMNS, flowRow } from './flows.js';
import { discountFactors, indicators, ratio } from './indicators.js';
import { buildModel } from './model.js';
import { SEXES } from './rules.js';
import { runYears, schemeEntrants } from './run.js';
import { subsidyRows } from './subsidy.js';
import type { FlowColumns, GroupYear, ProjectionResult, ProjectionYear, SchemeData } from './types.js';

/**
 * Projects a validated scheme over its horizon.
 * @example project((await loadScheme('fixtures/demo')).data!).indicators.gap
 */
export function project(data: SchemeData): ProjectionResult {
  const { scheme } = data;
  const model = buildModel(data, scheme.projection.horizon);
  const groups = model.groups.map((group) => group.name);
  const yearFlows = runYears(model, initialState(data.population, groups, model.layout), schemeEntrants(model));
  const byGroup: GroupYear[] = [];
  const projection: ProjectionYear[] = [];
  let reserve = scheme.reserve.initial;
  yearFlows.forEach((flows, yearIndex) => {
    const year = model.timeline.baseYear + yearIndex;
    const totals = new Float64Array(FLOW_COLUMNS.length + 2);
    groups.forEach((group, groupIndex) => SEXES.forEach((sex, sexIndex) => {
      const row = flowRow(groupIndex, sexIndex);
      for (let column = 0; column < totals.length; column += 1) totals[column]! += flows[row + column]!;
      byGroup.push({ year, group, sex, ...flowColumns(flows, row) });
    }));
    const columns = flowColumns(totals, 0);
    const investmentReturn = model.timeline.investmentReturn[yearIndex]!;
    const netCashFlow = columns.contributions + columns.matching - columns.expenditure;
    const reserveEnd = reserve * (1 + investmentReturn) + netCashFlow * Math.sqrt(1 + investmentReturn); // §6
    const pensioners = columns.old_age_pensioners + columns.disability_pensioners + columns.survivor_pensioners;
    projection.push({
      year,
      ...columns,
      investment_income: reserveEnd - reserve - netCashFlow,
      reserve_start: reserve,
      reserve_end: reserveEnd,
      density: ratio(totals[Flow.paidExposure]!, totals[Flow.activeExposure]!),
      payg_cost_rate: ratio(columns.expenditure, columns.insured_earnings),
      reserve_ratio: ratio(reserveEnd, columns.expenditure),
      support_ratio: ratio(columns.actives, pensioners),
    });
    reserve = reserveEnd;
  });
  const { midYear } = discountFactors(model.timeline.discountRate);
  return {
    projection: projection.map(orderProjectionColumns),
    byGroup,
    indicators: indicators(projection, model.timeline, scheme.reserve.gap_final_reserve_ratio),
    subsidy: subsidyRows(yearFlows, groups, midYear),
  };
}

function flowColumns(flows: Float64Array, row: number): FlowColumns {
  const columns = {} as FlowColumns;
  FLOW_COLUMNS.forEach((name, index) => { columns[name] = flows[row + index]!; });
  return columns;
}

/** projection.csv's column order (§7), which interleaves reserve columns with the flows. */
export const PROJECTION_COLUMNS = [
  'year', 'actives', 'inactives', 'old_age_pensioners', 'disability_pensioners', 'survivor_pensioners', 'entrants',
  'deaths', 'contributions', 'matching', 'investment_income', 'old_age_benefits', 'disability_benefits',
  'survivor_benefits', 'refunds', 'maternity_benefits', 'health_benefits', 'funeral_benefits', 'administration',
  'expenditure', 'reserve_start', 'reserve_end', 'insured_earnings', 'density', 'payg_cost_rate', 'reserve_ratio',
  'support_ratio',
] as const satisfies readonly (keyof ProjectionYear)[];

function orderProjectionColumns(row: ProjectionYear): ProjectionYear {
  return Object.fromEntries(PROJECTION_COLUMNS.map((name) => [name, row[name]])) as unknown as ProjectionYear;
}

/**
 * The deterministic projection of a validated scheme, in one call: the
 * convenience for library users and tests that have no scenario of their own.
 */
export const projectScheme = (data: SchemeData): ProjectionResult => project(data);
