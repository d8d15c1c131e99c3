// AssemblyScript (npm run build:wasm): where the kernel's numbers lie, and
// the numbers that stay put while its loops run. Memory is the caller's
// (imported): typed arrays of the core laid out in it (src/core/year/kernel.ts).
// Pointers are byte offsets; indices count doubles (or int32s for ranges).
// The setters below are what JavaScript calls, through kernel.ts, when
// something changes: per kernel (its states), per model (its tables, layout
// and benefits), per year (startYear).

// Where the year's tables are, the layout and the emigration: set by configure() once per model (kernel.ts startKernel).
export let q: usize = 0; //              context.q, by parameter slot
export let disabilityRates: usize = 0; // rates.disability
export let emigrationRates: usize = 0; // rates.emigration
export let fertilityRates: usize = 0; //  rates.fertility
export let lapseRates: usize = 0; //      rates.lapse
export let reentryRates: usize = 0; //    rates.reentry
export let densities: usize = 0; //       memberYear.density
export let insuredEarnings: usize = 0; // memberYear.insuredEarnings
export let contributionsOf: usize = 0; // memberYear.contributions
export let matchingOf: usize = 0; //      memberYear.matching
export let memberHeads: usize = 0; //     context.memberHeads (3 per age)
export let memberDeaths: usize = 0; //    context.memberDeaths
export let memberDeathPensions: usize = 0;
export let arrivals: usize = 0; //        scratch: bins × 2 × 6
// The layout (layout.ts, state.ts).
export let ages: i32 = 0;
export let memberAges: i32 = 0;
export let bins: i32 = 0;
export let stride: i32 = 0;
export let inactiveAt: i32 = 0;
export let emigratedAt: i32 = 0;
export let balanceAt: i32 = -1;
export let foreignAt: i32 = -1;
export let emigrates: bool = false;
export let foreignDensity: f64 = 0;

export function configure(
  qPointer: usize, disabilityPointer: usize, emigrationPointer: usize, fertilityPointer: usize, lapsePointer: usize, reentryPointer: usize,
  densityPointer: usize, insuredPointer: usize, contributionsPointer: usize, matchingPointer: usize,
  headsPointer: usize, deathsPointer: usize, deathPensionsPointer: usize, arrivalsPointer: usize,
  layoutAges: i32, layoutMemberAges: i32, layoutBins: i32, memberPart: i32, memberStride: i32, balanceSum: i32, foreignSum: i32,
  withEmigration: bool, modelForeignDensity: f64,
): void {
  q = qPointer; disabilityRates = disabilityPointer; emigrationRates = emigrationPointer; fertilityRates = fertilityPointer;
  lapseRates = lapsePointer; reentryRates = reentryPointer; densities = densityPointer; insuredEarnings = insuredPointer;
  contributionsOf = contributionsPointer; matchingOf = matchingPointer; memberHeads = headsPointer; memberDeaths = deathsPointer;
  memberDeathPensions = deathPensionsPointer; arrivals = arrivalsPointer;
  ages = layoutAges; memberAges = layoutMemberAges; bins = layoutBins; stride = memberStride;
  inactiveAt = memberPart; emigratedAt = 2 * memberPart; balanceAt = balanceSum; foreignAt = foreignSum;
  emigrates = withEmigration; foreignDensity = modelForeignDensity;
}

// Where the pensioner steps' tables are: set once per model (configurePensioners).
export let qDisabled: usize = 0; //  context.qDisabled, by parameter slot
export let healthCosts: usize = 0; // model.healthCost, by age (0 without health cover)
export let results: usize = 0; //     memberPayments' twelve sums, pensionerPayments' twelve (P, D, S), then step 1's three

// Where the calls leave their sums in `results` (src/core/year/kernel.ts KernelResult names the same places).
export const RESULT_ACTIVES: i32 = 0;
export const RESULT_INACTIVES: i32 = 1;
export const RESULT_DEATHS: i32 = 2;
export const RESULT_CONTRIBUTIONS: i32 = 3;
export const RESULT_MATCHING: i32 = 4;
export const RESULT_INSURED_EARNINGS: i32 = 5;
export const RESULT_ACTIVE_EXPOSURE: i32 = 6;
export const RESULT_PAID_EXPOSURE: i32 = 7;
export const RESULT_HEALTH_BENEFITS: i32 = 8;
export const RESULT_MATERNITY_BENEFITS: i32 = 9;
export const RESULT_EMIGRANTS: i32 = 10;
export const RESULT_EMIGRANT_DEATHS: i32 = 11;
// Four each: heads, pensions paid, deaths, health cover.
export const RESULT_OLD_AGE_PENSIONERS: i32 = 12;
export const RESULT_DISABILITY_PENSIONERS: i32 = 16;
export const RESULT_SURVIVOR_PENSIONERS: i32 = 20;
export const RESULT_AWARD_HEADS: i32 = 24;
export const RESULT_AWARD_AMOUNTS: i32 = 25;
export const RESULT_REFUNDS: i32 = 26;

export function configurePensioners(qDisabledPointer: usize, healthPointer: usize, resultsPointer: usize): void {
  qDisabled = qDisabledPointer; healthCosts = healthPointer; results = resultsPointer;
}

// The kernel's two cohort states (kernel.ts), by index 0 or 1.
export let members0: usize = 0, pensioners0: usize = 0, memberLow0: usize = 0, memberHigh0: usize = 0, pensionerLow0: usize = 0, pensionerHigh0: usize = 0;
export let members1: usize = 0, pensioners1: usize = 0, memberLow1: usize = 0, memberHigh1: usize = 0, pensionerLow1: usize = 0, pensionerHigh1: usize = 0;

export function configureStates(
  m0: usize, p0: usize, ml0: usize, mh0: usize, pl0: usize, ph0: usize, m1: usize, p1: usize, ml1: usize, mh1: usize, pl1: usize, ph1: usize,
): void {
  members0 = m0; pensioners0 = p0; memberLow0 = ml0; memberHigh0 = mh0; pensionerLow0 = pl0; pensionerHigh0 = ph0;
  members1 = m1; pensioners1 = p1; memberLow1 = ml1; memberHigh1 = mh1; pensionerLow1 = pl1; pensionerHigh1 = ph1;
}

// The model's benefits (§5, §4 step 5) and health covers.
export let hasDisability: bool = false;
export let vesting: i32 = 0;
export let awardEveryVested: bool = false;
export let spousesF: f64 = 0, spousesM: f64 = 0;
export let differenceF: i32 = 0, differenceM: i32 = 0;
export let survivorShare: f64 = 0;
export let maternityFactor: f64 = 0;
export let withMaternity: bool = false;
export let coversActive: bool = false, coversInactive: bool = false, coversRetired: bool = false, coversDisabled: bool = false, coversSurvivor: bool = false;

export function configureBenefits(
  disability: bool, vestingYears: i32, everyVested: bool, spouseProbabilityF: f64, spouseProbabilityM: f64, ageDifferenceF: i32, ageDifferenceM: i32,
  share: f64, maternityShare: f64, maternity: bool, active: bool, inactive: bool, retired: bool, disabled: bool, survivor: bool,
): void {
  hasDisability = disability; vesting = vestingYears; awardEveryVested = everyVested;
  spousesF = spouseProbabilityF; spousesM = spouseProbabilityM; differenceF = ageDifferenceF; differenceM = ageDifferenceM;
  survivorShare = share; maternityFactor = maternityShare; withMaternity = maternity;
  coversActive = active; coversInactive = inactive; coversRetired = retired; coversDisabled = disabled; coversSurvivor = survivor;
}

// Step 1's rule (retire.ts): set once per model (configureRetirement).
export let annuityFactors: usize = 0; // context.annuityFactors: ä_{s,x,t} by (sex, age), for the account formula
export let oldAgeVesting: i32 = 0;
export let oldAgeFormula: i32 = 0; //   FLAT, CAREER_AVERAGE or ACCOUNT
export let refundKind: i32 = 0; //      NO_REFUND, OWN_REFUND or ACCOUNT_REFUND
export let pensionsExported: bool = false;
export const FLAT: i32 = 0, CAREER_AVERAGE: i32 = 1, ACCOUNT: i32 = 2;
export const NO_REFUND: i32 = 0, OWN_REFUND: i32 = 1, ACCOUNT_REFUND: i32 = 2;

export function configureRetirement(annuityPointer: usize, vestingYears: i32, formula: i32, refund: i32, exported: bool): void {
  annuityFactors = annuityPointer; oldAgeVesting = vestingYears; oldAgeFormula = formula; refundKind = refund; pensionsExported = exported;
}

// The year's numbers (context.ts enterYear).
export let growth: f64 = 1, revaluation: f64 = 1, halfYearGrowth: f64 = 1;
export let awardFixed: f64 = 0, awardReplacement: f64 = 0, awardMinimum: f64 = 0;
export let creditedYears: i32 = 0, careCreditEarnings: f64 = 0, careCreditBalance: f64 = 0;
export let pensionGrowth: f64 = 1, healthFactor: f64 = 0;

export function startYear(
  yearGrowth: f64, yearRevaluation: f64, yearHalfGrowth: f64, fixed: f64, replacement: f64, minimum: f64,
  careYears: i32, careEarnings: f64, careBalance: f64, yearPensionGrowth: f64, yearHealthFactor: f64,
): void {
  growth = yearGrowth; revaluation = yearRevaluation; halfYearGrowth = yearHalfGrowth;
  awardFixed = fixed; awardReplacement = replacement; awardMinimum = minimum;
  creditedYears = careYears; careCreditEarnings = careEarnings; careCreditBalance = careBalance;
  pensionGrowth = yearPensionGrowth; healthFactor = yearHealthFactor;
}

// The place of each array of state 0 or 1.
@inline export function membersOf(state: i32): usize { return state == 0 ? members0 : members1; }
@inline export function pensionersOf(state: i32): usize { return state == 0 ? pensioners0 : pensioners1; }
@inline export function memberLowOf(state: i32): usize { return state == 0 ? memberLow0 : memberLow1; }
@inline export function memberHighOf(state: i32): usize { return state == 0 ? memberHigh0 : memberHigh1; }
@inline export function pensionerLowOf(state: i32): usize { return state == 0 ? pensionerLow0 : pensionerLow1; }
@inline export function pensionerHighOf(state: i32): usize { return state == 0 ? pensionerHigh0 : pensionerHigh1; }

// Reading and writing doubles by index.
@inline export function get(base: usize, index: i32): f64 { return load<f64>(base + (<usize>index << 3)); }
@inline export function put(base: usize, index: i32, value: f64): void { store<f64>(base + (<usize>index << 3), value); }
@inline export function add(base: usize, index: i32, value: f64): void { const at = base + (<usize>index << 3); store<f64>(at, load<f64>(at) + value); }

// state.ts occupy(): widens a row's age range.
@inline export function occupy(low: usize, high: usize, row: i32, ageIndex: i32): void {
  const lowAt = low + (<usize>row << 2);
  const highAt = high + (<usize>row << 2);
  if (ageIndex < load<i32>(lowAt)) store<i32>(lowAt, ageIndex);
  if (ageIndex > load<i32>(highAt)) store<i32>(highAt, ageIndex);
}

// The layout of a cell's part and of a pensioner slot (state.ts).
export const HEADS: i32 = 0;
export const CREDITS: i32 = 1;
export const EARNINGS: i32 = 2;
export const OWN_BALANCE: i32 = 3;
export const ACTIVE: i32 = 0;
export const PENSIONER_STRIDE: i32 = 6;
export const DISABILITY: i32 = 2;
export const PENSION: i32 = 1;
export const OLD_AGE: i32 = 0;
export const SURVIVOR: i32 = 4;
