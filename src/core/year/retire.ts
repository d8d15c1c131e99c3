/**
 * Step 1 of a year (methodology §4, §11): every A, I or W cell at or past its
 * sex's retirement age leaves. A cell with `k ≥ vesting_years` (and, for W,
 * `portability.export`) becomes an old-age pensioner at once, with the award
 * of §5 pro-rated by §11, and is paid this very year; any other is paid the
 * refund (`ō`, `b̄` or nothing) and leaves the scheme. The year's awards
 * (heads and annual amounts) are counted for by_group.csv (§7).
 */
import { annuityDue, oldAgeAward } from '../awards.js';
import { Flow, flowRow } from '../flows.js';
import { memberCellIndex, slotIndex } from '../layout.js';
import { mortalityOfYear } from '../model.js';
import {
  ACTIVE, CREDITS, type CohortState, EARNINGS, emigratedPart, HEADS, inactivePart, occupy, OLD_AGE, OWN_BALANCE, PENSION,
  PENSIONER_STRIDE,
} from '../state.js';
import type { YearContext } from './context.js';

export function retire(context: YearContext, state: CohortState, row: number, flows: Float64Array): void {
  const { model } = context;
  const { layout } = model;
  const sex = row % 2;
  const first = Math.max(model.retirementAgeIndex[sex]!, state.memberAges.low[row]!);
  const last = state.memberAges.high[row]!;
  const awards = context.awards;
  awards.heads = 0;
  awards.amount = 0;
  awards.refunds = 0;
  // W cells abroad become pensioners only where pensions are exported (§11).
  const exported = context.model.scheme.portability.export;
  for (let ageIndex = first; ageIndex <= last; ageIndex += 1) {
    const cellBase = memberCellIndex(layout, row, ageIndex);
    const slot = slotIndex(layout, row, ageIndex);
    retireCells(context, state, ACTIVE, true, cellBase, row, sex, ageIndex, slot);
    retireCells(context, state, inactivePart(layout), true, cellBase, row, sex, ageIndex, slot);
    if (context.model.emigrates) retireCells(context, state, emigratedPart(layout), exported, cellBase, row, sex, ageIndex, slot);
  }
  const out = flowRow(row);
  if (awards.refunds !== 0) flows[out + Flow.refunds]! += awards.refunds;
  if (awards.heads !== 0) {
    flows[out + Flow.old_age_awards]! += awards.heads;
    flows[out + Flow.old_age_award_amount]! += awards.amount;
  }
}

/**
 * The A, I or W part (`part`) of one (row, age)'s cells: vested ones join P at
 * `slot` when `pensionable`, the others are refunded; both are added to
 * `context.awards`.
 */
function retireCells(
  context: YearContext, state: CohortState, part: number, pensionable: boolean, cellBase: number, row: number, sex: number,
  ageIndex: number, slot: number,
): void {
  const oldAge = context.model.scheme.benefits.old_age;
  const { members, pensioners } = state;
  const averages = context.retirement;
  const awards = context.awards;
  const { bins, memberStride: stride, memberPart, balanceSum, foreignSum } = context.model.layout;
  for (let bin = 0; bin < bins; bin += 1) {
    const at = (cellBase + bin) * stride + part;
    const heads = members[at + HEADS]!;
    if (heads === 0) continue;
    if (pensionable && bin >= oldAge.vesting_years) {
      averages.credits = members[at + CREDITS]! / heads;
      averages.earnings = members[at + EARNINGS]! / heads;
      // Cells carry b̄ where the award or the refund reads it, f̄ with totalization; elsewhere both are 0.
      averages.balance = balanceSum < 0 ? 0 : members[at + balanceSum]! / heads;
      averages.foreignCredits = foreignSum < 0 ? 0 : members[at + foreignSum]! / heads;
      const annuityFactor = oldAge.formula === 'account' ? annuityFactorOf(context, sex, ageIndex) : NaN;
      const pensioner = slot * PENSIONER_STRIDE + OLD_AGE;
      const amount = heads * oldAgeAward(oldAge, averages, context.benefitIndex, annuityFactor);
      pensioners[pensioner]! += heads;
      pensioners[pensioner + PENSION]! += amount;
      awards.heads += heads;
      awards.amount += amount;
      occupy(state.pensionerAges, row, ageIndex);
    } else {
      // §5 refunds, at the start of the year: N × ō (own), N × b̄ (account) or nothing. Added here rather than
      // returned by a helper: TurboFan boxes a double returned by a call it does not inline (20,000 a stochastic scenario).
      switch (oldAge.refund) {
        case 'own': awards.refunds += members[at + OWN_BALANCE]!; break;
        case 'account': awards.refunds += members[at + balanceSum]!; break; // account refunds make cells carry b̄ (state.ts memberSumsOf)
        case 'none': break;
        default: throw new Error(`unknown refund ${String(oldAge.refund satisfies never)}`);
      }
    }
    // A loop, not members.fill: five numbers do not pay for a call into the builtin (~20 ns, 20,000 cells a scenario).
    for (let sum = 0; sum < memberPart; sum += 1) members[at + sum] = 0;
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
