/**
 * Present values and the headline indicators of summary.json (MODEL.md §7).
 */
import { BENEFIT_COLUMNS } from './flows.js';
import type { Indicators, ProjectionYear } from './types.js';

/**
 * Mid-year discount factors `D_t h_t` with `D_t = Π_{u<t} (1 + discount_u)^{-1}`
 * and `h_t = (1 + discount_t)^{-1/2}`, and `D_T` after the last year (§7).
 * @example discountFactors([0.05]) // {midYear: [1/√1.05], end: 1/1.05}
 */
export function discountFactors(discountRates: ArrayLike<number>): { midYear: Float64Array; end: number } {
  const midYear = new Float64Array(discountRates.length);
  let startOfYear = 1;
  for (let year = 0; year < discountRates.length; year += 1) {
    const rate = discountRates[year]!;
    midYear[year] = startOfYear / Math.sqrt(1 + rate);
    startOfYear /= 1 + rate;
  }
  return { midYear, end: startOfYear };
}

/** `PV(X) = Σ_t X_t D_t h_t` (§7). */
export function presentValue(values: ArrayLike<number>, midYearFactors: ArrayLike<number>): number {
  let total = 0;
  for (let year = 0; year < values.length; year += 1) total += values[year]! * midYearFactors[year]!;
  return total;
}

/**
 * `x / y`, or null when the divisor is 0 (§7) — or so near 0 that the quotient
 * overflows: a lognormal tail can leave insured earnings of 1e-320, and no
 * double holds the ratio then.
 */
export const ratio = (dividend: number, divisor: number): number | null => (divisor === 0 ? null : finiteOrNull(dividend / divisor));

/** A number that overflowed (from ratios of ratios) is as empty as a ratio by 0. */
const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** GAP, effective rate, actuarial balance, depletion and first deficit years (§7). */
export function indicators(rows: readonly ProjectionYear[], discountRate: Float64Array, gapFinalReserveRatio: number): Indicators {
  const { midYear, end } = discountFactors(discountRate.subarray(0, rows.length));
  const pv = (pick: (row: ProjectionYear) => number) => presentValue(rows.map(pick), midYear);
  const pvExpenditure = pv((row) => row.expenditure);
  const pvInsuredEarnings = pv((row) => row.insured_earnings);
  const pvContributions = pv((row) => row.contributions);
  const pvMatching = pv((row) => row.matching);
  const pvContributionsAndMatching = pv((row) => row.contributions + row.matching);
  const pvAdministration = pv((row) => row.administration);
  const pvBenefits = pv((row) => BENEFIT_COLUMNS.reduce((sum, column) => sum + row[column], 0));
  const reserveStart = rows[0]?.reserve_start ?? 0;
  const targetFinalReserve = gapFinalReserveRatio * (rows[rows.length - 1]?.expenditure ?? 0);
  const gap = ratio(pvExpenditure - reserveStart + end * targetFinalReserve, pvInsuredEarnings);
  const effectiveRate = ratio(pvContributionsAndMatching, pvInsuredEarnings);
  return {
    gap,
    effective_rate: effectiveRate,
    actuarial_balance: gap === null || effectiveRate === null ? null : finiteOrNull(effectiveRate - gap),
    depletion_year: rows.find((row) => row.reserve_end < 0)?.year ?? null,
    first_deficit_year: rows.find((row) => row.contributions + row.matching < row.expenditure)?.year ?? null,
    present_values: {
      pv_expenditure: pvExpenditure,
      pv_insured_earnings: pvInsuredEarnings,
      pv_contributions: pvContributions,
      pv_matching: pvMatching,
      pv_contributions_and_matching: pvContributionsAndMatching,
      pv_benefits: pvBenefits,
      pv_administration: pvAdministration,
      reserve_start: reserveStart,
      discount_factor_T: end,
      target_final_reserve: targetFinalReserve,
    },
  };
}
