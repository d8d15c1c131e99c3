/**
 * The standard functions of a mortality table, so that an actuary can
 * sanity-check the `qx` a scheme uses (`sipro life-table`, issue #2 item 6).
 *
 * Conventions (Bowers et al., *Actuarial Mathematics*, ch. 3–4; AMLCR ch. 3–5):
 * annual probabilities, whole ages, the last age of the table is terminal
 * (everybody alive there dies within the year: `q = 1`, as methodology §4 does at
 * `max_age`), interest `i` a year with `v = 1/(1 + i)`.
 */

/** One age of a mortality table: `qx` is the probability of dying within the year of age `age`. */
export interface MortalityRate {
  age: number;
  qx: number;
}

/** One row of a life table; the names are the CSV columns of `sipro life-table`. */
export interface LifeTableRow {
  age: number;
  /** Probability of dying between `x` and `x+1` (1 at the terminal age). */
  qx: number;
  /** Survivors at exact age `x` out of `LIFE_TABLE_RADIX` at the first age. */
  lx: number;
  /** Curtate expectation of life `e_x = Σ_{k≥1} ₖp_x` (whole years lived). */
  ex_curtate: number;
  /** Complete expectation of life, `e̊_x ≈ e_x + 1/2` (deaths uniform within each year of age). */
  ex_complete: number;
  /** Whole-life annuity-due of 1 a year, `ä_x = Σ_{k≥0} vᵏ ₖp_x`. */
  annuity_due: number;
  /** Whole-life insurance of 1 paid at the end of the year of death, `A_x = Σ_{k≥0} vᵏ⁺¹ ₖp_x q_{x+k}`. */
  insurance: number;
}

/** `l_x` at the first age of every table (the usual radix of published tables, e.g. SSA's). */
export const LIFE_TABLE_RADIX = 100_000;

/**
 * The life table of `rates` (consecutive ages, ascending) at annual interest
 * `interestRate`. The last age is terminal: its `qx` is taken as 1 whatever the
 * input says, so that every function is a finite sum.
 *
 * Computed backwards from the terminal age `ω`, where `e_ω = 0`, `ä_ω = 1`,
 * `A_ω = v`:
 * `e_x = p_x (1 + e_{x+1})`, `ä_x = 1 + v p_x ä_{x+1}`, `A_x = v q_x + v p_x A_{x+1}`;
 * and forwards `l_{x+1} = l_x p_x`. The identity `A_x = 1 − d ä_x`, `d = i/(1+i)`,
 * holds to rounding.
 *
 * @example
 * // Two ages: half die at 60, everybody at 61 (terminal); 0 % interest.
 * lifeTable([{ age: 60, qx: 0.5 }, { age: 61, qx: 1 }], 0)[0]
 * // → { age: 60, qx: 0.5, lx: 100000, ex_curtate: 0.5, ex_complete: 1, annuity_due: 1.5, insurance: 1 }
 */
export function lifeTable(rates: readonly MortalityRate[], interestRate: number): LifeTableRow[] {
  // Guards: the shell checks the same things with messages for the user; these
  // catch a caller that skipped them, because a gap or a q outside [0, 1]
  // would otherwise give plausible-looking wrong numbers.
  if (rates.length === 0) throw new RangeError('lifeTable: needs at least one age');
  if (!Number.isFinite(interestRate) || interestRate <= -1) {
    throw new RangeError(`lifeTable: interest rate ${interestRate} must be a number > -1`);
  }
  rates.forEach((rate, index) => {
    if (!Number.isInteger(rate.age)) throw new RangeError(`lifeTable: age ${rate.age} must be an integer`);
    if (!(rate.qx >= 0 && rate.qx <= 1)) throw new RangeError(`lifeTable: qx ${rate.qx} at age ${rate.age} must lie in [0, 1]`);
    const previous = rates[index - 1];
    if (previous !== undefined && rate.age !== previous.age + 1) {
      throw new RangeError(`lifeTable: ages must be consecutive; age ${rate.age} follows age ${previous.age}`);
    }
  });

  const v = 1 / (1 + interestRate);
  const terminal = rates.length - 1;
  const qx = rates.map((rate, index) => (index === terminal ? 1 : rate.qx));

  const lx: number[] = [LIFE_TABLE_RADIX];
  for (let index = 1; index <= terminal; index += 1) lx.push(lx[index - 1]! * (1 - qx[index - 1]!));

  const exCurtate: number[] = new Array<number>(rates.length);
  const annuityDue: number[] = new Array<number>(rates.length);
  const insurance: number[] = new Array<number>(rates.length);
  exCurtate[terminal] = 0;
  annuityDue[terminal] = 1;
  insurance[terminal] = v;
  for (let index = terminal - 1; index >= 0; index -= 1) {
    const q = qx[index]!;
    const p = 1 - q;
    exCurtate[index] = p * (1 + exCurtate[index + 1]!);
    annuityDue[index] = 1 + v * p * annuityDue[index + 1]!;
    insurance[index] = v * q + v * p * insurance[index + 1]!;
  }

  return rates.map((rate, index) => ({
    age: rate.age,
    qx: qx[index]!,
    lx: lx[index]!,
    ex_curtate: exCurtate[index]!,
    ex_complete: exCurtate[index]! + 0.5,
    annuity_due: annuityDue[index]!,
    insurance: insurance[index]!,
  }));
}

/**
 * methodology §2: the probability of dying in year `t` from the base-year table,
 * `q_{x,t} = min(1, qx × (1 − improvement)^{t−t0})`, with
 * `yearsSinceBase = t − t0 ≥ 0`.
 *
 * @example improvedQx({ qx: 0.01, improvement: 0.02 }, 10) // 0.01 × 0.98¹⁰ ≈ 0.0081707
 */
export function improvedQx(rate: { qx: number; improvement: number }, yearsSinceBase: number): number {
  // t < t0 never occurs in a projection, and with improvement = 1 it would divide by zero.
  if (!Number.isInteger(yearsSinceBase) || yearsSinceBase < 0) {
    throw new RangeError(`improvedQx: years since the base year ${yearsSinceBase} must be a whole number >= 0`);
  }
  return Math.min(1, rate.qx * (1 - rate.improvement) ** yearsSinceBase);
}
