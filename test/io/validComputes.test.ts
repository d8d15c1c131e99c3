/**
 * "Valid" means "computes": a scheme that `sipro validate` accepts projects to
 * finite numbers. The property draws scheme folders whose every magnitude sits
 * at or next to its bound (src/schema/bounds.ts): money at 1e13 and at the
 * smallest doubles, heads at 1e10, rates that compound to just under 1e30 (or
 * above 1e-30) over the years projected, probabilities at 0 and 1, factors at
 * 100, 500-year horizons and ages 0 to 130 — writes them as files, validates
 * them as the CLI does, and projects those that pass with `projectScheme` and
 * `projectEntrants`. Every number of every output must be finite (or null,
 * §7's empty cell).
 */
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectEntrants } from '../../src/core/entrants.js';
import { buildModel } from '../../src/core/model.js';
import { projectScheme } from '../../src/core/project.js';
import { errorsIn, formatDiagnostic } from '../../src/io/diagnostics.js';
import { loadScheme } from '../../src/io/loadScheme.js';
import {
  MAX_ACCRUAL, MAX_AMOUNT, MAX_ANNUAL_RATE, MAX_CAREER_AMOUNT, MAX_CV, MAX_FACTOR, MAX_HEADS, MAX_INDEX, MAX_RESERVE,
  MAX_YEARS, MIN_ANNUITY_RATE, MIN_IMPROVEMENT, MIN_INDEX,
} from '../../src/schema/bounds.js';

/** The smallest positive double, and the largest double below 1. */
const TINY = Number.MIN_VALUE;
const BELOW_ONE = 1 - Number.EPSILON / 2;

type Row = Record<string, string | number>;
interface Folder {
  scheme: Record<string, unknown>;
  population: Row[];
  income: Row[];
  mortality: Row[];
  rates: Row[];
}

class Draw {
  constructor(private readonly g: fc.GeneratorValue) {}
  int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  chance(): boolean {
    return this.int(0, 1) === 1;
  }
  /** An amount of money per person: 0, the smallest doubles, a plain value or the bound. */
  amount(): number {
    return this.pick([0, TINY, 1e-300, 1, 250, MAX_AMOUNT]);
  }
  /** A factor in [0, MAX_FACTOR]. */
  factor(): number {
    return this.pick([0, TINY, 1, MAX_FACTOR]);
  }
  share(): number {
    return this.pick([TINY, 0.5, 1]);
  }
  probability(): number {
    return this.pick([0, TINY, 0.5, BELOW_ONE, 1]);
  }
}

/**
 * The steepest and the lowest constant rate whose compounded index stays
 * within [MIN_INDEX, MAX_INDEX] over `years` (a hair inside, for rounding).
 */
function extremeRates(years: number): number[] {
  const highest = Math.min(MAX_ANNUAL_RATE, (MAX_INDEX * (1 - 1e-9)) ** (1 / years) - 1);
  // Over a single year the lowest rate is −1 + 1e-30, which rounds to −1: stay a hair above.
  const lowest = Math.max((MIN_INDEX * (1 + 1e-9)) ** (1 / years) - 1, -1 + 1e-15);
  return [highest, lowest, 0];
}

/** An assumption at its extremes: a constant, or a year map with one year at 1000 % and the rest balancing it. */
function assumption(draw: Draw, years: number, baseYear: number, horizon: number): number | Record<string, number> {
  // (after a one-year horizon the first year's value would be held for every year of entrants.csv)
  if (draw.int(0, 3) > 0 || horizon === 1) return draw.pick(extremeRates(years));
  // One year at the yearly bound, then a rate low enough that the index never leaves its bounds.
  const later = ((MAX_INDEX * (1 - 1e-9)) / (1 + MAX_ANNUAL_RATE)) ** (1 / years) - 1;
  return { [String(baseYear)]: MAX_ANNUAL_RATE, [String(baseYear + 1)]: Math.min(later, 0.05) };
}

function drawFolder(draw: Draw): Folder {
  const wide = draw.int(0, 3) === 0;
  const minAge = wide ? 0 : draw.pick([0, 20, 125]);
  const maxAge = wide ? MAX_YEARS : Math.min(MAX_YEARS, minAge + draw.int(2, 5));
  const horizon = draw.pick([1, 3, 500]);
  const baseYear = draw.pick([1900, 2025, 2500]);
  const years = Math.max(horizon, 2 * (maxAge - minAge) + 1);
  const retirement = { F: minAge + draw.int(1, maxAge - minAge), M: minAge + draw.int(1, maxAge - minAge) };
  const groupNames = draw.chance() ? ['g'] : ['g', 'h'];
  const vesting = draw.pick([0, 1, maxAge - minAge]);

  const rule = draw.pick(['percent', 'flat', 'classes'] as const);
  const floor = draw.amount();
  const contributions = {
    rule,
    rate: draw.pick([0, TINY, 1]),
    floor,
    ceiling: draw.pick([null, floor, MAX_AMOUNT]),
    amount: draw.amount(),
    insured_income: draw.amount(),
    classes: [
      { up_to: draw.pick([0, TINY, MAX_AMOUNT]), amount: draw.amount(), insured_income: draw.amount() },
      { up_to: MAX_AMOUNT, amount: draw.amount(), insured_income: draw.amount() },
      { up_to: null, amount: draw.amount(), insured_income: draw.amount() },
    ].sort((a, b) => (a.up_to ?? Infinity) - (b.up_to ?? Infinity)),
    indexation: draw.pick(['wages', 'prices', 'none'] as const),
    affordability: draw.pick([null, TINY, 1, MAX_FACTOR]),
    matching: draw.chance() ? null : { ratio: draw.factor(), cap: draw.pick([null, TINY, MAX_AMOUNT]), income_limit: draw.pick([null, 0, TINY, MAX_AMOUNT]) },
  };
  const groups = Object.fromEntries(groupNames.map((name) => [name, {
    compliance: draw.pick([TINY, 1]),
    declared_share: draw.pick([TINY, 1]),
    mortality_multiplier: draw.factor(),
    entrants: { count: draw.pick([0, TINY, MAX_HEADS]), growth: draw.pick(extremeRates(horizon)) },
  }]));
  const formula = draw.pick(['flat', 'career_average', 'account'] as const);
  const scheme = {
    name: 'extreme',
    projection: { base_year: baseYear, horizon, min_age: minAge, max_age: maxAge },
    assumptions: {
      wage_growth: assumption(draw, years, baseYear, horizon),
      inflation: assumption(draw, years, baseYear, horizon),
      investment_return: assumption(draw, years, baseYear, horizon),
      discount_rate: draw.chance() ? null : assumption(draw, years, baseYear, horizon),
    },
    contributions,
    groups,
    benefits: {
      old_age: {
        retirement_age: retirement, vesting_years: vesting, formula, amount: draw.amount(), accrual: draw.pick([0, MAX_ACCRUAL]),
        annuity_rate: draw.pick([MIN_ANNUITY_RATE, 0, MAX_ANNUAL_RATE]), min_pension: draw.amount(),
        refund: draw.pick(['own', 'account', 'none'] as const), indexation: draw.pick(['prices', 'wages', 'none'] as const),
      },
      disability: { vesting_years: draw.pick([0, vesting]), formula: draw.pick(['replacement', 'flat'] as const), replacement: draw.factor(), amount: draw.amount(), mortality_multiplier: draw.factor() },
      survivors: { share: draw.factor(), spouse_probability: draw.probability(), age_difference: { F: draw.pick([-MAX_YEARS, 0, MAX_YEARS]), M: draw.pick([-MAX_YEARS, MAX_YEARS]) } },
      maternity: { weeks: draw.pick([0, 52]), replacement: draw.factor() },
      health: {
        covered: ['active', 'inactive', 'retired', 'disabled', 'survivor'], dependants_factor: draw.factor(),
        inflation: draw.pick(extremeRates(years)), annual_cost: [{ age_from: minAge, age_to: maxAge, cost: draw.amount() }],
      },
      funeral: { amount: draw.amount() },
    },
    administration: { contribution_share: draw.pick([0, 1]), per_member_annual: draw.amount() },
    reserve: { initial: draw.pick([-MAX_RESERVE, 0, MAX_RESERVE]), gap_final_reserve_ratio: draw.factor() },
    // The two ends of the entry ages, once each (an age listed twice is invalid).
    subsidy: { entry_ages: [...new Set([minAge, Math.max(retirement.F, retirement.M) - 1])] },
  };

  const ages = Array.from({ length: maxAge - minAge + 1 }, (_, offset) => minAge + offset);
  const seasons = () => Object.fromEntries(Array.from({ length: 12 }, (_, month) => [`season_${month + 1}`, draw.pick([TINY, 1, MAX_AMOUNT])]));
  const income: Row[] = groupNames.flatMap((group) => (['F', 'M'] as const).map((sex) => ({
    group, sex, age_from: minAge, age_to: retirement[sex] - 1,
    mean_monthly_income: draw.amount(), cv: draw.pick([TINY, 1e-8, 0.5, MAX_CV]), zero_month_prob: draw.pick([0, 0.5, BELOW_ONE]), ...seasons(),
  })));
  const mortality: Row[] = (['F', 'M'] as const).flatMap((sex) => ages.map((age) => ({
    sex, age, qx: draw.probability(), improvement: draw.pick([MIN_IMPROVEMENT, 0, BELOW_ONE]),
  })));
  const rates: Row[] = groupNames.flatMap((group) => (['F', 'M'] as const).flatMap((sex) => ages.map((age) => ({
    group, sex, age,
    disability: draw.probability(), lapse: draw.probability(), reentry: draw.probability(), fertility: draw.probability(),
    // all entrants of the group enter at min_age, both sexes
    entrant_share: age === minAge ? 0.5 : 0,
  }))));
  const population: Row[] = [];
  for (const group of groupNames) {
    for (const status of ['active', 'inactive', 'retired', 'disabled', 'survivor'] as const) {
      const member = status === 'active' || status === 'inactive';
      population.push({
        group, sex: draw.pick(['F', 'M'] as const), age: draw.pick(ages), status, count: draw.pick([TINY, 1, MAX_HEADS]),
        credits: member ? draw.pick([0, vesting, MAX_YEARS]) : '', earnings: member ? draw.pick([0, TINY, MAX_CAREER_AMOUNT]) : '',
        balance: member ? MAX_CAREER_AMOUNT : '', own_balance: member ? draw.pick([0, MAX_CAREER_AMOUNT]) : '',
        pension_monthly: member ? '' : draw.pick([TINY, MAX_AMOUNT]),
      });
    }
  }
  return { scheme, population, income, mortality, rates };
}

const csv = (rows: readonly Row[]) => {
  const columns = Object.keys(rows[0]!);
  return `${columns.join(',')}\n${rows.map((row) => columns.map((column) => String(row[column])).join(',')).join('\n')}\n`;
};

async function writeFolder(folder: Folder): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), 'sipro-extreme-'));
  await writeFile(join(path, 'scheme.json'), JSON.stringify(folder.scheme));
  for (const table of ['population', 'income', 'mortality', 'rates'] as const) await writeFile(join(path, `${table}.csv`), csv(folder[table]));
  return path;
}

/** Paths of every number in `value` that is not finite (null is §7's empty cell and allowed). */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, index) => nonFinite(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => nonFinite(item, `${path}.${key}`));
  return [];
}

describe('a valid scheme computes', () => {
  it('projects to finite numbers when every magnitude sits at its bound', async () => {
    let projected = 0;
    await fc.assert(fc.asyncProperty(fc.gen(), async (g) => {
      const folder = drawFolder(new Draw(g));
      const path = await writeFolder(folder);
      try {
        const { data, diagnostics } = await loadScheme(path);
        // The draws are built valid: a rejection is a bug of this generator, not a vacuous pass.
        expect(errorsIn(diagnostics).map(formatDiagnostic)).toEqual([]);
        const result = projectScheme(data!);
        expect(nonFinite(result.projection, 'projection').slice(0, 5)).toEqual([]);
        expect(nonFinite(result.byGroup, 'by_group').slice(0, 5)).toEqual([]);
        expect(nonFinite(result.indicators, 'summary').slice(0, 5)).toEqual([]);
        expect(nonFinite(result.subsidy, 'subsidy').slice(0, 5)).toEqual([]);
        expect(nonFinite(projectEntrants(buildModel(data!)), 'entrants').slice(0, 5)).toEqual([]);
        projected += 1;
      } finally {
        await rm(path, { recursive: true, force: true });
      }
      // No shrinking: each step writes and reads a folder; the seed reproduces a failure.
    }), { numRuns: 40, endOnFailure: true });
    expect(projected).toBe(40);
  }, 120_000);
});
