/**
 * Step 4 of a year (MODEL.md §4): members who survive the year move, from the
 * start-of-year cell, to next year's cells one year older. From an A cell
 * (bin k): to D with the disability rate ι, then of the rest `R` the paid
 * share d earns a credit (bin k+1, capped at V) and the lapse rate ℓ sends
 * them to I; from an I cell: to D with ι, then back to A with the reentry
 * rate, else they stay in I.
 *
 * Everyone leaving a cell alive carries its year-end averages, those of the
 * whole origin cell: for A, `c̄' = c̄ + d`, `w̄' = w̄ (1 + wage_growth_t) + S`,
 * `b̄' = b̄ (1 + i_t) + (C + M)(1 + i_t)^{1/2}`, `ō' = ō (1 + i_t) + C (1 + i_t)^{1/2}`;
 * for I the same without the year's d, S, C, M. Each destination's sums grow
 * by `heads × average`. New D cells get the §5 disability award on those
 * averages, and the award is kept for step 5's survivors of the cell's deaths.
 */
import { type DisabilityAwardTerms, disabilityAwardOf, disabilityAwardTerms } from '../awards.js';
import { memberCellIndex, rowIndex, slotIndex } from '../layout.js';
import {
  ACTIVE, BALANCE, type CohortState, CREDITS, DISABILITY, EARNINGS, HEADS, INACTIVE, MEMBER_STRIDE, occupy, OWN_BALANCE, PENSION,
  PENSIONER_STRIDE,
} from '../state.js';
import type { YearContext } from './context.js';

const NO_AWARD: DisabilityAwardTerms = { fixed: 0, replacement: 0, minimum: 0 };

export function move(context: YearContext, state: CohortState, next: CohortState, row: number): void {
  const { model } = context;
  const { layout } = model;
  const disability = model.scheme.benefits.disability;
  const terms = disability ? disabilityAwardTerms(disability, model.scheme.benefits.old_age.min_pension, context.nextBenefitIndex) : NO_AWARD;
  const parameterSlots = slotIndex(layout, rowIndex(model.groupOfCell[row >> 1]!, row % 2), 0);
  const last = lastMovingAge(context, state, row);
  for (let ageIndex = state.memberAges.low[row]!; ageIndex <= last; ageIndex += 1) {
    moveAge(context, state, next, row, ageIndex, parameterSlots + ageIndex, terms);
  }
}

/**
 * The oldest age of a row whose members move this year: step 1 has retired
 * everyone at or past the sex's retirement age, so the last members stand a
 * year below it (and move to next year's cells at the retirement age).
 */
export function lastMovingAge(context: YearContext, state: CohortState, row: number): number {
  return Math.min(state.memberAges.high[row]!, context.model.retirementAgeIndex[row % 2]! - 1);
}

/**
 * The A and I cells of one (row, age), every credit bin, into next year's
 * cells of age + 1. The moves are done on sums: a destination that takes a
 * share `f` of a cell's `N` members gets `f N` heads and `f` times each of
 * the cell's year-end sums (`N ×` the year-end average, e.g.
 * `Σc' = Σc + N d`), which is `heads × average` without a division.
 *
 * Bin k of next year receives the members of bin k who earn no credit and
 * those of bin k − 1 who earn one (and bin V also those of bin V who do):
 * the bins are walked upwards carrying the credit-earners of the bin below,
 * so that each destination cell is written once. Next year's cells of age + 1
 * receive nobody else (entrants join the current year's state), so they are
 * set, not added to.
 */
function moveAge(
  context: YearContext, state: CohortState, next: CohortState, row: number, ageIndex: number, at: number, terms: DisabilityAwardTerms,
): void {
  const { model } = context;
  const { layout } = model;
  const { bins } = layout;
  const disability = model.scheme.benefits.disability;
  // Disability awards are needed where members become disabled, and where
  // their deaths leave survivors (§4 step 5: when both benefits are paid).
  const vesting = disability ? disability.vesting_years : bins;
  const awardEveryVested = disability !== undefined && model.scheme.benefits.survivors !== undefined;
  const q = context.q[at]!;
  const survival = 1 - q;
  const disabilityRate = disability ? model.rates.disability[at]! : 0;
  const lapse = model.rates.lapse[at]!;
  const reentry = model.rates.reentry[at]!;
  const density = context.memberYear.density[at]!;
  const insured = context.memberYear.insuredEarnings[at]!;
  const contributions = context.memberYear.contributions[at]!;
  const accountAdded = (contributions + context.memberYear.matching[at]!) * context.halfYearGrowth;
  const ownAdded = contributions * context.halfYearGrowth;
  const growth = 1 + context.investmentReturn;
  const revaluation = 1 + context.wageGrowth;
  const { members } = state;
  const destinations = next.members;
  const cellBase = memberCellIndex(layout, row, ageIndex);
  const nextBase = memberCellIndex(layout, row, ageIndex + 1);
  let disabledHeads = 0;
  let disabledPensions = 0;
  let vestedDeaths = 0;
  let vestedDeathPensions = 0;
  let anyone = false;
  // Credit-earners of the bin below, on their way to this bin: A part, then I part.
  let upActiveHeads = 0, upActiveCredits = 0, upActiveEarnings = 0, upActiveBalance = 0, upActiveOwn = 0;
  let upInactiveHeads = 0, upInactiveCredits = 0, upInactiveEarnings = 0, upInactiveBalance = 0, upInactiveOwn = 0;
  for (let bin = 0; bin < bins; bin += 1) {
    const from = (cellBase + bin) * MEMBER_STRIDE;
    const vested = bin >= vesting;
    const incidence = vested ? disabilityRate : 0;
    const staying = survival * (1 - incidence); // alive and not disabled: the R of §4 step 4, per head
    // This bin's members who stay in their bin (A to A and I, I to A and I), then those who go up.
    let activeHeads = upActiveHeads, activeCredits = upActiveCredits, activeEarnings = upActiveEarnings;
    let activeBalance = upActiveBalance, activeOwn = upActiveOwn;
    let inactiveHeads = upInactiveHeads, inactiveCredits = upInactiveCredits, inactiveEarnings = upInactiveEarnings;
    let inactiveBalance = upInactiveBalance, inactiveOwn = upInactiveOwn;
    upActiveHeads = 0; upActiveCredits = 0; upActiveEarnings = 0; upActiveBalance = 0; upActiveOwn = 0;
    upInactiveHeads = 0; upInactiveCredits = 0; upInactiveEarnings = 0; upInactiveBalance = 0; upInactiveOwn = 0;

    const heads = members[from + ACTIVE + HEADS]!;
    if (heads > 0) {
      anyone = true;
      const credits = members[from + ACTIVE + CREDITS]! + heads * density;
      const earnings = members[from + ACTIVE + EARNINGS]! * revaluation + heads * insured;
      const balance = members[from + ACTIVE + BALANCE]! * growth + heads * accountAdded;
      const ownBalance = members[from + ACTIVE + OWN_BALANCE]! * growth + heads * ownAdded;
      if (vested && (incidence > 0 || awardEveryVested)) {
        const award = disabilityAwardOf(terms, credits / heads, earnings / heads);
        disabledHeads += heads * survival * incidence;
        disabledPensions += heads * survival * incidence * award;
        vestedDeaths += heads * q;
        vestedDeathPensions += heads * q * award;
      }
      const stayActive = staying * (1 - density) * (1 - lapse);
      const stayInactive = staying * (1 - density) * lapse;
      activeHeads += stayActive * heads; activeCredits += stayActive * credits; activeEarnings += stayActive * earnings;
      activeBalance += stayActive * balance; activeOwn += stayActive * ownBalance;
      inactiveHeads += stayInactive * heads; inactiveCredits += stayInactive * credits; inactiveEarnings += stayInactive * earnings;
      inactiveBalance += stayInactive * balance; inactiveOwn += stayInactive * ownBalance;
      const upActive = staying * density * (1 - lapse);
      const upInactive = staying * density * lapse;
      upActiveHeads = upActive * heads; upActiveCredits = upActive * credits; upActiveEarnings = upActive * earnings;
      upActiveBalance = upActive * balance; upActiveOwn = upActive * ownBalance;
      upInactiveHeads = upInactive * heads; upInactiveCredits = upInactive * credits; upInactiveEarnings = upInactive * earnings;
      upInactiveBalance = upInactive * balance; upInactiveOwn = upInactive * ownBalance;
    }
    const idle = members[from + INACTIVE + HEADS]!;
    if (idle > 0) {
      anyone = true;
      const credits = members[from + INACTIVE + CREDITS]!;
      const earnings = members[from + INACTIVE + EARNINGS]! * revaluation;
      const balance = members[from + INACTIVE + BALANCE]! * growth;
      const ownBalance = members[from + INACTIVE + OWN_BALANCE]! * growth;
      if (vested && (incidence > 0 || awardEveryVested)) {
        const award = disabilityAwardOf(terms, credits / idle, earnings / idle);
        disabledHeads += idle * survival * incidence;
        disabledPensions += idle * survival * incidence * award;
        vestedDeaths += idle * q;
        vestedDeathPensions += idle * q * award;
      }
      const back = staying * reentry;
      const stay = staying * (1 - reentry);
      activeHeads += back * idle; activeCredits += back * credits; activeEarnings += back * earnings;
      activeBalance += back * balance; activeOwn += back * ownBalance;
      inactiveHeads += stay * idle; inactiveCredits += stay * credits; inactiveEarnings += stay * earnings;
      inactiveBalance += stay * balance; inactiveOwn += stay * ownBalance;
    }
    if (bin === bins - 1) {
      // V is "V or more": those who earn a credit in the top bin stay in it.
      activeHeads += upActiveHeads; activeCredits += upActiveCredits; activeEarnings += upActiveEarnings;
      activeBalance += upActiveBalance; activeOwn += upActiveOwn;
      inactiveHeads += upInactiveHeads; inactiveCredits += upInactiveCredits; inactiveEarnings += upInactiveEarnings;
      inactiveBalance += upInactiveBalance; inactiveOwn += upInactiveOwn;
    }
    const to = (nextBase + bin) * MEMBER_STRIDE;
    destinations[to + ACTIVE + HEADS] = activeHeads;
    destinations[to + ACTIVE + CREDITS] = activeCredits;
    destinations[to + ACTIVE + EARNINGS] = activeEarnings;
    destinations[to + ACTIVE + BALANCE] = activeBalance;
    destinations[to + ACTIVE + OWN_BALANCE] = activeOwn;
    destinations[to + INACTIVE + HEADS] = inactiveHeads;
    destinations[to + INACTIVE + CREDITS] = inactiveCredits;
    destinations[to + INACTIVE + EARNINGS] = inactiveEarnings;
    destinations[to + INACTIVE + BALANCE] = inactiveBalance;
    destinations[to + INACTIVE + OWN_BALANCE] = inactiveOwn;
  }
  // Step 5 leaves survivors of the vested members who died: their heads and award-weighted sum, by age.
  context.memberDeaths[ageIndex] = vestedDeaths;
  context.memberDeathPensions[ageIndex] = vestedDeathPensions;
  if (anyone) occupy(next.memberAges, row, ageIndex + 1);
  if (disabledHeads > 0) {
    // Every bin's newly disabled join the same D cell, one year older.
    const slot = slotIndex(layout, row, ageIndex + 1) * PENSIONER_STRIDE + DISABILITY;
    next.pensioners[slot]! += disabledHeads;
    next.pensioners[slot + PENSION]! += disabledPensions;
    occupy(next.pensionerAges, row, ageIndex + 1);
  }
}
