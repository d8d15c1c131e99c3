/**
 * Expected contributions of one active member-year, methodology §3, in closed form.
 *
 * A month's actual income `Y` is 0 with probability `p0`, else lognormal. On
 * a month with income, the contribution `c`, the insured base `b`, the
 * matching `mc` and the indicator `paid` are piecewise functions of `Y`: cut
 * `(0, ∞)` at the breakpoints listed in {@link memberYear} and, on each
 * piece, `paid` is constant and `c`, `b`, `mc` are each `α + β·Y`. So
 * `E[(α + βY) 1{paid}] = Σ_pieces α Pr[L ≤ Y < U] + β E[Y; L ≤ Y < U]`, a
 * finite sum of the lognormal interval terms of `lognormal.ts`.
 */
import { type ContributionRule, unreachable } from './rules.js';
import { partialExpectationLn, probabilityBetweenLn } from './lognormal.js';

/** Months in a year: §3 sums over `m = 1…12`. */
const MONTHS = 12;

/**
 * §3: a month is affordable when `c ≤ affordability × Y × (1 + 1e-12)`. The
 * relative slack makes exact ties, such as `0.1 × 0.8` against `0.08` (which
 * differ in the last binary digit), count as affordable.
 */
const AFFORDABILITY_SLACK = 1e-12;

/** The inputs of one active member-year (group, sex, age, year) of §3. */
export interface MemberYearInputs extends IncomeDistribution {
  /** `Ȳ = 12 × mean_monthly_income × Iw_t × e^z` (z = 0 in deterministic runs), money of year t. */
  meanAnnualIncome: number;
  /** Coefficient of variation of a positive month's income, > 0. */
  cv: number;
  /** `p0`: probability that a month has no income, in [0, 1). */
  zeroMonthProb: number;
  /** The 12 raw seasonal factors (> 0); rescaled to mean 1 here. */
  seasons: readonly number[];
  /** The group's merged rule (§2), money fields monthly in base-year money. */
  rule: ContributionRule;
  /**
   * `J_t`: multiplies every money field of the rule — floor, ceiling, amount,
   * insured_income, class up_to, amount and insured_income, matching cap and
   * income_limit. Rate, affordability and matching ratio are not money.
   */
  contributionIndex: number;
  /** `π = compliance`: share of affordable months actually paid, (0, 1]. */
  compliance: number;
  /** `κ = declared_share`: declared income `Dc = κ Y`, (0, 1]. */
  declaredShare: number;
}

/** Expected annual flows of one active member-year (§3), money of year t. */
export interface MemberYear {
  /** `d = π (1/12) Σ_m (1 − p0) Pr[paid]`: expected share of the year's months paid. */
  density: number;
  /** `C = π Σ_m (1 − p0) E[c · 1{paid}]`: own contributions. */
  contributions: number;
  /** `M = π Σ_m (1 − p0) E[mc · 1{paid}]`: matching. */
  matching: number;
  /** `S = π Σ_m (1 − p0) E[b · 1{paid}]`: insured earnings. */
  insuredEarnings: number;
}

/** What every scaled rule kind carries: κ, the affordability test and matching (money × J, nulls as ∞). */
interface ScaledCommon {
  declaredShare: number;
  /** `affordability`, or `null` when every month with income is affordable. */
  affordability: number | null;
  /** Matching ratio; 0 when the rule has no matching. */
  matchingRatio: number;
  /** Matching cap × J; `Infinity` when null. */
  matchingCap: number;
  /** Matching income limit × J; `Infinity` when null. */
  incomeLimit: number;
}
/** The rule of §3 with money fields × J and nulls resolved, ready for pointwise use. */
type ScaledRule = ScaledCommon & (
  | { kind: 'percent'; rate: number; floor: number; /** `Infinity` when the ceiling is null. */ ceiling: number }
  | { kind: 'flat'; amount: number; insuredIncome: number }
  | { kind: 'classes'; /** Class upper bounds × J; the last is `Infinity`. */ classUpTo: number[]; classAmount: number[]; classInsuredIncome: number[] }
);

/** Number of values stored per piece in the flat `pieces` array. */
const PIECE_SIZE = 8;
/** The pieces follow one header value: the percent rule's rate, NaN for the other kinds. */
const PIECES_START = 1;

/**
 * Expected density, own contributions, matching and insured earnings of one
 * active member-year, in closed form (methodology §3).
 *
 * Formulas (`π` compliance, `p0` zero-month probability, `Y` the month's
 * income given that it is positive, `ln Y ~ N(λ_m, σ²)`,
 * `σ² = ln(1 + cv²)`, `λ_m = ln ȳ_m − σ²/2`, `ȳ_m = Ȳ s_m / (12 (1 − p0))`,
 * `s_m` the seasonal factors rescaled to mean 1):
 * `d = π/12 Σ_m (1 − p0) Pr[paid]`, `C = π Σ_m (1 − p0) E[c 1{paid}]`,
 * `M = π Σ_m (1 − p0) E[mc 1{paid}]`, `S = π Σ_m (1 − p0) E[b 1{paid}]`.
 *
 * Derivation. With `Dc = κY`, money fields × J, `a' = a (1 + 1e-12)`, the
 * range `(0, ∞)` of `Y` is cut at these breakpoints; between two of them the
 * month's `paid`, and the form (`α` or `β·Y`) of `c`, `b` and `mc`, are fixed:
 * - percent: `floor/κ` and `ceiling/κ`, where `clamp(κY, floor, ceiling)`
 *   switches between constant (`floor`, `ceiling`) and linear (`κY`);
 * - classes: each `up_to/κ`, where the class of `Dc` changes;
 * - affordability on a piece where `c` is a constant `k` (flat `amount`, a
 *   class's `amount`, percent `rate × floor` below `floor/κ` and
 *   `rate × ceiling` above `ceiling/κ`): `k ≤ a'Y ⇔ Y ≥ k/a'`, so `k/a'`.
 *   Where `c = rate κ Y` is linear, `c ≤ a'Y ⇔ rate κ ≤ a'`: all or nothing,
 *   no breakpoint (so `rate = 0.1, κ = 0.8, a = 0.08` is affordable);
 * - matching: `income_limit` (matched only for `Y ≤ income_limit`, on actual
 *   income), and where `min(ratio × c, cap)` switches from `ratio × c` to
 *   `cap`: nowhere inside a constant-`c` piece, at `cap/(ratio rate κ)` on the
 *   linear percent piece.
 * Breakpoints that fall outside the piece they belong to only split an
 * interval in two, which is harmless; each interval is classified by applying
 * the §3 rule literally at an interior point. Then
 * `E[(α + βY) 1{L ≤ Y < U}] = α Pr[L ≤ Y < U] + β E[Y; L ≤ Y < U]`.
 *
 * `Ȳ = 0` means no income at all: every output is 0. Months with equal raw
 * seasonal factors share one evaluation.
 * @example
 * // flat 20 a month, insured income 100, J = 1.1, compliance 0.9, p0 = 0.25:
 * memberYear({ meanAnnualIncome: 1200, cv: 0.5, zeroMonthProb: 0.25, seasons: Array(12).fill(1),
 *   rule: { rule: 'flat', amount: 20, insured_income: 100, indexation: 'wages', affordability: null, matching: null },
 *   contributionIndex: 1.1, compliance: 0.9, declaredShare: 1 })
 * // { density: 0.675, contributions: 178.2, matching: 0, insuredEarnings: 891 }
 */
export function memberYear(inputs: MemberYearInputs): MemberYear {
  const pieces = contributionPieces(inputs.rule, inputs.contributionIndex, inputs.declaredShare);
  return expectedMemberYear(pieces, inputs, inputs.compliance);
}

/** A month's income distribution (§3): what varies by (group, sex, age, year) under one rule. */
export interface IncomeDistribution {
  /** `Ȳ`, money of year t. */
  meanAnnualIncome: number;
  cv: number;
  zeroMonthProb: number;
  /** The 12 raw seasonal factors (> 0); rescaled to mean 1 here. */
  seasons: readonly number[];
}

/**
 * The paid pieces of `(0, ∞)` of a rule at `J` and `κ` (see {@link memberYear}):
 * a header, the percent rule's rate (NaN for the other kinds), then per piece
 * `ln L, ln U, cα, cβ, bα, bβ, mα, mβ`. They depend on the rule, `J_t` and `κ`
 * only, so one set serves every income row of a group in a year.
 */
export function contributionPieces(rule: ContributionRule, contributionIndex: number, declaredShare: number): Float64Array {
  return Float64Array.from([rule.rule === 'percent' ? rule.rate : NaN, ...paidPieces(scaleRule(rule, contributionIndex, declaredShare))]);
}

/**
 * `d`, `C`, `M`, `S` of {@link memberYear} from a rule's pieces and a month's
 * income distribution, with `π = compliance`.
 */
export function expectedMemberYear(pieces: ArrayLike<number>, income: IncomeDistribution, compliance: number): MemberYear {
  const { meanAnnualIncome, cv, zeroMonthProb, seasons } = income;
  if (seasons.length !== MONTHS) {
    throw new Error(`memberYear: seasons must hold ${MONTHS} factors, got ${seasons.length}`);
  }
  const result: MemberYear = { density: 0, contributions: 0, matching: 0, insuredEarnings: 0 };
  const incomeShare = 1 - zeroMonthProb;
  if (!(meanAnnualIncome > 0) || !(incomeShare > 0)) return result;
  if (pieces.length <= PIECES_START) return result;

  // log1p keeps σ² = ln(1 + cv²) exact for tiny cv instead of rounding it to 0.
  const variance = Math.log1p(cv * cv);
  const sigma = Math.sqrt(variance);
  let seasonTotal = 0;
  for (const factor of seasons) seasonTotal += factor;

  let paidMonths = 0;
  let contributions = 0;
  let matching = 0;
  let insured = 0;
  for (let month = 0; month < MONTHS; month += 1) {
    const factor = seasons[month]!;
    if (seasons.indexOf(factor) < month) continue; // counted with its first occurrence
    let weight = 0;
    for (let other = month; other < MONTHS; other += 1) if (seasons[other] === factor) weight += 1;
    // ȳ_m = Ȳ s_m / (12 (1 − p0)) with s_m = 12 × factor / Σ factors.
    const monthMean = (meanAnnualIncome * factor) / (seasonTotal * incomeShare);
    if (!(monthMean > 0)) continue;
    const lambda = Math.log(monthMean) - variance / 2;
    for (let at = PIECES_START; at < pieces.length; at += PIECE_SIZE) {
      const lnLower = pieces[at]!;
      const lnUpper = pieces[at + 1]!;
      const probability = probabilityBetweenLn(lnLower, lnUpper, lambda, sigma);
      const cSlope = pieces[at + 3]!;
      const bSlope = pieces[at + 5]!;
      const mSlope = pieces[at + 7]!;
      const mean = cSlope === 0 && bSlope === 0 && mSlope === 0 ? 0 : partialExpectationLn(lnLower, lnUpper, lambda, sigma);
      paidMonths += weight * probability;
      contributions += weight * (pieces[at + 2]! * probability + cSlope * mean);
      insured += weight * (pieces[at + 4]! * probability + bSlope * mean);
      matching += weight * (pieces[at + 6]! * probability + mSlope * mean);
    }
  }
  const scale = compliance * incomeShare;
  result.density = (scale * paidMonths) / MONTHS;
  result.matching = scale * matching;
  result.insuredEarnings = scale * insured;
  // §3: c = rate × b on every piece of a percent rule, so C = rate × S. One
  // product stays monotone where S is, even for a subnormal rate, whose
  // products with the floor and κ in the pieces keep only a bit or two.
  const rate = pieces[0]!;
  result.contributions = Number.isNaN(rate) ? scale * contributions : rate * result.insuredEarnings;
  return result;
}

/** The rule's money fields × J, nulls resolved (§3 "Money fields of the rule are multiplied by J_t"). */
function scaleRule(rule: ContributionRule, index: number, declaredShare: number): ScaledRule {
  const matching = rule.matching;
  const common: ScaledCommon = {
    declaredShare,
    affordability: rule.affordability,
    matchingRatio: matching === null ? 0 : matching.ratio,
    matchingCap: matching === null || matching.cap === null ? Infinity : matching.cap * index,
    incomeLimit: matching === null || matching.income_limit === null ? Infinity : matching.income_limit * index,
  };
  switch (rule.rule) {
    case 'percent':
      return { ...common, kind: 'percent', rate: rule.rate, floor: rule.floor * index, ceiling: rule.ceiling === null ? Infinity : rule.ceiling * index };
    case 'flat':
      return { ...common, kind: 'flat', amount: rule.amount * index, insuredIncome: rule.insured_income * index };
    case 'classes': {
      const classes = rule.classes;
      if (classes.length === 0 || classes[classes.length - 1]!.up_to !== null) {
        throw new Error('memberYear: contributions.classes must be a table whose last up_to is null');
      }
      return {
        ...common,
        kind: 'classes',
        classUpTo: classes.map((contributionClass) => (contributionClass.up_to === null ? Infinity : contributionClass.up_to * index)),
        classAmount: classes.map((contributionClass) => contributionClass.amount * index),
        classInsuredIncome: classes.map((contributionClass) => contributionClass.insured_income * index),
      };
    }
    default:
      return unreachable(rule, 'contribution rule');
  }
}

/**
 * The breakpoints of `Y` (finite, > 0, sorted, distinct) between which a
 * month's `paid` and the forms of `c`, `b`, `mc` do not change; see
 * {@link memberYear} for why each one is there.
 */
function breakpoints(rule: ScaledRule): number[] {
  const points: number[] = [];
  // Only finite points > 0 cut (0, ∞); this also drops 0 × ∞ = NaN (rate 0, no ceiling).
  const add = (point: number): void => {
    if (point > 0 && point < Infinity) points.push(point);
  };
  const kappa = rule.declaredShare;
  const affordable = rule.affordability === null ? null : rule.affordability * (1 + AFFORDABILITY_SLACK);
  switch (rule.kind) {
    case 'percent': {
      add(rule.floor / kappa);
      add(rule.ceiling / kappa);
      if (affordable !== null) {
        add((rule.rate * rule.floor) / affordable);
        add((rule.rate * rule.ceiling) / affordable);
      }
      const slope = rule.matchingRatio * rule.rate * kappa;
      if (slope > 0) add(rule.matchingCap / slope);
      break;
    }
    case 'flat':
      if (affordable !== null) add(rule.amount / affordable);
      break;
    case 'classes':
      for (let i = 0; i < rule.classUpTo.length; i += 1) {
        add(rule.classUpTo[i]! / kappa);
        if (affordable !== null) add(rule.classAmount[i]! / affordable);
      }
      break;
    default:
      unreachable(rule, 'contribution rule');
  }
  if (rule.matchingRatio > 0) add(rule.incomeLimit);
  points.sort((a, b) => a - b);
  let kept = 0;
  for (const point of points) if (kept === 0 || point !== points[kept - 1]) points[kept++] = point;
  points.length = kept;
  return points;
}

/**
 * The §3 rule applied literally to one month with income `y`, written as
 * forms in `Y` valid on `y`'s whole piece: `out = [cα, cβ, bα, bβ, mα, mβ]`
 * (contribution `cα + cβ Y`, base, matching). Returns whether the month is paid.
 */
function monthForms(rule: ScaledRule, y: number, out: number[]): boolean {
  let cConst = 0;
  let cSlope = 0;
  let bConst = 0;
  let bSlope = 0;
  const declared = rule.declaredShare * y;
  switch (rule.kind) {
    case 'percent':
      // b = clamp(Dc, floor, ceiling), c = rate × b
      if (declared < rule.floor) bConst = rule.floor;
      else if (declared > rule.ceiling) bConst = rule.ceiling;
      else bSlope = rule.declaredShare;
      cConst = rule.rate * bConst;
      cSlope = rule.rate * bSlope;
      break;
    case 'flat':
      cConst = rule.amount;
      bConst = rule.insuredIncome;
      break;
    case 'classes': {
      // the first class with Dc < up_to; the last up_to is ∞ and takes every Dc
      // the others do not, Dc = ∞ included (so the search always ends)
      const top = rule.classUpTo.length - 1;
      let i = 0;
      while (i < top && !(declared < rule.classUpTo[i]!)) i += 1;
      cConst = rule.classAmount[i]!;
      bConst = rule.classInsuredIncome[i]!;
      break;
    }
    default:
      unreachable(rule, 'contribution rule');
  }
  const contribution = cConst + cSlope * y;
  const paid = rule.affordability === null || contribution <= rule.affordability * y * (1 + AFFORDABILITY_SLACK);
  let mConst = 0;
  let mSlope = 0;
  if (rule.matchingRatio > 0 && y <= rule.incomeLimit) {
    // mc = min(ratio × c, cap)
    if (rule.matchingRatio * contribution > rule.matchingCap) mConst = rule.matchingCap;
    else {
      mConst = rule.matchingRatio * cConst;
      mSlope = rule.matchingRatio * cSlope;
    }
  }
  out[0] = cConst;
  out[1] = cSlope;
  out[2] = bConst;
  out[3] = bSlope;
  out[4] = mConst;
  out[5] = mSlope;
  return paid;
}

/**
 * The paid pieces of `(0, ∞)`, flat: per piece `ln L, ln U, cα, cβ, bα, bβ,
 * mα, mβ`. Adjacent pieces with the same forms are merged.
 */
function paidPieces(rule: ScaledRule): number[] {
  const cuts = breakpoints(rule);
  const pieces: number[] = [];
  const forms = [0, 0, 0, 0, 0, 0];
  let previousUpper = -1;
  for (let i = 0; i <= cuts.length; i += 1) {
    const lower = i === 0 ? 0 : cuts[i - 1]!;
    const upper = i === cuts.length ? Infinity : cuts[i]!;
    if (!monthForms(rule, interiorPoint(lower, upper), forms)) continue;
    const last = pieces.length - PIECE_SIZE;
    if (last >= 0 && previousUpper === lower && sameForms(pieces, last + 2, forms)) {
      pieces[last + 1] = Math.log(upper);
    } else {
      pieces.push(Math.log(lower), Math.log(upper), ...forms);
    }
    previousUpper = upper;
  }
  return pieces;
}

function sameForms(pieces: number[], at: number, forms: number[]): boolean {
  for (let k = 0; k < forms.length; k += 1) if (pieces[at + k] !== forms[k]) return false;
  return true;
}

/**
 * A point strictly inside `(lower, upper)`, `0 ≤ lower < upper ≤ ∞`, finite
 * unless `lower` is the largest double: above a breakpoint near 1e308, `2 × lower`
 * would be ∞, and `κ × ∞` or `0 × ∞` would classify the piece wrongly.
 */
function interiorPoint(lower: number, upper: number): number {
  if (upper === Infinity) return lower === 0 ? 1 : lower < Number.MAX_VALUE ? Math.min(2 * lower, Number.MAX_VALUE) : Infinity;
  if (lower === 0) return upper / 2;
  return lower + (upper - lower) / 2;
}
