/**
 * One projection year, MODEL.md §4 steps 1–6 with the flows of §5–§6.
 * Every flow is computed from the start-of-year cell and written once into
 * the next year's state (never decrement by decrement), so heads and money
 * are conserved by construction.
 */
import { annuityDue, disabilityAward, oldAgeAward } from './awards.js';
import { type CohortState, memberIndex, type MemberCells, type PensionerCells, slotIndex } from './cells.js';
import { memberYear } from './contributions.js';
import { Flow, flowRow } from './flows.js';
import type { ProjectionModel } from './model.js';
import { mortalityOfYear } from './model.js';

/** Per-head results of one active member-year per slot, computed when first needed (§3). */
interface MemberYearCache {
  ready: Uint8Array;
  /** Year-independent results at Iw = J = 1, for groups whose rule is wage-indexed. */
  baseReady: Uint8Array;
  base: Float64Array;
  density: Float64Array;
  contributions: Float64Array;
  matching: Float64Array;
  insuredEarnings: Float64Array;
}

export function memberYearCache(slots: number): MemberYearCache {
  return {
    ready: new Uint8Array(slots),
    baseReady: new Uint8Array(slots),
    base: new Float64Array(4 * slots),
    density: new Float64Array(slots),
    contributions: new Float64Array(slots),
    matching: new Float64Array(slots),
    insuredEarnings: new Float64Array(slots),
  };
}

/**
 * Projects year `t0 + yearIndex`: reads `state` (start of year), writes
 * `next` (start of the following year, must be zeroed) and adds the year's
 * flows to `flows` (one FLOW_WIDTH row per group and sex, must be zeroed).
 * @param entrants heads entering bin 0 of A per (group, sex, age) slot (§4 step 2)
 */
export function projectYear(
  model: ProjectionModel,
  state: CohortState,
  next: CohortState,
  yearIndex: number,
  entrants: Float64Array | null,
  flows: Float64Array,
  cache: MemberYearCache,
): void {
  const { layout, timeline, scheme, rates } = model;
  const { bins, ages } = layout;
  const lastAge = ages - 1;
  // Deaths of A and I members leave survivors only when both benefits are paid (§4 step 5).
  const leavesSurvivors = scheme.benefits.survivors !== undefined && scheme.benefits.disability !== undefined;
  const topBin = bins - 1;
  const oldAgeRule = scheme.benefits.old_age;
  const disabilityRule = scheme.benefits.disability;
  const survivorsRule = scheme.benefits.survivors;
  const maternityRule = scheme.benefits.maternity;
  const disabilityVesting = disabilityRule ? disabilityRule.vesting_years : Infinity;
  const disabilityMortality = disabilityRule ? disabilityRule.mortality_multiplier : 1;
  const benefitIndex = model.benefitIndex[yearIndex]!;
  const nextBenefitIndex = model.benefitIndex[yearIndex + 1]!;
  const investmentReturn = timeline.investmentReturn[yearIndex]!;
  const halfYearGrowth = Math.sqrt(1 + investmentReturn);
  const wageGrowth = timeline.wageGrowth[yearIndex]!;
  const pensionGrowth = 1 + timeline.pensionIndexation[yearIndex]!;
  const mortality = mortalityOfYear(model, yearIndex);
  const healthFactor = scheme.benefits.health
    ? Math.pow(1 + scheme.benefits.health.inflation, yearIndex) * scheme.benefits.health.dependants_factor : 0;
  const funeralGrant = scheme.benefits.funeral ? scheme.benefits.funeral.amount * benefitIndex : 0;
  const maternityFactor = maternityRule ? maternityRule.replacement * maternityRule.weeks / 52 : 0;
  const wageIndex = timeline.wageIndex[yearIndex]!;
  cache.ready.fill(0);

  const averages = { credits: 0, earnings: 0, balance: 0 };
  const yearEnd = { credits: 0, earnings: 0, balance: 0 };
  let annuityFactors: Float64Array | null = null;

  const addMembers = (cells: MemberCells, cell: number, heads: number, ownBalance: number) => {
    if (heads === 0) return;
    cells.heads[cell]! += heads;
    cells.credits[cell]! += heads * yearEnd.credits;
    cells.earnings[cell]! += heads * yearEnd.earnings;
    cells.balance[cell]! += heads * yearEnd.balance;
    cells.ownBalance[cell]! += heads * ownBalance;
  };
  const addPensioners = (cells: PensionerCells, slot: number, heads: number, pensionPerHead: number) => {
    if (heads === 0) return;
    cells.heads[slot]! += heads;
    cells.pension[slot]! += heads * pensionPerHead;
  };
  // §4 step 5: survivors of the other sex, same group, at the start of t+1.
  const addSurvivors = (group: number, deceasedSex: number, ageIndex: number, deaths: number, pensionPerHead: number) => {
    const heads = deaths * model.spouseProbability[deceasedSex]!;
    if (!survivorsRule || heads === 0) return;
    const survivorAge = Math.min(Math.min(Math.max(ageIndex + model.ageDifference[deceasedSex]!, 0), lastAge) + 1, lastAge);
    const survivorSlot = slotIndex(layout, group, 1 - deceasedSex, survivorAge);
    // Survivors may land at any age: the only additions outside the next slot, already marked, of a cell.
    next.occupied[survivorSlot] = 1;
    addPensioners(next.survivor, survivorSlot, heads, survivorsRule.share * pensionPerHead);
  };

  // One P, D or S cell: benefits paid on exposure, deaths, survivors of P and D, indexed survivors to t+1.
  const pensionerYear = (group: number, sex: number, row: number, slot: number, ageIndex: number, healthCost: number,
    cells: PensionerCells, nextCells: PensionerCells, countColumn: number, paidColumn: number,
    pensionerQ: number, covered: boolean, leavesPensionerSurvivors: boolean): void => {
    const heads = cells.heads[slot]!;
    if (heads === 0) return;
    const pensionSum = cells.pension[slot]!;
    const exposureShare = 1 - pensionerQ / 2;
    const deaths = heads * pensionerQ;
    flows[row + countColumn]! += heads;
    flows[row + paidColumn]! += exposureShare * pensionSum;
    flows[row + Flow.deaths]! += deaths;
    if (covered) flows[row + Flow.health_benefits]! += heads * exposureShare * healthCost;
    const indexedPension = pensionSum / heads * pensionGrowth;
    if (ageIndex < lastAge) addPensioners(nextCells, slot + 1, heads * (1 - pensionerQ), indexedPension);
    if (leavesPensionerSurvivors) addSurvivors(group, sex, ageIndex, deaths, indexedPension);
  };

  for (let group = 0; group < layout.groups; group += 1) {
    const parameters = model.groups[group]!;
    const groupMortality = parameters.mortalityMultiplier;
    for (let sex = 0; sex < 2; sex += 1) {
      const row = flowRow(group, sex);
      const retirementIndex = model.retirementAgeIndex[sex]!;

      // Step 1. Retire: A/I cells at or past the retirement age leave.
      for (let ageIndex = Math.max(retirementIndex, 0); ageIndex < ages; ageIndex += 1) {
        const slot = slotIndex(layout, group, sex, ageIndex);
        if (state.occupied[slot] === 0) continue;
        for (const cells of [state.active, state.inactive]) {
          for (let bin = 0; bin < bins; bin += 1) {
            const cell = memberIndex(layout, slot, bin);
            const heads = cells.heads[cell]!;
            if (heads === 0) continue;
            if (bin >= oldAgeRule.vesting_years) {
              averages.credits = cells.credits[cell]! / heads;
              averages.earnings = cells.earnings[cell]! / heads;
              averages.balance = cells.balance[cell]! / heads;
              let annuityFactor = NaN;
              if (oldAgeRule.formula === 'account') {
                annuityFactors ??= new Float64Array(2 * ages).fill(NaN);
                const at = sex * ages + ageIndex;
                if (Number.isNaN(annuityFactors[at]!)) {
                  annuityFactors[at] = annuityDue(mortality.subarray(sex * ages, (sex + 1) * ages), ageIndex,
                    timeline.pensionIndexation[yearIndex]!, oldAgeRule.annuity_rate ?? 0);
                }
                annuityFactor = annuityFactors[at]!;
              }
              addPensioners(state.oldAge, slot, heads, oldAgeAward(oldAgeRule, averages, benefitIndex, annuityFactor));
            } else if (oldAgeRule.refund === 'own') {
              flows[row + Flow.refunds]! += cells.ownBalance[cell]!;
            } else if (oldAgeRule.refund === 'account') {
              flows[row + Flow.refunds]! += cells.balance[cell]!;
            }
            cells.heads[cell] = 0; cells.credits[cell] = 0; cells.earnings[cell] = 0;
            cells.balance[cell] = 0; cells.ownBalance[cell] = 0;
          }
        }
      }

      // Step 2. Enter: bin 0 of A, all averages 0.
      if (entrants) {
        for (let ageIndex = 0; ageIndex < ages; ageIndex += 1) {
          const slot = slotIndex(layout, group, sex, ageIndex);
          const heads = entrants[slot]!;
          if (heads === 0) continue;
          state.active.heads[memberIndex(layout, slot, 0)]! += heads;
          state.occupied[slot] = 1;
          flows[row + Flow.entrants]! += heads;
        }
      }

      // Steps 3–6 cell by cell.
      for (let ageIndex = 0; ageIndex < ages; ageIndex += 1) {
        const slot = slotIndex(layout, group, sex, ageIndex);
        if (state.occupied[slot] === 0) continue;
        const nextSlot = slot + 1; // same group and sex, one year older; unused at max_age where q = 1
        if (ageIndex < lastAge) next.occupied[nextSlot] = 1;
        const baseQ = mortality[sex * ages + ageIndex]!;
        const q = ageIndex === lastAge ? 1 : Math.min(1, baseQ * groupMortality);
        const survival = 1 - q;
        const healthCost = model.healthCost ? model.healthCost[ageIndex]! * healthFactor : 0;
        const disabilityRate = disabilityRule ? rates.disability[slot]! : 0;
        const lapse = rates.lapse[slot]!;
        const reentry = rates.reentry[slot]!;

        for (let bin = 0; bin < bins; bin += 1) {
          const cell = memberIndex(layout, slot, bin);
          const upBin = Math.min(bin + 1, topBin);
          const disabilityVested = bin >= disabilityVesting;
          const incidence = disabilityVested ? disabilityRate : 0;

          // Actives.
          const activeHeads = state.active.heads[cell]!;
          if (activeHeads > 0) {
            if (cache.ready[slot] === 0) fillMemberYear(model, cache, group, slot, yearIndex);
            const density = cache.density[slot]!;
            const contributions = cache.contributions[slot]!;
            const matching = cache.matching[slot]!;
            const insured = cache.insuredEarnings[slot]!;
            const exposure = activeHeads * (1 - q / 2);
            const deaths = activeHeads * q;
            flows[row + Flow.actives]! += activeHeads;
            flows[row + Flow.contributions]! += exposure * contributions;
            flows[row + Flow.matching]! += exposure * matching;
            flows[row + Flow.insured_earnings]! += exposure * insured;
            flows[row + Flow.activeExposure]! += exposure;
            flows[row + Flow.paidExposure]! += exposure * density;
            flows[row + Flow.deaths]! += deaths;
            if (model.healthCovers.active) flows[row + Flow.health_benefits]! += exposure * healthCost;
            if (maternityRule && sex === 0) {
              flows[row + Flow.maternity_benefits]! += exposure * rates.fertility[slot]! * maternityFactor * insured / Math.max(density, 1e-12);
            }
            const cells = state.active;
            yearEnd.credits = cells.credits[cell]! / activeHeads + density;
            yearEnd.earnings = cells.earnings[cell]! / activeHeads * (1 + wageGrowth) + insured;
            yearEnd.balance = cells.balance[cell]! / activeHeads * (1 + investmentReturn) + (contributions + matching) * halfYearGrowth;
            const ownBalance = cells.ownBalance[cell]! / activeHeads * (1 + investmentReturn) + contributions * halfYearGrowth;
            const award = disabilityRule && disabilityVested && (incidence > 0 || (leavesSurvivors && deaths > 0))
              ? disabilityAward(disabilityRule, oldAgeRule.min_pension, yearEnd, nextBenefitIndex) : 0;
            if (ageIndex < lastAge) {
              const remaining = activeHeads * survival * (1 - incidence);
              addPensioners(next.disability, nextSlot, activeHeads * survival * incidence, award);
              addMembers(next.active, memberIndex(layout, nextSlot, upBin), remaining * density * (1 - lapse), ownBalance);
              addMembers(next.active, memberIndex(layout, nextSlot, bin), remaining * (1 - density) * (1 - lapse), ownBalance);
              addMembers(next.inactive, memberIndex(layout, nextSlot, upBin), remaining * density * lapse, ownBalance);
              addMembers(next.inactive, memberIndex(layout, nextSlot, bin), remaining * (1 - density) * lapse, ownBalance);
            }
            if (disabilityRule && disabilityVested) addSurvivors(group, sex, ageIndex, deaths, award);
          }

          // Inactives: the same without the year's density, earnings and contributions.
          const inactiveHeads = state.inactive.heads[cell]!;
          if (inactiveHeads > 0) {
            const cells = state.inactive;
            const exposure = inactiveHeads * (1 - q / 2);
            const deaths = inactiveHeads * q;
            flows[row + Flow.inactives]! += inactiveHeads;
            flows[row + Flow.deaths]! += deaths;
            if (model.healthCovers.inactive) flows[row + Flow.health_benefits]! += exposure * healthCost;
            yearEnd.credits = cells.credits[cell]! / inactiveHeads;
            yearEnd.earnings = cells.earnings[cell]! / inactiveHeads * (1 + wageGrowth);
            yearEnd.balance = cells.balance[cell]! / inactiveHeads * (1 + investmentReturn);
            const ownBalance = cells.ownBalance[cell]! / inactiveHeads * (1 + investmentReturn);
            const award = disabilityRule && disabilityVested && (incidence > 0 || (leavesSurvivors && deaths > 0))
              ? disabilityAward(disabilityRule, oldAgeRule.min_pension, yearEnd, nextBenefitIndex) : 0;
            if (ageIndex < lastAge) {
              const remaining = inactiveHeads * survival * (1 - incidence);
              addPensioners(next.disability, nextSlot, inactiveHeads * survival * incidence, award);
              addMembers(next.active, memberIndex(layout, nextSlot, bin), remaining * reentry, ownBalance);
              addMembers(next.inactive, memberIndex(layout, nextSlot, bin), remaining * (1 - reentry), ownBalance);
            }
            if (disabilityRule && disabilityVested) addSurvivors(group, sex, ageIndex, deaths, award);
          }
        }

        // Pensioners: P and D leave survivors; S do not.
        const disabledQ = ageIndex === lastAge ? 1 : Math.min(1, baseQ * groupMortality * disabilityMortality);
        pensionerYear(group, sex, row, slot, ageIndex, healthCost, state.oldAge, next.oldAge, Flow.old_age_pensioners, Flow.old_age_benefits, q, model.healthCovers.retired, true);
        pensionerYear(group, sex, row, slot, ageIndex, healthCost, state.disability, next.disability, Flow.disability_pensioners, Flow.disability_benefits, disabledQ, model.healthCovers.disabled, true);
        pensionerYear(group, sex, row, slot, ageIndex, healthCost, state.survivor, next.survivor, Flow.survivor_pensioners, Flow.survivor_benefits, q, model.healthCovers.survivor, false);
      }

      // §5 funeral and §6 administration and expenditure of this (group, sex).
      flows[row + Flow.funeral_benefits]! += funeralGrant * flows[row + Flow.deaths]!;
      const administration = scheme.administration;
      flows[row + Flow.administration] = administration.contribution_share * flows[row + Flow.contributions]!
        + administration.per_member_annual * wageIndex * (flows[row + Flow.actives]! + flows[row + Flow.inactives]!);
      flows[row + Flow.expenditure] = flows[row + Flow.old_age_benefits]! + flows[row + Flow.disability_benefits]!
        + flows[row + Flow.survivor_benefits]! + flows[row + Flow.refunds]! + flows[row + Flow.maternity_benefits]!
        + flows[row + Flow.health_benefits]! + flows[row + Flow.funeral_benefits]! + flows[row + Flow.administration]!;
    }
  }
}

function fillMemberYear(model: ProjectionModel, cache: MemberYearCache, group: number, slot: number, yearIndex: number): void {
  const profile = model.income[slot];
  const parameters = model.groups[group]!;
  cache.ready[slot] = 1;
  if (!profile) {
    cache.density[slot] = 0; cache.contributions[slot] = 0; cache.matching[slot] = 0; cache.insuredEarnings[slot] = 0;
    return;
  }
  const wageIndex = model.timeline.wageIndex[yearIndex]!;
  // When the rule is wage-indexed (J_t = Iw_t), income and every money field
  // of the rule scale by the same factor, so C, M and S scale by Iw_t and d
  // does not change (§3): one closed-form evaluation serves every year.
  const wageIndexed = parameters.contributionIndex === model.timeline.wageIndex;
  if (wageIndexed && cache.baseReady[slot] === 1) {
    cache.density[slot] = cache.base[4 * slot]!;
    cache.contributions[slot] = cache.base[4 * slot + 1]! * wageIndex;
    cache.matching[slot] = cache.base[4 * slot + 2]! * wageIndex;
    cache.insuredEarnings[slot] = cache.base[4 * slot + 3]! * wageIndex;
    return;
  }
  const scale = wageIndexed ? 1 : wageIndex;
  const result = memberYear({
    meanAnnualIncome: 12 * profile.meanMonthlyIncome * scale,
    cv: profile.cv,
    zeroMonthProb: profile.zeroMonthProb,
    seasons: profile.seasons,
    rule: parameters.rule,
    contributionIndex: wageIndexed ? 1 : parameters.contributionIndex[yearIndex]!,
    compliance: parameters.compliance,
    declaredShare: parameters.declaredShare,
  });
  if (wageIndexed) {
    cache.baseReady[slot] = 1;
    cache.base.set([result.density, result.contributions, result.matching, result.insuredEarnings], 4 * slot);
    fillMemberYear(model, cache, group, slot, yearIndex);
    return;
  }
  cache.density[slot] = result.density;
  cache.contributions[slot] = result.contributions;
  cache.matching[slot] = result.matching;
  cache.insuredEarnings[slot] = result.insuredEarnings;
}
