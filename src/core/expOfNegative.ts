/**
 * `e^x` for `−8 < x ≤ 0`, bit for bit what `Math.exp(x)` gives: V8's
 * `Math.exp` is fdlibm's e_exp.c (src/base/ieee754.cc), and this is that
 * algorithm's path for the range, step for step — `x = k ln2 + r` with
 * `|r| ≤ ½ ln2`, `ln2` split in a high and a low part, the Remez polynomial
 * `R(r²)` of degree 5, `e^r = 1 − ((lo − r c/(2 − c)) − hi)`, then times
 * `2^k` — without e_exp.c's branches for overflow, underflow and NaN, which
 * the range never reaches.
 *
 * Why not `Math.exp`: TurboFan calls out to C for it, ~7 ns a call, and
 * §3's normal tails need ~87,000 of them a stochastic scenario; this inlines
 * into the loop (bench/RESULTS.md). test/core/expOfNegative.test.ts checks
 * it against `Math.exp` on every branch's bounds and on millions of points.
 */

/** The double whose high 32 bits are `high` and low 32 bits 0: e_exp.c compares high words. */
function fromHighWord(high: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, high);
  return view.getFloat64(0);
}

/** `|x| > ½ ln2` in e_exp.c's words (`hx > 0x3fd62e42`): reduce by `k ln2`. */
const REDUCE_FROM = fromHighWord(0x3fd62e43);
/** `|x| < 1.5 ln2` (`hx < 0x3FF0A2B2`): `k = ±1`. */
const ONE_STEP_BELOW = fromHighWord(0x3ff0a2b2);
/** `|x| < 2⁻²⁸` (`hx < 0x3e300000`): `e^x = 1 + x`. */
const TINY_BELOW = fromHighWord(0x3e300000);

const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e+00;
const R1 = 1.66666666666666019037e-01;
const R2 = -2.77777777770155933842e-03;
const R3 = 6.61375632143793436117e-05;
const R4 = -1.65339022054652515390e-06;
const R5 = 4.13813679705723846039e-08;

/** `2^−j` for `j = 0 … 12`: `2^k` for the `k` of `−8 < x ≤ 0`. */
const NEGATIVE_POWERS_OF_TWO = Float64Array.from({ length: 13 }, (_, j) => 2 ** -j);

/**
 * @param x in `(−8, 0]`; elsewhere the result is not Math.exp's
 * @example expOfNegative(-1) === Math.exp(-1) // true
 */
export function expOfNegative(x: number): number {
  const size = -x;
  let hi = 0;
  let lo = 0;
  let k = 0;
  let r = x;
  if (size >= REDUCE_FROM) {
    if (size < ONE_STEP_BELOW) {
      // e_exp.c for a negative x: hi = x − ln2HI[1] = x + ln2, lo = ln2LO[1] = −ln2 lo, k = −1.
      hi = x + LN2_HI;
      lo = -LN2_LO;
      k = -1;
    } else {
      // k = (int)(invln2 x + halF[1]): truncated toward zero, as C's cast.
      k = Math.trunc(INV_LN2 * x - 0.5);
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (size < TINY_BELOW) {
    return 1 + x;
  }
  const t = r * r;
  const c = r - t * (R1 + t * (R2 + t * (R3 + t * (R4 + t * R5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return y * NEGATIVE_POWERS_OF_TWO[-k]!;
}
