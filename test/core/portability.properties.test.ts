/**
 * Properties of §11 (portability) and §12 (care credits) over random small
 * schemes (test/support/arbitrary.ts, which draws emigration, foreign
 * credits, totalization and care credits at random):
 * - sections that do nothing change nothing: a scheme with emigration 0, no
 *   foreign credits and no births gives, to the bit, the numbers of the same
 *   scheme without `portability:` and `benefits.care_credits`;
 * - with totalization, a higher foreign_density never lowers the number of
 *   old-age awards of any (year, group, sex);
 * - heads are conserved with emigrants (also in projection.properties);
 * - care credits cost the state exactly births × G, and only on women's rows;
 * - a scheme's outputs do not depend on whether its foreign credits arrive
 *   with the population file or, for entrants, with entrants.foreign_credits;
 * - a scenario's outcome (§10, sipro simulate) is project()'s, care credits
 *   in K and foreign credits in the base year included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/model.js';
import { project, projectScheme } from '../../src/core/project.js';
import { deterministicScenario } from '../../src/core/scenario.js';
import { indicatorOffset, outcomeLayout, projectOutcome } from '../../src/core/stochastic/outcome.js';
import type { ProjectionResult, SchemeData } from '../../src/core/types.js';
import { schemeSchema } from '../../src/schema/scheme.js';
import { arbitrarySchemeData } from '../support/arbitrary.js';
import { closeEnough } from '../support/expect.js';

const RUNS = { numRuns: 50 };

/** The same scheme, re-validated after `change` on its plain scheme object (defaults filled in again). */
function withScheme(data: SchemeData, change: (scheme: Record<string, unknown>) => void): SchemeData {
  const plain = structuredClone(data.scheme) as unknown as Record<string, unknown>;
  change(plain);
  return { ...data, scheme: schemeSchema.parse(plain) };
}

/** Every §11 and §12 input that could act set to nothing: no emigration, no foreign credits, no births. */
function idle(data: SchemeData): SchemeData {
  const quiet = withScheme(data, (scheme) => {
    for (const group of Object.values(scheme['groups'] as Record<string, { entrants: { foreign_credits: number } }>)) group.entrants.foreign_credits = 0;
  });
  return {
    ...quiet,
    population: quiet.population.map((row) => ({ ...row, foreign_credits: 0 })),
    rates: quiet.rates.map((row) => ({ ...row, emigration: 0, fertility: 0 })),
  };
}

describe('sections that do nothing change nothing (§11, §12)', () => {
  it('emigration 0, no foreign credits and no births: the numbers of the scheme without portability and care_credits, to the bit', () => {
    fc.assert(fc.property(arbitrarySchemeData(), (drawn) => {
      const data = idle(drawn);
      const without = withScheme(data, (scheme) => {
        delete scheme['portability'];
        delete (scheme['benefits'] as Record<string, unknown>)['care_credits'];
      });
      expect(projectScheme(data)).toEqual(projectScheme(without));
    }), RUNS);
  });
});

describe('totalization counts foreign periods for vesting (§11)', () => {
  it('a higher foreign_density never lowers the old-age awards of any year, group and sex', () => {
    fc.assert(fc.property(arbitrarySchemeData({ exportPensions: true }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (drawn, a, b) => {
      const density = (value: number) => withScheme(drawn, (scheme) => {
        scheme['portability'] = { totalization: true, foreign_density: value / 1000, export: true };
      });
      const low = projectScheme(density(Math.min(a, b)));
      const high = projectScheme(density(Math.max(a, b)));
      high.byGroup.forEach((row, index) => {
        const lower = low.byGroup[index]!;
        expect(row.old_age_awards, `${row.year} ${row.group} ${row.sex}`).toBeGreaterThanOrEqual(lower.old_age_awards * (1 - 1e-12) - 1e-12);
      });
    }), RUNS);
  });
});

describe('emigrants (§11)', () => {
  it('are never negative, pay nothing and count for no administration per member', () => {
    fc.assert(fc.property(arbitrarySchemeData(), (data) => {
      const result = projectScheme(data);
      const perMember = data.scheme.administration.per_member_annual;
      for (const row of result.byGroup) expect(row.emigrants).toBeGreaterThanOrEqual(0);
      // Without A and I members, a (group, sex) with only emigrants has no contributions and no per-member administration.
      for (const row of result.byGroup.filter((candidate) => candidate.actives + candidate.inactives === 0)) {
        expect(row.contributions).toBe(0);
        if (perMember > 0) expect(row.administration).toBe(0);
      }
    }), RUNS);
  });

  it('a scheme without emigration has none', () => {
    fc.assert(fc.property(arbitrarySchemeData(), (drawn) => {
      const data = { ...drawn, rates: drawn.rates.map((row) => ({ ...row, emigration: 0 })) };
      for (const row of projectScheme(data).projection) expect(row.emigrants).toBe(0);
    }), RUNS);
  });
});

describe('care credits (§12)', () => {
  it('cost the state on women\'s rows only, nothing without benefits.care_credits, and add to K', () => {
    fc.assert(fc.property(arbitrarySchemeData(), (data) => {
      const result = projectScheme(data);
      const careCredits = data.scheme.benefits.care_credits;
      for (const row of result.byGroup) {
        if (row.sex === 'M' || careCredits === undefined || careCredits.state_contribution_rate === 0 || careCredits.insured_income === 0) {
          expect(row.care_credit_contributions, `${row.year} ${row.group} ${row.sex}`).toBe(0);
        }
        expect(row.care_credit_contributions).toBeGreaterThanOrEqual(0);
      }
      const pv = result.indicators.present_values;
      const total = pv.pv_contributions + pv.pv_matching + pv.pv_care_credit_contributions;
      expect(closeEnough(pv.pv_contributions_and_matching, total, 1e-12, 1e-9)).toBe(true);
    }), RUNS);
  });

  it('more years per birth never lower the awards of a career-average scheme without vesting or disability', () => {
    // With vesting 0 and no disability benefit nobody is refunded or disabled whatever their bin; more
    // credited years per birth add notional earnings to the women who stay: awards (accrual × w̄) can only grow.
    fc.assert(fc.property(arbitrarySchemeData({ oldAgeVesting: 0 }), fc.integer({ min: 1, max: 4 }), (drawn, years) => {
      const care = (perBirth: number) => withScheme(drawn, (scheme) => {
        (scheme['benefits'] as Record<string, unknown>)['care_credits'] = { years_per_birth: perBirth, insured_income: 100, state_contribution_rate: 0 };
        (scheme['benefits'] as Record<string, { formula: string; min_pension: number }>)['old_age']!.formula = 'career_average';
        (scheme['benefits'] as Record<string, { formula: string; min_pension: number }>)['old_age']!.min_pension = 0;
        delete (scheme['benefits'] as Record<string, unknown>)['disability'];
      });
      const fewer = projectScheme(care(years));
      const more = projectScheme(care(years + 1));
      more.byGroup.forEach((row, index) => {
        const before = fewer.byGroup[index]!;
        expect(row.old_age_award_amount, `${row.year} ${row.group} ${row.sex}`).toBeGreaterThanOrEqual(before.old_age_award_amount * (1 - 1e-12) - 1e-9);
      });
    }), RUNS);
  });
});

describe('foreign credits (§11) are the same wherever they come from', () => {
  it('an entrant with entrants.foreign_credits y is a base-year active member of credits 0 and foreign_credits y', () => {
    fc.assert(fc.property(arbitrarySchemeData(), fc.integer({ min: 0, max: 4 }), (drawn, foreign) => {
      // One group; its entrants at t0 only (growth −1 is not allowed: a one-year horizon instead).
      const data = withScheme(drawn, (scheme) => {
        (scheme['projection'] as Record<string, number>)['horizon'] = 1;
        scheme['portability'] = { totalization: true, foreign_density: 0, export: true };
        for (const group of Object.values(scheme['groups'] as Record<string, { entrants: { foreign_credits: number } }>)) group.entrants.foreign_credits = foreign;
      });
      const result = projectScheme(data);
      const asMembers: SchemeData = {
        ...withScheme(data, (scheme) => {
          for (const group of Object.values(scheme['groups'] as Record<string, { entrants: { count: number } }>)) group.entrants.count = 0;
        }),
        population: [
          ...data.population,
          ...entrantRows(result, data, foreign),
        ],
      };
      const again = projectScheme(asMembers);
      for (const column of ['old_age_benefits', 'refunds', 'contributions', 'disability_benefits', 'expenditure'] as const) {
        const a = result.projection[0]![column];
        const b = again.projection[0]![column];
        expect(closeEnough(a, b, 1e-9, 1e-9 * Math.max(1, Math.abs(a))), `${column}: ${a} vs ${b}`).toBe(true);
      }
    }), RUNS);
  });
});

/** The t0 entrants of `result` as population rows of status active, credits 0 and `foreign` foreign credits. */
function entrantRows(result: ProjectionResult, data: SchemeData, foreign: number): SchemeData['population'] {
  const { min_age: minAge, max_age: maxAge } = data.scheme.projection;
  const rows: SchemeData['population'][number][] = [];
  for (const [group, parameters] of Object.entries(data.scheme.groups)) {
    for (const sex of ['F', 'M'] as const) {
      for (let age = minAge; age <= maxAge; age += 1) {
        const share = shareOf(data, group, sex, age);
        const count = parameters.entrants.count * share;
        if (count > 0) {
          rows.push({ group, sex, age, status: 'active', count, credits: 0, earnings: 0, balance: 0, own_balance: 0, foreign_credits: foreign });
        }
      }
    }
  }
  expect(rows.reduce((sum, row) => sum + row.count, 0)).toBeCloseTo(result.projection[0]!.entrants, 9);
  return rows;
}

/** §2: a named-group row replaces the `*` row of the same (sex, age); a `*` sex row counts for both. */
function shareOf(data: SchemeData, group: string, sex: 'F' | 'M', age: number): number {
  const find = (name: string) => data.rates.find((row) => row.group === name && (row.sex === sex || row.sex === '*') && row.age === age);
  return (find(group) ?? find('*'))?.entrant_share ?? 0;
}

describe('sipro simulate\'s scenario outcome is project()\'s (§10) with §11–§12', () => {
  it('gives the deterministic scenario project()\'s indicators, to the bit', () => {
    fc.assert(fc.property(arbitrarySchemeData(), (data) => {
      const model = buildModel(data);
      const scenario = deterministicScenario(model);
      const expected = project(model, scenario).indicators;
      const out = new Float64Array(outcomeLayout(scenario.years).width);
      projectOutcome(model, scenario, out);
      const nullable = (value: number | null) => (value === null ? Number.NaN : value);
      for (const name of ['gap', 'effective_rate', 'actuarial_balance', 'depletion_year', 'first_deficit_year'] as const) {
        expect(out[indicatorOffset(name)], name).toBe(nullable(expected[name]));
      }
    }), RUNS);
  });
});
