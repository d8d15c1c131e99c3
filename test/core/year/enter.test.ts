/**
 * Step 2 of a year alone (methodology §4 step 2): entrants join A, bin 0, with
 * every average 0; the scheme's own entrants are `count × (1 + growth)^{t−t0}`
 * × the scenario's entrants factor, spread by `entrant_share`.
 */
import { describe, expect, it } from 'vitest';
import { slotCount, slotIndex } from '../../../src/core/layout.js';
import { buildModel } from '../../../src/core/model.js';
import { deterministicScenario } from '../../../src/core/scenario.js';
import { emptyState } from '../../../src/core/state.js';
import { enter, schemeEntrants } from '../../../src/core/year/enter.js';
import { tinyScheme } from '../../support/scheme.js';
import { expectClose } from '../../support/expect.js';
import { addMember, expectFlows, expectState, flowsWith, freshFlows, rowOf, stateWith, stepWorld, type MemberCell } from './cells.js';

const A = (age: number, bin: number, sex: 'F' | 'M' = 'F'): MemberCell => ({ sex, age, bin, part: 'A' });

describe('§4 step 2 enter(model, state, row, entrants, flows)', () => {
  // V = 2 (vesting_years 2), so a bin other than 0 exists and could be wrongly chosen.
  // Account refunds: cells carry b̄ (state.ts memberSumsOf), which entering must leave as it is.
  const data = tinyScheme({ scheme: { benefits: { old_age: { vesting_years: 2, refund: 'account' } } } });

  it.each([
    {
      name: 'adds the heads of the row\'s slots to A(x, bin 0) and to the entrants flow; sums stay (averages 0)',
      entrants: { F: { 58: 3, 59: 1.5 }, M: { 58: 7 } },
      // A(F 58, 0) held 2 heads with c̄ = 0.5, w̄ = 100, b̄ = 10, ō = 4: heads 2 + 3, sums unchanged.
      after: [
        { ...A(58, 0), heads: 5, credits: 1, earnings: 200, balance: 20, own: 8 },
        { ...A(59, 0), heads: 1.5 },
      ],
      flow: 3 + 1.5, // M's 7 belong to the other row
    },
    {
      name: 'null entrants: nothing changes',
      entrants: null,
      after: [{ ...A(58, 0), heads: 2, credits: 1, earnings: 200, balance: 20, own: 8 }],
      flow: 0,
    },
  ])('$name', ({ entrants, after, flow }) => {
    const { model, layout } = stepWorld(data);
    const state = emptyState(layout);
    addMember(state, layout, A(58, 0), { heads: 2, credits: 0.5, earnings: 100, balance: 10, own: 4 });
    let bySlot: Float64Array | null = null;
    if (entrants !== null) {
      bySlot = new Float64Array(slotCount(layout));
      for (const [sex, byAge] of Object.entries(entrants) as ['F' | 'M', Record<number, number>][]) {
        for (const [age, heads] of Object.entries(byAge)) bySlot[slotIndex(layout, rowOf(sex), Number(age) - layout.minAge)] = heads;
      }
    }
    const flows = freshFlows(layout);

    enter(model, state, rowOf('F'), bySlot, flows);

    expectState(state, stateWith(layout, after), layout);
    expectFlows(flows, flowsWith(layout, { [rowOf('F')]: { entrants: flow } }));
  });
});

describe('§4 step 2 schemeEntrants(model, scenario)', () => {
  const data = tinyScheme({
    scheme: {
      projection: { horizon: 3 },
      groups: { g: { entrants: { count: 100, growth: 0.1 } }, h: {} },
    },
    rates: [
      { group: 'g', sex: 'F', age: 58, entrant_share: 0.25 },
      { group: 'g', sex: 'M', age: 59, entrant_share: 0.75 },
    ],
  });

  it.each([
    { yearIndex: 0, factor: 1, total: 100 }, //                     100 × 1.1⁰
    { yearIndex: 2, factor: 1, total: 100 * 1.1 * 1.1 }, //         121
    { yearIndex: 2, factor: 1.5, total: 100 * 1.1 * 1.1 * 1.5 }, // 181.5: × the scenario's entrants factor (§10)
  ])('year index $yearIndex, factor $factor: count × (1 + growth)^{t−t0} × factor = $total, spread by entrant_share', ({ yearIndex, factor, total }) => {
    const model = buildModel(data);
    const scenario = deterministicScenario(model);
    scenario.entrantsFactor[yearIndex] = factor;
    const bySlot = schemeEntrants(model, scenario)(yearIndex);
    expect(bySlot).not.toBeNull();
    const expected = new Float64Array(slotCount(model.layout));
    const { layout } = model;
    expected[slotIndex(layout, rowOf('F', 0), 58 - layout.minAge)] = 0.25 * total;
    expected[slotIndex(layout, rowOf('M', 0), 59 - layout.minAge)] = 0.75 * total;
    // Group h has no entrants: its slots stay 0, as every other slot of g.
    expect(bySlot!.length).toBe(expected.length);
    expected.forEach((heads, slot) => expectClose(bySlot![slot], heads, 1e-12, 1e-12, `slot ${slot}`));
  });

  it('gives null or only zeros for a scheme without entrants', () => {
    const model = buildModel(tinyScheme());
    const bySlot = schemeEntrants(model, deterministicScenario(model))(0);
    if (bySlot !== null) expect(bySlot.every((heads) => heads === 0)).toBe(true);
  });
});
