/**
 * The scaled premium (methodology §13): for each period of `period_years` years
 * from t0, the level rate on insured earnings that, replacing contribution
 * income, makes the reserve stop changing in the period's last year, each
 * period starting from the reserve the previous period's premium left.
 */
import type { ProjectionYear, ScaledPremiumPeriod } from '../types.js';

/** What the scaled premium reads of a projection year: `X_t` and `S_t` (§13). */
export type PremiumYear = Pick<ProjectionYear, 'year' | 'expenditure' | 'insured_earnings'>;

/**
 * The scaled premiums of a projection, one row per period (§13). Through a
 * period `[a, b]` the reserve is carried as `A + π B` — `A ← A (1 + i_t) −
 * X_t (1 + i_t)^{1/2}`, `B ← B (1 + i_t) + S_t (1 + i_t)^{1/2}` for
 * `t = a … b − 1`, from the period's starting reserve and `B = 0` — so that
 * `π = (X_b (1 + i_b)^{1/2} − i_b A) / (i_b B + S_b (1 + i_b)^{1/2})` is
 * computed without subtracting two nearly equal reserves; the period ends
 * with the reserve `A + π B`. A period whose last year has no insured
 * earnings, or a zero denominator, has no premium and ends the table.
 * @param investmentReturn `i_t` by year index from t0 (the scenario's)
 * @example scaledPremiums([{year: 2025, expenditure: 6120, insured_earnings: 12000}], [0.05], 1000, 10)
 * // [{period_start: 2025, period_end: 2025, premium: (6120 √1.05 − 50) / (12000 √1.05), reserve_start: 1000, reserve_end: 1000}]
 */
export function scaledPremiums(
  years: readonly PremiumYear[], investmentReturn: ArrayLike<number>, initialReserve: number, periodYears: number,
): ScaledPremiumPeriod[] {
  // The schema allows whole numbers >= 1 only; a library caller passing 0 would loop for ever.
  if (!Number.isInteger(periodYears) || periodYears < 1) throw new RangeError(`period_years must be a whole number >= 1, not ${periodYears}`);
  const periods: ScaledPremiumPeriod[] = [];
  let reserve = initialReserve;
  for (let first = 0; first < years.length; first += periodYears) {
    const last = Math.min(first + periodYears, years.length) - 1;
    let known = reserve;
    let perPremium = 0;
    for (let index = first; index < last; index += 1) {
      const growth = 1 + investmentReturn[index]!;
      const halfYear = Math.sqrt(growth);
      known = known * growth - years[index]!.expenditure * halfYear;
      perPremium = perPremium * growth + years[index]!.insured_earnings * halfYear;
    }
    const { year: lastYear, expenditure, insured_earnings: insuredEarnings } = years[last]!;
    const rate = investmentReturn[last]!;
    const halfYear = Math.sqrt(1 + rate);
    const denominator = rate * perPremium + insuredEarnings * halfYear;
    const premium = insuredEarnings === 0 || denominator === 0 ? null : finiteOrNull((expenditure * halfYear - rate * known) / denominator);
    const periodStart = years[first]!.year;
    if (premium === null) {
      periods.push({ period_start: periodStart, period_end: lastYear, premium: null, reserve_start: reserve, reserve_end: null });
      break;
    }
    const reserveEnd = known + premium * perPremium;
    periods.push({ period_start: periodStart, period_end: lastYear, premium, reserve_start: reserve, reserve_end: reserveEnd });
    reserve = reserveEnd;
  }
  return periods;
}

/** A quotient that overflowed (a denominator of 1e-320) is as empty as one by 0, as §7's ratios are. */
const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
