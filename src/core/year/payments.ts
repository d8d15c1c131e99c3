/**
 * Step 3 of a year (methodology §4) and the flows of §5 and §6 it carries: each
 * cell's exposure `E = N (1 − q/2)`, and on it the year's contributions,
 * matching and insured earnings of actives (§3, §6), pensions in payment,
 * health cover and maternity benefits (§5), deaths, and the head counts of
 * §7. W cells (§11) are counted and die, and nothing else. Funeral grants, administration and expenditure follow once the year's
 * deaths and contributions are known (closeFlows).
 */
import { Flow, flowRow } from '../flows.js';
import { rowIndex, slotIndex } from '../layout.js';
import type { CohortState } from '../state.js';
import type { YearContext } from './context.js';
import { KernelResult, readIndex } from './kernel.js';
import { lastMovingAge } from './move.js';

export function payments(context: YearContext, state: CohortState, row: number, flows: Float64Array): void {
  const { model, kernel } = context;
  const parameterSlots = slotIndex(model.layout, rowIndex(model.groupOfCell[row >> 1]!, row % 2), 0);
  const out = flowRow(row);
  // Step 4 ran first and summed the heads of the ages it moved; the rest (none
  // after step 1, or all when step 3 runs alone) are summed from the cells.
  const counted = context.memberHeadsOf === row ? lastMovingAge(context, state, row) : -1;
  context.memberHeadsOf = -1;
  // The loops run in the kernel (kernel.ts), on a copy of a state made elsewhere (a step's test).
  const from = readIndex(kernel, state);
  kernel.steps.memberPayments(from, row, parameterSlots, state.memberAges.low[row]!, state.memberAges.high[row]!, counted);
  const { results } = kernel.tables;
  const first = state.pensionerAges.low[row]!;
  const last = state.pensionerAges.high[row]!;
  kernel.steps.pensionerPayments(from, row, parameterSlots, first, last);
  addPensionerFlows(results, KernelResult.oldAgePensioners, Flow.old_age_pensioners, Flow.old_age_benefits, out, flows);
  addPensionerFlows(results, KernelResult.disabilityPensioners, Flow.disability_pensioners, Flow.disability_benefits, out, flows);
  addPensionerFlows(results, KernelResult.survivorPensioners, Flow.survivor_pensioners, Flow.survivor_benefits, out, flows);
  flows[out + Flow.actives]! += results[KernelResult.actives]!;
  flows[out + Flow.inactives]! += results[KernelResult.inactives]!;
  flows[out + Flow.deaths]! += results[KernelResult.deaths]!;
  if (model.emigrates) {
    flows[out + Flow.emigrants]! += results[KernelResult.emigrants]!;
    flows[out + Flow.deaths]! += results[KernelResult.emigrantDeaths]!;
    flows[out + Flow.emigrantDeaths]! += results[KernelResult.emigrantDeaths]!;
  }
  flows[out + Flow.contributions]! += results[KernelResult.contributions]!;
  flows[out + Flow.matching]! += results[KernelResult.matching]!;
  flows[out + Flow.insured_earnings]! += results[KernelResult.insuredEarnings]!;
  flows[out + Flow.activeExposure]! += results[KernelResult.activeExposure]!;
  flows[out + Flow.paidExposure]! += results[KernelResult.paidExposure]!;
  flows[out + Flow.health_benefits]! += results[KernelResult.healthBenefits]!;
  flows[out + Flow.maternity_benefits]! += results[KernelResult.maternityBenefits]!;
}

/** One pensioner state's sums (at `results[at]`): heads, pensions paid on exposure, deaths and health cover (§5). */
function addPensionerFlows(results: Float64Array, at: number, countColumn: number, paidColumn: number, out: number, flows: Float64Array): void {
  flows[out + countColumn]! += results[at]!;
  flows[out + paidColumn]! += results[at + 1]!;
  flows[out + Flow.deaths]! += results[at + 2]!;
  flows[out + Flow.health_benefits]! += results[at + 3]!;
}

/**
 * §5 funeral grants (`amount × J_t` per death, W's deaths abroad aside), §6 administration
 * (`contribution_share × contributions + per_member_annual × Iw_t × (A + I)`)
 * and expenditure (benefits + administration), per (group, sex) row.
 */
export function closeFlows(context: YearContext, row: number, flows: Float64Array): void {
  const { model } = context;
  const scheme = model.scheme;
  const funeralGrant = scheme.benefits.funeral ? scheme.benefits.funeral.amount * context.benefitIndex : 0;
  const { contribution_share: contributionShare, per_member_annual: perMember } = scheme.administration;
  const wageIndex = context.timeline.wageIndex[context.yearIndex]!;
  const out = flowRow(row);
  flows[out + Flow.funeral_benefits]! += funeralGrant * (flows[out + Flow.deaths]! - flows[out + Flow.emigrantDeaths]!);
  flows[out + Flow.administration] = contributionShare * flows[out + Flow.contributions]!
    + perMember * wageIndex * (flows[out + Flow.actives]! + flows[out + Flow.inactives]!);
  flows[out + Flow.expenditure] = flows[out + Flow.old_age_benefits]! + flows[out + Flow.disability_benefits]!
    + flows[out + Flow.survivor_benefits]! + flows[out + Flow.refunds]! + flows[out + Flow.maternity_benefits]!
    + flows[out + Flow.health_benefits]! + flows[out + Flow.funeral_benefits]! + flows[out + Flow.administration]!;
}
