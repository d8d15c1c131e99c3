/**
 * Step 1 of a year (MODEL.md §4): every A or I cell at or past its sex's
 * retirement age leaves. A cell with `k ≥ vesting_years` becomes an old-age
 * pensioner at once, with the award of §5, and is paid this very year; any
 * other is paid the refund (`ō`, `b̄` or nothing) and leaves the scheme.
 */
import { annuityDue, oldAgeAward } from '../awards.js';
import { Flow, flowRow } from '../flows.js';
import { memberCellIndex, slotIndex } from '../layout.js';
import { mortalityOfYear } from '../model.js';
import {
  ACTIVE, BALANCE, CREDITS, type CohortState, EARNINGS, HEADS, INACTIVE, MEMBER_STRIDE, occupy, OLD_AGE, OWN_BALANCE, PENSION,
  PENSIONER_STRIDE,
} from '../state.js';
import type { YearContext } from './context.js';

export function retire(context: YearContext, state: CohortState, row: number, flows: Float64Array): void {
  const { model } = context;
  const { layout } = model;
  const sex = row % 2;
  const first = Math.max(model.retirementAgeIndex[sex]!, state.memberAges.low[row]!);
  const last = state.memberAges.high[row]!;
  let refunds = 0;
  for (let ageIndex = first; ageIndex <= last; ageIndex += 1) {
    const cellBase = memberCellIndex(layout, row, ageIndex);
    const slot = slotIndex(layout, row, ageIndex);
    refunds += retireCells(context, state, ACTIVE, cellBase, row, sex, ageIndex, slot);
    refunds += retireCells(context, state, INACTIVE, cellBase, row, sex, ageIndex, slot);
  }
  if (refunds !== 0) flows[flowRow(row) + Flow.refunds]! += refunds;
}

/** The A or I part (`part`) of one (row, age)'s cells: vested ones join P at `slot`; the refunds of the others are returned. */
function retireCells(
  context: YearContext, state: CohortState, part: number, cellBase: number, row: number, sex: number, ageIndex: number, slot: number,
): number {
  const oldAge = context.model.scheme.benefits.old_age;
  const { members, pensioners } = state;
  const averages = context.retirement;
  let refunds = 0;
  for (let bin = 0; bin < context.model.layout.bins; bin += 1) {
    const at = (cellBase + bin) * MEMBER_STRIDE + part;
    const heads = members[at + HEADS]!;
    if (heads === 0) continue;
    if (bin >= oldAge.vesting_years) {
      averages.credits = members[at + CREDITS]! / heads;
      averages.earnings = members[at + EARNINGS]! / heads;
      averages.balance = members[at + BALANCE]! / heads;
      const annuityFactor = oldAge.formula === 'account' ? annuityFactorOf(context, sex, ageIndex) : NaN;
      const pensioner = slot * PENSIONER_STRIDE + OLD_AGE;
      pensioners[pensioner]! += heads;
      pensioners[pensioner + PENSION]! += heads * oldAgeAward(oldAge, averages, context.benefitIndex, annuityFactor);
      occupy(state.pensionerAges, row, ageIndex);
    } else {
      refunds += refundOf(oldAge.refund, members, at);
    }
    members.fill(0, at, at + INACTIVE - ACTIVE);
  }
  return refunds;
}

/** §5 refunds: `N × ō` (own), `N × b̄` (account) or nothing, at the start of the year. */
function refundOf(refund: 'own' | 'account' | 'none', members: Float64Array, at: number): number {
  switch (refund) {
    case 'own': return members[at + OWN_BALANCE]!;
    case 'account': return members[at + BALANCE]!;
    case 'none': return 0;
  }
}

/** ä_{s,x,t} of the award year (§5), computed once per (sex, age) and year. */
function annuityFactorOf(context: YearContext, sex: number, ageIndex: number): number {
  const { model } = context;
  const ages = model.layout.ages;
  const at = sex * ages + ageIndex;
  if (Number.isNaN(context.annuityFactors[at]!)) {
    const mortality = mortalityOfYear(model, context.yearIndex);
    const rate = model.scheme.benefits.old_age.annuity_rate;
    if (rate === undefined) throw new Error('benefits.old_age.annuity_rate is required when formula is account');
    context.annuityFactors[at] = annuityDue(mortality.subarray(sex * ages, (sex + 1) * ages), ageIndex,
      context.timeline.pensionIndexation[context.yearIndex]!, rate);
  }
  return context.annuityFactors[at]!;
}
