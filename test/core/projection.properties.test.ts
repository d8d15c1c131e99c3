/**
 * Properties of the engine over random small schemes (test/support/arbitrary.ts):
 * conservation of heads and money, by_group adding up, finiteness, and
 * invariance to how the population file is cut and ordered, and no mutation
 * of inputs. 50 runs each keeps the file to a few seconds.
 *
 * Tolerances: 1e-9 relative (the methodology's agreement bar), with an absolute
 * floor of 1e-9 × the magnitude of the quantities involved, since identities
 * such as investment_income = end − start − net lose digits to cancellation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectScheme } from '../../src/core/project.js';
import type { AwardColumn, FlowColumns, GroupYear, ProjectionResult, ProjectionYear, SchemeData } from '../../src/core/types.js';
import type { Assumption } from '../../src/schema/scheme.js';
import type { PopulationRow } from '../../src/schema/tables.js';
import { arbitrarySchemeData, deepFreeze, shuffled } from '../support/arbitrary.js';
import { closeEnough, firstDifference } from '../support/expect.js';

const RUNS = { numRuns: 50 };

const HEAD_COLUMNS = ['actives', 'inactives', 'emigrants', 'old_age_pensioners', 'disability_pensioners', 'survivor_pensioners'] as const;
const BENEFIT_COLUMNS = [
  'old_age_benefits', 'disability_benefits', 'survivor_benefits', 'refunds',
  'maternity_benefits', 'health_benefits', 'funeral_benefits',
] as const;
/** The columns projection.csv and by_group.csv share (§7). */
const FLOW_COLUMNS: readonly Exclude<keyof FlowColumns, AwardColumn>[] = [
  ...HEAD_COLUMNS, 'entrants', 'deaths', 'contributions', 'matching', 'care_credit_contributions', ...BENEFIT_COLUMNS,
  'administration', 'expenditure', 'insured_earnings',
];

const heads = (row: Omit<FlowColumns, AwardColumn>): number => HEAD_COLUMNS.reduce((sum, column) => sum + row[column], 0);

/** `a` ≈ `b` to 1e-9 relative, with an absolute floor of 1e-9 × `scale` (the size of the terms that produced them). */
function expectAgree(a: number, b: number, scale: number, label: string): void {
  expect(closeEnough(a, b, 1e-9, 1e-9 * Math.max(1, scale)), `${label}: ${a} vs ${b}`).toBe(true);
}

/** A §1 step-function assumption's value in `year`, written here from the methodology text. */
function valueIn(assumption: Assumption, year: number): number {
  if (typeof assumption === 'number') return assumption;
  const keys = Object.keys(assumption).map(Number).sort((x, y) => x - y);
  const key = [...keys].reverse().find((candidate) => candidate <= year) ?? keys[0]!;
  return assumption[String(key)]!;
}

const groupRowsOf = (result: ProjectionResult, year: number, group: string): GroupYear[] =>
  result.byGroup.filter((row) => row.year === year && row.group === group);

describe('heads are conserved (§4)', () => {
  // Observable identity. Counts of year t are taken after steps 1–2 (§7), deaths are those of step 4
  // (W's included, §7), and H counts the emigrants in W (§11).
  // Between the counts of t and t+1 the only changes are: − deaths_t (step 4), + new survivors
  // (step 5), − non-vested leavers at the next step 1, + entrants_{t+1} (step 2). Without a survivors'
  // benefit there are no new survivors and nobody changes group or sex; with old_age.vesting_years = 0
  // nobody leaves at retirement — W members too, when their pensions are exported (§11). Then, for every (group, sex):
  //   H_{t0}   = Σ population counts + entrants_{t0}
  //   H_{t+1}  = H_t − deaths_t + entrants_{t+1}
  // where H = actives + inactives + old-age + disability + survivor pensioners.
  it('exactly, per (group, sex), without survivors and with vesting 0', () => {
    fc.assert(
      fc.property(arbitrarySchemeData({ survivors: false, oldAgeVesting: 0, exportPensions: true }), (data) => {
        const result = projectScheme(data);
        const t0 = data.scheme.projection.base_year;
        for (const group of Object.keys(data.scheme.groups)) {
          for (const sex of ['F', 'M'] as const) {
            const rows = result.byGroup.filter((row) => row.group === group && row.sex === sex);
            const start = data.population
              .filter((row) => row.group === group && row.sex === sex)
              .reduce((sum, row) => sum + row.count, 0);
            const first = rows.find((row) => row.year === t0)!;
            expectAgree(heads(first), start + first.entrants, start, `${group} ${sex} ${t0} heads`);
            for (const row of rows) {
              const next = rows.find((candidate) => candidate.year === row.year + 1);
              if (next === undefined) continue;
              expectAgree(heads(next), heads(row) - row.deaths + next.entrants, heads(row), `${group} ${sex} ${next.year} heads`);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('up to leavers and survivors otherwise: H_t − deaths_t + entrants_{t+1} − leavers + new survivors = H_{t+1}', () => {
    // Leavers ≥ 0, and 0 when vesting is 0; 0 ≤ new survivors ≤ deaths_t × max spouse_probability.
    fc.assert(
      fc.property(arbitrarySchemeData(), (data) => {
        const result = projectScheme(data);
        const survivors = data.scheme.benefits.survivors;
        const spouse = survivors === undefined
          ? 0
          : typeof survivors.spouse_probability === 'number'
            ? survivors.spouse_probability
            : Math.max(survivors.spouse_probability.F, survivors.spouse_probability.M);
        const vestingZero = data.scheme.benefits.old_age.vesting_years === 0;
        const rows = result.projection;
        for (let index = 0; index + 1 < rows.length; index += 1) {
          const row = rows[index]!;
          const next = rows[index + 1]!;
          const carried = heads(row) - row.deaths + next.entrants;
          const slack = 1e-9 * Math.max(1, heads(row));
          expect(heads(next), `${next.year}: at most carried + survivors`).toBeLessThanOrEqual(carried + row.deaths * spouse + slack);
          if (vestingZero) expect(heads(next), `${next.year}: at least carried`).toBeGreaterThanOrEqual(carried - slack);
        }
      }),
      RUNS,
    );
  });
});

describe('money identities (§6)', () => {
  it('rolls the reserve, defines investment income and expenditure as methodology §6 says, every year and group', () => {
    fc.assert(
      fc.property(arbitrarySchemeData(), (data) => {
        const result = projectScheme(data);
        const { assumptions, reserve } = data.scheme;
        let expectedStart = reserve.initial;
        for (const row of result.projection) {
          const i = valueIn(assumptions.investment_return, row.year);
          // K includes the state's care-credit contributions (§6, §12).
          const net = row.contributions + row.matching + row.care_credit_contributions - row.expenditure;
          const scale = Math.abs(row.reserve_start) + row.contributions + row.matching + row.care_credit_contributions + row.expenditure;
          expectAgree(row.reserve_start, expectedStart, scale, `${row.year} reserve_start`);
          expectAgree(row.reserve_end, row.reserve_start * (1 + i) + net * Math.sqrt(1 + i), scale, `${row.year} reserve_end`);
          expectAgree(row.investment_income, row.reserve_end - row.reserve_start - net, scale, `${row.year} investment_income`);
          expectBenefitsAddUp(row, `${row.year}`);
          expectedStart = row.reserve_end;
        }
        for (const row of result.byGroup) expectBenefitsAddUp(row, `${row.year} ${row.group} ${row.sex}`);
      }),
      RUNS,
    );
  });
});

function expectBenefitsAddUp(row: Omit<FlowColumns, AwardColumn>, label: string): void {
  const benefits = BENEFIT_COLUMNS.reduce((sum, column) => sum + row[column], 0);
  expectAgree(row.expenditure, benefits + row.administration, row.expenditure, `${label} expenditure = benefits + administration`);
}

describe('by_group.csv adds up to projection.csv (§7)', () => {
  it('for every flow and head-count column, every year', () => {
    fc.assert(
      fc.property(arbitrarySchemeData(), (data) => {
        const result = projectScheme(data);
        expect(result.byGroup).toHaveLength(result.projection.length * Object.keys(data.scheme.groups).length * 2);
        for (const row of result.projection) {
          const parts = Object.keys(data.scheme.groups).flatMap((group) => groupRowsOf(result, row.year, group));
          for (const column of FLOW_COLUMNS) {
            const sum = parts.reduce((total, part) => total + part[column], 0);
            const scale = parts.reduce((total, part) => total + Math.abs(part[column]), 0);
            expectAgree(sum, row[column], scale, `${row.year} ${column}`);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('outputs are finite, heads and flows non-negative, ratios null exactly on zero divisors (§7)', () => {
  it('holds for projection, by_group, indicators and subsidy', () => {
    fc.assert(
      fc.property(arbitrarySchemeData(), (data) => {
        const result = projectScheme(data);
        expect(result.projection).toHaveLength(data.scheme.projection.horizon);
        for (const row of [...result.projection, ...result.byGroup]) {
          for (const column of FLOW_COLUMNS) {
            expect(Number.isFinite(row[column]), `${row.year} ${column} = ${row[column]}`).toBe(true);
            expect(row[column], `${row.year} ${column}`).toBeGreaterThanOrEqual(0);
          }
        }
        for (const row of result.projection) expectRatios(row);
        const { indicators } = result;
        for (const value of Object.values(indicators.present_values)) expect(Number.isFinite(value)).toBe(true);
        const pv = indicators.present_values;
        expect(indicators.gap === null).toBe(pv.pv_insured_earnings === 0);
        expect(indicators.effective_rate === null).toBe(pv.pv_insured_earnings === 0);
        for (const value of [indicators.gap, indicators.effective_rate, indicators.actuarial_balance]) {
          expect(value === null || Number.isFinite(value)).toBe(true);
        }
        for (const row of result.subsidy) {
          for (const [field, value] of Object.entries(row)) {
            if (typeof value === 'number') expect(Number.isFinite(value), `subsidy ${field}`).toBe(true);
          }
          expect(row.money_worth === null).toBe(row.pv_contributions === 0);
        }
      }),
      RUNS,
    );
  });
});

function expectRatios(row: ProjectionYear): void {
  for (const value of [row.reserve_start, row.reserve_end, row.investment_income]) expect(Number.isFinite(value)).toBe(true);
  // density divides by Σ_A E, which is 0 exactly when there are no actives (E ≥ N/2).
  expect(row.density === null, `${row.year} density null iff no actives`).toBe(row.actives === 0);
  if (row.density !== null) {
    expect(row.density).toBeGreaterThanOrEqual(0);
    expect(row.density).toBeLessThanOrEqual(1 + 1e-12);
  }
  expect(row.payg_cost_rate === null, `${row.year} payg_cost_rate`).toBe(row.insured_earnings === 0);
  expect(row.reserve_ratio === null, `${row.year} reserve_ratio`).toBe(row.expenditure === 0);
  const pensioners = row.old_age_pensioners + row.disability_pensioners + row.survivor_pensioners;
  expect(row.support_ratio === null, `${row.year} support_ratio`).toBe(pensioners === 0);
  for (const value of [row.payg_cost_rate, row.reserve_ratio, row.support_ratio]) {
    expect(value === null || Number.isFinite(value)).toBe(true);
  }
}

describe('the population file\'s cut and order do not matter (§2: rows with the same key add up)', () => {
  const expectSameResult = (a: ProjectionResult, b: ProjectionResult): void => {
    expect(firstDifference(a, b, 1e-9, 1e-9)).toBeNull();
  };

  it('splitting a row into member rows changes nothing beyond 1e-9', () => {
    fc.assert(
      fc.property(arbitrarySchemeData(), fc.integer({ min: 1, max: 999 }), (data, cut) => {
        // Every row becomes floor(count) rows of one member plus a remainder row, except that a
        // row is first cut at cut/1000 of its count, so that fractional counts are split too.
        const population = data.population.flatMap((row) => {
          const first = (row.count * cut) / 1000;
          const pieces: PopulationRow[] = [{ ...row, count: first }];
          let rest = row.count - first;
          while (rest > 1) {
            pieces.push({ ...row, count: 1 });
            rest -= 1;
          }
          pieces.push({ ...row, count: rest });
          return pieces;
        });
        expectSameResult(projectScheme({ ...data, population }), projectScheme(data));
      }),
      RUNS,
    );
  });

  it('merging rows of the same cell into one row of head-weighted averages changes nothing beyond 1e-9', () => {
    fc.assert(
      fc.property(arbitrarySchemeData(), (data) => {
        const merged = mergeCells(data);
        expectSameResult(projectScheme({ ...data, population: merged }), projectScheme(data));
      }),
      RUNS,
    );
  });

  it('the order of population, income, mortality and rates rows changes nothing beyond 1e-9', () => {
    fc.assert(
      fc.property(arbitrarySchemeData(), fc.integer(), (data, seed) => {
        const reordered: SchemeData = {
          scheme: data.scheme,
          population: shuffled(data.population, seed),
          income: shuffled(data.income, seed + 1),
          mortality: shuffled(data.mortality, seed + 2),
          rates: shuffled(data.rates, seed + 3),
        };
        expectSameResult(projectScheme(reordered), projectScheme(data));
      }),
      RUNS,
    );
  });
});

/**
 * One row per cell (group, sex, age, status[, bin]): counts added, per-head
 * values averaged with head-count weights (§1 "when cells merge, averages are
 * head-count weighted"; §2 "rows with the same key add up").
 */
function mergeCells(data: SchemeData): PopulationRow[] {
  const { vesting_years: oldAge } = data.scheme.benefits.old_age;
  const topBin = Math.max(oldAge, data.scheme.benefits.disability?.vesting_years ?? 0);
  // §11: with totalization a row's bin counts its foreign credits too.
  const foreign = (row: PopulationRow) => (data.scheme.portability.totalization ? row.foreign_credits : 0);
  const cells = new Map<string, PopulationRow[]>();
  for (const row of data.population) {
    const member = row.status === 'active' || row.status === 'inactive';
    const key = [row.group, row.sex, row.age, row.status, member ? Math.min(Math.floor(row.credits + foreign(row)), topBin) : ''].join('|');
    cells.set(key, [...(cells.get(key) ?? []), row]);
  }
  return [...cells.values()].map((rows) => {
    const count = rows.reduce((sum, row) => sum + row.count, 0);
    const average = (field: 'credits' | 'earnings' | 'balance' | 'own_balance' | 'foreign_credits' | 'pension_monthly'): number =>
      count === 0 ? (rows[0]![field] ?? 0) : rows.reduce((sum, row) => sum + row.count * (row[field] ?? 0), 0) / count;
    const first = rows[0]!;
    const member = first.status === 'active' || first.status === 'inactive';
    return member
      ? {
        ...first, count, credits: average('credits'), earnings: average('earnings'), balance: average('balance'),
        own_balance: average('own_balance'), foreign_credits: average('foreign_credits'),
      }
      : { ...first, count, pension_monthly: average('pension_monthly') };
  });
}

describe('inputs are not mutated', () => {
  it('projectScheme() leaves a deep-frozen SchemeData intact and equal to its clone', () => {
    fc.assert(
      fc.property(arbitrarySchemeData(), (data) => {
        const before = structuredClone(data);
        deepFreeze(data);
        projectScheme(data); // a write to frozen data throws in ESM strict mode
        expect(data).toEqual(before);
      }),
      RUNS,
    );
  });
});
