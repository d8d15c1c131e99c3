/**
 * The largest (and a few smallest) values sipro accepts, and why each bound
 * is where it is: "valid" means "computes". Every bound is far beyond any
 * real scheme, yet tight enough that the products the model forms stay
 * finite in double precision (whose largest number is about 1.8e308).
 *
 * The budget: the largest number a projection forms is of the order of
 * heads (1e10 a row or a year, × 1e30 of entrant growth) × a year's money per
 * head (a pension of 500 years of 12 × 1e13 insured a month, × 1e30 of
 * indexation) × 1e30 of indexation after the award × a present value's
 * discount factor of 1e30 × 500 years: about 1e150, plus a reserve of 1e21
 * grown by at most 1e30.
 * The annuity factor adds (1 + 10)^130 / (1 − 0.5)^130.5 ≈ 5e174 (ages 0 to
 * 130, a pension index of 1000 % a year, a technical rate of −50 %). Each
 * stays many orders of magnitude below the overflow, and the smallest index
 * (1e-30) keeps divisors far from underflow.
 */

/**
 * Any amount of money per person: monthly (incomes, floors, classes,
 * pensions), annual (health costs, administration per member) or a lump sum
 * (funeral grant). A monthly income of a million US dollars is about 1e12
 * Iranian rials (at about 1,000,000 rials a dollar) or 1.6e10 Indonesian
 * rupiah: 1e13 leaves a margin of ten on the largest real currency amounts.
 * Seasonal factors share the bound: they are rescaled, so a month's takings
 * in any currency may serve as one.
 */
export const MAX_AMOUNT = 1e13;

/**
 * A member's career sums (population `earnings`, `balance`, `own_balance`):
 * 130 years of 12 months of the largest amount is 1.6e16, and a balance
 * earns interest on top: 1e18.
 */
export const MAX_CAREER_AMOUNT = 1e18;

/**
 * The scheme's reserve at the base year (positive or negative). The yearly
 * product of Iran is of the order of 1e17 rials: 1e21 is ten thousand such
 * years.
 */
export const MAX_RESERVE = 1e21;

/**
 * Heads: a population row's `count` and a group's entrants a year. More
 * people than live on Earth (8e9), so a whole country fits in one row.
 */
export const MAX_HEADS = 1e10;

/**
 * Years of a life: credited years per member, vesting years, differences of
 * age. Nobody has more years than the oldest age the model knows (130).
 */
export const MAX_YEARS = 130;

/**
 * An annual rate (wage growth, inflation, returns, discount, health
 * inflation, entrant growth, annuity interest), per year: 1000 %. It bounds
 * the annuity factor's `(1 + idx)^j` over up to 130 ages; over the horizon
 * the compounded index is bounded by {@link MAX_INDEX}. Values from 1 (100 %)
 * up are warned about: more likely a percentage typed as a number (2.5 for
 * 2.5 %) than a real assumption.
 */
export const MAX_ANNUAL_RATE = 10;

/**
 * The annuity's technical interest rate from below: `(1 + r)^−(j + 1/2)` over
 * up to 130 ages stays below 2^130.5 ≈ 2e39. Real technical rates lie between
 * −2 % and 10 %.
 */
export const MIN_ANNUITY_RATE = -0.5;

/**
 * Every compounded index `Π (1 + rate)` the model forms from an annual rate —
 * `Iw_t`, `Ip_t`, the discount `1 / D_t`, the reserve's growth, health
 * inflation, entrant growth — stays within [1 / MAX_INDEX, MAX_INDEX] over
 * the years projected (entrants.csv's lifetimes included). 10 % a year for
 * 500 years compounds to 5e20; 1e30 also allows 14.8 % for 500 years, or
 * 150 % a year for 75.
 */
export const MAX_INDEX = 1e30;
/** The smallest compounded index: see {@link MAX_INDEX}. */
export const MIN_INDEX = 1e-30;

/**
 * A multiplier or ratio (mortality multipliers, matching ratio, replacement
 * rates, survivors' share, dependants factor, affordability, final reserve
 * ratio): a hundredfold of the quantity it multiplies. A mortality multiplier
 * of 100 already makes any q ≥ 0.01 a certain death; no real factor comes
 * near.
 */
export const MAX_FACTOR = 100;

/**
 * Old-age accrual per credited year, as a share of the career's insured
 * earnings: 1 pays each year the whole career's earnings. Real accruals lie
 * between 0.5 % and 3 %.
 */
export const MAX_ACCRUAL = 1;

/**
 * The coefficient of variation of a month's income: `σ² = ln(1 + cv²)` is
 * 9.2 at 100, a month far more often near 0 than near its mean. Real values
 * lie between 0.1 and 3 (above 3 is warned about).
 */
export const MAX_CV = 100;

/**
 * Mortality improvement a year from below: −1 doubles mortality every year
 * (`(1 − improvement)^t` stays below 2^261 ≈ 4e78, and q is capped at 1).
 * Real improvements lie between −5 % and 5 %.
 */
export const MIN_IMPROVEMENT = -1;

/**
 * The longest horizon in years (`projection.horizon`), and so the longest
 * scaled-premium period (§13): five centuries, far beyond any valuation (75
 * to 100 years).
 */
export const MAX_HORIZON = 500;

/** A bound as error messages and the field reference print it: 1e13, not 10000000000000. */
export function formatBound(value: number): string {
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) return value.toExponential().replace('e+', 'e');
  return String(value);
}

