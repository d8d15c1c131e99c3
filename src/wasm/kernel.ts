// AssemblyScript: compiled by asc to WebAssembly (npm run build:wasm), not by tsc.
//
// The loops of a year (methodology §4, §11, §12) over one row's cells: step
// 4's walk of the member cells into next year's cells (walk.ts, move.ts),
// steps 3, 5 and 6 on its pensioner slots and step 3's member loop
// (pensioners.ts), and the year's q (mortality.ts). The same arithmetic as
// the core's step files describe, in the same order, so that every number is
// the same double. They live here because WebAssembly runs them at full
// speed from a run's first year, where JavaScript interprets them until the
// JIT has compiled them (src/core/year/kernel.ts, bench/RESULTS.md).
//
// This file is the module's face: the functions JavaScript calls.
import { awardEveryVested, awardFixed, awardMinimum, awardReplacement, careCreditBalance, careCreditEarnings, coversActive, coversDisabled,
  coversInactive, coversRetired, coversSurvivor, creditedYears, differenceF, differenceM, growth, halfYearGrowth, hasDisability,
  healthFactor, maternityFactor, memberHighOf, memberLowOf, membersOf, pensionerHighOf, pensionerLowOf, pensionersOf, pensionGrowth,
  revaluation, spousesF, spousesM, survivorShare, vesting, withMaternity } from './memory';
import { moveAgesOf } from './walk';
import { agePensionersOf, memberPaymentsOf, pensionerPaymentsOf, survivorsOf } from './pensioners';
import { retireAgesOf } from './retire';

export { configure, configureBenefits, configurePensioners, configureRetirement, configureStates, startYear } from './memory';
export { configureMortality, yearMortality } from './mortality';
// §3, in an instance of its own (src/core/incomeKernel.ts); its tails and
// the two fdlibm functions are exported for their tests.
export { configureIncomes, loadPieces, memberYear, spreadMemberYears } from './incomes';
export { normalTailsOf, PAIRS } from './normalTails';
export { exponential, naturalLog } from './fdlibm';

// What JavaScript calls: few arguments, since each crosses V8's JS-to-Wasm
// wrapper, which converts them one by one (the entrant lanes make ~100,000
// calls). The rest is set once per kernel (its states), per model (its
// benefits) and per year (startYear).

/** Step 1 of row `row` of state `from`, in place; its awards and refunds in the results (memory.ts RESULT_AWARD_HEADS …). */
export function retire(from: i32, row: i32, firstAge: i32, lastAge: i32, flatAward: f64, accrual: f64, minimumAward: f64): void {
  retireAgesOf(membersOf(from), pensionersOf(from), pensionerLowOf(from), pensionerHighOf(from), row, firstAge, lastAge, flatAward, accrual, minimumAward);
}

/** Step 4 of row `row` from state `from` into the other state; returns the births (§12). */
export function moveAges(from: i32, row: i32, firstAge: i32, lastAge: i32, parameterSlots: i32): f64 {
  const next = 1 - from;
  // Care credits go to women (§12), and only when the scheme grants them.
  const careCredits = (row & 1) == 0 && creditedYears > 0;
  return moveAgesOf(
    membersOf(from), membersOf(next), pensionersOf(next), memberLowOf(next), memberHighOf(next), pensionerLowOf(next), pensionerHighOf(next),
    row, firstAge, lastAge, parameterSlots, hasDisability, vesting, awardEveryVested, careCredits, creditedYears,
    growth, revaluation, halfYearGrowth, awardFixed, awardReplacement, awardMinimum, careCreditEarnings, careCreditBalance,
  );
}

/** Step 5 of row `row` from state `from` into the other state. */
export function survivors(from: i32, row: i32, parameterSlots: i32, firstMemberAge: i32, lastMemberAge: i32, firstAge: i32, lastAge: i32): void {
  const next = 1 - from;
  const female = (row & 1) == 0;
  survivorsOf(
    pensionersOf(from), pensionersOf(next), pensionerLowOf(next), pensionerHighOf(next), row, parameterSlots,
    firstMemberAge, lastMemberAge, firstAge, lastAge, pensionGrowth, female ? spousesF : spousesM, female ? differenceF : differenceM, survivorShare,
  );
}

/** Step 6 of row `row` from state `from` into the other state. */
export function agePensioners(from: i32, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32): void {
  const next = 1 - from;
  agePensionersOf(pensionersOf(from), pensionersOf(next), pensionerLowOf(next), pensionerHighOf(next), row, parameterSlots, firstAge, lastAge, pensionGrowth);
}

/** Step 3 for the pensioner states P, D and S of row `row` of state `from`. */
export function pensionerPayments(from: i32, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32): void {
  pensionerPaymentsOf(pensionersOf(from), row, parameterSlots, firstAge, lastAge, coversRetired, coversDisabled, coversSurvivor, healthFactor);
}

/** Step 3 for the members of row `row` of state `from`. */
export function memberPayments(from: i32, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32, counted: i32): void {
  memberPaymentsOf(
    membersOf(from), row, parameterSlots, firstAge, lastAge, counted,
    healthFactor, maternityFactor, withMaternity && (row & 1) == 0, coversActive, coversInactive,
  );
}
