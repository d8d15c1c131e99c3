/**
 * The §3 sums of one active member-year, evaluated for speed without giving
 * up a digit: the same doubles as `expectedMemberYear` (contributions.ts),
 * in the same order, with each breakpoint of a month evaluated once for the
 * two pieces it bounds, the months of equal seasons evaluated once, what
 * does not change from year to year (σ, the distinct seasons) prepared once
 * per income row, and nothing allocated per call. A stochastic run needs it:
 * its income factors change every year, so §3 runs for every row and year.
 * The rows' shapes and the rules' pieces are prepared here; the sums are
 * evaluated in WebAssembly (src/wasm/incomes.ts, through incomeKernel.ts).
 */
import { type IncomeDistribution, expectedMemberYear } from './contributions.js';
import type { IncomeProfile } from './model.js';
import { type IncomeKernel, kernelMemberYear } from './incomeKernel.js';

/** Numbers per piece of `contributionPieces`: ln L, ln U, cα, cβ, bα, bβ, mα, mβ. */
const PIECE_SIZE = 8;
/** The pieces follow one header value: the percent rule's rate, NaN for the other kinds. */
const PIECES_START = 1;

/** An income row's shape (§3): what depends on the row only. */
export interface RowShape {
  profile: IncomeProfile;
  /** `σ² = ln(1 + cv²)` and `σ`. */
  variance: number;
  sigma: number;
  /** `1 − p0`. */
  incomeShare: number;
  /** `Σ_k season_k`, added in month order. */
  seasonTotal: number;
  /** The distinct raw seasonal factors, in order of first occurrence, and how many months have each. */
  factors: Float64Array;
  weights: Float64Array;
}

export function rowShape(profile: IncomeProfile): RowShape {
  const variance = Math.log1p(profile.cv * profile.cv);
  let seasonTotal = 0;
  for (const factor of profile.seasons) seasonTotal += factor;
  const factors: number[] = [];
  const weights: number[] = [];
  profile.seasons.forEach((factor, month) => {
    if (profile.seasons.indexOf(factor) < month) return;
    factors.push(factor);
    weights.push(profile.seasons.slice(month).filter((other) => other === factor).length);
  });
  return {
    profile, variance, sigma: Math.sqrt(variance), incomeShare: 1 - profile.zeroMonthProb, seasonTotal,
    factors: Float64Array.from(factors), weights: Float64Array.from(weights),
  };
}

/**
 * A rule's pieces with their distinct bounds: piece p (at `PIECES_START + p × 8`
 * of `pieces`) runs from `bounds[lower[p]]` to `bounds[upper[p]]` (logs).
 */
export interface PieceSet {
  pieces: Float64Array;
  /** The percent rule's rate (C = rate × S, as expectedMemberYear computes it), NaN for other kinds. */
  rate: number;
  bounds: Float64Array;
  lower: Int32Array;
  upper: Int32Array;
  /** Whether any piece has a term in Y, which needs the partial expectation. */
  needsMean: boolean;
  /** Whether a bound bounds a piece with a term in Y: only there are the tails at z − σ read. */
  boundNeedsMean: Uint8Array;
}

export function pieceSet(pieces: Float64Array): PieceSet {
  const count = (pieces.length - PIECES_START) / PIECE_SIZE;
  const bounds: number[] = [];
  const lower = new Int32Array(count);
  const upper = new Int32Array(count);
  const indexOf = (value: number) => {
    let at = bounds.indexOf(value);
    if (at < 0) { at = bounds.length; bounds.push(value); }
    return at;
  };
  const sloped: number[] = [];
  for (let piece = 0; piece < count; piece += 1) {
    const at = PIECES_START + piece * PIECE_SIZE;
    lower[piece] = indexOf(pieces[at]!);
    upper[piece] = indexOf(pieces[at + 1]!);
    if (pieces[at + 3] !== 0 || pieces[at + 5] !== 0 || pieces[at + 7] !== 0) sloped.push(piece);
  }
  const boundNeedsMean = new Uint8Array(bounds.length);
  for (const piece of sloped) boundNeedsMean[lower[piece]!] = boundNeedsMean[upper[piece]!] = 1;
  return {
    pieces, rate: pieces[0]!, bounds: Float64Array.from(bounds), lower, upper, needsMean: sloped.length > 0, boundNeedsMean,
  };
}

/**
 * Writes `d, C, M, S` of one active member-year (§3) of row `row` of
 * `kernel` at `out[at … at+3]`: the numbers
 * `expectedMemberYear(set.pieces, {meanAnnualIncome, …shape}, compliance)` returns.
 */
export function memberYearInto(kernel: IncomeKernel, set: PieceSet, row: number, meanAnnualIncome: number, compliance: number, out: Float64Array, at: number): void {
  const shape = kernel.shapes[row]!;
  out[at] = 0; out[at + 1] = 0; out[at + 2] = 0; out[at + 3] = 0;
  if (!(meanAnnualIncome > 0) || !(shape.incomeShare > 0) || set.pieces.length <= PIECES_START) return;
  if (shape.sigma === 0) {
    // A point mass (cv so small that ln(1 + cv²) is 0): rare, and handled by the general code.
    const income: IncomeDistribution = { meanAnnualIncome, cv: shape.profile.cv, zeroMonthProb: shape.profile.zeroMonthProb, seasons: shape.profile.seasons };
    const result = expectedMemberYear(set.pieces, income, compliance);
    out[at] = result.density; out[at + 1] = result.contributions; out[at + 2] = result.matching; out[at + 3] = result.insuredEarnings;
    return;
  }
  kernelMemberYear(kernel, set, row, meanAnnualIncome, compliance, out, at);
}
