// AssemblyScript (npm run build:wasm): Math.exp and Math.log, bit for bit.
//
// V8's Math.exp and Math.log are fdlibm's e_exp.c and e_log.c
// (v8/src/base/ieee754.cc, ieee754::exp and ieee754::log in the V8 of Node
// 20). §3 needs their own doubles inside the kernel, and a call out of
// WebAssembly to Math.exp costs more than the function itself, so here they
// are again: the same operations in the same order, the same constants, no
// fused multiply-add and no reassociation (asc -O3 without fast-math keeps
// IEEE semantics), so every double is the one V8 returns, for every input.
// Where V8 departs from plain fdlibm (exp(1), the 2^k scaling) this follows
// V8. test/core/year/fdlibm.test.ts checks them against Math.exp and Math.log,
// and fails first if a later V8 changes its own (V8's main branch has since
// moved log to LLVM's libc, whose last bits differ).

// e_exp.c's constants (hex words as in fdlibm).
const O_THRESHOLD = 7.09782712893383973096e+02; //  0x40862E42 FEFA39EF: above, exp overflows
const U_THRESHOLD = -7.45133219101941108420e+02; // 0xC0874910 D52D3051: below, exp underflows to 0
const LN2_HI = 6.93147180369123816490e-01; //       0x3FE62E42 FEE00000: k ln2_hi is exact
const LN2_LO = 1.90821492927058770002e-10; //       0x3DEA39EF 35793C76
const INV_LN2 = 1.44269504088896338700e+00; //      0x3FF71547 652B82FE
export const EXP_P1 = 1.66666666666666019037e-01; //           0x3FC55555 5555553E
export const EXP_P2 = -2.77777777770155933842e-03; //          0xBF66C16C 16BEBD93
export const EXP_P3 = 6.61375632143793436117e-05; //           0x3F11566A AF25DE2C
export const EXP_P4 = -1.65339022054652515390e-06; //          0xBEBBBD41 C5D26BF1
export const EXP_P5 = 4.13813679705723846039e-08; //           0x3E663769 72BEA4D0
const E = 2.718281828459045; //                     0x4005BF0A 8B145769: V8's exp(1)
const HUGE = 1.0e+300;
const TWOM1000 = 9.33263618503218878990e-302; //    2^-1000
const TWO1023 = 8.988465674311579539e307; //        2^1023

// e_log.c's constants.
const TWO54 = 1.80143985094819840000e+16; //        2^54: scales subnormals up
const LG1 = 6.666666666666735130e-01; //            0x3FE55555 55555593
const LG2 = 3.999999999940941908e-01; //            0x3FD99999 9997FA04
const LG3 = 2.857142874366239149e-01; //            0x3FD24924 94229359
const LG4 = 2.222219843214978396e-01; //            0x3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-01; //            0x3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-01; //            0x3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-01; //            0x3FC2F112 DF3E5244

/** The double whose high word is `high` and low word 0 (fdlibm's INSERT_WORDS(d, high, 0)). */
@inline function fromHighWord(high: i32): f64 { return reinterpret<f64>(<u64><u32>high << 32); }

/** e^x, bit for bit Math.exp(x) (V8's ieee754::exp, fdlibm's e_exp.c). */
@inline export function exponential(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  let hx = <u32>(bits >> 32);
  const xsb = hx >> 31; // sign bit of x
  hx &= 0x7fffffff; //     high word of |x|

  // "filter out non-finite argument": NaN, ±Infinity, overflow, underflow.
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | <u32>bits) != 0) return x + x; // NaN
      return xsb == 0 ? x : 0.0; //                          exp(±Infinity) = Infinity, 0
    }
    if (x > O_THRESHOLD) return HUGE * HUGE; //         Infinity
    if (x < U_THRESHOLD) return TWOM1000 * TWOM1000; // 0
  }

  // "argument reduction": x = k ln2 + r, |r| ≤ ½ ln2, r = hi − lo.
  let hi = 0.0;
  let lo = 0.0;
  let k: i32 = 0;
  if (hx > 0x3fd62e42) { //   |x| > ½ ln2
    if (hx < 0x3ff0a2b2) { // |x| < 1.5 ln2: k = ±1
      // V8's own special case: the algorithm's e^1 is one ulp off E.
      if (x == 1.0) return E;
      // x − ln2HI[xsb], ln2LO[xsb]: the sign-indexed tables.
      hi = xsb == 0 ? x - LN2_HI : x - -LN2_HI;
      lo = xsb == 0 ? LN2_LO : -LN2_LO;
      k = 1 - <i32>xsb - <i32>xsb;
    } else {
      // (int)(invln2 x + halF[xsb]): rounded half away from zero by C's truncation.
      k = <i32>(INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
      const t = <f64>k;
      hi = x - t * LN2_HI; // exact
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) { // |x| < 2^-28: e^x = 1 + x ("huge + x > one" always holds)
    return 1.0 + x;
  }

  // "x is now in primary range": e^r = 1 + r + r c / (2 − c), R's degree-5 Remez polynomial.
  const t = x * x;
  const c = x - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);

  // Scale back by 2^k (V8's twopk form): through 2^1023 × 2 at the top, 2^-1000 for subnormal results.
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * TWO1023;
    return y * fromHighWord(0x3ff00000 + (k << 20));
  }
  return y * fromHighWord(0x3ff00000 + ((k + 1000) << 20)) * TWOM1000;
}

/** ln x, bit for bit Math.log(x) (V8's ieee754::log, fdlibm's e_log.c). */
@inline export function naturalLog(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  let hx = <i32>(bits >> 32);
  const lx = <u32>bits;

  // x < 2^-1022: ±0, negatives (and −Infinity, negative NaNs), subnormals scaled by 2^54.
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) == 0) return -Infinity; // log(±0)
    if (hx < 0) return NaN; //                              log(negative)
    k -= 54;
    x *= TWO54;
    hx = <i32>(reinterpret<u64>(x) >> 32);
  }
  if (hx >= 0x7ff00000) return x + x; // Infinity, NaN

  // "argument reduction": x = 2^k (1 + f), √2/2 < 1 + f < √2, by the high word (normalize x or x/2).
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = reinterpret<f64>((<u64><u32>(hx | (i ^ 0x3ff00000)) << 32) | (reinterpret<u64>(x) & 0xffffffff));
  k += i >> 20;
  const f = x - 1.0;

  // −2^-20 ≤ f < 2^-20: two terms of the series.
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0.0) {
      if (k == 0) return 0.0;
      const dk = <f64>k;
      return dk * LN2_HI + dk * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k == 0) return f - R;
    const dk = <f64>k;
    return dk * LN2_HI - ((R - dk * LN2_LO) - f);
  }

  // s = f / (2 + f), R(z) in odd and even halves; i > 0 picks the hfsq form for f far from 0.
  const s = f / (2.0 + f);
  const dk = <f64>k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;

  // "log(x) = k ln2_hi + (f − (hfsq − (s (hfsq + R) + k ln2_lo)))", ln2_lo's term added last.
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k == 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  if (k == 0) return f - s * (f - R);
  return dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}
