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
import { readIndex } from './kernel.js';
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
  const { results } = kernel.tables; // memberPayments' sums at 0 … 11, pensionerPayments' after them
  const first = state.pensionerAges.low[row]!;
  const last = state.pensionerAges.high[row]!;
  kernel.steps.pensionerPayments(from, row, parameterSlots, first, last);
  addPensionerFlows(results, PENSIONER_RESULTS, Flow.old_age_pensioners, Flow.old_age_benefits, out, flows);
  addPensionerFlows(results, PENSIONER_RESULTS + 4, Flow.disability_pensioners, Flow.disability_benefits, out, flows);
  addPensionerFlows(results, PENSIONER_RESULTS + 8, Flow.survivor_pensioners, Flow.survivor_benefits, out, flows);
  flows[out + Flow.actives]! += results[0]!;
  flows[out + Flow.inactives]! += results[1]!;
  flows[out + Flow.deaths]! += results[2]!;
  if (model.emigrates) {
    flows[out + Flow.emigrants]! += results[10]!;
    flows[out + Flow.deaths]! += results[11]!;
    flows[out + Flow.emigrantDeaths]! += results[11]!;
  }
  flows[out + Flow.contributions]! += results[3]!;
  flows[out + Flow.matching]! += results[4]!;
  flows[out + Flow.insured_earnings]! += results[5]!;
  flows[out + Flow.activeExposure]! += results[6]!;
  flows[out + Flow.paidExposure]! += results[7]!;
  flows[out + Flow.health_benefits]! += results[8]!;
  flows[out + Flow.maternity_benefits]! += results[9]!;
}

/** Where pensionerPayments leaves its sums in the kernel's results, after memberPayments' twelve: four for each of P, D and S. */
export const PENSIONER_RESULTS = 12;

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
