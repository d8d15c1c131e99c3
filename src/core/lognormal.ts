/**
 * Interval terms of a lognormal month income, methodology §3: for `ln Y ~ N(λ, σ²)`,
 *
 * - `Pr[L ≤ Y < U] = Φ((ln U − λ)/σ) − Φ((ln L − λ)/σ)`
 * - `E[Y; L ≤ Y < U] = e^{λ+σ²/2} (Φ((ln U − λ − σ²)/σ) − Φ((ln L − λ − σ²)/σ))`
 *
 * Bounds may be 0 (`ln 0 = −∞`) and `Infinity`. Every expectation of §3 is a
 * finite sum of these two terms. The `…Ln` variants take `ln L` and `ln U`, so
 * that a caller evaluating many months over the same bounds takes each
 * logarithm once.
 *
 * `σ = 0` (a `cv` so small that `ln(1 + cv²)` is 0 in double precision) is the
 * limit of a point mass at `e^λ`, which belongs to `[L, U)` when `L ≤ e^λ < U`.
 */
import { normalProbabilityBetween } from './normal.js';

/**
 * `Pr[L ≤ Y < U]` for `ln Y ~ N(λ, σ²)`, from `ln L` and `ln U` (methodology §3).
 *
 * Formula: `Φ((ln U − λ)/σ) − Φ((ln L − λ)/σ)`, evaluated without cancellation
 * in either tail; 0 when `U ≤ L`.
 * @example probabilityBetweenLn(-Infinity, 0, 0, 1) // Pr[Y < 1] = 0.5
 */
export function probabilityBetweenLn(lnLower: number, lnUpper: number, lambda: number, sigma: number): number {
  if (sigma === 0) return lnLower <= lambda && lambda < lnUpper ? 1 : 0;
  return normalProbabilityBetween((lnLower - lambda) / sigma, (lnUpper - lambda) / sigma);
}

/**
 * `E[Y; L ≤ Y < U] = E[Y · 1{L ≤ Y < U}]` for `ln Y ~ N(λ, σ²)`, from `ln L` and `ln U` (methodology §3).
 *
 * Formula: `e^{λ+σ²/2} (Φ((ln U − λ − σ²)/σ) − Φ((ln L − λ − σ²)/σ))`; 0 when `U ≤ L`.
 * @example partialExpectationLn(-Infinity, Infinity, 0, 1) // E[Y] = e^{1/2} ≈ 1.6487
 */
export function partialExpectationLn(lnLower: number, lnUpper: number, lambda: number, sigma: number): number {
  if (sigma === 0) return lnLower <= lambda && lambda < lnUpper ? Math.exp(lambda) : 0;
  const variance = sigma * sigma;
  const shift = lambda + variance;
  return Math.exp(lambda + variance / 2) * normalProbabilityBetween((lnLower - shift) / sigma, (lnUpper - shift) / sigma);
}

/**
 * `Pr[L ≤ Y < U]` for a lognormal `Y` with `ln Y ~ N(λ, σ²)` (methodology §3).
 *
 * Formula: `Φ((ln U − λ)/σ) − Φ((ln L − λ)/σ)`. `L` may be 0 and `U` may be
 * `Infinity`; 0 when `U ≤ L`.
 * @example probabilityBetween(0, Infinity, 3, 0.5) // 1
 */
export function probabilityBetween(lower: number, upper: number, lambda: number, sigma: number): number {
  return probabilityBetweenLn(Math.log(lower), Math.log(upper), lambda, sigma);
}

/**
 * `E[Y; L ≤ Y < U]`, the mean of `Y` restricted to `[L, U)`, for `ln Y ~ N(λ, σ²)` (methodology §3).
 *
 * Formula: `e^{λ+σ²/2} (Φ((ln U − λ − σ²)/σ) − Φ((ln L − λ − σ²)/σ))`. `L` may
 * be 0 and `U` may be `Infinity`; 0 when `U ≤ L`.
 * @example partialExpectation(0, 1, 0, 1) // e^{1/2} Φ(−1) ≈ 0.26158
 */
export function partialExpectation(lower: number, upper: number, lambda: number, sigma: number): number {
  return partialExpectationLn(Math.log(lower), Math.log(upper), lambda, sigma);
}
