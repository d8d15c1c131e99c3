/**
 * A scenario: the economy and the shocks one projection runs under, one
 * number per year (methodology §1, §10). The model (model.ts) is the scheme's
 * static structure; `project(model, scenario)` projects it under a scenario.
 * The deterministic projection is the scenario of the scheme's assumptions
 * with every factor 1; a stochastic scenario replaces some paths (§10).
 */
import type { Scheme } from '../schema/scheme.js';
import type { ProjectionModel } from './model.js';
import { assumptionValue } from './rules.js';
import { record } from './record.js';

export interface Scenario {
  /** Years from t0 the paths cover: the horizon, or more for the entrant lifetimes of §8. */
  years: number;
  wageGrowth: Float64Array;
  inflation: Float64Array;
  investmentReturn: Float64Array;
  /** The discount rate of present values (§7): the scheme's, or the investment return's path when it is null. */
  discountRate: Float64Array;
  /** `F_{g,t}` of §3, one path per group of the model, in the scheme's group order. */
  incomeFactor: Float64Array[];
  /** `F^q_t` of §4, on every q but the annuity factors'. */
  mortalityFactor: Float64Array;
  /** On every group's `count × (1 + growth)^{t−t0}` (§4 step 2). */
  entrantsFactor: Float64Array;
}

/**
 * The scenario of a scheme's assumptions for `years` years from t0, every
 * factor 1. Years after the horizon take the values of the last projection
 * year `t0 + n − 1` (§8).
 * @param assumptions the scheme's own by default; a sweep passes a scenario's
 * @example deterministicScenario(model).investmentReturn[0] // the investment_return of t0
 */
export function deterministicScenario(
  model: ProjectionModel, years: number = model.horizon, assumptions: Scheme['assumptions'] = model.scheme.assumptions,
): Scenario {
  const lastAssumptionYear = model.baseYear + model.horizon - 1;
  const series = (assumption: Parameters<typeof assumptionValue>[0]) => {
    const values = new Float64Array(years);
    for (let index = 0; index < years; index += 1) {
      values[index] = assumptionValue(assumption, Math.min(model.baseYear + index, lastAssumptionYear));
    }
    return values;
  };
  const investmentReturn = series(assumptions.investment_return);
  const ones = () => new Float64Array(years).fill(1);
  return record({
    years,
    wageGrowth: series(assumptions.wage_growth),
    inflation: series(assumptions.inflation),
    investmentReturn,
    discountRate: assumptions.discount_rate === null ? investmentReturn : series(assumptions.discount_rate),
    incomeFactor: model.groups.map(ones),
    mortalityFactor: ones(),
    entrantsFactor: ones(),
  });
}
