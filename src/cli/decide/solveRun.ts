/**
 * `sipro solve`'s run: the bisection of §13 (core/financing/bisection.ts)
 * driven by projections of the scheme with the varied path set to each
 * value it asks for. It keeps the runs at the two values that bracket the
 * switch, for the report.
 */
import { evaluateAssertion, type Assertion, type AssertionOutcome } from '../../core/assertions.js';
import { bisection } from '../../core/financing/bisection.js';
import type { Diagnostic } from '../../io/diagnostics.js';
import type { VariantProjector, VariantRun } from './variants.js';

export interface SolveRequest {
  /** The `--set` path varied. */
  path: string;
  low: number;
  high: number;
  /** The bisection's tolerance (not used for whole-number paths). */
  tolerance: number;
  integer: boolean;
  /** `--until`: the assertion whose switch is sought. */
  until: Assertion;
}

/** One projection of the bisection: the value and whether `--until` held there. */
export interface SolveStep {
  value: number;
  holds: boolean;
}

/** A value projected, with its run and the outcome of `--until` there. */
export interface ValueRun {
  value: number;
  run: VariantRun;
  until: AssertionOutcome;
}

export type SolveOutcome =
  /** `holding` is the result `b`; `failing` the other end of the final bracket. */
  | { kind: 'solved'; holding: ValueRun; failing: ValueRun; steps: SolveStep[] }
  /** `--until` holds at both ends (`holds`) or fails at both. */
  | { kind: 'unbracketed'; holds: boolean; low: ValueRun; high: ValueRun; steps: SolveStep[] }
  /** The scheme cannot be projected with the path at `value`. */
  | { kind: 'invalid'; value: number; diagnostics: Diagnostic[]; steps: SolveStep[] };

/**
 * Runs the bisection; every value projected is one step, the two ends
 * included. The result `b` is the last value at which `--until` held and the
 * bracket's other end `a` the last at which it failed (§13 replaces `b` only
 * by values that hold, `a` only by values that fail), so only those two runs
 * and the two ends are kept.
 */
export async function runSolve(projector: VariantProjector, request: SolveRequest): Promise<SolveOutcome> {
  const steps: SolveStep[] = [];
  const ends: ValueRun[] = [];
  let lastHolding: ValueRun | undefined;
  let lastFailing: ValueRun | undefined;
  const bisect = bisection(request.low, request.high, { tolerance: request.tolerance, integer: request.integer });
  let next = bisect.next();
  while (!next.done) {
    const value = next.value;
    const projected = await projector.project([{ path: request.path, value }]);
    if (!projected.ok) return { kind: 'invalid', value, diagnostics: projected.diagnostics, steps };
    const until = evaluateAssertion(request.until, projected.run.result);
    const run: ValueRun = { value, run: projected.run, until };
    steps.push({ value, holds: until.passed });
    if (ends.length < 2) ends.push(run);
    if (until.passed) lastHolding = run;
    else lastFailing = run;
    next = bisect.next(until.passed);
  }
  const outcome = next.value;
  if (outcome.kind === 'unbracketed') return { kind: 'unbracketed', holds: outcome.holds, low: ends[0]!, high: ends[1]!, steps };
  if (lastHolding?.value !== outcome.value || lastFailing?.value !== outcome.failing) {
    throw new Error(`solve: the bisection ended at ${outcome.value} (other end ${outcome.failing}) but the last runs were at ${lastHolding?.value} and ${lastFailing?.value}`);
  }
  return { kind: 'solved', holding: lastHolding, failing: lastFailing, steps };
}
