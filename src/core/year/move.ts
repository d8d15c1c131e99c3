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
  const lastAge = layout.ages - 1;
  const disability = model.scheme.benefits.disability;
  const terms = disability ? disabilityAwardTerms(disability, model.scheme.benefits.old_age.min_pension, context.nextBenefitIndex) : NO_AWARD;
  const parameterSlots = slotIndex(layout, rowIndex(model.groupOfCell[row >> 1]!, row % 2), 0);
  const last = Math.min(state.memberAges.high[row]!, lastAge - 1);
  for (let ageIndex = state.memberAges.low[row]!; ageIndex <= last; ageIndex += 1) {
    moveAge(context, state, next, row, ageIndex, parameterSlots + ageIndex, terms);
  }
}

/**
 * The A and I cells of one (row, age), every credit bin. The moves are done
 * on sums: a destination that takes a share `f` of a cell's `N` members gets
 * `f N` heads and `f` times each year-end sum (`N ×` the year-end average,
 * e.g. `Σc' = Σc + N d`), which is `heads × average` without a division.
 */
function moveAge(
  context: YearContext, state: CohortState, next: CohortState, row: number, ageIndex: number, at: number, terms: DisabilityAwardTerms,
): void {
  const { model } = context;
  const { layout } = model;
  const { bins } = layout;
  const topBin = bins - 1;
  const disability = model.scheme.benefits.disability;
  // Disability awards are needed where members become disabled, and where
  // their deaths leave survivors (§4 step 5: when both benefits are paid).
  const vesting = disability ? disability.vesting_years : bins;
  const awardEveryVested = disability !== undefined && model.scheme.benefits.survivors !== undefined;
  const survival = 1 - context.q[at]!;
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
  const targets = context.moveTargets;
  const shares = context.moveShares;
  const cellBase = memberCellIndex(layout, row, ageIndex);
  const nextBase = memberCellIndex(layout, row, ageIndex + 1);
  let disabledHeads = 0;
  let disabledPensions = 0;
  let moved = false;
  for (let bin = 0; bin < bins; bin += 1) {
    const at = (cellBase + bin) * MEMBER_STRIDE;
    const vested = bin >= vesting;
    const incidence = vested ? disabilityRate : 0;
    const staying = survival * (1 - incidence); // alive and not disabled: the R of §4 step 4, per head
    const stay = (nextBase + bin) * MEMBER_STRIDE;
    const up = (nextBase + Math.min(bin + 1, topBin)) * MEMBER_STRIDE;
    const activeHeads = members[at + ACTIVE + HEADS]!;
    if (activeHeads > 0) {
      const credits = members[at + ACTIVE + CREDITS]! + activeHeads * density;
      const earnings = members[at + ACTIVE + EARNINGS]! * revaluation + activeHeads * insured;
      const balance = members[at + ACTIVE + BALANCE]! * growth + activeHeads * accountAdded;
      const ownBalance = members[at + ACTIVE + OWN_BALANCE]! * growth + activeHeads * ownAdded;
      const disabled = survival * incidence;
      if (vested && (disabled > 0 || awardEveryVested)) {
        const award = disabilityAwardOf(terms, credits / activeHeads, earnings / activeHeads);
        context.activeAward[cellBase + bin] = award;
        disabledHeads += activeHeads * disabled;
        disabledPensions += activeHeads * disabled * award;
      }
      targets[0] = up + ACTIVE; shares[0] = staying * density * (1 - lapse);
      targets[1] = stay + ACTIVE; shares[1] = staying * (1 - density) * (1 - lapse);
      targets[2] = up + INACTIVE; shares[2] = staying * density * lapse;
      targets[3] = stay + INACTIVE; shares[3] = staying * (1 - density) * lapse;
      addMembers(destinations, targets, shares, 4, activeHeads, credits, earnings, balance, ownBalance);
      moved = true;
    }
    const inactiveHeads = members[at + INACTIVE + HEADS]!;
    if (inactiveHeads > 0) {
      const credits = members[at + INACTIVE + CREDITS]!;
      const earnings = members[at + INACTIVE + EARNINGS]! * revaluation;
      const balance = members[at + INACTIVE + BALANCE]! * growth;
      const ownBalance = members[at + INACTIVE + OWN_BALANCE]! * growth;
      const disabled = survival * incidence;
      if (vested && (disabled > 0 || awardEveryVested)) {
        const award = disabilityAwardOf(terms, credits / inactiveHeads, earnings / inactiveHeads);
        context.inactiveAward[cellBase + bin] = award;
        disabledHeads += inactiveHeads * disabled;
        disabledPensions += inactiveHeads * disabled * award;
      }
      targets[0] = stay + ACTIVE; shares[0] = staying * reentry;
      targets[1] = stay + INACTIVE; shares[1] = staying * (1 - reentry);
      addMembers(destinations, targets, shares, 2, inactiveHeads, credits, earnings, balance, ownBalance);
      moved = true;
    }
  }
  if (moved) occupy(next.memberAges, row, ageIndex + 1);
  if (disabledHeads > 0) {
    // Every bin's newly disabled join the same D cell, one year older.
    const at = slotIndex(layout, row, ageIndex + 1) * PENSIONER_STRIDE + DISABILITY;
    next.pensioners[at]! += disabledHeads;
    next.pensioners[at + PENSION]! += disabledPensions;
    occupy(next.pensionerAges, row, ageIndex + 1);
  }
}

/**
 * Moves shares of a cell's `heads` to the first `count` destinations: the
 * share `shares[d]` adds `shares[d] × heads` heads at `targets[d]` (a cell's A
 * or I part) and `shares[d]` times each of the cell's year-end sums. One loop
 * rather than a call per destination keeps the whole move in one optimised
 * function.
 */
function addMembers(
  members: Float64Array, targets: Int32Array, shares: Float64Array, count: number,
  heads: number, credits: number, earnings: number, balance: number, ownBalance: number,
): void {
  for (let destination = 0; destination < count; destination += 1) {
    const share = shares[destination]!;
    if (share === 0) continue;
    const at = targets[destination]!;
    members[at + HEADS]! += share * heads;
    members[at + CREDITS]! += share * credits;
    members[at + EARNINGS]! += share * earnings;
    members[at + BALANCE]! += share * balance;
    members[at + OWN_BALANCE]! += share * ownBalance;
  }
}
