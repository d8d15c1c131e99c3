/**
 * What `sipro simulate` keeps of one scenario's projection (methodology §10):
 * the indicators of scenarios.csv and, for each year, the variables of
 * percentiles.csv. They are the very numbers `project` would give for the
 * scenario (same flows, same sums in the same order, the §6 roll and the
 * §7 present values of indicators.ts), without building the rows of
 * projection.csv, by_group.csv and subsidy.csv that simulate does not write.
 *
 * An outcome is one row of numbers (null as NaN), so that a batch of
 * scenarios is one Float64Array that workers fill and shards carry whole.
 */
import { Flow, FLOW_WIDTH } from '../flows.js';
import { discountFactors } from '../indicators.js';
import type { ProjectionModel } from '../model.js';
import { initialState } from '../population.js';
import { type ProjectionWorkspace, projectionWorkspace, runYears } from '../run.js';
import type { Scenario } from '../scenario.js';
import { timelineOf } from '../timeline.js';
import { schemeEntrants } from '../year/enter.js';
import { rollReserve } from '../year/reserve.js';

/** scenarios.csv's indicators, in its column order (after `scenario`). */
export const SCENARIO_INDICATORS = [
  'gap', 'effective_rate', 'actuarial_balance', 'depletion_year', 'first_deficit_year', 'final_reserve', 'final_reserve_ratio',
  'min_reserve_ratio',
] as const;
export type ScenarioIndicator = (typeof SCENARIO_INDICATORS)[number];

/** percentiles.csv's variables, in its row order within a year. */
export const YEARLY_VARIABLES = [
  'actives', 'density', 'contributions', 'matching', 'expenditure', 'reserve_end', 'reserve_ratio', 'payg_cost_rate',
  'investment_return', 'wage_growth',
] as const;
export type YearlyVariable = (typeof YEARLY_VARIABLES)[number];

const indicatorAt = Object.fromEntries(SCENARIO_INDICATORS.map((name, index) => [name, index])) as Record<ScenarioIndicator, number>;
const variableAt = Object.fromEntries(YEARLY_VARIABLES.map((name, index) => [name, index])) as Record<YearlyVariable, number>;

/** Where each number lives in an outcome row of a projection of `years` years. */
export interface OutcomeLayout {
  years: number;
  /** Numbers per outcome: the indicators, then the variables year by year. */
  width: number;
}

export const outcomeLayout = (years: number): OutcomeLayout => ({ years, width: SCENARIO_INDICATORS.length + YEARLY_VARIABLES.length * years });

/** Offset of an indicator in an outcome row. */
export const indicatorOffset = (name: ScenarioIndicator): number => indicatorAt[name];

/** Offset of a variable of year index `yearIndex` in an outcome row. */
export const variableOffset = (yearIndex: number, name: YearlyVariable): number =>
  SCENARIO_INDICATORS.length + yearIndex * YEARLY_VARIABLES.length + variableAt[name];

/** `x / y`, NaN (null) when the divisor is 0 (§7). */
const ratioOrNaN = (dividend: number, divisor: number) => (divisor === 0 ? Number.NaN : dividend / divisor);

/**
 * Projects `scenario` and writes its outcome into `out` (an outcome row of
 * `outcomeLayout(scenario.years).width` numbers).
 * @param workspace a run's memory to reuse (run.ts), or undefined for fresh
 */
export function projectOutcome(model: ProjectionModel, scenario: Scenario, out: Float64Array, workspace?: ProjectionWorkspace): void {
  const timeline = timelineOf(model, scenario);
  const space = workspace ?? projectionWorkspace(model, scenario.years);
  initialState(model.population, model.groups.map((group) => group.name), model.layout, model.totalization, space.states[0]);
  const flows = runYears(space, timeline, schemeEntrants(model, scenario));
  outcomeOfFlows(model, scenario, flows, out);
}

/** The outcome of a run's flows (see projectOutcome), with project()'s arithmetic. */
export function outcomeOfFlows(model: ProjectionModel, scenario: Scenario, flows: readonly Float64Array[], out: Float64Array): void {
  const years = flows.length;
  const rows = model.layout.groups * 2;
  const { midYear, end } = discountFactors(scenario.discountRate.subarray(0, years));
  const reserveStart = model.scheme.reserve.initial;
  let reserve = reserveStart;
  let pvExpenditure = 0;
  let pvInsuredEarnings = 0;
  let pvIncome = 0;
  let depletionYear = Number.NaN;
  let firstDeficitYear = Number.NaN;
  let minReserveRatio = Number.NaN;
  let expenditure = 0;
  let reserveRatio = Number.NaN;
  for (let yearIndex = 0; yearIndex < years; yearIndex += 1) {
    const yearFlows = flows[yearIndex]!;
    // Scheme totals added over (group, sex) rows in order, as project() adds them.
    let actives = 0, contributions = 0, matching = 0, careCredits = 0, insuredEarnings = 0, activeExposure = 0, paidExposure = 0;
    expenditure = 0;
    for (let row = 0; row < rows; row += 1) {
      const at = row * FLOW_WIDTH;
      actives += yearFlows[at + Flow.actives]!;
      contributions += yearFlows[at + Flow.contributions]!;
      matching += yearFlows[at + Flow.matching]!;
      careCredits += yearFlows[at + Flow.care_credit_contributions]!;
      expenditure += yearFlows[at + Flow.expenditure]!;
      insuredEarnings += yearFlows[at + Flow.insured_earnings]!;
      activeExposure += yearFlows[at + Flow.activeExposure]!;
      paidExposure += yearFlows[at + Flow.paidExposure]!;
    }
    // K (§6): the state's care-credit contributions (§12) included, as contributionIncome adds them.
    const income = contributions + matching + careCredits;
    const { reserveEnd } = rollReserve(reserve, income, expenditure, scenario.investmentReturn[yearIndex]!);
    reserve = reserveEnd;
    reserveRatio = ratioOrNaN(reserveEnd, expenditure);
    const year = model.baseYear + yearIndex;
    if (reserveEnd < 0 && depletionYear !== depletionYear) depletionYear = year;
    if (income < expenditure && firstDeficitYear !== firstDeficitYear) firstDeficitYear = year;
    if (reserveRatio === reserveRatio && !(reserveRatio >= minReserveRatio)) minReserveRatio = reserveRatio;
    // §7: PV(X) = Σ X_t D_t h_t, summed year by year as indicators.ts sums.
    pvExpenditure += expenditure * midYear[yearIndex]!;
    pvInsuredEarnings += insuredEarnings * midYear[yearIndex]!;
    pvIncome += income * midYear[yearIndex]!;
    out[variableOffset(yearIndex, 'actives')] = actives;
    out[variableOffset(yearIndex, 'density')] = ratioOrNaN(paidExposure, activeExposure);
    out[variableOffset(yearIndex, 'contributions')] = contributions;
    out[variableOffset(yearIndex, 'matching')] = matching;
    out[variableOffset(yearIndex, 'expenditure')] = expenditure;
    out[variableOffset(yearIndex, 'reserve_end')] = reserveEnd;
    out[variableOffset(yearIndex, 'reserve_ratio')] = reserveRatio;
    out[variableOffset(yearIndex, 'payg_cost_rate')] = ratioOrNaN(expenditure, insuredEarnings);
    out[variableOffset(yearIndex, 'investment_return')] = scenario.investmentReturn[yearIndex]!;
    out[variableOffset(yearIndex, 'wage_growth')] = scenario.wageGrowth[yearIndex]!;
  }
  const targetFinalReserve = model.scheme.reserve.gap_final_reserve_ratio * (years === 0 ? 0 : expenditure);
  const gap = ratioOrNaN(pvExpenditure - reserveStart + end * targetFinalReserve, pvInsuredEarnings);
  const effectiveRate = ratioOrNaN(pvIncome, pvInsuredEarnings);
  out[indicatorOffset('gap')] = gap;
  out[indicatorOffset('effective_rate')] = effectiveRate;
  out[indicatorOffset('actuarial_balance')] = effectiveRate - gap;
  out[indicatorOffset('depletion_year')] = depletionYear;
  out[indicatorOffset('first_deficit_year')] = firstDeficitYear;
  out[indicatorOffset('final_reserve')] = years === 0 ? Number.NaN : reserve;
  out[indicatorOffset('final_reserve_ratio')] = reserveRatio;
  out[indicatorOffset('min_reserve_ratio')] = minReserveRatio;
}
