// AssemblyScript (npm run build:wasm): §3 of one income row and year — the
// density and the expected contributions, matching and insured earnings of
// an active member-year — as memberYearInto (src/core/memberYearSums.ts)
// asks for it. The same arithmetic as contributions.ts expectedMemberYear
// and normal.ts, in the same order, with Math.log and Math.exp's own bits
// (fdlibm.ts), so that every number is the same double.
//
// Its memory is not the year kernel's: a §3 cache instantiates the module
// once more with a memory of its own (src/core/incomeKernel.ts), which
// JavaScript lays out — the table below, the rows' shapes, the loaded rule.
import { exponential, naturalLog } from './fdlibm';
import { get, put } from './memory';
import { normalTailsOf, placePairs } from './normalTails';

// Set once per instance (configureIncomes).
let gaussSixteenths: usize = 0; // e^{−k²/512}, k = 0 … 640 (normal.ts GAUSS_SIXTEENTHS, computed by JavaScript)
let results: usize = 0; //         d, C, M, S of the last memberYear

export function configureIncomes(gaussPointer: usize, resultsPointer: usize, monthsPointer: usize, pairsPointer: usize): void {
  gaussSixteenths = gaussPointer; results = resultsPointer; monthScales = monthsPointer;
  placePairs(pairsPointer);
}

// The rule being evaluated (memberYearSums.ts PieceSet), set by loadPieces.
let pieces: usize = 0; //         8 numbers a piece: ln L, ln U, cα, cβ, bα, bβ, mα, mβ
let pieceCount: i32 = 0;
let bounds: usize = 0; //         the pieces' distinct bounds (logs)
let boundCount: i32 = 0;
let lower: usize = 0; //          i32 a piece: the index of its lower bound
let upper: usize = 0; //          i32 a piece: of its upper bound
let boundNeedsMean: usize = 0; // i32 a bound: 1 where a piece with a term in Y has it
let zs: usize = 0; //             scratch: z and z − σ of each bound
let tails: usize = 0; //          scratch: Q(|z|), Φ(|z|) − ½ of each z
let near: usize = 0; //           scratch for normalTailsOf: i32 a z
let middle: usize = 0;
let monthScales: usize = 0; //    scratch: e^{λ + σ²/2} of each distinct month, NaN for a month without income
let needsMean: bool = false;
let rate: f64 = 0; //             the percent rule's rate, NaN for the other kinds

export function loadPieces(
  piecesPointer: usize, count: i32, boundsPointer: usize, distinctBounds: i32, lowerPointer: usize, upperPointer: usize,
  needsPointer: usize, zsPointer: usize, tailsPointer: usize, nearPointer: usize, middlePointer: usize, anyMean: bool, percentRate: f64,
): void {
  pieces = piecesPointer; pieceCount = count; bounds = boundsPointer; boundCount = distinctBounds; lower = lowerPointer; upper = upperPointer;
  boundNeedsMean = needsPointer; zs = zsPointer; tails = tailsPointer; near = nearPointer; middle = middlePointer;
  needsMean = anyMean; rate = percentRate;
}

// A row's shape (memberYearSums.ts RowShape) at `shape`, in doubles.
const VARIANCE: i32 = 0;
const SIGMA: i32 = 1;
const INCOME_SHARE: i32 = 2;
const SEASON_TOTAL: i32 = 3;
const DISTINCT_SEASONS: i32 = 4;
const FACTORS: i32 = 5; //  the distinct seasonal factors
const WEIGHTS: i32 = 17; // how many months have each
const MONTHS: f64 = 12;

@inline function getIndex(base: usize, index: i32): i32 { return load<i32>(base + (<usize>index << 2)); }

/**
 * memberYearSums.ts memberYearInto for a row with σ > 0, income and pieces
 * (the caller checks): d, C, M, S at `results`.
 */
export function memberYear(shape: usize, meanAnnualIncome: f64, compliance: f64): void {
  const variance = get(shape, VARIANCE);
  const sigma = get(shape, SIGMA);
  const incomeShare = get(shape, INCOME_SHARE);
  const seasonTotal = get(shape, SEASON_TOTAL);
  const distinctSeasons = <i32>get(shape, DISTINCT_SEASONS);
  // partialExpectationLn's own σ² (σ·σ, which may differ from ln(1 + cv²) in the last bit).
  const squared = sigma * sigma;
  // Each month's z first, then every tail of the row in one call (two at a
  // time where they can be: normalTails.ts), then each month's pieces.
  const perMonth = 2 * boundCount;
  for (let distinct = 0; distinct < distinctSeasons; distinct += 1) {
    const monthMean = (meanAnnualIncome * get(shape, FACTORS + distinct)) / (seasonTotal * incomeShare);
    const monthZs = zs + (<usize>(distinct * perMonth) << 3);
    if (!(monthMean > 0)) {
      put(monthScales, distinct, NaN);
      // No tails to compute: +∞ for every z.
      for (let bound = 0; bound < perMonth; bound += 1) put(monthZs, bound, Infinity);
      continue;
    }
    const lambda = naturalLog(monthMean) - variance / 2;
    const shift = lambda + squared;
    // z = (ln b − λ)/σ and z − σ as (ln b − λ − σ²)/σ, in lanes: one division for the two.
    const centres = f64x2.replace_lane(f64x2.splat(lambda), 1, shift);
    const sigmas = f64x2.splat(sigma);
    for (let bound = 0; bound < boundCount; bound += 1) {
      const pair = f64x2.div(f64x2.sub(f64x2.splat(get(bounds, bound)), centres), sigmas);
      // Where no piece reads them, the tails at z − σ are those of +∞: 0 and ½, at no cost.
      v128.store(monthZs + (<usize>bound << 4), getIndex(boundNeedsMean, bound) == 1 ? pair : f64x2.replace_lane(pair, 1, Infinity));
    }
    put(monthScales, distinct, needsMean ? exponential(lambda + squared / 2) : 0);
  }
  normalTailsOf(zs, distinctSeasons * perMonth, tails, gaussSixteenths, near, middle);
  let paidMonths = 0.0;
  let contributions = 0.0;
  let matching = 0.0;
  let insured = 0.0;
  for (let distinct = 0; distinct < distinctSeasons; distinct += 1) {
    const scaleOfMean = get(monthScales, distinct);
    if (isNaN(scaleOfMean)) continue;
    const weight = get(shape, WEIGHTS + distinct);
    const monthZs = zs + (<usize>(distinct * perMonth) << 3);
    const monthTails = tails + (<usize>(distinct * perMonth) << 4);
    for (let piece = 0; piece < pieceCount; piece += 1) {
      const base = piece << 3;
      const low = getIndex(lower, piece);
      const high = getIndex(upper, piece);
      const probability = probabilityFromTails(get(monthZs, 2 * low), get(monthZs, 2 * high), monthTails, 4 * low, 4 * high);
      const cSlope = get(pieces, base + 3);
      const bSlope = get(pieces, base + 5);
      const mSlope = get(pieces, base + 7);
      const mean = cSlope == 0 && bSlope == 0 && mSlope == 0
        ? 0
        : scaleOfMean * probabilityFromTails(get(monthZs, 2 * low + 1), get(monthZs, 2 * high + 1), monthTails, 4 * low + 2, 4 * high + 2);
      paidMonths += weight * probability;
      contributions += weight * (get(pieces, base + 2) * probability + cSlope * mean);
      insured += weight * (get(pieces, base + 4) * probability + bSlope * mean);
      matching += weight * (get(pieces, base + 6) * probability + mSlope * mean);
    }
  }
  const scale = compliance * incomeShare;
  const insuredEarnings = scale * insured;
  put(results, 0, (scale * paidMonths) / MONTHS);
  // As expectedMemberYear: a percent rule's C is rate × S (monotone where S is).
  put(results, 1, isNaN(rate) ? scale * contributions : rate * insuredEarnings);
  put(results, 2, scale * matching);
  put(results, 3, insuredEarnings);
}

/** normal.ts probabilityFromTails: Φ(b) − Φ(a) from the tails of a (at `atA`) and b (at `atB`). */
@inline function probabilityFromTails(a: f64, b: f64, tails: usize, atA: i32, atB: i32): f64 {
  if (a >= b) return 0;
  let mass: f64;
  if (a >= 0) mass = get(tails, atA) - get(tails, atB);
  else if (b <= 0) mass = get(tails, atB) - get(tails, atA);
  else return get(tails, atA + 1) + get(tails, atB + 1);
  return mass > 0 ? mass : mass == mass ? 0 : mass;
}


/**
 * Lays a year's values out by slot (memberYears.ts fillMemberYears): pair i
 * at `pairs` is (slot, row), two i32s; row r's d, C, M, S are at
 * `values + 32 r`; the four tables by slot (d, C, M, S) follow each other
 * at `tables`, `slots` doubles each. Slots in no pair are left as they are.
 */
export function spreadMemberYears(values: usize, pairs: usize, count: i32, tables: usize, slots: i32): void {
  const table = <usize>slots << 3;
  for (let index = 0; index < count; index += 1) {
    const pair = pairs + (<usize>index << 3);
    const slot = tables + (<usize>load<i32>(pair) << 3);
    const from = values + (<usize>load<i32>(pair, 4) << 5);
    store<f64>(slot, load<f64>(from));
    store<f64>(slot + table, load<f64>(from, 8));
    store<f64>(slot + 2 * table, load<f64>(from, 16));
    store<f64>(slot + 3 * table, load<f64>(from, 24));
  }
}
