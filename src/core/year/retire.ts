/**
 * Step 1 of a year (methodology §4, §11): every A, I or W cell at or past its
 * sex's retirement age leaves. A cell with `k ≥ vesting_years` (and, for W,
 * `portability.export`) becomes an old-age pensioner at once, with the award
 * of §5 pro-rated by §11, and is paid this very year; any other is paid the
 * refund (`ō`, `b̄` or nothing) and leaves the scheme. The year's awards
 * (heads and annual amounts) are counted for by_group.csv (§7).
 */
import { annuityDue } from '../awards.js';
import { Flow, flowRow } from '../flows.js';
import { mortalityOfYear } from '../model.js';
import type { CohortState } from '../state.js';
import type { YearContext } from './context.js';
import { KernelResult, readIndex, writeBack } from './kernel.js';

export function retire(context: YearContext, state: CohortState, row: number, flows: Float64Array): void {
  const { model, kernel } = context;
  const sex = row % 2;
  const first = Math.max(model.retirementAgeIndex[sex]!, state.memberAges.low[row]!);
  const last = state.memberAges.high[row]!;
  const oldAge = model.scheme.benefits.old_age;
  // The account formula's ä, for the kernel to read (computed once per (sex, age) and year).
  if (oldAge.formula === 'account') for (let ageIndex = first; ageIndex <= last; ageIndex += 1) annuityFactorOf(context, sex, ageIndex);
  // The cells' loop runs in the kernel (src/wasm/retire.ts), on a copy of a state made elsewhere (a step's test).
  const from = readIndex(kernel, state);
  const terms = context.oldAgeTerms;
  kernel.steps.retire(from, row, first, last, terms.flat, terms.accrual, terms.minimum);
  writeBack(kernel, state, from);
  const { results } = kernel.tables;
  const heads = results[KernelResult.awardHeads]!;
  const refunds = results[KernelResult.refunds]!;
  const out = flowRow(row);
  if (refunds !== 0) flows[out + Flow.refunds]! += refunds;
  if (heads !== 0) {
    flows[out + Flow.old_age_awards]! += heads;
    flows[out + Flow.old_age_award_amount]! += results[KernelResult.awardAmounts]!;
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
