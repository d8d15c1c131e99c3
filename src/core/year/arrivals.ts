/**
 * Arrivals in next year's member cells of one age, by credit bin (step 4,
 * methodology §4, §12): the care-credited share of women who stay, who land up
 * to `years_per_birth` bins above the bin step 4's walk carries them to,
 * summed per destination before the walk writes the bin. The buffer
 * (context.arrivals) holds every bin's A and I parts with all six sums, in
 * the order of state.ts's (HEADS, CREDITS, EARNINGS, OWN_BALANCE), then
 * `N × b̄` and `N × f̄`, whether or not the scheme's cells carry these two.
 */
import { OWN_BALANCE } from '../state.js';

/** Where the account balance and the foreign credits lie among an arrival's sums. */
export const ARRIVED_BALANCE = OWN_BALANCE + 1;
export const ARRIVED_FOREIGN = OWN_BALANCE + 2;
/** Sums per arrival part. */
export const ARRIVAL_SUMS = OWN_BALANCE + 3;
/** Where a bin's I part starts in the arrivals; A starts at 0. */
export const ARRIVED_INACTIVE = ARRIVAL_SUMS;

/** Where a bin's arrivals start in context.arrivals. */
export const arrivalIndex = (bin: number): number => bin * 2 * ARRIVAL_SUMS;

/** context.moveSums[SHARE]: the share of the moved cell that arrives, after its six sums. */
export const SHARE = ARRIVAL_SUMS;

/**
 * Adds `sums[SHARE]` times a moved cell's sums (`sums`, laid out like an
 * arrival part: HEADS, CREDITS, …) to the arrivals at `at` (a bin's A or I
 * part). Numbers cross the call in the array: a double argument of a call
 * V8 does not inline would be boxed.
 * @example arrive(arrivals, arrivalIndex(2) + ARRIVED_INACTIVE, Float64Array.of(10, 8, 5e4, 2e3, 3e3, 20, 0.36)) // I(2) gains 3.6 heads, 2.88 credits, …
 */
export function arrive(arrivals: Float64Array, at: number, sums: Float64Array): void {
  const share = sums[SHARE]!;
  if (share === 0) return;
  for (let sum = 0; sum < ARRIVAL_SUMS; sum += 1) arrivals[at + sum]! += share * sums[sum]!;
}
