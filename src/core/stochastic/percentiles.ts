/**
 * Means and percentiles of a set of scenario values (methodology §10
 * "Outputs"): over the non-empty values (NaN stands for empty), by linear
 * interpolation between order statistics — definition 7 of Hyndman and Fan
 * (1996), R's and NumPy's default.
 */

/**
 * The `q`-th percentile of `m` sorted values `y_1 ≤ … ≤ y_m` (the first `m`
 * of `sorted`): with `h = 1 + ((m − 1) × q)/100` in double precision
 * (multiply first), `y_⌊h⌋ + (h − ⌊h⌋)(y_⌊h⌋+1 − y_⌊h⌋)`, and `y_h` when `h`
 * is whole; NaN (empty) when `m = 0`.
 * @example percentileOfSorted([1, 1, 3, 4, 5], 5, 90) // h = 4.6: 4 + 0.6 × (5 − 4) = 4.6
 */
export function percentileOfSorted(sorted: ArrayLike<number>, m: number, q: number): number {
  if (m === 0) return Number.NaN;
  const h = 1 + ((m - 1) * q) / 100;
  const low = Math.floor(h);
  const lower = sorted[low - 1]!;
  if (h === low) return lower;
  return lower + (h - low) * (sorted[low]! - lower);
}

/** Mean and percentiles of a set of values; NaN is an empty value. */
export interface Spread {
  /** Over the non-empty values; NaN when there are none. */
  mean: number;
  /** One per requested percentile, in the order requested. */
  percentiles: number[];
}

/**
 * The spread of `values` (NaN = empty), with `scratch` (at least as long) as
 * sorting space. The mean adds the values in the order given.
 * @example spreadOf(Float64Array.of(3, 1, NaN, 4, 1, 5), [25, 90], new Float64Array(6)) // {mean: 2.8, percentiles: [1, 4.6]}
 */
export function spreadOf(values: ArrayLike<number>, percentiles: readonly number[], scratch: Float64Array): Spread {
  let m = 0;
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (value !== value) continue;
    scratch[m] = value;
    sum += value;
    m += 1;
  }
  const sorted = scratch.subarray(0, m).sort();
  return { mean: m === 0 ? Number.NaN : sum / m, percentiles: percentiles.map((q) => percentileOfSorted(sorted, m, q)) };
}

/**
 * Percentiles of event years, every value counted, null (NaN) as +∞ (§10
 * `depletion_year`); no mean.
 * @example eventYearSpread(Float64Array.of(2040, NaN, 2030), [0, 50, 100], new Float64Array(3)) // [2030, 2040, NaN]
 */
export function eventYearSpread(values: ArrayLike<number>, percentiles: readonly number[], scratch: Float64Array): number[] {
  const m = values.length;
  for (let index = 0; index < m; index += 1) scratch[index] = values[index]!;
  // A typed array sorts NaN last, where +∞ belongs; an interpolation that
  // touches a NaN (y_⌊h⌋, or y_⌊h⌋+1 when h is not whole) gives NaN: null.
  const sorted = scratch.subarray(0, m).sort();
  return percentiles.map((q) => percentileOfSorted(sorted, m, q));
}

/** The column name of a percentile: `p` and `q` in shortest decimal form (`p5`, `p2.5`). */
export const percentileName = (q: number): string => `p${String(q)}`;
