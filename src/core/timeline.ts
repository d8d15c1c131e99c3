/**
 * What a scenario implies year by year (methodology §1): cumulative index
 * factors, the pension indexation, and each group's `J_t`. Arrays are indexed
 * by `year − t0`; index factors have one more entry than the years so that
 * awards first paid in `t+1` can use `J_{t+1}`.
 */
import type { Indexation } from '../schema/scheme.js';
import type { ProjectionModel } from './model.js';
import { unreachable } from './rules.js';
import type { Scenario } from './scenario.js';
import { record } from './record.js';

export interface Timeline {
  baseYear: number;
  years: number;
  scenario: Scenario;
  /** `Iw_t = Π_{u<t} (1 + wage_growth_u)`, length years + 1. */
  wageIndex: Float64Array;
  /** `Ip_t`, length years + 1. */
  priceIndex: Float64Array;
  /** `idx_t` of pensions in payment per old_age.indexation (§4 step 6). */
  pensionIndexation: Float64Array;
  /** `J_t` of the scheme's default rule: benefits and funeral grants (§5). */
  benefitIndex: Float64Array;
  /** `J_t` of each group's own rule (§3). */
  contributionIndex: Float64Array[];
}

/**
 * @example timelineOf(model, deterministicScenario(model, 3)).wageIndex // [1, 1.04, 1.0816, 1.124864] at 4 %
 */
export function timelineOf(model: ProjectionModel, scenario: Scenario): Timeline {
  const wageIndex = cumulativeIndex(scenario.wageGrowth);
  const priceIndex = cumulativeIndex(scenario.inflation);
  const indexSeries = (indexation: Indexation): Float64Array => {
    switch (indexation) {
      case 'wages': return wageIndex;
      case 'prices': return priceIndex;
      case 'none': return new Float64Array(scenario.years + 1).fill(1);
      default: return unreachable(indexation, 'indexation');
    }
  };
  const pensionIndexation = (() => {
    const indexation = model.scheme.benefits.old_age.indexation;
    switch (indexation) {
      case 'prices': return scenario.inflation;
      case 'wages': return scenario.wageGrowth;
      case 'none': return new Float64Array(scenario.years);
      default: return unreachable(indexation, 'indexation');
    }
  })();
  return record({
    baseYear: model.baseYear,
    years: scenario.years,
    scenario,
    wageIndex,
    priceIndex,
    pensionIndexation,
    benefitIndex: indexSeries(model.scheme.contributions.indexation),
    contributionIndex: model.groups.map((group) => indexSeries(group.rule.indexation)),
  });
}

/** `Π_{u=t0}^{t−1} (1 + rate_u)` for t = t0 … t0 + years (§1). */
export function cumulativeIndex(rates: Float64Array): Float64Array {
  const index = new Float64Array(rates.length + 1);
  index[0] = 1;
  for (let year = 0; year < rates.length; year += 1) index[year + 1] = index[year]! * (1 + rates[year]!);
  return index;
}
