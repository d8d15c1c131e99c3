/**
 * The `stochastic:` section of scheme.yaml and a group's `income_shock`
 * (methodology §10): the shock processes `sipro simulate` draws its scenarios
 * from. Every field is optional; the defaults draw 1,000 scenarios without
 * any shock, which are the deterministic projection 1,000 times.
 */
import { z } from 'zod';
import { doc, integer } from './common.js';

/** Most scenarios a run may draw: more is a typo, and their per-year values would not fit in memory. */
export const MAX_STOCHASTIC_SCENARIOS = 1_000_000;
/** The largest seed: any whole number a user types, well inside the doubles' exact integers. */
export const MAX_SEED = 1e15;

/**
 * The largest standard deviation of a shock: 100 points a year on a rate, a
 * factor whose log moves by 1 a year. Far beyond any real economy; larger
 * shocks compounded over a long horizon leave double precision.
 */
export const MAX_SHOCK_SD = 1;

/**
 * A first-order autoregression `x_t = rho x_{t−1} + sd ε_t`, `x_{t0−1} = 0`
 * (§10): additive on a rate, or the log of a mean-1 factor.
 */
export const shockSchema = z
  .strictObject({
    sd: z.number().min(0).max(MAX_SHOCK_SD).default(0)
      .meta(doc(undefined, 'standard deviation of the yearly innovation: points of a rate (0.01 = one point), or of the log of a factor')),
    rho: z.number().gt(-1).lt(1).default(0).meta(doc(undefined, 'share of last year\'s shock that remains (a lag-1 autocorrelation)')),
  })
  .prefault({});
export type Shock = z.output<typeof shockSchema>;

export const stochasticSchema = z
  .strictObject({
    scenarios: integer.min(1).max(MAX_STOCHASTIC_SCENARIOS).default(1000).meta(doc(undefined, 'how many scenarios sipro simulate draws (numbered 1 … scenarios)')),
    seed: integer.min(0).max(MAX_SEED).default(1).meta(doc(undefined, 'the seed of the draws: scenario s of a seed draws the same numbers in any run')),
    investment_return: shockSchema.meta(doc(undefined, 'shock added to the investment return of each year (floored at −0.99)')),
    wage_growth: shockSchema.meta(doc(undefined, 'shock added to wage growth (floored at −0.99)')),
    inflation: shockSchema.meta(doc(undefined, 'shock added to inflation (floored at −0.99)')),
    mortality: shockSchema.meta(doc(undefined, 'a factor of mean 1 on every q of the year (not on the annuity factors)')),
    entrants: shockSchema.meta(doc(undefined, 'a factor of mean 1 on every group\'s entrants')),
    income_correlation: z.number().min(0).max(1).default(0)
      .meta(doc('share', 'share of each group\'s income-shock variance common to all groups')),
    percentiles: z
      .array(z.number().min(0).max(100))
      .default([5, 25, 50, 75, 95])
      .refine((values) => new Set(values).size === values.length, 'must not list a percentile twice')
      .meta(doc(undefined, 'the percentiles of percentiles.csv and summary.json, each in [0, 100]')),
  })
  .prefault({});
export type Stochastic = z.output<typeof stochasticSchema>;
