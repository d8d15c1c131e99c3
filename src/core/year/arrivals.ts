/**
 * Arrivals in next year's member cells of one age, by credit bin (step 4,
 * methodology §4, §12): the care-credited share of women who stay, who land up
 * to `years_per_birth` bins above the bin step 4's walk carries them to,
 * summed per destination before the walk writes the bin. The buffer
 * (context.arrivals) is laid out like one age of member cells without a W
 * part: bins of A and I parts, six sums each (state.ts).
 */
import { MEMBER_PART } from '../state.js';

/** Where a bin's arrivals start in context.arrivals. */
export const arrivalIndex = (bin: number): number => bin * 2 * MEMBER_PART;

/** context.moveSums[SHARE]: the share of the moved cell that arrives, after its six sums. */
export const SHARE = MEMBER_PART;

/**
 * Adds `sums[SHARE]` times a moved cell's sums (`sums`, laid out like a
 * member part: HEADS, CREDITS, …) to the arrivals at `at` (a bin's A or I
 * part). Numbers cross the call in the array: a double argument of a call
 * V8 does not inline would be boxed.
 * @example arrive(arrivals, arrivalIndex(2) + INACTIVE, Float64Array.of(10, 8, 5e4, 3e3, 2e3, 20, 0.36)) // I(2) gains 3.6 heads, 2.88 credits, …
 */
export function arrive(arrivals: Float64Array, at: number, sums: Float64Array): void {
  const share = sums[SHARE]!;
  if (share === 0) return;
  for (let sum = 0; sum < MEMBER_PART; sum += 1) arrivals[at + sum]! += share * sums[sum]!;
}
