/**
 * The static structure of a projection (methodology §2–§5): the cell layout,
 * each group's rules and behaviour, the tables by (group, sex, age), the
 * benefit rules. Nothing here depends on the economy: the paths of wages,
 * prices, returns and the scenario factors come with the scenario
 * (scenario.ts), so that one model serves any number of scenarios.
 */
import type { Scheme } from '../schema/scheme.js';
import type { PopulationRow } from '../schema/tables.js';
import { type CellLayout, cellLayout, slotCount } from './layout.js';
import { oldestMemberIndex } from './population.js';
import { memberSumsOf } from './state.js';
import { type ContributionRule, contributionRule, forSex, mergeContributionFields, retirementAge, topCreditBin } from './rules.js';
import {
  type AgeRange, ageCount, healthCostByAge, incomeRowIndex, type MortalityBasis, mortalityBasis, mortalityOfYear as mortalityTableOfYear,
  type RatesTable, ratesTable, seasonsOf,
} from './tables.js';
import type { SchemeData } from './types.js';
import { record } from './record.js';
import { checkKernelFits } from './year/kernel.js';

/** What a group's members do and pay (§2 `groups`, §3). */
export interface GroupParameters {
  name: string;
  rule: ContributionRule;
  compliance: number;
  declaredShare: number;
  mortalityMultiplier: number;
  entrantCount: number;
  entrantGrowth: number;
  /** §11: foreign credited years each entrant brings; 0 without totalization. */
  entrantForeignCredits: number;
}

/** One income.csv row as §3 uses it. */
export interface IncomeProfile {
  meanMonthlyIncome: number;
  cv: number;
  zeroMonthProb: number;
  seasons: readonly number[];
}

/** Which states the health benefit covers (§5). */
export interface HealthCover {
  active: boolean;
  inactive: boolean;
  retired: boolean;
  disabled: boolean;
  survivor: boolean;
}

export interface ProjectionModel {
  scheme: Scheme;
  baseYear: number;
  horizon: number;
  layout: CellLayout;
  /** The scheme's groups: their parameters and tables. */
  groups: GroupParameters[];
  /** The parameter group of each cell group: the identity, or each entrant lane's group (§8). */
  groupOfCell: Int32Array;
  /** Whether a parameter group has cells in this model: a year lays out the tables of those groups only. */
  groupInUse: Uint8Array;
  /** Rates by parameter slot `(group, sex, age)` over every age. */
  rates: RatesTable;
  mortality: MortalityBasis;
  incomeProfiles: IncomeProfile[];
  /** The income row of each parameter slot, −1 at and above the sex's retirement age or where none applies. */
  incomeRowOfSlot: Int32Array;
  /** The parameter group of each income row. */
  groupOfIncomeRow: Int32Array;
  /** Retirement age minus min_age, by sex index (F, M). */
  retirementAgeIndex: readonly [number, number];
  /** Health cost per head and year by age index, money of t0; null when health is not paid. */
  healthCost: Float64Array | null;
  healthCovers: HealthCover;
  spouseProbability: readonly [number, number];
  ageDifference: readonly [number, number];
  /** §11: foreign periods count (bins and f̄); without it they are ignored. */
  totalization: boolean;
  /** §11: credited years a W member earns abroad in a year; 0 without totalization. */
  foreignDensity: number;
  /** Whether any rate of emigration is not 0: without, W stays empty and its loops are skipped. */
  emigrates: boolean;
  /** The base-year population (§2); empty for entrant lanes. */
  population: readonly PopulationRow[];
  /** `q_{s,x,t}` by year index, filled when first asked for: a function of the model alone. */
  mortalityByYear: (Float64Array | undefined)[];
}

const retirementAgeIndexOf = (scheme: Scheme, range: AgeRange): readonly [number, number] =>
  [retirementAge(scheme, 'F') - range.minAge, retirementAge(scheme, 'M') - range.minAge];

/**
 * The cells of a validated scheme (§4): their layout, and the parameter slots
 * (groups × 2 sexes × ages) beside them, what the year's kernel must hold.
 * @param emigrates whether any rate of emigration is not 0 (the emigrants'
 *   part W); by default, read from the rates
 * @example modelLayout(data).layout.bins // the top credit bin + 1
 */
export function modelLayout(data: SchemeData, emigrates?: boolean): { layout: CellLayout; slots: number } {
  const { scheme } = data;
  const range: AgeRange = { minAge: scheme.projection.min_age, maxAge: scheme.projection.max_age };
  const groupNames = Object.keys(scheme.groups);
  const ages = ageCount(range);
  const retirementAgeIndex = retirementAgeIndexOf(scheme, range);
  // Members older than the highest retirement age exist only at t0, before step 1 retires them.
  const memberAges = Math.min(ages, Math.max(retirementAgeIndex[0], retirementAgeIndex[1], oldestMemberIndex(data.population, range.minAge)) + 1);
  const oldAge = scheme.benefits.old_age;
  const sums = memberSumsOf({
    carriesBalance: oldAge.formula === 'account' || oldAge.refund === 'account', carriesForeign: scheme.portability.totalization,
    emigrates: emigrates ?? ratesTable(data.rates, groupNames, range).emigration.some((rate) => rate > 0),
  });
  const layout = cellLayout(range.minAge, range.maxAge, groupNames.length, memberAges, topCreditBin(scheme) + 1, sums);
  return { layout, slots: slotCount(layout) };
}

/**
 * The model of a validated scheme.
 * @param sibling a model of the same batch (a sweep's base, say): when its
 *   ages and mortality table are the same, the new model shares its tables
 *   of `q_{s,x,t}` by year instead of computing them again
 * @example project(buildModel(data), deterministicScenario(buildModel(data)))
 */
export function buildModel(data: SchemeData, sibling?: ProjectionModel): ProjectionModel {
  const { scheme } = data;
  const range: AgeRange = { minAge: scheme.projection.min_age, maxAge: scheme.projection.max_age };
  const groupNames = Object.keys(scheme.groups);
  const groups = groupNames.map((name): GroupParameters => {
    const group = scheme.groups[name]!;
    return {
      name,
      rule: contributionRule(mergeContributionFields(scheme.contributions, group.contributions)),
      compliance: group.compliance,
      declaredShare: group.declared_share,
      mortalityMultiplier: group.mortality_multiplier,
      entrantCount: group.entrants.count,
      entrantGrowth: group.entrants.growth,
      entrantForeignCredits: scheme.portability.totalization ? group.entrants.foreign_credits : 0,
    };
  });
  const ages = ageCount(range);
  const retirementAgeIndex = retirementAgeIndexOf(scheme, range);
  const rates = ratesTable(data.rates, groupNames, range);
  const mortality = mortalityBasis(data.mortality, range);
  const emigrates = rates.emigration.some((rate) => rate > 0);
  const { layout, slots } = modelLayout(data, emigrates);
  // Before any work: a scheme whose cells the year's kernel cannot hold gets an error that says why.
  checkKernelFits(layout, slots);
  const incomeRowOfSlot = incomeRowIndex(data.income, groupNames, range);
  for (let slot = 0; slot < incomeRowOfSlot.length; slot += 1) {
    const sex = Math.floor(slot / ages) % 2;
    if (slot % ages >= retirementAgeIndex[sex]!) incomeRowOfSlot[slot] = -1;
  }
  const health = scheme.benefits.health;
  const covered = new Set(health?.covered ?? []);
  const survivors = scheme.benefits.survivors;
  const { totalization } = scheme.portability;
  return modelOf({
    scheme,
    baseYear: scheme.projection.base_year,
    horizon: scheme.projection.horizon,
    layout,
    groups,
    groupOfCell: Int32Array.from(groups, (_, index) => index),
    groupInUse: new Uint8Array(0), // set by modelOf
    rates,
    mortality,
    incomeProfiles: data.income.map(incomeProfile),
    incomeRowOfSlot,
    groupOfIncomeRow: Int32Array.from(data.income, (row) => groupNames.indexOf(row.group)),
    retirementAgeIndex,
    healthCost: health ? healthCostByAge(health.annual_cost, range) : null,
    healthCovers: {
      active: covered.has('active'),
      inactive: covered.has('inactive'),
      retired: covered.has('retired'),
      disabled: covered.has('disabled'),
      survivor: covered.has('survivor'),
    },
    spouseProbability: survivors ? [forSex(survivors.spouse_probability, 'F'), forSex(survivors.spouse_probability, 'M')] : [0, 0],
    ageDifference: survivors ? [forSex(survivors.age_difference, 'F'), forSex(survivors.age_difference, 'M')] : [0, 0],
    totalization,
    foreignDensity: totalization ? scheme.portability.foreign_density : 0,
    emigrates,
    population: data.population,
    // A batch's models built on the same mortality table share its years (improvedQx for every age and year is not free).
    mortalityByYear: sibling !== undefined && sameMortality(sibling, mortality, range) ? sibling.mortalityByYear : [],
  });
}

/** 1 for each parameter group some cell group follows. */
function groupsInUse(groups: number, groupOfCell: Int32Array): Uint8Array {
  const inUse = new Uint8Array(groups);
  for (const group of groupOfCell) inUse[group] = 1;
  return inUse;
}

/** Whether `model` has the same ages and base-year mortality (qx and improvement, number for number) as `basis`. */
function sameMortality(model: ProjectionModel, basis: MortalityBasis, range: AgeRange): boolean {
  if (model.layout.minAge !== range.minAge || model.layout.maxAge !== range.maxAge) return false;
  const equal = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
  return equal(model.mortality.qx, basis.qx) && equal(model.mortality.improvement, basis.improvement);
}

/**
 * A model object, always with the same fields in the same order: the
 * scheme's model and its entrant lanes share one hidden class, so the year's
 * loops, optimised on one, are not thrown out on the other.
 */
function modelOf(fields: ProjectionModel): ProjectionModel {
  return record({
    scheme: fields.scheme,
    baseYear: fields.baseYear,
    horizon: fields.horizon,
    layout: fields.layout,
    groups: fields.groups,
    groupOfCell: fields.groupOfCell,
    groupInUse: groupsInUse(fields.groups.length, fields.groupOfCell),
    rates: fields.rates,
    mortality: fields.mortality,
    incomeProfiles: fields.incomeProfiles,
    incomeRowOfSlot: fields.incomeRowOfSlot,
    groupOfIncomeRow: fields.groupOfIncomeRow,
    retirementAgeIndex: fields.retirementAgeIndex,
    healthCost: fields.healthCost,
    healthCovers: fields.healthCovers,
    spouseProbability: fields.spouseProbability,
    ageDifference: fields.ageDifference,
    totalization: fields.totalization,
    foreignDensity: fields.foreignDensity,
    emigrates: fields.emigrates,
    population: fields.population,
    mortalityByYear: fields.mortalityByYear,
  });
}

/**
 * The same model with one cell group per lane, each following the
 * parameters of `lanes[i]`, and no base-year population: the batched
 * single-entrant runs of §8. Lanes never meet (survivors stay in their lane).
 */
export function withLanes(model: ProjectionModel, lanes: readonly number[]): ProjectionModel {
  const { layout } = model;
  const memberAges = Math.min(layout.ages, Math.max(...model.retirementAgeIndex) + 1);
  return modelOf({
    ...model,
    layout: cellLayout(layout.minAge, layout.maxAge, lanes.length, memberAges, layout.bins, layout),
    groupOfCell: Int32Array.from(lanes),
    population: [],
  });
}

/**
 * Parameter slots of a model: one per (group, sex, age) of the scheme's groups,
 * where rates, q and §3's table are read. A model of entrant lanes has as
 * many cell groups as lanes, more or fewer than its parameter groups.
 */
export const parameterSlotCount = (model: ProjectionModel): number => model.groups.length * 2 * model.layout.ages;

/** The year's mortality table `q_{s,x,t}` by (sex, age) (§2), computed once per model and year. */
export function mortalityOfYear(model: ProjectionModel, yearIndex: number): Float64Array {
  return (model.mortalityByYear[yearIndex] ??= mortalityTableOfYear(model.mortality, model.layout, yearIndex));
}

function incomeProfile(row: SchemeData['income'][number]): IncomeProfile {
  return { meanMonthlyIncome: row.mean_monthly_income, cv: row.cv, zeroMonthProb: row.zero_month_prob, seasons: seasonsOf(row) };
}

