/**
 * Random small but valid scheme folders (methodology §2) for property tests:
 * 1–3 groups, a handful of ages, 1–4 years, random rates, mortality and
 * population cells, a flat or percent rule, random benefits, and at random
 * the v2 features of §11–§12: emigration, foreign credits with or without
 * totalization, care credits.
 *
 * Values are drawn on coarse decimal grids (thousandths) so that a failing
 * case prints readably and shrinks towards round numbers.
 */
import fc from 'fast-check';
import type { IncomeRow, MortalityRow } from '../../src/schema/tables.js';
import type { SchemeData } from '../../src/core/types.js';
import type { Sex } from '../../src/core/rules.js';
import { SEXES, T0, tinyScheme, type MemberInput, type RateInput, type SchemePatch, type Status } from './scheme.js';

export interface ArbitrarySchemeOptions {
  /** Whether the scheme may pay survivors' pensions (default: randomly). */
  survivors?: boolean;
  /** Force `old_age.vesting_years` (default: random 0–3). */
  oldAgeVesting?: number;
  /** Force `portability.export` (default: randomly); W members who are not paid abroad leave at retirement (§11). */
  exportPensions?: boolean;
}

/** Thin helpers over fast-check's in-test generator. */
class Draw {
  constructor(private readonly g: fc.GeneratorValue) {}
  int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }
  /** A decimal in [min, max] on a grid of (max − min)/1000. */
  num(min: number, max: number): number {
    return min + ((max - min) * this.int(0, 1000)) / 1000;
  }
  chance(probability: number): boolean {
    return this.int(0, 999) < probability * 1000;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** An assumption: a number, or a two-key year map (§1 step function). */
  assumption(min: number, max: number): number | Record<string, number> {
    if (this.chance(0.7)) return this.num(min, max);
    return { [String(T0 + this.int(0, 2))]: this.num(min, max), [String(T0 + 3)]: this.num(min, max) };
  }
}

const ages = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, offset) => from + offset);

/** Random `SchemeData`; see the module comment. */
export function arbitrarySchemeData(options: ArbitrarySchemeOptions = {}): fc.Arbitrary<SchemeData> {
  return fc.gen().map((g) => drawScheme(new Draw(g), options));
}

function drawScheme(draw: Draw, options: ArbitrarySchemeOptions): SchemeData {
  const minAge = draw.int(50, 55);
  const maxAge = minAge + draw.int(2, 5);
  const retirementAge = { F: minAge + draw.int(1, maxAge - minAge), M: minAge + draw.int(1, maxAge - minAge) };
  const sameAge = draw.chance(0.5);
  if (sameAge) retirementAge.M = retirementAge.F;
  const retirementOf = (sex: Sex) => retirementAge[sex];
  const groupNames = ['traders', 'artisans', 'drivers'].slice(0, draw.int(1, 3));

  const paysDisability = draw.chance(0.6);
  const paysSurvivors = options.survivors ?? draw.chance(0.5);
  const oldAgeVesting = options.oldAgeVesting ?? draw.int(0, 3);
  const disabilityVesting = paysDisability ? draw.int(0, 2) : 0;
  const topBin = Math.max(oldAgeVesting, disabilityVesting);

  const rule = draw.chance(0.5)
    ? { rule: 'flat' as const, amount: draw.num(0, 50), insured_income: draw.num(0, 500) }
    : (() => {
        const floor = draw.num(0, 30);
        return { rule: 'percent' as const, rate: draw.num(0.02, 0.2), floor, ceiling: draw.chance(0.5) ? null : floor + draw.num(50, 500) };
      })();
  const contributions = {
    ...rule,
    indexation: draw.pick(['wages', 'prices', 'none'] as const),
    affordability: draw.chance(0.5) ? null : draw.num(0.1, 1),
    matching: draw.chance(0.5)
      ? null
      : {
          ratio: draw.num(0, 1.5),
          cap: draw.chance(0.5) ? null : draw.num(0, 20),
          income_limit: draw.chance(0.5) ? null : draw.num(50, 500),
        },
  };

  const groups: Record<string, NonNullable<SchemePatch['groups']>[string]> = {};
  const entrantCounts: Record<string, number> = {};
  for (const name of groupNames) {
    entrantCounts[name] = draw.chance(0.5) ? 0 : draw.num(0, 20);
    groups[name] = {
      compliance: draw.num(0.05, 1),
      declared_share: draw.num(0.1, 1),
      mortality_multiplier: draw.num(0, 2),
      entrants: { count: entrantCounts[name], growth: draw.num(-0.1, 0.2) },
      contributions: draw.chance(0.3) ? { indexation: draw.pick(['wages', 'prices', 'none'] as const), amount: draw.num(0, 50) } : {},
    };
  }

  const formula = draw.pick(['flat', 'career_average', 'account'] as const);
  const healthBands = draw.chance(0.5)
    ? [{ age_from: minAge, age_to: maxAge, cost: draw.num(0, 100) }]
    : [
        { age_from: minAge, age_to: minAge, cost: draw.num(0, 100) },
        { age_from: minAge + 1, age_to: maxAge, cost: draw.num(0, 100) },
      ];
  const benefits: NonNullable<SchemePatch['benefits']> = {
    old_age: {
      retirement_age: sameAge ? retirementAge.F : retirementAge,
      vesting_years: oldAgeVesting,
      formula,
      amount: draw.num(10, 200),
      accrual: draw.num(0.005, 0.03),
      annuity_rate: draw.num(0, 0.05),
      min_pension: draw.chance(0.5) ? 0 : draw.num(0, 50),
      refund: draw.pick(['own', 'account', 'none'] as const),
      indexation: draw.pick(['prices', 'wages', 'none'] as const),
    },
    disability: paysDisability
      ? {
          formula: draw.pick(['replacement', 'flat'] as const),
          replacement: draw.num(0, 0.8),
          amount: draw.num(0, 100),
          vesting_years: disabilityVesting,
          mortality_multiplier: draw.num(1, 3),
        }
      : undefined,
    survivors: paysSurvivors
      ? {
          share: draw.num(0, 1),
          spouse_probability: draw.chance(0.5) ? draw.num(0, 1) : { F: draw.num(0, 1), M: draw.num(0, 1) },
          age_difference: { F: draw.int(-4, 4), M: draw.int(-4, 4) },
        }
      : undefined,
    maternity: draw.chance(0.5) ? { weeks: draw.num(0, 26), replacement: draw.num(0.5, 1) } : undefined,
    health: draw.chance(0.5)
      ? {
          covered: (['active', 'inactive', 'retired', 'disabled', 'survivor'] as const).filter(() => draw.chance(0.5)),
          dependants_factor: draw.num(0, 2),
          inflation: draw.num(0, 0.08),
          annual_cost: healthBands,
        }
      : undefined,
    funeral: draw.chance(0.5) ? { amount: draw.num(0, 500) } : undefined,
    care_credits: draw.chance(0.5)
      ? { years_per_birth: draw.int(1, 5), insured_income: draw.num(0, 300), state_contribution_rate: draw.num(0, 0.3) }
      : undefined,
  };
  const portability = {
    totalization: draw.chance(0.5),
    foreign_density: draw.chance(0.3) ? 0 : draw.num(0, 1),
    export: options.exportPensions ?? draw.chance(0.7),
  };
  for (const name of groupNames) groups[name]!.entrants = { ...groups[name]!.entrants, foreign_credits: draw.chance(0.5) ? 0 : draw.int(0, 4) };

  const scheme: SchemePatch = {
    projection: { base_year: T0, horizon: draw.int(1, 4), min_age: minAge, max_age: maxAge },
    assumptions: {
      wage_growth: draw.assumption(-0.02, 0.08),
      inflation: draw.assumption(-0.02, 0.08),
      investment_return: draw.assumption(-0.02, 0.08),
      discount_rate: draw.chance(0.5) ? null : draw.assumption(0, 0.08),
    },
    contributions,
    groups,
    benefits,
    administration: { contribution_share: draw.num(0, 0.2), per_member_annual: draw.num(0, 10) },
    reserve: { initial: draw.num(-1000, 10000), gap_final_reserve_ratio: draw.num(0, 2) },
    portability,
  };

  // Income: per group, one row per sex (or both), in one or two age bands from min_age to retirement − 1.
  const incomeRows: Partial<IncomeRow>[] = [];
  for (const group of groupNames) {
    for (const sex of sameAge ? (['*'] as const) : SEXES) {
      const last = retirementOf(sex === '*' ? 'F' : sex) - 1;
      const split = last > minAge && draw.chance(0.5) ? draw.int(minAge, last - 1) : last;
      const bands = split === last ? [[minAge, last]] : [[minAge, split], [split + 1, last]];
      for (const [from, to] of bands) {
        const seasonal = draw.chance(0.3);
        const seasons = Object.fromEntries(
          Array.from({ length: 12 }, (_, month) => [`season_${month + 1}`, seasonal ? draw.num(0.5, 1.5) : 1]),
        );
        incomeRows.push({
          group, sex, age_from: from, age_to: to,
          mean_monthly_income: draw.num(20, 400), cv: draw.num(0.1, 1.5), zero_month_prob: draw.num(0, 0.5),
          ...seasons,
        });
      }
    }
  }

  const mortalityRows: Partial<MortalityRow>[] = SEXES.flatMap((sex) =>
    ages(minAge, maxAge).map((age) => ({ sex, age, qx: draw.num(0, 0.3), improvement: draw.num(0, 0.05) })),
  );

  // Rates: some '*' rows (both sexes) and named-group rows per sex; entrant shares only on named rows.
  const rates = new Map<string, RateInput>();
  const randomRates = () => ({
    disability: draw.num(0, 0.05), lapse: draw.num(0, 0.3), reentry: draw.num(0, 0.3), fertility: draw.num(0, 0.1),
    emigration: draw.chance(0.5) ? 0 : draw.num(0, 0.3),
  });
  for (const age of ages(minAge, maxAge)) {
    if (draw.chance(0.5)) rates.set(`*|*|${age}`, { group: '*', sex: '*', age, ...randomRates() });
  }
  for (const group of groupNames) {
    for (const sex of SEXES) {
      for (const age of ages(minAge, maxAge)) {
        if (draw.chance(0.2)) rates.set(`${group}|${sex}|${age}`, { group, sex, age, ...randomRates() });
      }
    }
    if ((entrantCounts[group] ?? 0) > 0) {
      const cells = SEXES.flatMap((sex) => ages(minAge, retirementOf(sex) - 1).map((age) => ({ sex, age })));
      const chosen = cells.filter(() => draw.chance(0.4));
      if (chosen.length === 0) chosen.push(draw.pick(cells));
      const weights = chosen.map(() => draw.int(1, 10));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      chosen.forEach(({ sex, age }, index) => {
        const key = `${group}|${sex}|${age}`;
        const row = rates.get(key) ?? { group, sex, age, ...randomRates() };
        rates.set(key, { ...row, entrant_share: weights[index]! / total });
      });
    }
  }

  const statuses: Status[] = ['active', 'inactive', 'retired'];
  if (paysDisability) statuses.push('disabled');
  if (paysSurvivors) statuses.push('survivor');
  const population: MemberInput[] = [];
  const rowCount = draw.int(0, 6);
  for (let index = 0; index < rowCount; index += 1) {
    const status = draw.pick(statuses);
    const cell = { group: draw.pick(groupNames), sex: draw.pick(SEXES), age: draw.int(minAge, maxAge), status };
    const copies = draw.chance(0.3) ? 2 : 1; // duplicates of a key, so that merging has work to do
    const bin = draw.int(0, topBin + 1);
    for (let copy = 0; copy < copies; copy += 1) {
      const count = draw.num(0, 20);
      if (status === 'active' || status === 'inactive') {
        const balance = draw.num(0, 5000);
        population.push({
          ...cell, count,
          credits: bin + draw.int(0, 99) / 100, // same bin for every copy
          earnings: draw.num(0, 20000), balance, own_balance: draw.num(0, balance),
          foreign_credits: draw.chance(0.5) ? 0 : draw.num(0, 6),
        });
      } else {
        population.push({ ...cell, count, pension_monthly: draw.num(1, 200) });
      }
    }
  }

  return tinyScheme({ scheme, population, incomeRows, mortalityRows, rates: [...rates.values()] });
}

/** Recursively freezes plain data (arrays and objects) in place; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A deterministic permutation of `items` from a seed (Fisher–Yates over a small LCG). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = (seed >>> 0) || 1;
  for (let index = result.length - 1; index > 0; index -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}
