/**
 * A scenario is exactly the projection of §4–§7 under its paths (§10): with
 * every shock 0 it is `project`'s deterministic projection to the last bit,
 * and a drawn scenario is the deterministic projection of a scheme whose
 * assumptions are set (`--set` year maps) to the scenario's paths.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/core/model.js';
import { project } from '../../../src/core/project.js';
import { deterministicScenario } from '../../../src/core/scenario.js';
import { scenarioBatch } from '../../../src/core/stochastic/batch.js';
import { indicatorOffset, outcomeLayout, projectOutcome, SCENARIO_INDICATORS, variableOffset } from '../../../src/core/stochastic/outcome.js';
import type { ScenarioPaths } from '../../../src/core/stochastic/paths.js';
import type { ProjectionResult } from '../../../src/core/types.js';
import { schemeSource } from '../../../src/io/loadScheme.js';
import type { Override } from '../../../src/io/overrides.js';
import { loadWithOverrides } from '../../../src/io/scenarios.js';

const DEMO = join(import.meta.dirname, '../../../fixtures/demo');
const load = async (overrides: Override[]) => {
  const loaded = await loadWithOverrides(schemeSource(DEMO), overrides);
  if (loaded.data === undefined) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.data;
};
const NO_SHOCKS: Override[] = ['investment_return', 'wage_growth', 'inflation', 'mortality', 'entrants'].map((name) => ({ path: `stochastic.${name}.sd`, value: 0 }))
  .concat(['market_traders', 'artisans', 'moto_taxi_drivers'].map((group) => ({ path: `groups.${group}.income_shock.sd`, value: 0 })));

/** The outcome row's numbers against a projection's, to the last bit (`toBe`; null is NaN). */
function expectSameAs(out: Float64Array, result: ProjectionResult): void {
  const same = (value: number, expected: number | null) => expect(value).toBe(expected === null ? Number.NaN : expected);
  const last = result.projection[result.projection.length - 1]!;
  same(out[indicatorOffset('gap')]!, result.indicators.gap);
  same(out[indicatorOffset('effective_rate')]!, result.indicators.effective_rate);
  same(out[indicatorOffset('actuarial_balance')]!, result.indicators.actuarial_balance);
  same(out[indicatorOffset('depletion_year')]!, result.indicators.depletion_year);
  same(out[indicatorOffset('first_deficit_year')]!, result.indicators.first_deficit_year);
  same(out[indicatorOffset('final_reserve')]!, last.reserve_end);
  same(out[indicatorOffset('final_reserve_ratio')]!, last.reserve_ratio);
  result.projection.forEach((row, yearIndex) => {
    for (const name of ['actives', 'density', 'contributions', 'matching', 'expenditure', 'reserve_end', 'reserve_ratio', 'payg_cost_rate'] as const) {
      same(out[variableOffset(yearIndex, name)]!, row[name]);
    }
  });
}

describe('a scenario with every shock 0', { timeout: 120_000 }, () => {
  it('is the deterministic projection, bit for bit (drawn, and its paths replayed)', async () => {
    const model = buildModel(await load(NO_SHOCKS));
    const expected = project(model, deterministicScenario(model));
    const batch = scenarioBatch(model);
    const out = new Float64Array(batch.layout.width);
    for (const scenario of [1, 2, 500]) {
      batch.run(batch.pathsOf(scenario), out);
      expectSameAs(out, expected);
    }
    projectOutcome(model, deterministicScenario(model), out);
    expectSameAs(out, expected);
  });
});

describe('a drawn scenario', { timeout: 120_000 }, () => {
  it('equals the deterministic projection with its paths set as year maps (--set), economic shocks', async () => {
    const model = buildModel(await load([]));
    const batch = scenarioBatch(model);
    const out = new Float64Array(outcomeLayout(model.horizon).width);
    for (const scenario of [3, 41]) {
      const paths: ScenarioPaths = batch.pathsOf(scenario);
      // Only the assumptions can be --set: keep the factors at 1 for this comparison.
      const economic = { ...paths, mortalityFactor: new Float64Array(model.horizon).fill(1), entrantsFactor: new Float64Array(model.horizon).fill(1), incomeFactor: paths.incomeFactor.map(() => new Float64Array(model.horizon).fill(1)) };
      batch.run(economic, out);
      const yearMap = (values: Float64Array) => Object.fromEntries([...values].map((value, index) => [String(model.baseYear + index), value]));
      const set = await load([
        { path: 'assumptions.investment_return', value: yearMap(paths.investmentReturn) },
        { path: 'assumptions.wage_growth', value: yearMap(paths.wageGrowth) },
        { path: 'assumptions.inflation', value: yearMap(paths.inflation) },
      ]);
      const setModel = buildModel(set);
      expectSameAs(out, project(setModel, deterministicScenario(setModel)));
    }
  });

  it('moves with its factors as the scheme would with its tables scaled: income, entrants, mortality (to 1e-12)', async () => {
    const model = buildModel(await load([]));
    const batch = scenarioBatch(model);
    const out = new Float64Array(batch.layout.width);
    const ones = () => new Float64Array(model.horizon).fill(1);
    const base = { investmentReturn: batch.base.investmentReturn, wageGrowth: batch.base.wageGrowth, inflation: batch.base.inflation, mortalityFactor: ones(), entrantsFactor: ones(), incomeFactor: model.groups.map(ones) };
    const data = await load([]);
    const cases: [ScenarioPaths, (copy: typeof data) => void][] = [
      [{ ...base, incomeFactor: model.groups.map(() => new Float64Array(model.horizon).fill(1.07)) },
        (copy) => { copy.income = copy.income.map((row) => ({ ...row, mean_monthly_income: row.mean_monthly_income * 1.07 })); }],
      [{ ...base, entrantsFactor: new Float64Array(model.horizon).fill(0.8) },
        (copy) => { for (const group of Object.values(copy.scheme.groups)) group.entrants.count *= 0.8; }],
      [{ ...base, mortalityFactor: new Float64Array(model.horizon).fill(0.9) },
        (copy) => { copy.mortality = copy.mortality.map((row) => ({ ...row, qx: row.qx * 0.9 })); }],
    ];
    for (const [paths, scale] of cases) {
      batch.run(paths, out);
      const copy = structuredClone(data);
      scale(copy);
      const scaledModel = buildModel(copy);
      const expected = project(scaledModel, deterministicScenario(scaledModel));
      for (const name of SCENARIO_INDICATORS.filter((indicator) => indicator in expected.indicators)) {
        const value = expected.indicators[name as keyof typeof expected.indicators] as number | null;
        if (value === null) expect(out[indicatorOffset(name)]).toBeNaN();
        else expect(out[indicatorOffset(name)]! / value).toBeCloseTo(1, 12);
      }
      expect(out[variableOffset(40, 'reserve_end')]! / expected.projection[40]!.reserve_end).toBeCloseTo(1, 12);
    }
  });
});

describe('the annuity factor under a scenario (§10: ä ignores only the mortality factor)', () => {
  it('uses the path\'s inflation in (1 + idx)^j and the table\'s q without the factor; the payment uses q × F', async () => {
    const { tinyScheme } = await import('../../support/scheme.js');
    const data = tinyScheme({
      scheme: {
        projection: { horizon: 1, min_age: 58, max_age: 62 },
        benefits: { old_age: { retirement_age: 60, formula: 'account', annuity_rate: 0.03, indexation: 'prices' } },
      },
      population: [{ age: 60, status: 'active', count: 10, balance: 50_000 }],
      qx: { '*': { 58: 0.1, 59: 0.1, 60: 0.1, 61: 0.1, 62: 1 } },
    });
    const model = buildModel(data);
    const scenario = deterministicScenario(model);
    scenario.inflation[0] = 0.05; // the scheme says 0: the path's value must reach ä
    scenario.mortalityFactor[0] = 2; // q = 0.2 for the year's flows, but not in ä
    const annuity = (1 * 0.95 / 1.03 ** 0.5) + (0.9 * 0.95 * 1.05 / 1.03 ** 1.5) + (0.81 * 0.5 * 1.05 ** 2 / 1.03 ** 2.5);
    const result = project(model, scenario);
    // 10 heads, award 50,000 / ä each, paid on the exposure 1 − 0.2/2.
    expect(result.projection[0]!.old_age_benefits).toBeCloseTo(10 * (1 - 0.2 / 2) * 50_000 / annuity, 8);
  });
});
