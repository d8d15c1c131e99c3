/**
 * Everything a projection year needs, looked up once from the scheme: the
 * layout, timeline, tables and per-group rules (MODEL.md §2–§5).
 */
import type { Scheme } from '../schema/scheme.js';
import type { IncomeRow } from '../schema/tables.js';
import { type CellLayout, cellLayout } from './cells.js';
import { type ContributionRule, contributionRule, forSex, mergeContributionFields, retirementAge, SEXES, topCreditBin } from './rules.js';
import {
  type AgeRange, healthCostByAge, mortalityOfYear as mortalityTableOfYear, incomeRowIndex, type MortalityBasis, mortalityBasis, type RatesTable, ratesTable, seasonsOf,
} from './tables.js';
import { buildTimeline, contributionIndexSeries, type Timeline } from './timeline.js';
import type { SchemeData } from './types.js';

export interface GroupParameters {
  name: string;
  rule: ContributionRule;
  /** J_t of the group's own contribution rule (§3). */
  contributionIndex: Float64Array;
  compliance: number;
  declaredShare: number;
  mortalityMultiplier: number;
  entrantCount: number;
  entrantGrowth: number;
}

export interface IncomeProfile {
  meanMonthlyIncome: number;
  cv: number;
  zeroMonthProb: number;
  seasons: readonly number[];
}

export interface ProjectionModel {
  scheme: Scheme;
  layout: CellLayout;
  timeline: Timeline;
  groups: GroupParameters[];
  rates: RatesTable;
  mortality: MortalityBasis;
  /** Income profile per (group, sex, age) slot, or null at and above retirement. */
  income: (IncomeProfile | null)[];
  /** J_t of the scheme's default rule: benefits and funeral grants (§5). */
  benefitIndex: Float64Array;
  /** Retirement age minus min_age, by sex index (F, M). */
  retirementAgeIndex: [number, number];
  /** Health cost per head by age index, money of t0; null when health is not paid. */
  healthCost: Float64Array | null;
  /** Health coverage by state. */
  healthCovers: { active: boolean; inactive: boolean; retired: boolean; disabled: boolean; survivor: boolean };
  spouseProbability: [number, number];
  ageDifference: [number, number];
  /** q_{s,x,t} by year index, filled when first needed and shared by every run on this model. */
  mortalityByYear: (Float64Array | undefined)[];
}

/** The year's mortality table `q_{s,x,t}` (§2), computed once per model and year. */
export function mortalityOfYear(model: ProjectionModel, yearIndex: number): Float64Array {
  return (model.mortalityByYear[yearIndex] ??= mortalityTableOfYear(model.mortality, model.layout, yearIndex));
}

/**
 * Builds the model for `years` projection years (the horizon, or longer for
 * entrant runs, §8).
 */
export function buildModel(data: SchemeData, years: number): ProjectionModel {
  const { scheme } = data;
  const range: AgeRange = { minAge: scheme.projection.min_age, maxAge: scheme.projection.max_age };
  const groupNames = Object.keys(scheme.groups);
  const layout = cellLayout(groupNames.length, range, topCreditBin(scheme));
  const timeline = buildTimeline(scheme, years);
  const groups = groupNames.map((name): GroupParameters => {
    const group = scheme.groups[name]!;
    const rule = contributionRule(mergeContributionFields(scheme.contributions, group.contributions));
    return {
      name,
      rule,
      contributionIndex: contributionIndexSeries(timeline, rule.indexation),
      compliance: group.compliance,
      declaredShare: group.declared_share,
      mortalityMultiplier: group.mortality_multiplier,
      entrantCount: group.entrants.count,
      entrantGrowth: group.entrants.growth,
    };
  });
  const rowOfSlot = incomeRowIndex(data.income, groupNames, range);
  const profiles = data.income.map(incomeProfile);
  const retirementAgeIndex = SEXES.map((sex) => retirementAge(scheme, sex) - range.minAge) as [number, number];
  const income = Array.from(rowOfSlot, (rowIndex, slot) => {
    const ageIndex = slot % layout.ages;
    const sex = Math.floor(slot / layout.ages) % 2;
    return rowIndex < 0 || ageIndex >= retirementAgeIndex[sex]! ? null : profiles[rowIndex]!;
  });
  const health = scheme.benefits.health;
  const covered = new Set(health?.covered ?? []);
  const survivors = scheme.benefits.survivors;
  return {
    scheme,
    layout,
    timeline,
    groups,
    rates: ratesTable(data.rates, groupNames, range),
    mortality: mortalityBasis(data.mortality, range),
    income,
    benefitIndex: contributionIndexSeries(timeline, scheme.contributions.indexation),
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
    mortalityByYear: [],
  };
}

function incomeProfile(row: IncomeRow): IncomeProfile {
  return { meanMonthlyIncome: row.mean_monthly_income, cv: row.cv, zeroMonthProb: row.zero_month_prob, seasons: seasonsOf(row) };
}
