/**
 * Year-by-year assumptions and cumulative index factors (MODEL.md §1).
 * Arrays are indexed by `year − t0`; index factors have one more entry than
 * the years so that awards first paid in `t+1` can use `J_{t+1}`.
 */
import type { Indexation, Scheme } from '../schema/scheme.js';
import { assumptionValue } from './rules.js';

export interface Timeline {
  baseYear: number;
  /** Years projected; may exceed the horizon for entrant runs (§8). */
  years: number;
  wageGrowth: Float64Array;
  inflation: Float64Array;
  investmentReturn: Float64Array;
  discountRate: Float64Array;
  /** `Iw_t = Π_{u<t} (1 + wage_growth_u)`, length years + 1. */
  wageIndex: Float64Array;
  /** `Ip_t`, length years + 1. */
  priceIndex: Float64Array;
  /** `idx_t` of pensions in payment per old_age.indexation (§4 step 6). */
  pensionIndexation: Float64Array;
}

/**
 * Builds the timeline for `years` years from t0. Beyond the horizon the
 * assumptions keep their values of the last projection year (§8 entrants).
 * @example buildTimeline(scheme, 3).wageIndex // [1, 1.04, 1.0816, 1.124864] at 4 %
 */
export function buildTimeline(scheme: Scheme, years: number): Timeline {
  const baseYear = scheme.projection.base_year;
  const lastAssumptionYear = baseYear + scheme.projection.horizon - 1;
  const series = (assumption: Parameters<typeof assumptionValue>[0]) => {
    const values = new Float64Array(years);
    for (let index = 0; index < years; index += 1) {
      values[index] = assumptionValue(assumption, Math.min(baseYear + index, lastAssumptionYear));
    }
    return values;
  };
  const { wage_growth, inflation, investment_return, discount_rate } = scheme.assumptions;
  const wageGrowth = series(wage_growth);
  const inflationSeries = series(inflation);
  const investmentReturn = series(investment_return);
  const discountRate = discount_rate === null ? investmentReturn : series(discount_rate);
  const indexation = scheme.benefits.old_age.indexation;
  const pensionIndexation = indexation === 'prices' ? inflationSeries
    : indexation === 'wages' ? wageGrowth : new Float64Array(years);
  return {
    baseYear,
    years,
    wageGrowth,
    inflation: inflationSeries,
    investmentReturn,
    discountRate,
    wageIndex: cumulativeIndex(wageGrowth),
    priceIndex: cumulativeIndex(inflationSeries),
    pensionIndexation,
  };
}

/** `Π_{u=t0}^{t−1} (1 + rate_u)` for t = t0 … t0 + years (§1). */
export function cumulativeIndex(rates: Float64Array): Float64Array {
  const index = new Float64Array(rates.length + 1);
  index[0] = 1;
  for (let year = 0; year < rates.length; year += 1) index[year + 1] = index[year]! * (1 + rates[year]!);
  return index;
}

/** `J_t` per `contributions.indexation`: wages, prices or none (§1). */
export function contributionIndexSeries(timeline: Timeline, indexation: Indexation): Float64Array {
  if (indexation === 'wages') return timeline.wageIndex;
  if (indexation === 'prices') return timeline.priceIndex;
  return new Float64Array(timeline.years + 1).fill(1);
}
