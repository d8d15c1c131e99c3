/**
 * src/core/run.ts has no @example: runYears' documented contract, run on a
 * tiny scheme whose years are worked by hand (methodology §3, §4).
 */
import { describe, expect, it } from 'vitest';
import { FLOW_WIDTH, Flow, flowRow } from '../../src/core/flows.js';
import { buildModel } from '../../src/core/model.js';
import { initialState } from '../../src/core/population.js';
import { projectionWorkspace, runYears } from '../../src/core/run.js';
import { deterministicScenario } from '../../src/core/scenario.js';
import { timelineOf } from '../../src/core/timeline.js';
import { tinyScheme } from '../support/scheme.js';
import { expectClose } from '../support/expect.js';

describe('runYears(workspace, timeline, entrantsOf)', () => {
  it('returns one flow array per year, one FLOW_WIDTH row per (cell group, sex)', () => {
    // Two active women of 58, wage_growth 0.04: C = 12 × 10 × J_t, J = 1 then 1.04; q = 0, nobody retires by 59.
    const data = tinyScheme({
      scheme: { projection: { horizon: 2 }, assumptions: { wage_growth: 0.04 }, groups: { a: {}, b: {} } },
      population: [{ group: 'b', sex: 'F', age: 58, status: 'active', count: 2 }],
    });
    const model = buildModel(data);
    const timeline = timelineOf(model, deterministicScenario(model));
    const workspace = projectionWorkspace(model, 2);
    initialState(data.population, ['a', 'b'], model.layout, false, workspace.states[0]);
    const flows = runYears(workspace, timeline, () => null);
    expect(flows.length).toBe(2);
    for (const year of flows) expect(year.length).toBe(FLOW_WIDTH * 4);
    const bF = flowRow(2); // rowIndex(1, 0)
    expectClose(flows[0]![bF + Flow.contributions], 2 * 120);
    expectClose(flows[1]![bF + Flow.contributions], 2 * 120 * 1.04);
    expectClose(flows[1]![bF + Flow.actives], 2);
    expect(flows[1]![flowRow(0) + Flow.actives]).toBe(0);
  });
});

describe('a workspace', () => {
  it('gives the same flows run after run, its states clear between runs', () => {
    const data = tinyScheme({
      scheme: { projection: { horizon: 3 }, assumptions: { wage_growth: 0.04 } },
      population: [{ sex: 'F', age: 58, status: 'active', count: 2 }, { sex: 'M', age: 61, status: 'retired', count: 1, pension_monthly: 50 }],
    });
    const model = buildModel(data);
    const timeline = timelineOf(model, deterministicScenario(model));
    const workspace = projectionWorkspace(model, 3);
    const run = () => {
      initialState(data.population, ['g'], model.layout, false, workspace.states[0]);
      return runYears(workspace, timeline, () => null).map((year) => [...year]);
    };
    const first = run();
    expect(workspace.states.every((state) => state.members.every((value) => value === 0) && state.pensioners.every((value) => value === 0))).toBe(true);
    expect(run()).toEqual(first);
  });

  it('refuses a run longer than it was made for', () => {
    const data = tinyScheme({ scheme: { projection: { horizon: 3 } } });
    const model = buildModel(data);
    expect(() => runYears(projectionWorkspace(model, 2), timelineOf(model, deterministicScenario(model)), () => null)).toThrow(/cannot run 3/);
  });
});
