/**
 * What every step of one projection year reads (methodology §4–§6): the year's
 * rates and factors, and the per-slot tables of mortality and of §3, laid
 * out once per year in a workspace that a run allocates once and reuses.
 */
import { type MemberYearCache, memberYearCache, type MemberYearTable, fillMemberYears } from '../memberYears.js';
import { type DisabilityAwardTerms, disabilityAwardTerms, oldAgeAwardTerms, type OldAgeAwardTerms } from '../awards.js';
import { mortalityOfYear, parameterSlotCount, type ProjectionModel } from '../model.js';
import { type YearKernel, yearKernel, startKernel } from './kernel.js';
import type { Timeline } from '../timeline.js';
import { record } from '../record.js';

export interface YearContext {
  model: ProjectionModel;
  /** The year's WebAssembly kernel (kernel.ts): q, q_D, §3's table and step 4's outputs below are views into its memory. */
  kernel: YearKernel;
  /** The scenario's timeline: set for each run (startRun). */
  timeline: Timeline;
  yearIndex: number;
  /** q of A, I, P and S cells by parameter slot (§4): group multiplier and scenario factor in, 1 at max_age. */
  q: Float64Array;
  /** q of D cells: also × disability.mortality_multiplier. */
  qDisabled: Float64Array;
  /** §3 by parameter slot. */
  memberYear: MemberYearTable;
  memberYearCache: MemberYearCache;
  /**
   * Deaths of vested A and I members by age of the row being projected, and
   * their sum weighted by each one's §5 disability award on its cell's
   * year-end averages: written by step 4 (move), read by step 5 (survivors).
   */
  memberDeaths: Float64Array;
  memberDeathPensions: Float64Array;
  /**
   * Heads of the A, I and W cells of each age (`3 × ageIndex + part`) of the
   * row `memberHeadsOf`: step 4 sums them as it walks every occupied cell,
   * so that step 3, which runs after it, need not walk the cells again. −1
   * when no row's heads are there (step 3 then counts them itself).
   */
  memberHeads: Float64Array;
  memberHeadsOf: number;
  /** Births to the row's women who stay in A or I (§12), summed by step 4. */
  births: number;
  /** §12 per birth: `y` credited years (0 without care credits), `y × 12 × insured_income × J_t`, `G (1 + i_t)^{1/2}` and `G`. */
  careCreditYears: number;
  careCreditEarnings: number;
  careCreditBalance: number;
  careCreditContribution: number;
  /** ä_{s,x,t} of the account formula by (sex, age), NaN until needed this year (§5): the kernel's, which step 1 reads. */
  annuityFactors: Float64Array;
  /** `i_t` and `(1 + i_t)^{1/2}` (§6). */
  investmentReturn: number;
  halfYearGrowth: number;
  wageGrowth: number;
  /** `1 + idx_t` of pensions in payment (§4 step 6). */
  pensionGrowth: number;
  /** `J_t` and `J_{t+1}` of the default rule (§5). */
  benefitIndex: number;
  nextBenefitIndex: number;
  /** The year's §5 disability award terms, on J_{t+1} (zeros without disability benefits): step 4's awards. */
  disabilityTerms: DisabilityAwardTerms;
  /** The year's §5 old-age award terms, on J_t: step 1's awards. */
  oldAgeTerms: OldAgeAwardTerms;
  /** `(1 + health.inflation)^{t−t0} × dependants_factor`, 0 without health (§5). */
  healthFactor: number;
}

const NO_DISABILITY_AWARD: DisabilityAwardTerms = { fixed: 0, replacement: 0, minimum: 0 };

/**
 * A workspace for every year of a run on `model`, in `kernel`'s memory (a
 * new kernel by default; a projection workspace gives its own, whose
 * memory holds its states).
 */
export function yearContext(model: ProjectionModel, timeline: Timeline, kernel: YearKernel = yearKernel(model.layout, parameterSlotCount(model))): YearContext {
  return new YearContextObject(model, timeline, kernel);
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging -- the class's fields are YearContext's
interface YearContextObject extends YearContext {}

/**
 * The year context, built field by field by a constructor rather than returned
 * as an object literal (record.ts says why), and not by record(): the
 * constructor's own assignments let V8 keep all its fields inside the object,
 * where the year's loops read them fastest (through record() a scenario took
 * 13 % longer).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
class YearContextObject {
  constructor(model: ProjectionModel, timeline: Timeline, kernel: YearKernel) {
    const { tables } = kernel;
    // A kernel may have served another model of the same layout: its tables start at 0, as a new kernel's do.
    for (const table of [tables.q, tables.qDisabled, tables.density, tables.contributions, tables.matching, tables.insuredEarnings]) table.fill(0);
    startKernel(kernel, model);
    this.model = model;
    this.kernel = kernel;
    this.timeline = timeline;
    this.yearIndex = -1;
    this.q = tables.q;
    this.qDisabled = tables.qDisabled;
    this.memberYear = record({ density: tables.density, contributions: tables.contributions, matching: tables.matching, insuredEarnings: tables.insuredEarnings });
    this.memberYearCache = memberYearCache(model);
    this.memberDeaths = tables.memberDeaths;
    this.memberDeathPensions = tables.memberDeathPensions;
    this.memberHeads = tables.memberHeads;
    this.memberHeadsOf = -1;
    this.births = 0;
    this.careCreditYears = 0;
    this.careCreditEarnings = 0;
    this.careCreditBalance = 0;
    this.careCreditContribution = 0;
    this.annuityFactors = tables.annuityFactors;
    this.investmentReturn = 0;
    this.halfYearGrowth = 1;
    this.wageGrowth = 0;
    this.pensionGrowth = 1;
    this.benefitIndex = 1;
    this.nextBenefitIndex = 1;
    this.disabilityTerms = NO_DISABILITY_AWARD;
    this.oldAgeTerms = oldAgeAwardTerms(model.scheme.benefits.old_age, 1);
    this.healthFactor = 0;
  }
}

/**
 * Prepares the workspace for a run under `timeline`. The §3 cache stays: its
 * values depend on the model (a workspace's own) and on each row's income
 * factor, which it checks, so a batch's scenarios on one model share it.
 */
export function startRun(context: YearContext, timeline: Timeline): void {
  context.timeline = timeline;
  // Two workspaces may share a kernel (projectionWorkspace): it must hold this model's rates.
  if (context.kernel.configuredFor !== context.model) startKernel(context.kernel, context.model);
}

/** Lays out year `t0 + yearIndex` in the workspace. */
export function enterYear(context: YearContext, yearIndex: number): void {
  const { model, timeline } = context;
  const scheme = model.scheme;
  context.yearIndex = yearIndex;
  context.investmentReturn = timeline.scenario.investmentReturn[yearIndex]!;
  context.halfYearGrowth = Math.sqrt(1 + context.investmentReturn);
  context.wageGrowth = timeline.scenario.wageGrowth[yearIndex]!;
  context.pensionGrowth = 1 + timeline.pensionIndexation[yearIndex]!;
  context.benefitIndex = timeline.benefitIndex[yearIndex]!;
  context.nextBenefitIndex = timeline.benefitIndex[yearIndex + 1]!;
  const disability = scheme.benefits.disability;
  context.disabilityTerms = disability
    ? disabilityAwardTerms(disability, scheme.benefits.old_age.min_pension, context.nextBenefitIndex) : NO_DISABILITY_AWARD;
  context.oldAgeTerms = oldAgeAwardTerms(scheme.benefits.old_age, context.benefitIndex);
  const health = scheme.benefits.health;
  context.healthFactor = health ? Math.pow(1 + health.inflation, yearIndex) * health.dependants_factor : 0;
  context.annuityFactors.fill(NaN);
  // §12: J_t of the default rule, as for every benefit.
  const careCredits = scheme.benefits.care_credits;
  const notionalEarnings = careCredits ? careCredits.years_per_birth * 12 * careCredits.insured_income * context.benefitIndex : 0;
  context.careCreditYears = careCredits ? careCredits.years_per_birth : 0;
  context.careCreditEarnings = notionalEarnings;
  context.careCreditContribution = careCredits ? notionalEarnings * careCredits.state_contribution_rate : 0;
  context.careCreditBalance = context.careCreditContribution * context.halfYearGrowth;
  const terms = context.disabilityTerms;
  context.kernel.steps.startYear(
    1 + context.investmentReturn, 1 + context.wageGrowth, context.halfYearGrowth, terms.fixed, terms.replacement, terms.minimum,
    context.careCreditYears, context.careCreditEarnings, context.careCreditBalance, context.pensionGrowth, context.healthFactor,
  );

  // §4: q = min(1, q_{s,x,t} × multiplier_g × m_D × F^q_t), and 1 at max_age whatever the multipliers (the kernel's yearMortality).
  context.kernel.tables.mortality.set(mortalityOfYear(model, yearIndex));
  context.kernel.steps.yearMortality(timeline.scenario.mortalityFactor[yearIndex]!, scheme.benefits.disability?.mortality_multiplier ?? 1);
  fillMemberYears(model, timeline, yearIndex, context.memberYearCache, context.memberYear);
}
