/**
 * The standard normal distribution function Φ, methodology §1 and §3, accurate to
 * 1e-14 absolute everywhere and to a few units in the last place relative in
 * both tails (as long as the result is a normal, not subnormal, double).
 *
 * Method: W. J. Cody, "Rational Chebyshev approximations for the error
 * function", Math. Comp. 23 (1969) 631–638, as implemented in his CALERF
 * routine (netlib specfun/erf, latest modification 19 March 1990). The
 * coefficients below are CALERF's double-precision DATA statements, read from
 * two public transcriptions that agree digit for digit: jpc-cermics/scicos-4.4
 * `src/calelm/calerf.c` and nakashima-hikaru/implied-vol `source/erf_cody.cpp`
 * (Peter Jäckel's LetsBeRational). With `y = |x|/√2`:
 *
 * - `y ≤ 0.46875`: `erf(y) = y R₁(y²)` (coefficients A, B);
 * - `0.46875 < y ≤ 4`: `erfc(y) = e^{−y²} R₂(y)` (C, D);
 * - `y > 4`: `erfc(y) = e^{−y²} (1/√π − R₃(1/y²)/y²)/y` (P, Q).
 *
 * As in CALERF, `e^{−y²}` is formed as `e^{−s²} e^{−(y−s)(y+s)}` with `s` a
 * multiple of 1/16, so that the large exponent carries no rounding error. Here
 * the split is applied to `x²/2` directly (`s = ⌊16|x|⌋/16`, `s²/2` exact), so
 * the rounding of `x/√2` only reaches the slowly varying rational factor:
 * that is what keeps the tails relatively accurate down to Φ(−37.5) ≈ 5e-308.
 */

/** CALERF's switch between the erf and erfc approximations, in `y = |x|/√2`. */
const ERF_THRESHOLD = 0.46875;
/** CALERF's switch between its two erfc approximations, in `y`. */
const ERFC_SWITCH = 4;
/** Beyond this |x| the upper tail Q(x) < 1e-324 underflows to 0 (Q(38.5) ≈ 1e-324). */
const TAIL_UNDERFLOW = 40;
/** 1/√π (CALERF's SQRPI). */
const ONE_OVER_SQRT_PI = 0.56418958354775628695;

// Coefficients for erf on |y| <= 0.46875.
const A0 = 3.1611237438705656;
const A1 = 113.864154151050156;
const A2 = 377.485237685302021;
const A3 = 3209.37758913846947;
const A4 = 0.185777706184603153;
const B0 = 23.6012909523441209;
const B1 = 244.024637934444173;
const B2 = 1282.61652607737228;
const B3 = 2844.23683343917062;

// Coefficients for e^{y²} erfc(y) on 0.46875 < y <= 4.
const C0 = 0.564188496988670089;
const C1 = 8.88314979438837594;
const C2 = 66.1191906371416295;
const C3 = 298.635138197400131;
const C4 = 881.95222124176909;
const C5 = 1712.04761263407058;
const C6 = 2051.07837782607147;
const C7 = 1230.33935479799725;
const C8 = 2.15311535474403846e-8;
const D0 = 15.7449261107098347;
const D1 = 117.693950891312499;
const D2 = 537.181101862009858;
const D3 = 1621.38957456669019;
const D4 = 3290.79923573345963;
const D5 = 4362.61909014324716;
const D6 = 3439.36767414372164;
const D7 = 1230.33935480374942;

// Coefficients for e^{y²} erfc(y) on y > 4 (a rational function of 1/y²).
const P0 = 0.305326634961232344;
const P1 = 0.360344899949804439;
const P2 = 0.125781726111229246;
const P3 = 0.0160837851487422766;
const P4 = 6.58749161529837803e-4;
const P5 = 0.0163153871373020978;
const Q0 = 2.56852019228982242;
const Q1 = 1.87295284992346047;
const Q2 = 0.527905102951428412;
const Q3 = 0.0605183413124413191;
const Q4 = 0.00233520497626869185;

/**
 * `e^{−s²/2}` for `s = k/16`, `k = 0 … 16 × 40`: a constant table (the
 * exponent `k²/512` is exact in binary), so that a tail costs one `exp`.
 */
export const GAUSS_SIXTEENTHS = Float64Array.from({ length: 16 * TAIL_UNDERFLOW + 1 }, (_, k) => Math.exp(-(k * k) / 512));

/**
 * The two numbers every function here is made of, for each of the first
 * `count` numbers `z` of `zs`: writes `Q(|z|) = 1 − Φ(|z|)` at
 * `tails[2i]` and `Φ(|z|) − ½` at `tails[2i + 1]` for `z = zs[i]`.
 *
 * CALERF's intervals in `y = |z|/√2`: `erf(y) = y R₁(y²)` up to 0.46875;
 * beyond, `Q = e^{−z²/2} · e^{y²} erfc(y) / 2` with `e^{y²} erfc(y)` from
 * R₂(y) up to 4 and from R₃(1/y²) above, and `e^{−z²/2}` split as
 * `e^{−s²/2} e^{−(|z|−s)(|z|+s)/2}`, `s = ⌊16|z|⌋/16`, whose first factor
 * has an exact exponent.
 *
 * The reference for the kernel's tails (src/wasm/normalTails.ts, which a
 * projection's §3 uses): test/core/incomeKernel.test.ts holds the two to
 * each other bit for bit.
 * @example const tails = new Float64Array(2); normalTailsOf(Float64Array.of(0), 1, tails) // tails = [0.5, 0]
 */
export function normalTailsOf(zs: Float64Array, count: number, tails: Float64Array): void {
  for (let index = 0; index < count; index += 1) {
    const at = 2 * index;
    const z = zs[index]!;
    const size = z < 0 ? -z : z;
    const y = size * Math.SQRT1_2;
    if (y <= ERF_THRESHOLD) {
      const ysq = y * y;
      let num = A4 * ysq;
      let den = ysq;
      num = (num + A0) * ysq;
      den = (den + B0) * ysq;
      num = (num + A1) * ysq;
      den = (den + B1) * ysq;
      num = (num + A2) * ysq;
      den = (den + B2) * ysq;
      const half = 0.5 * ((y * (num + A3)) / (den + B3));
      tails[at] = 0.5 - half;
      tails[at + 1] = half;
      continue;
    }
    let tail = 0;
    if (!(size > TAIL_UNDERFLOW)) {
      let scaledErfc: number;
      if (y <= ERFC_SWITCH) {
        let num = C8 * y;
        let den = y;
        num = (num + C0) * y;
        den = (den + D0) * y;
        num = (num + C1) * y;
        den = (den + D1) * y;
        num = (num + C2) * y;
        den = (den + D2) * y;
        num = (num + C3) * y;
        den = (den + D3) * y;
        num = (num + C4) * y;
        den = (den + D4) * y;
        num = (num + C5) * y;
        den = (den + D5) * y;
        num = (num + C6) * y;
        den = (den + D6) * y;
        scaledErfc = (num + C7) / (den + D7);
      } else {
        const ysq = 1 / (y * y);
        let num = P5 * ysq;
        let den = ysq;
        num = (num + P0) * ysq;
        den = (den + Q0) * ysq;
        num = (num + P1) * ysq;
        den = (den + Q1) * ysq;
        num = (num + P2) * ysq;
        den = (den + Q2) * ysq;
        num = (num + P3) * ysq;
        den = (den + Q3) * ysq;
        const correction = (ysq * (num + P4)) / (den + Q4);
        scaledErfc = (ONE_OVER_SQRT_PI - correction) / y;
      }
      const k = Math.trunc(size * 16);
      const s = k / 16;
      const rest = (size - s) * (size + s) * 0.5;
      tail = 0.5 * scaledErfc * Math.exp(-rest) * GAUSS_SIXTEENTHS[k]!;
    }
    tails[at] = tail;
    tails[at + 1] = 0.5 - tail;
  }
}

/** Where normalCdf hands its z to normalTailsOf and takes the tails from. */
const scratchZ = new Float64Array(1);
const scratch = new Float64Array(2);

/** normalTailsOf of one z, into `scratch`. */
function tailsOfOne(z: number): Float64Array {
  scratchZ[0] = z;
  normalTailsOf(scratchZ, 1, scratch);
  return scratch;
}

/**
 * The standard normal distribution function `Φ(x) = erfc(−x/√2)/2` (methodology §1, §3).
 *
 * Accurate to 1e-14 absolute on the whole line, and relatively accurate in the
 * lower tail (Φ(x) for x < 0 is computed as an upper tail, never as `1 − …`).
 * `Φ(−∞) = 0`, `Φ(∞) = 1`, `Φ(NaN) = NaN`.
 * @example normalCdf(1.959963984540054) // 0.975 (to 1e-15)
 */
export function normalCdf(x: number): number {
  const tails = tailsOfOne(x);
  if (x < 0) return tails[0]!;
  return x * Math.SQRT1_2 <= ERF_THRESHOLD ? 0.5 + tails[1]! : 1 - tails[0]!;
}

/**
 * The standard normal upper tail `Q(x) = 1 − Φ(x) = Φ(−x)` (methodology §3).
 *
 * Relatively accurate for large positive x, where `1 − normalCdf(x)` would
 * lose every digit: `normalCdfComplement(10)` is 7.6e-24, not 0.
 * @example normalCdfComplement(0) // 0.5
 */
export function normalCdfComplement(x: number): number {
  return normalCdf(-x);
}

/**
 * Probability that a standard normal variate lies in `[a, b)`: `Φ(b) − Φ(a)`,
 * 0 when `b ≤ a` (methodology §3, the building block of every interval term).
 *
 * Computed without cancellation: as `Q(a) − Q(b)` when both bounds are ≥ 0,
 * `Φ(b) − Φ(a)` from lower tails when both are ≤ 0, and as
 * `(Φ(b) − ½) + (½ − Φ(a))` when the interval straddles 0. So an interval in
 * a far tail keeps its relative accuracy. Bounds may be ±∞.
 * @example normalProbabilityBetween(-Infinity, 0) // 0.5
 */
export function normalProbabilityBetween(a: number, b: number): number {
  if (a >= b) return 0;
  bounds[0] = a;
  bounds[1] = b;
  normalTailsOf(bounds, 2, boundTails);
  return probabilityFromTails(a, b, boundTails, 0, 2);
}

/** Where normalProbabilityBetween hands its bounds to normalTailsOf and takes their tails from. */
const bounds = new Float64Array(2);
const boundTails = new Float64Array(4);

/**
 * `Φ(b) − Φ(a)` from the {@link normalTailsOf} of `a` (at `tails[atA]`)
 * and of `b` (at `tails[atB]`): normalProbabilityBetween's arithmetic, and
 * the kernel's (src/wasm/incomes.ts), which forms each breakpoint's tails
 * once for the two pieces it bounds.
 * @example probabilityFromTails(-Infinity, Infinity, tails, 0, 2) // 1
 */
export function probabilityFromTails(a: number, b: number, tails: Float64Array, atA: number, atB: number): number {
  if (a >= b) return 0;
  let mass: number;
  if (a >= 0) mass = tails[atA]! - tails[atB]!;
  else if (b <= 0) mass = tails[atB]! - tails[atA]!;
  else return tails[atA + 1]! + tails[atB + 1]!;
  // The approximation is monotone only to the last unit: never return −1e-17.
  return mass > 0 ? mass : mass === mass ? 0 : mass;
}
