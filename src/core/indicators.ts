/**
 * Present values and the headline indicators of summary.json (methodology §7).
 */
import { BENEFIT_COLUMNS, contributionIncome } from './flows.js';
import type { GroupYear, Indicators, ProjectionYear, Ratio } from './types.js';

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

/**
 * The gender pension gap (§7): `1 − a_F / a_M`, where `a_s` is the average
 * new old-age award of sex `s` in money of t0 over every year and group,
 * `Σ_t old_age_award_amount_{s,t} / Iw_t ÷ Σ_t old_age_awards_{s,t}`; null
 * when either sex has no award (or, §7's rule, when `a_M` is 0).
 * @param wageIndex `Iw_t` by year index, `t − baseYear`
 * @example genderPensionGap([{year: 2025, sex: 'F', old_age_awards: 2, old_age_award_amount: 1600}, {year: 2025, sex: 'M', old_age_awards: 1, old_age_award_amount: 1000}], 2025, [1]) // 1 − 800/1000 = 0.2
 */
export function genderPensionGap(
  rows: readonly Pick<GroupYear, 'year' | 'sex' | 'old_age_awards' | 'old_age_award_amount'>[], baseYear: number, wageIndex: ArrayLike<number>,
): Ratio {
  const awards = { F: 0, M: 0 };
  const amounts = { F: 0, M: 0 };
  for (const row of rows) {
    awards[row.sex] += row.old_age_awards;
    amounts[row.sex] += row.old_age_award_amount / wageIndex[row.year - baseYear]!;
  }
  if (awards.F === 0 || awards.M === 0) return null;
  // A ratio by 0, or one that overflows, is empty (§7, `ratio`).
  const relative = ratio(amounts.F / awards.F, amounts.M / awards.M);
  return relative === null ? null : 1 - relative;
}

/** GAP, effective rate, actuarial balance, depletion and first deficit years (§7), with the gender pension gap computed apart. */
export function indicators(rows: readonly ProjectionYear[], discountRate: Float64Array, gapFinalReserveRatio: number, genderGap: Ratio): Indicators {
  const { midYear, end } = discountFactors(discountRate.subarray(0, rows.length));
  const pv = (pick: (row: ProjectionYear) => number) => presentValue(rows.map(pick), midYear);
  const pvExpenditure = pv((row) => row.expenditure);
  const pvInsuredEarnings = pv((row) => row.insured_earnings);
  const pvContributions = pv((row) => row.contributions);
  const pvMatching = pv((row) => row.matching);
  const pvCareCreditContributions = pv((row) => row.care_credit_contributions);
  const pvContributionsAndMatching = pv(contributionIncome);
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
    first_deficit_year: rows.find((row) => contributionIncome(row) < row.expenditure)?.year ?? null,
    gender_pension_gap: genderGap,
    present_values: {
      pv_expenditure: pvExpenditure,
      pv_insured_earnings: pvInsuredEarnings,
      pv_contributions: pvContributions,
      pv_matching: pvMatching,
      pv_care_credit_contributions: pvCareCreditContributions,
      pv_contributions_and_matching: pvContributionsAndMatching,
      pv_benefits: pvBenefits,
      pv_administration: pvAdministration,
      reserve_start: reserveStart,
      discount_factor_T: end,
      target_final_reserve: targetFinalReserve,
    },
  };
}
