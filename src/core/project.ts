/**
 * The projection of a scheme under a scenario, methodology §4–§8 and §13: a model and a
 * scenario in, the tables `sipro project` writes out.
 */
import { scaledPremiums } from './financing/scaledPremium.js';
import { contributionIncome, Flow, FLOW_WIDTH, flowRow } from './flows.js';
import { discountFactors, genderPensionGap, indicators, ratio } from './indicators.js';
import { rowIndex } from './layout.js';
import { buildModel, type ProjectionModel } from './model.js';
import { initialState } from './population.js';
import { SEXES } from './rules.js';
import { type ProjectionWorkspace, projectionWorkspace, runYears } from './run.js';
import { deterministicScenario, type Scenario } from './scenario.js';
import { groupYearRow, projectionRow } from './rows.js';
import { subsidyRows } from './subsidy.js';
import { cumulativeIndex, timelineOf } from './timeline.js';
import type { GroupYear, ProjectionResult, ProjectionYear, SchemeData } from './types.js';
import { schemeEntrants } from './year/enter.js';
import { rollReserve } from './year/reserve.js';

/**
 * Projects a model over the years of a scenario (the horizon, for the
 * scheme's own projection). A workspace of the model (projectionWorkspace)
 * lets a batch of scenarios reuse one run's memory.
 * @example const model = buildModel(data); project(model, deterministicScenario(model)).indicators.gap
 */
export function project(model: ProjectionModel, scenario: Scenario, workspace?: ProjectionWorkspace): ProjectionResult {
  return assembleProjection(model, scenario, projectFlows(model, scenario, workspace));
}

/**
 * The flows of each year by (cell group, sex) row (flows.ts), before they are
 * summed into the tables. The arrays are views into the workspace's memory
 * when one is given.
 */
export function projectFlows(model: ProjectionModel, scenario: Scenario, workspace?: ProjectionWorkspace): Float64Array[] {
  const space = workspace ?? projectionWorkspace(model, scenario.years);
  const cellGroupNames = Array.from(model.groupOfCell, (group) => model.groups[group]!.name);
  initialState(model.population, cellGroupNames, model.layout, model.totalization, space.states[0]);
  return runYears(space, timelineOf(model, scenario), schemeEntrants(model, scenario));
}

/** The tables of a projection from the flows of every group of the scheme (the model's own cell groups). */
export function assembleProjection(model: ProjectionModel, scenario: Scenario, yearFlows: readonly Float64Array[]): ProjectionResult {
  const { scheme } = model;
  const groups = model.groups.map((group) => group.name);
  const byGroup: GroupYear[] = [];
  const projection: ProjectionYear[] = [];
  let reserve = scheme.reserve.initial;
  yearFlows.forEach((flows, yearIndex) => {
    const year = model.baseYear + yearIndex;
    const totals = new Float64Array(FLOW_WIDTH);
    groups.forEach((group, groupIndex) => SEXES.forEach((sex, sexIndex) => {
      const row = flowRow(rowIndex(groupIndex, sexIndex));
      for (let column = 0; column < totals.length; column += 1) totals[column]! += flows[row + column]!;
      byGroup.push(groupYearRow(year, group, sex, flows, row));
    }));
    const expenditure = totals[Flow.expenditure]!;
    const income = contributionIncome({
      contributions: totals[Flow.contributions]!, matching: totals[Flow.matching]!, care_credit_contributions: totals[Flow.care_credit_contributions]!,
    });
    const { reserveEnd, investmentIncome } = rollReserve(reserve, income, expenditure, scenario.investmentReturn[yearIndex]!);
    const pensioners = totals[Flow.old_age_pensioners]! + totals[Flow.disability_pensioners]! + totals[Flow.survivor_pensioners]!;
    projection.push(projectionRow(year, totals, {
      investment_income: investmentIncome,
      reserve_start: reserve,
      reserve_end: reserveEnd,
      density: ratio(totals[Flow.paidExposure]!, totals[Flow.activeExposure]!),
      payg_cost_rate: ratio(expenditure, totals[Flow.insured_earnings]!),
      reserve_ratio: ratio(reserveEnd, expenditure),
      support_ratio: ratio(totals[Flow.actives]!, pensioners),
    }));
    reserve = reserveEnd;
  });
  const { midYear } = discountFactors(scenario.discountRate.subarray(0, yearFlows.length));
  return {
    projection,
    byGroup,
    indicators: indicators(projection, scenario.discountRate, scheme.reserve.gap_final_reserve_ratio, genderPensionGap(byGroup, model.baseYear, cumulativeIndex(scenario.wageGrowth))),
    subsidy: subsidyRows(yearFlows, groups, midYear),
    scaledPremium: scaledPremiums(projection, scenario.investmentReturn, scheme.reserve.initial, scheme.financing.period_years),
  };
}

/**
 * The deterministic projection of a validated scheme, in one call: the
 * convenience for library users and tests that have no scenario of their own.
 * @example projectScheme((await loadScheme('fixtures/demo')).data!).indicators.gap
 */
export function projectScheme(data: SchemeData): ProjectionResult {
  const model = buildModel(data);
  return project(model, deterministicScenario(model));
}

/** projection.csv's column order (§7), which interleaves reserve columns with the flows. */
export const PROJECTION_COLUMNS = [
  'year', 'actives', 'inactives', 'emigrants', 'old_age_pensioners', 'disability_pensioners', 'survivor_pensioners', 'entrants',
  'deaths', 'contributions', 'matching', 'care_credit_contributions', 'investment_income', 'old_age_benefits', 'disability_benefits',
  'survivor_benefits', 'refunds', 'maternity_benefits', 'health_benefits', 'funeral_benefits', 'administration',
  'expenditure', 'reserve_start', 'reserve_end', 'insured_earnings', 'density', 'payg_cost_rate', 'reserve_ratio',
  'support_ratio',
] as const satisfies readonly (keyof ProjectionYear)[];
