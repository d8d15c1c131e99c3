// AssemblyScript (npm run build:wasm): §4's q of the year by parameter slot
// (context.ts enterYear).
import { ages, get, put, q, qDisabled } from './memory';

let mortality: usize = 0; //        the year's q_{s,x,t} by (sex, age): 2 × ages
let groupMultipliers: usize = 0; // each group's mortality_multiplier
let groupsInUse: usize = 0; //      1 where some cell follows the group (i32)
let groupCount: i32 = 0;

export function configureMortality(mortalityPointer: usize, multipliersPointer: usize, inUsePointer: usize, groups: i32): void {
  mortality = mortalityPointer; groupMultipliers = multipliersPointer; groupsInUse = inUsePointer; groupCount = groups;
}

/**
 * q = min(1, q_{s,x,t} × multiplier_g × F^q_t) of A, I, P and S cells, and ×
 * disability.mortality_multiplier for D cells, by parameter slot, from the
 * year's table (the caller lays it in `mortality`); 1 at max_age whatever
 * the multipliers. Groups no cell follows are left as they are.
 */
export function yearMortality(factor: f64, disabledMultiplier: f64): void {
  for (let group = 0; group < groupCount; group += 1) {
    if (load<i32>(groupsInUse + (<usize>group << 2)) == 0) continue;
    const multiplier = get(groupMultipliers, group);
    for (let sex = 0; sex < 2; sex += 1) {
      const first = (group * 2 + sex) * ages;
      for (let ageIndex = 0; ageIndex < ages - 1; ageIndex += 1) {
        const base = get(mortality, sex * ages + ageIndex);
        put(q, first + ageIndex, min<f64>(1, base * multiplier * factor));
        put(qDisabled, first + ageIndex, min<f64>(1, base * multiplier * disabledMultiplier * factor));
      }
      put(q, first + ages - 1, 1);
      put(qDisabled, first + ages - 1, 1);
    }
  }
}

