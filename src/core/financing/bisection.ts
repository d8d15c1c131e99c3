/**
 * The bisection of `sipro solve` (methodology §13), as a generator: it yields
 * each value to project, is told whether the assertion holds there, and
 * returns the result. The caller runs the projections (they read files and
 * may run elsewhere); the sequence of values is this module's alone, so it
 * can be checked without projecting anything.
 */

export interface BisectionOptions {
  /** `tol` > 0: the loop runs while the bracket is wider (ignored for integers, whose loop stops at a width of 1). */
  tolerance: number;
  /** A whole-number path (an age, a number of years): midpoints are whole numbers. */
  integer: boolean;
}

export type BisectionOutcome =
  /** `value` holds; `failing` fails and lies within the tolerance of it (1 for integers). */
  | { kind: 'solved'; value: number; failing: number }
  /** The assertion holds at both ends (`holds` true) or fails at both: nothing to bisect. */
  | { kind: 'unbracketed'; holds: boolean };

/** What the caller sends back for each value yielded: whether the assertion holds there. */
export type Bisection = Generator<number, BisectionOutcome, boolean>;

/**
 * §13: project `low` and `high`; with `a` the end where the assertion fails
 * and `b` the end where it holds, while `|b − a| > tol`, `m = (a + b)/2`
 * (for integers `m = a + trunc((b − a)/2)`, while `|b − a| > 1`) replaces `b`
 * if the assertion holds at `m`, else `a`; the result is `b`. Every value
 * yielded is one projection, the two ends included. The loop also stops when
 * no double lies strictly between `a` and `b` (a tolerance below the spacing
 * of doubles there), since `m` would then repeat an end for ever.
 * @example
 * const steps = bisection(0, 8, { tolerance: 1, integer: false });
 * // values yielded while `x >= 3` is the assertion: 0 (fails), 8 (holds), 4 (holds), 2 (fails), 3 (holds); returns {kind: 'solved', value: 3, failing: 2}
 */
export function* bisection(low: number, high: number, options: BisectionOptions): Bisection {
  const { tolerance, integer } = options;
  // The command line checks these first; a library caller breaking them would get an endless or meaningless loop.
  if (!(low < high)) throw new RangeError(`the range must have LO < HI, not ${low}:${high}`);
  if (integer && !(Number.isInteger(low) && Number.isInteger(high))) throw new RangeError(`an integer bisection needs whole ends, not ${low}:${high}`);
  if (!integer && !(tolerance > 0)) throw new RangeError(`the tolerance must be > 0, not ${tolerance}`);
  const holdsAtLow = yield low;
  const holdsAtHigh = yield high;
  if (holdsAtLow === holdsAtHigh) return { kind: 'unbracketed', holds: holdsAtLow };
  let failing = holdsAtLow ? high : low;
  let holding = holdsAtLow ? low : high;
  const width = integer ? 1 : tolerance;
  while (Math.abs(holding - failing) > width) {
    const middle = integer ? failing + Math.trunc((holding - failing) / 2) : (failing + holding) / 2;
    if (middle === failing || middle === holding) break;
    if (yield middle) holding = middle;
    else failing = middle;
  }
  return { kind: 'solved', value: holding, failing };
}
