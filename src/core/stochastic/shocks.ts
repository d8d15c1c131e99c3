/**
 * The shock processes of methodology §10: first-order autoregressions started
 * at 0, `x_t = ρ x_{t−1} + σ ε_t`, with variance `v_t = σ² Σ_{j=0}^{t−t0} ρ^{2j}`,
 * and how a shock becomes a path: added to a rate (floored at −0.99), or
 * the log of a mean-1 factor `F_t = exp(x_t − v_t/2)`.
 */
import type { Shock } from '../../schema/scheme.js';

/** §10: a drawn additive path never goes below this rate. */
export const RATE_FLOOR = -0.99;

/**
 * Adds the shocks of innovations `epsilon` to `base` in place: `base_t + x_t`,
 * floored at −0.99 (§10 "Paths", additive).
 * @example addRateShock(Float64Array.of(0.05, 0.05), {sd: 0.01, rho: 0.5}, Float64Array.of(1, 2)) // [0.06, 0.075]
 */
export function addRateShock(base: Float64Array, shock: Shock, epsilon: ArrayLike<number>): Float64Array {
  let x = 0;
  for (let year = 0; year < base.length; year += 1) {
    x = shock.rho * x + shock.sd * epsilon[year]!;
    base[year] = Math.max(base[year]! + x, RATE_FLOOR);
  }
  return base;
}

/**
 * The factor path `F_t = exp(x_t − v_t/2)` of innovations `epsilon` into
 * `factors` (§10 "Paths", multiplicative): mean 1 in every year, since
 * `x_t ~ N(0, v_t)`. `v_t = ρ² v_{t−1} + σ²` is the recursion of the sum.
 * @example factorPath(new Float64Array(1), {sd: 0.1, rho: 0}, [0]) // [exp(−0.005)]
 */
export function factorPath(factors: Float64Array, shock: Shock, epsilon: ArrayLike<number>): Float64Array {
  const { sd, rho } = shock;
  let x = 0;
  let variance = 0;
  for (let year = 0; year < factors.length; year += 1) {
    x = rho * x + sd * epsilon[year]!;
    variance = rho * rho * variance + sd * sd;
    factors[year] = Math.exp(x - variance / 2);
  }
  return factors;
}
