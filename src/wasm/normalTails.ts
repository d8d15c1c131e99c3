// AssemblyScript (npm run build:wasm): normal.ts normalTailsOf — the upper
// tail Q(|z|) and the central mass Φ(|z|) − ½ of many z at once, by Cody's
// CALERF — for §3 (incomes.ts). The same operations in the same order as
// normal.ts, so the same doubles; two z at a time where both fall in the
// same interval of CALERF (f64x2 lanes do each lane's IEEE arithmetic, no
// fused operations), one at a time where they do not.
import { EXP_P1 as R1, EXP_P2 as R2, EXP_P3 as R3, EXP_P4 as R4, EXP_P5 as R5, exponential } from './fdlibm';
import { get, put } from './memory';

// normal.ts's constants: Cody's CALERF.
const ERF_THRESHOLD: f64 = 0.46875;
const ERFC_SWITCH: f64 = 4;
const TAIL_UNDERFLOW: f64 = 40;
const ONE_OVER_SQRT_PI: f64 = 0.56418958354775628695;
const SQRT1_2: f64 = 0.7071067811865476;
const A0: f64 = 3.1611237438705656;
const A1: f64 = 113.864154151050156;
const A2: f64 = 377.485237685302021;
const A3: f64 = 3209.37758913846947;
const A4: f64 = 0.185777706184603153;
const B0: f64 = 23.6012909523441209;
const B1: f64 = 244.024637934444173;
const B2: f64 = 1282.61652607737228;
const B3: f64 = 2844.23683343917062;
const C0: f64 = 0.564188496988670089;
const C1: f64 = 8.88314979438837594;
const C2: f64 = 66.1191906371416295;
const C3: f64 = 298.635138197400131;
const C4: f64 = 881.95222124176909;
const C5: f64 = 1712.04761263407058;
const C6: f64 = 2051.07837782607147;
const C7: f64 = 1230.33935479799725;
const C8: f64 = 2.15311535474403846e-8;
const D0: f64 = 15.7449261107098347;
const D1: f64 = 117.693950891312499;
const D2: f64 = 537.181101862009858;
const D3: f64 = 1621.38957456669019;
const D4: f64 = 3290.79923573345963;
const D5: f64 = 4362.61909014324716;
const D6: f64 = 3439.36767414372164;
const D7: f64 = 1230.33935480374942;
const P0: f64 = 0.305326634961232344;
const P1: f64 = 0.360344899949804439;
const P2: f64 = 0.125781726111229246;
const P3: f64 = 0.0160837851487422766;
const P4: f64 = 6.58749161529837803e-4;
const P5: f64 = 0.0163153871373020978;
const Q0: f64 = 2.56852019228982242;
const Q1: f64 = 1.87295284992346047;
const Q2: f64 = 0.527905102951428412;
const Q3: f64 = 0.0605183413124413191;
const Q4: f64 = 0.00233520497626869185;


// Each constant of the paired paths as a pair of lanes in memory, at
// `pairs` (placePairs): V8 builds a splatted constant from an immediate in
// three instructions at each use, and loads a pair in one (bench/RESULTS.md).
const A0_PAIR: i32 = 0;
const A1_PAIR: i32 = 1;
const A2_PAIR: i32 = 2;
const A3_PAIR: i32 = 3;
const A4_PAIR: i32 = 4;
const B0_PAIR: i32 = 5;
const B1_PAIR: i32 = 6;
const B2_PAIR: i32 = 7;
const B3_PAIR: i32 = 8;
const C0_PAIR: i32 = 9;
const C1_PAIR: i32 = 10;
const C2_PAIR: i32 = 11;
const C3_PAIR: i32 = 12;
const C4_PAIR: i32 = 13;
const C5_PAIR: i32 = 14;
const C6_PAIR: i32 = 15;
const C7_PAIR: i32 = 16;
const C8_PAIR: i32 = 17;
const D0_PAIR: i32 = 18;
const D1_PAIR: i32 = 19;
const D2_PAIR: i32 = 20;
const D3_PAIR: i32 = 21;
const D4_PAIR: i32 = 22;
const D5_PAIR: i32 = 23;
const D6_PAIR: i32 = 24;
const D7_PAIR: i32 = 25;
const R1_PAIR: i32 = 26;
const R2_PAIR: i32 = 27;
const R3_PAIR: i32 = 28;
const R4_PAIR: i32 = 29;
const R5_PAIR: i32 = 30;
/** How many pairs placePairs writes: 31 × 16 bytes. */
export const PAIRS: i32 = 31;
let pairs: usize = 0;

/** Writes the pairs at `at` (16 × PAIRS bytes of the caller's memory). */
export function placePairs(at: usize): void {
  pairs = at;
  v128.store(at + (<usize>A0_PAIR << 4), f64x2.splat(A0));
  v128.store(at + (<usize>A1_PAIR << 4), f64x2.splat(A1));
  v128.store(at + (<usize>A2_PAIR << 4), f64x2.splat(A2));
  v128.store(at + (<usize>A3_PAIR << 4), f64x2.splat(A3));
  v128.store(at + (<usize>A4_PAIR << 4), f64x2.splat(A4));
  v128.store(at + (<usize>B0_PAIR << 4), f64x2.splat(B0));
  v128.store(at + (<usize>B1_PAIR << 4), f64x2.splat(B1));
  v128.store(at + (<usize>B2_PAIR << 4), f64x2.splat(B2));
  v128.store(at + (<usize>B3_PAIR << 4), f64x2.splat(B3));
  v128.store(at + (<usize>C0_PAIR << 4), f64x2.splat(C0));
  v128.store(at + (<usize>C1_PAIR << 4), f64x2.splat(C1));
  v128.store(at + (<usize>C2_PAIR << 4), f64x2.splat(C2));
  v128.store(at + (<usize>C3_PAIR << 4), f64x2.splat(C3));
  v128.store(at + (<usize>C4_PAIR << 4), f64x2.splat(C4));
  v128.store(at + (<usize>C5_PAIR << 4), f64x2.splat(C5));
  v128.store(at + (<usize>C6_PAIR << 4), f64x2.splat(C6));
  v128.store(at + (<usize>C7_PAIR << 4), f64x2.splat(C7));
  v128.store(at + (<usize>C8_PAIR << 4), f64x2.splat(C8));
  v128.store(at + (<usize>D0_PAIR << 4), f64x2.splat(D0));
  v128.store(at + (<usize>D1_PAIR << 4), f64x2.splat(D1));
  v128.store(at + (<usize>D2_PAIR << 4), f64x2.splat(D2));
  v128.store(at + (<usize>D3_PAIR << 4), f64x2.splat(D3));
  v128.store(at + (<usize>D4_PAIR << 4), f64x2.splat(D4));
  v128.store(at + (<usize>D5_PAIR << 4), f64x2.splat(D5));
  v128.store(at + (<usize>D6_PAIR << 4), f64x2.splat(D6));
  v128.store(at + (<usize>D7_PAIR << 4), f64x2.splat(D7));
  v128.store(at + (<usize>R1_PAIR << 4), f64x2.splat(R1));
  v128.store(at + (<usize>R2_PAIR << 4), f64x2.splat(R2));
  v128.store(at + (<usize>R3_PAIR << 4), f64x2.splat(R3));
  v128.store(at + (<usize>R4_PAIR << 4), f64x2.splat(R4));
  v128.store(at + (<usize>R5_PAIR << 4), f64x2.splat(R5));
}

@inline function pair(at: usize, index: i32): v128 { return v128.load(at + (<usize>index << 4)); }

/**
 * Tails of the first `count` numbers of `zs` (normal.ts normalTailsOf):
 * `Q(|z|)` at `tails[2i]`, `Φ(|z|) − ½` at `tails[2i + 1]`. The z of each of
 * CALERF's two busy intervals are listed first (`near`: |z|/√2 ≤ 0.46875;
 * `middle`: up to 4), then taken in pairs; the far tails one at a time.
 * `gauss` holds e^{−k²/512}; `near` and `middle` are scratch for `count` i32s.
 */
export function normalTailsOf(zs: usize, count: i32, tails: usize, gauss: usize, near: usize, middle: usize): void {
  const table = pairs;
  let nearCount = 0;
  let middleCount = 0;
  for (let index = 0; index < count; index += 1) {
    const size = magnitude(get(zs, index));
    const y = size * SQRT1_2;
    if (y <= ERF_THRESHOLD) {
      store<i32>(near + (<usize>nearCount << 2), index);
      nearCount += 1;
    } else if (size > TAIL_UNDERFLOW) {
      put(tails, 2 * index, 0);
      put(tails, 2 * index + 1, 0.5);
    } else if (y <= ERFC_SWITCH) {
      store<i32>(middle + (<usize>middleCount << 2), index);
      middleCount += 1;
    } else {
      // y > 4 or NaN: rare (the far tails of a wide distribution).
      tailOfOne(zs, index, tails, gauss);
    }
  }
  let at = 0;
  for (; at + 1 < nearCount; at += 2) nearPair(table, zs, load<i32>(near + (<usize>at << 2)), load<i32>(near + (<usize>at << 2) + 4), tails);
  if (at < nearCount) tailOfOne(zs, load<i32>(near + (<usize>at << 2)), tails, gauss);
  at = 0;
  for (; at + 1 < middleCount; at += 2) middlePair(table, zs, load<i32>(middle + (<usize>at << 2)), load<i32>(middle + (<usize>at << 2) + 4), tails, gauss);
  if (at < middleCount) tailOfOne(zs, load<i32>(middle + (<usize>at << 2)), tails, gauss);
}

/** |z| as normal.ts forms it: −0 stays −0 (its central mass is −0, as there). */
@inline function magnitude(z: f64): f64 { return z < 0 ? -z : z; }

/** The pair (a, b) as lanes. */
@inline function lanes(a: f64, b: f64): v128 { return f64x2.replace_lane(f64x2.splat(a), 1, b); }
@inline function times(a: v128, b: f64): v128 { return f64x2.mul(a, f64x2.splat(b)); }
@inline function plus(a: v128, b: f64): v128 { return f64x2.add(a, f64x2.splat(b)); }

/** Writes a tail and its central mass for z number `index`. */
@inline function putTails(tails: usize, index: i32, tail: f64, central: f64): void {
  put(tails, 2 * index, tail);
  put(tails, 2 * index + 1, central);
}

/** Two z with |z|/√2 ≤ 0.46875: erf(y) = y R₁(y²). */
@inline function nearPair(table: usize, zs: usize, first: i32, second: i32, tails: usize): void {
  const y = times(lanes(magnitude(get(zs, first)), magnitude(get(zs, second))), SQRT1_2);
  const ysq = f64x2.mul(y, y);
  let num = f64x2.mul(ysq, pair(table, A4_PAIR));
  let den = ysq;
  num = f64x2.mul(f64x2.add(num, pair(table, A0_PAIR)), ysq);
  den = f64x2.mul(f64x2.add(den, pair(table, B0_PAIR)), ysq);
  num = f64x2.mul(f64x2.add(num, pair(table, A1_PAIR)), ysq);
  den = f64x2.mul(f64x2.add(den, pair(table, B1_PAIR)), ysq);
  num = f64x2.mul(f64x2.add(num, pair(table, A2_PAIR)), ysq);
  den = f64x2.mul(f64x2.add(den, pair(table, B2_PAIR)), ysq);
  const half = f64x2.mul(f64x2.splat(0.5), f64x2.div(f64x2.mul(y, f64x2.add(num, pair(table, A3_PAIR))), f64x2.add(den, pair(table, B3_PAIR))));
  const tail = f64x2.sub(f64x2.splat(0.5), half);
  putTails(tails, first, f64x2.extract_lane(tail, 0), f64x2.extract_lane(half, 0));
  putTails(tails, second, f64x2.extract_lane(tail, 1), f64x2.extract_lane(half, 1));
}

/**
 * Two z with 0.46875 < |z|/√2 ≤ 4: `Q = ½ R₂(y) e^{−s²/2} e^{−rest}`. e^{−rest}
 * by e_exp.c's path for |x| < ½ ln2 (k = 0), which is where `rest` lies but
 * within a sixteenth of |z| = 5.66; a lane outside it takes fdlibm.ts exponential.
 */
@inline function middlePair(table: usize, zs: usize, first: i32, second: i32, tails: usize, gauss: usize): void {
  const size = lanes(magnitude(get(zs, first)), magnitude(get(zs, second)));
  const y = times(size, SQRT1_2);
  let num = f64x2.mul(y, pair(table, C8_PAIR));
  let den = y;
  num = f64x2.mul(f64x2.add(num, pair(table, C0_PAIR)), y);
  den = f64x2.mul(f64x2.add(den, pair(table, D0_PAIR)), y);
  num = f64x2.mul(f64x2.add(num, pair(table, C1_PAIR)), y);
  den = f64x2.mul(f64x2.add(den, pair(table, D1_PAIR)), y);
  num = f64x2.mul(f64x2.add(num, pair(table, C2_PAIR)), y);
  den = f64x2.mul(f64x2.add(den, pair(table, D2_PAIR)), y);
  num = f64x2.mul(f64x2.add(num, pair(table, C3_PAIR)), y);
  den = f64x2.mul(f64x2.add(den, pair(table, D3_PAIR)), y);
  num = f64x2.mul(f64x2.add(num, pair(table, C4_PAIR)), y);
  den = f64x2.mul(f64x2.add(den, pair(table, D4_PAIR)), y);
  num = f64x2.mul(f64x2.add(num, pair(table, C5_PAIR)), y);
  den = f64x2.mul(f64x2.add(den, pair(table, D5_PAIR)), y);
  num = f64x2.mul(f64x2.add(num, pair(table, C6_PAIR)), y);
  den = f64x2.mul(f64x2.add(den, pair(table, D6_PAIR)), y);
  const scaledErfc = f64x2.div(f64x2.add(num, pair(table, C7_PAIR)), f64x2.add(den, pair(table, D7_PAIR)));
  const firstSixteenths = <i32>(f64x2.extract_lane(size, 0) * 16);
  const secondSixteenths = <i32>(f64x2.extract_lane(size, 1) * 16);
  const s = lanes(<f64>firstSixteenths / 16, <f64>secondSixteenths / 16);
  const rest = times(f64x2.mul(f64x2.sub(size, s), f64x2.add(size, s)), 0.5);
  // e_exp.c for x = −rest, k = 0: e^x = 1 − ((x c)/(c − 2) − x).
  const r = f64x2.neg(rest);
  const t = f64x2.mul(r, r);
  // R1 + t(R2 + t(R3 + t(R4 + t R5))), innermost first.
  let polynomial = f64x2.add(f64x2.mul(t, pair(table, R5_PAIR)), pair(table, R4_PAIR));
  polynomial = f64x2.add(f64x2.mul(t, polynomial), pair(table, R3_PAIR));
  polynomial = f64x2.add(f64x2.mul(t, polynomial), pair(table, R2_PAIR));
  polynomial = f64x2.add(f64x2.mul(t, polynomial), pair(table, R1_PAIR));
  const c = f64x2.sub(r, f64x2.mul(t, polynomial));
  let restFactor = f64x2.sub(f64x2.splat(1), f64x2.sub(f64x2.div(f64x2.mul(r, c), f64x2.sub(c, f64x2.splat(2))), r));
  const firstRest = f64x2.extract_lane(rest, 0);
  const secondRest = f64x2.extract_lane(rest, 1);
  if (!(firstRest < REDUCE_FROM && firstRest >= TINY_BELOW)) restFactor = f64x2.replace_lane(restFactor, 0, exponential(-firstRest));
  if (!(secondRest < REDUCE_FROM && secondRest >= TINY_BELOW)) restFactor = f64x2.replace_lane(restFactor, 1, exponential(-secondRest));
  const tail = f64x2.mul(
    f64x2.mul(times(scaledErfc, 0.5), restFactor),
    lanes(get(gauss, firstSixteenths), get(gauss, secondSixteenths)),
  );
  const central = f64x2.sub(f64x2.splat(0.5), tail);
  putTails(tails, first, f64x2.extract_lane(tail, 0), f64x2.extract_lane(central, 0));
  putTails(tails, second, f64x2.extract_lane(tail, 1), f64x2.extract_lane(central, 1));
}

/** normal.ts normalTailsOf for z number `index` alone. */
function tailOfOne(zs: usize, index: i32, tails: usize, gauss: usize): void {
  const size = magnitude(get(zs, index));
  const y = size * SQRT1_2;
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
    putTails(tails, index, 0.5 - half, half);
    return;
  }
  let tail = 0.0;
  if (!(size > TAIL_UNDERFLOW)) {
    let scaledErfc: f64;
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
    const k = <i32>(size * 16);
    const s = <f64>k / 16;
    const rest = (size - s) * (size + s) * 0.5;
    tail = 0.5 * scaledErfc * exponential(-rest) * get(gauss, k);
  }
  putTails(tails, index, tail, 0.5 - tail);
}

// e_exp.c's path for |x| ≤ ½ ln2 (k = 0), which the pairs take: where it
// applies (fdlibm.ts's high-word tests), and its polynomial's coefficients.
const REDUCE_FROM: f64 = reinterpret<f64>(0x3fd62e4300000000); // above: e_exp.c reduces by k ln2 (hx > 0x3fd62e42)
const TINY_BELOW: f64 = reinterpret<f64>(0x3e30000000000000); //  below: e^x = 1 + x (hx < 0x3e300000)
