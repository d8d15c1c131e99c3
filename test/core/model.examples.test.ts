/**
 * The @example of src/core/model.ts, run, and the static structure a model
 * carries (methodology §1 bins, §2 tables, §8 lanes).
 */
import { describe, expect, it } from 'vitest';
import { buildModel, modelLayout, mortalityOfYear, withLanes } from '../../src/core/model.js';
import { project, projectScheme } from '../../src/core/project.js';
import { deterministicScenario } from '../../src/core/scenario.js';
import { tinyScheme } from '../support/scheme.js';

describe('buildModel(data)', () => {
  it('@example project(buildModel(data), deterministicScenario(buildModel(data))) is the scheme\'s projection', () => {
    const data = tinyScheme({
      scheme: { projection: { horizon: 3 }, assumptions: { wage_growth: 0.03 } },
      qx: { '*': { 59: 0.1 } },
      population: [{ age: 58, status: 'active', count: 4 }, { age: 61, status: 'retired', pension_monthly: 90 }],
    });
    expect(project(buildModel(data), deterministicScenario(buildModel(data)))).toEqual(projectScheme(data));
  });

  it('lays out V + 1 bins (V = max of the vesting years), ages min … max, members up to the oldest retirement age', () => {
    const model = buildModel(tinyScheme({
      scheme: {
        groups: { a: {}, b: {} },
        benefits: {
          old_age: { retirement_age: { F: 60, M: 61 }, vesting_years: 3 },
          disability: { formula: 'flat', amount: 10, vesting_years: 5 },
        },
      },
    }));
    expect(model.layout).toMatchObject({ minAge: 58, maxAge: 62, ages: 5, groups: 2, bins: 6, memberAges: 61 - 58 + 1 });
    expect(model.retirementAgeIndex).toEqual([2, 3]);
    expect([...model.groupOfCell]).toEqual([0, 1]);
  });

  it('modelLayout(data) is the layout buildModel lays out, with the parameter slots groups × 2 × ages', () => {
    const scheme = { groups: { a: {}, b: {} }, benefits: { old_age: { retirement_age: { F: 60, M: 61 }, vesting_years: 3 } } };
    const data = tinyScheme({ scheme, rates: [{ group: '*', sex: '*', age: 59, emigration: 0.01 }] });
    const { layout, slots } = modelLayout(data);
    expect(layout).toEqual(buildModel(data).layout);
    expect(slots).toBe(2 * 2 * 5);
    // Emigration gives cells the part W: told no member emigrates, the layout has none.
    expect(layout.memberStride).toBe(3 * layout.memberPart);
    expect(modelLayout(data, false).layout.memberStride).toBe(2 * layout.memberPart);
    // Without emigration rates, the same as told so.
    const settled = tinyScheme({ scheme });
    expect(modelLayout(settled)).toEqual(modelLayout(settled, false));
    expect(modelLayout(settled).layout).toEqual(buildModel(settled).layout);
  });

  it('mortalityOfYear(model, t): q_{s,x,t} by (sex, age), improved, 1 at max_age, no group multiplier', () => {
    const model = buildModel(tinyScheme({
      scheme: { projection: { horizon: 2 }, groups: { g: { mortality_multiplier: 2 } } },
      qx: { F: { 58: 0.1 }, M: { 61: 0.3 } },
      improvement: { F: { 58: 0.5 } },
    }));
    const q = mortalityOfYear(model, 1);
    expect([...q]).toEqual([0.1 * 0.5, 0, 0, 0, 1, 0, 0, 0, 0.3, 1]);
  });

  it('buildModel(data, sibling) shares the sibling\'s q_{s,x,t} by year only when ages, qx and improvement are all the same', () => {
    const schemeWith = (patch: { qx?: number; improvement?: number; maxAge?: number; rate?: number }) => tinyScheme({
      scheme: { projection: { horizon: 3, ...(patch.maxAge ? { max_age: patch.maxAge } : {}) }, contributions: { rate: patch.rate ?? 0.1 } },
      qx: { F: { 58: patch.qx ?? 0.1 } },
      improvement: { F: { 58: patch.improvement ?? 0.5 } },
      population: [{ age: 58, status: 'active', count: 4 }],
    });
    const sibling = buildModel(schemeWith({}));
    const shared = buildModel(schemeWith({ rate: 0.2 }), sibling);
    expect(shared.mortalityByYear).toBe(sibling.mortalityByYear);
    // The shared tables are those the model would compute alone: 0.1 × 0.5² two years on.
    expect(mortalityOfYear(shared, 2)[0]).toBeCloseTo(0.025, 15);
    expect(project(shared, deterministicScenario(shared))).toEqual(projectScheme(schemeWith({ rate: 0.2 })));
    for (const patch of [{ qx: 0.2 }, { improvement: 0.25 }, { maxAge: 63 }]) {
      const apart = buildModel(schemeWith(patch), sibling);
      expect(apart.mortalityByYear).not.toBe(sibling.mortalityByYear);
      expect(project(apart, deterministicScenario(apart))).toEqual(projectScheme(schemeWith(patch)));
    }
  });

  it('withLanes(model, lanes): one cell group per lane with its group\'s parameters, no population (§8)', () => {
    const model = buildModel(tinyScheme({
      scheme: { groups: { a: {}, b: {} } },
      population: [{ group: 'a', age: 58, status: 'active' }],
    }));
    const lanes = withLanes(model, [1, 1, 0]);
    expect(lanes.layout.groups).toBe(3);
    expect([...lanes.groupOfCell]).toEqual([1, 1, 0]);
    expect(lanes.population).toEqual([]);
    expect(lanes.groups.map((group) => group.name)).toEqual(['a', 'b']);
  });
});
