/**
 * Step 3 of a year (methodology §4) and the flows of §5 and §6 it carries: each
 * cell's exposure `E = N (1 − q/2)`, and on it the year's contributions,
 * matching and insured earnings of actives (§3, §6), pensions in payment,
 * health cover and maternity benefits (§5), deaths, and the head counts of
 * §7. W cells (§11) are counted and die, and nothing else. Funeral grants, administration and expenditure follow once the year's
 * deaths and contributions are known (closeFlows).
 */
import { Flow, flowRow } from '../flows.js';
import { memberCellIndex, rowIndex, slotIndex } from '../layout.js';
import { ACTIVE, type CohortState, DISABILITY, emigratedPart, HEADS, inactivePart, OLD_AGE, SURVIVOR } from '../state.js';
import type { YearContext } from './context.js';
import { copyState, inKernel } from './kernel.js';
import { lastMovingAge } from './move.js';

export function payments(context: YearContext, state: CohortState, row: number, flows: Float64Array): void {
  const { model } = context;
  const { layout } = model;
  const { bins, memberStride: stride } = layout;
  const inactiveAt = inactivePart(layout);
  const emigratedAt = emigratedPart(layout);
  const { members } = state;
  const maternity = model.scheme.benefits.maternity;
  const maternityFactor = maternity ? maternity.replacement * maternity.weeks / 52 : 0;
  const covers = model.healthCovers;
  const sex = row % 2;
  const parameterSlots = slotIndex(layout, rowIndex(model.groupOfCell[row >> 1]!, sex), 0);
  const out = flowRow(row);
  let actives = 0, inactives = 0, deaths = 0, contributions = 0, matching = 0, insuredEarnings = 0;
  let activeExposure = 0, paidExposure = 0, health = 0, maternityBenefits = 0, emigrants = 0, emigrantDeaths = 0;
  const emigrates = model.emigrates;
  // Step 4 ran first and summed the heads of the ages it moved; the rest (none
  // after step 1, or all when step 3 runs alone) are summed here.
  const counted = context.memberHeadsOf === row ? lastMovingAge(context, state, row) : -1;
  context.memberHeadsOf = -1;
  for (let ageIndex = state.memberAges.low[row]!; ageIndex <= state.memberAges.high[row]!; ageIndex += 1) {
    const at = parameterSlots + ageIndex;
    const q = context.q[at]!;
    const healthCost = model.healthCost ? model.healthCost[ageIndex]! * context.healthFactor : 0;
    const density = context.memberYear.density[at]!;
    const insuredPerHead = context.memberYear.insuredEarnings[at]!;
    const maternityPerExposure = maternity && sex === 0
      ? model.rates.fertility[at]! * maternityFactor * insuredPerHead / Math.max(density, 1e-12) : 0;
    // Heads of the age's A, I (and W) cells: exposures follow, since every flow here is per head.
    let activeHeads = 0;
    let inactiveHeads = 0;
    let emigrantHeads = 0;
    if (ageIndex <= counted) {
      activeHeads = context.memberHeads[3 * ageIndex]!;
      inactiveHeads = context.memberHeads[3 * ageIndex + 1]!;
      emigrantHeads = context.memberHeads[3 * ageIndex + 2]!;
    } else {
      const first = memberCellIndex(layout, row, ageIndex) * stride;
      for (let cell = first; cell < first + bins * stride; cell += stride) {
        activeHeads += members[cell + ACTIVE + HEADS]!;
        inactiveHeads += members[cell + inactiveAt + HEADS]!;
      }
      if (emigrates) for (let cell = first; cell < first + bins * stride; cell += stride) emigrantHeads += members[cell + emigratedAt + HEADS]!;
    }
    if (activeHeads > 0) {
      const exposure = activeHeads * (1 - q / 2);
      actives += activeHeads;
      contributions += exposure * context.memberYear.contributions[at]!;
      matching += exposure * context.memberYear.matching[at]!;
      insuredEarnings += exposure * insuredPerHead;
      activeExposure += exposure;
      paidExposure += exposure * density;
      deaths += activeHeads * q;
      if (covers.active) health += exposure * healthCost;
      maternityBenefits += exposure * maternityPerExposure;
    }
    if (inactiveHeads > 0) {
      inactives += inactiveHeads;
      deaths += inactiveHeads * q;
      if (covers.inactive) health += inactiveHeads * (1 - q / 2) * healthCost;
    }
    if (emigrates) {
      emigrants += emigrantHeads;
      emigrantDeaths += emigrantHeads * q;
    }
  }
  // The pensioners' part runs in the kernel (kernel.ts), on a copy of a state made elsewhere (a step's test).
  const pensioners = inKernel(context.kernel, state) ? state : copyInto(context, state);
  pensionerPayments(context, pensioners, row, parameterSlots, OLD_AGE, false, covers.retired, Flow.old_age_pensioners, Flow.old_age_benefits, flows);
  pensionerPayments(context, pensioners, row, parameterSlots, DISABILITY, true, covers.disabled, Flow.disability_pensioners, Flow.disability_benefits, flows);
  pensionerPayments(context, pensioners, row, parameterSlots, SURVIVOR, false, covers.survivor, Flow.survivor_pensioners, Flow.survivor_benefits, flows);
  flows[out + Flow.actives]! += actives;
  flows[out + Flow.inactives]! += inactives;
  flows[out + Flow.deaths]! += deaths;
  if (emigrates) {
    flows[out + Flow.emigrants]! += emigrants;
    flows[out + Flow.deaths]! += emigrantDeaths;
    flows[out + Flow.emigrantDeaths]! += emigrantDeaths;
  }
  flows[out + Flow.contributions]! += contributions;
  flows[out + Flow.matching]! += matching;
  flows[out + Flow.insured_earnings]! += insuredEarnings;
  flows[out + Flow.activeExposure]! += activeExposure;
  flows[out + Flow.paidExposure]! += paidExposure;
  flows[out + Flow.health_benefits]! += health;
  flows[out + Flow.maternity_benefits]! += maternityBenefits;
}

function copyInto(context: YearContext, state: CohortState): CohortState {
  const scratch = context.kernel.states[0];
  copyState(state, scratch);
  return scratch;
}

/** One pensioner state (`part`) of a row: heads, pensions paid on exposure, deaths and health cover (§5). */
function pensionerPayments(
  context: YearContext, state: CohortState, row: number, parameterSlots: number, part: number, disabled: boolean,
  covered: boolean, countColumn: number, paidColumn: number, flows: Float64Array,
): void {
  const { kernel } = context;
  kernel.steps.pensionerPayments(
    state.pensioners.byteOffset, row, parameterSlots, state.pensionerAges.low[row]!, state.pensionerAges.high[row]!, part,
    disabled ? 1 : 0, covered && context.model.healthCost !== null ? 1 : 0, context.healthFactor,
  );
  const { results } = kernel.tables;
  const out = flowRow(row);
  flows[out + countColumn]! += results[0]!;
  flows[out + paidColumn]! += results[1]!;
  flows[out + Flow.deaths]! += results[2]!;
  flows[out + Flow.health_benefits]! += results[3]!;
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
