/**
 * Step 3 of a year alone (methodology §4 step 3 with the flows of §5 and §6):
 * each cell's exposure `E = N (1 − q/2)`, and on it contributions, matching,
 * insured earnings, pensions in payment, maternity and health; deaths `N q`;
 * the head counts of §7. Then closeFlows: funeral grants, administration and
 * expenditure from the row's flows.
 *
 * The year is 2026 (year index 1) of a tiny scheme: wage_growth 0.04 and
 * inflation 0.02, so J_2026 = Iw_2026 = 1.04 (indexation wages) and, with
 * contributions.indexation prices, J_2026 = Ip_2026 = 1.02.
 */
import { describe, expect, it } from 'vitest';
import { emptyState } from '../../../src/core/state.js';
import { move } from '../../../src/core/year/move.js';
import { closeFlows, payments } from '../../../src/core/year/payments.js';
import { tinyScheme } from '../../support/scheme.js';
import {
  addMember,
  addPensioners,
  expectFlows,
  expectState,
  flowsWith,
  freshFlows,
  rowOf,
  stepWorld,
  type FlowName,
} from './cells.js';

type Covered = 'active' | 'inactive' | 'retired' | 'disabled' | 'survivor';

const schemeCovering = (covered: Covered[]) =>
  tinyScheme({
    scheme: {
      projection: { horizon: 2 },
      assumptions: { wage_growth: 0.04, inflation: 0.02 },
      contributions: { matching: { ratio: 0.5 } },
      groups: { g: { compliance: 0.8, mortality_multiplier: 1.5 } },
      benefits: {
        old_age: { vesting_years: 1 },
        disability: { formula: 'flat', amount: 10, mortality_multiplier: 2.5 },
        survivors: { share: 0.5, spouse_probability: 0.7 },
        maternity: { weeks: 26, replacement: 0.5 },
        health: {
          covered,
          dependants_factor: 1.5,
          inflation: 0.05,
          annual_cost: [{ age_from: 58, age_to: 59, cost: 30 }, { age_from: 60, age_to: 62, cost: 80 }],
        },
      },
    },
    income: { zero_month_prob: 0.25 },
    qx: { '*': { 58: 0.1, 59: 0.2, 60: 0.05, 61: 0.3 } },
    rates: [{ age: 58, fertility: 0.1 }], // sex '*': men have the rate too, and no maternity benefit
  });

// Year 2026 mortality (§4): q = min(1, qx × 1.5 (group) [× 2.5 for D]), 1 at max_age 62.
//   A, I, P, S: q_58 = 0.15, q_59 = 0.3, q_60 = 0.075, q_62 = 1.
//   D:          q_58 = 0.375, q_61 = min(1, 0.3 × 3.75 = 1.125) = 1.
// §3 under the flat rule, π = 0.8, p0 = 0.25, J = 1.04:
const d = 0.8 * 0.75; //                               0.6
const C = 0.8 * 12 * 0.75 * 10 * 1.04; //              74.88
const M = 0.8 * 12 * 0.75 * Math.min(0.5 * 10 * 1.04, Infinity); // 37.44: no cap
const S = 0.8 * 12 * 0.75 * 100 * 1.04; //             748.8
// Exposures E = N (1 − q/2) and deaths N q of the cells below:
const cells = {
  A58k0: { N: 10, q: 0.15 }, // E 9.25
  A58k1: { N: 4, q: 0.15 }, //  E 3.7
  I58k0: { N: 5, q: 0.15 }, //  E 4.625
  A59k1: { N: 2, q: 0.3 }, //   E 1.7
  P60: { N: 3, q: 0.075, pension: 1000 }, // E 2.8875
  P62: { N: 1, q: 1, pension: 500 }, //      E 0.5 (max_age)
  D58: { N: 1, q: 0.375, pension: 600 }, //  E 0.8125
  D61: { N: 2, q: 1, pension: 800 }, //      E 1 (capped at 1)
  S60: { N: 4, q: 0.075, pension: 300 }, //  E 3.85
};
const E = (cell: { N: number; q: number }) => cell.N * (1 - cell.q / 2);
const deaths = (cell: { N: number; q: number }) => cell.N * cell.q;
const activeExposure = E(cells.A58k0) + E(cells.A58k1) + E(cells.A59k1); // 14.65
// §5 health: E × annual_cost(x) × (1 + 0.05)^{2026−2025} × dependants_factor 1.5.
const healthFactor = 1.05 * 1.5;
const healthOf: Record<Covered, number> = {
  active: ((E(cells.A58k0) + E(cells.A58k1)) * 30 + E(cells.A59k1) * 30) * healthFactor,
  inactive: E(cells.I58k0) * 30 * healthFactor,
  retired: (E(cells.P60) * 80 + E(cells.P62) * 80) * healthFactor,
  disabled: (E(cells.D58) * 30 + E(cells.D61) * 80) * healthFactor,
  survivor: E(cells.S60) * 80 * healthFactor,
};

function fill(sex: 'F' | 'M', covered: Covered[]) {
  const world = stepWorld(schemeCovering(covered), 1);
  const { layout } = world;
  const state = emptyState(layout);
  const member = (age: number, bin: number, part: 'A' | 'I', heads: number) =>
    addMember(state, layout, { sex, age, bin, part }, { heads, credits: bin + 0.5, earnings: 1000, own: 20 });
  member(58, 0, 'A', cells.A58k0.N);
  member(58, 1, 'A', cells.A58k1.N);
  member(58, 0, 'I', cells.I58k0.N);
  member(59, 1, 'A', cells.A59k1.N);
  const pensioner = (age: number, state_: 'P' | 'D' | 'S', cell: { N: number; pension: number }) =>
    addPensioners(state, layout, { sex, age, state: state_ }, cell.N, cell.pension);
  pensioner(60, 'P', cells.P60);
  pensioner(62, 'P', cells.P62);
  pensioner(58, 'D', cells.D58);
  pensioner(61, 'D', cells.D61);
  pensioner(60, 'S', cells.S60);
  return { ...world, state };
}

/** The row's step-3 flows worked by hand; maternity only for women (§5). */
function expectedFlows(sex: 'F' | 'M', covered: Covered[]): Partial<Record<FlowName, number>> {
  return {
    actives: 10 + 4 + 2,
    inactives: 5,
    old_age_pensioners: 3 + 1,
    disability_pensioners: 1 + 2,
    survivor_pensioners: 4,
    deaths: Object.values(cells).reduce((sum, cell) => sum + deaths(cell), 0), // 7.35
    contributions: activeExposure * C,
    matching: activeExposure * M,
    insured_earnings: activeExposure * S,
    activeExposure,
    paidExposure: activeExposure * d,
    old_age_benefits: E(cells.P60) * 1000 + E(cells.P62) * 500, //   2887.5 + 250
    disability_benefits: E(cells.D58) * 600 + E(cells.D61) * 800, // 487.5 + 800
    survivor_benefits: E(cells.S60) * 300, //                        1155
    // E × fertility × replacement × weeks/52 × S / max(d, 1e-12), at 58 only (fertility 0 at 59).
    maternity_benefits: sex === 'F' ? (E(cells.A58k0) + E(cells.A58k1)) * 0.1 * 0.5 * (26 / 52) * (S / d) : 0,
    health_benefits: covered.reduce((sum, state) => sum + healthOf[state], 0),
  };
}

describe('§4 step 3 payments(context, state, row, flows)', () => {
  it.each([
    { sex: 'F' as const, covered: ['active', 'retired', 'disabled'] as Covered[] },
    { sex: 'M' as const, covered: ['active', 'retired', 'disabled'] as Covered[] },
    { sex: 'F' as const, covered: ['inactive'] as Covered[] },
    { sex: 'F' as const, covered: ['survivor'] as Covered[] },
    { sex: 'F' as const, covered: ['active', 'inactive', 'retired', 'disabled', 'survivor'] as Covered[] },
  ])('row $sex, health covering $covered: exposures, deaths, §3 money, pensions, maternity and health', ({ sex, covered }) => {
    const { context, layout, state } = fill(sex, covered);
    const before = fill(sex, covered).state;
    const flows = freshFlows(layout);

    payments(context, state, rowOf(sex), flows);

    expectFlows(flows, flowsWith(layout, { [rowOf(sex)]: expectedFlows(sex, covered) }));
    expectState(state, before, layout); // step 3 moves nobody
  });

  it.each(['F', 'M'] as const)('row %s: the same flows when step 4 has walked the row first and counted its heads', (sex) => {
    const covered: Covered[] = ['active', 'inactive', 'retired', 'disabled', 'survivor'];
    const { context, layout, state } = fill(sex, covered);
    move(context, state, emptyState(layout), rowOf(sex), freshFlows(layout));
    expect(context.memberHeadsOf).toBe(rowOf(sex));
    const flows = freshFlows(layout);

    payments(context, state, rowOf(sex), flows);

    expectFlows(flows, flowsWith(layout, { [rowOf(sex)]: expectedFlows(sex, covered) }));
    expect(context.memberHeadsOf).toBe(-1); // used once: a later call counts again
  });

  it("ignores heads step 4 counted for another row", () => {
    const { context, layout, state } = fill('F', ['active']);
    context.memberHeads.fill(1e6);
    context.memberHeadsOf = rowOf('M');
    const flows = freshFlows(layout);
    payments(context, state, rowOf('F'), flows);
    expectFlows(flows, flowsWith(layout, { [rowOf('F')]: expectedFlows('F', ['active']) }));
  });

  it('adds nothing for a row with nobody', () => {
    const { context, layout } = stepWorld(schemeCovering(['active']), 1);
    const flows = freshFlows(layout);
    payments(context, emptyState(layout), rowOf('F'), flows);
    expectFlows(flows, freshFlows(layout));
  });

  it('adds to the flows already there (a row\'s flows are summed over its cells)', () => {
    const { context, layout, state } = fill('F', ['active']);
    const flows = flowsWith(layout, { [rowOf('F')]: { contributions: 1000, deaths: 2 } });
    payments(context, state, rowOf('F'), flows);
    const expected = expectedFlows('F', ['active']);
    expectFlows(flows, flowsWith(layout, { [rowOf('F')]: { ...expected, contributions: 1000 + expected.contributions!, deaths: 2 + expected.deaths! } }));
  });
});

describe('§5 funeral, §6 administration and expenditure: closeFlows(context, row, flows)', () => {
  // 2026: Iw = 1.04 (per-member administration), J = Ip = 1.02 (contributions.indexation prices: funeral).
  const data = (funeral: boolean) =>
    tinyScheme({
      scheme: {
        projection: { horizon: 2 },
        assumptions: { wage_growth: 0.04, inflation: 0.02 },
        contributions: { indexation: 'prices' },
        administration: { contribution_share: 0.05, per_member_annual: 12 },
        benefits: funeral ? { funeral: { amount: 300 } } : {},
      },
    });
  const before = {
    actives: 16, inactives: 5, old_age_pensioners: 4, deaths: 7.35,
    contributions: 1000, matching: 400, insured_earnings: 9000,
    old_age_benefits: 3000, disability_benefits: 1200, survivor_benefits: 1100,
    refunds: 50, maternity_benefits: 70, health_benefits: 400,
  };

  it.each([
    { funeral: true, funeralBenefits: 300 * 1.02 * 7.35 }, //   amount × J_t × deaths = 2249.1
    { funeral: false, funeralBenefits: 0 }, //                   no funeral section: not paid
  ])('funeral $funeral: grants, administration = share × contributions + per_member × Iw_t × (A + I), expenditure', ({ funeral, funeralBenefits }) => {
    const { context, layout } = stepWorld(data(funeral), 1);
    const flows = flowsWith(layout, { [rowOf('M')]: before });

    closeFlows(context, rowOf('M'), flows);

    const administration = 0.05 * 1000 + 12 * 1.04 * (16 + 5); // 50 + 262.08: matching is not "contributions"
    const benefits = 3000 + 1200 + 1100 + 50 + 70 + 400 + funeralBenefits; // matching is income, not a benefit
    expectFlows(flows, flowsWith(layout, {
      [rowOf('M')]: { ...before, funeral_benefits: funeralBenefits, administration, expenditure: benefits + administration },
    }));
  });

  it('closes a row with nobody at 0', () => {
    const { context, layout } = stepWorld(data(true), 1);
    const flows = freshFlows(layout);
    closeFlows(context, rowOf('F'), flows);
    expect([...flows].every((value) => value === 0)).toBe(true);
  });
});
