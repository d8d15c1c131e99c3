/**
 * Arrivals in next year's member cells of one age, by credit bin (step 4,
 * methodology §4, §12): the care-credited share of women who stay, who land
 * up to `years_per_birth` bins above the bin step 4's walk carries them to,
 * summed per destination before the walk writes the bin. The kernel keeps
 * them in a scratch of its memory (kernel.ts), every bin's A and I parts
 * with all six sums, in the order of state.ts's (HEADS, CREDITS, EARNINGS,
 * OWN_BALANCE), then `N × b̄` and `N × f̄`, whether or not the scheme's cells
 * carry these two: three pairs for the walk's f64x2 lanes (src/wasm/walk.ts).
 */
import { OWN_BALANCE } from '../state.js';

/** Sums per arrival part. */
export const ARRIVAL_SUMS = OWN_BALANCE + 3;
