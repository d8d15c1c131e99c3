/**
 * The @example of src/core/timeline.ts, run, and the other indexes a timeline
 * carries (methodology §1 Iw, Ip, J_t; §4 step 6 idx_t).
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/model.js';
import { deterministicScenario } from '../../src/core/scenario.js';
import { cumulativeIndex, timelineOf } from '../../src/core/timeline.js';
import { tinyScheme } from '../support/scheme.js';

const close = (actual: ArrayLike<number>, expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, index) => expect(actual[index]).toBeCloseTo(value, 13));
};

describe('timelineOf(model, scenario)', () => {
  const model = buildModel(tinyScheme({
    scheme: {
      projection: { horizon: 3 },
      assumptions: { wage_growth: 0.04, inflation: { 2025: 0.02, 2026: 0.03 } },
      benefits: { old_age: { indexation: 'wages' } },
      groups: { g: {}, h: { contributions: { indexation: 'prices' } } },
    },
  }));

  it('@example wageIndex at 4 %: [1, 1.04, 1.0816, 1.124864]', () => {
    close(timelineOf(model, deterministicScenario(model, 3)).wageIndex, [1, 1.04, 1.0816, 1.124864]);
  });

  it('Ip, idx_t, the benefits\' J_t and each group\'s J_t', () => {
    const timeline = timelineOf(model, deterministicScenario(model, 3));
    const Ip = [1, 1.02, 1.02 * 1.03, 1.02 * 1.03 * 1.03]; // inflation 2025: 0.02, 2026 on: 0.03
    close(timeline.priceIndex, Ip);
    close(timeline.pensionIndexation, [0.04, 0.04, 0.04]); // old_age.indexation wages
    close(timeline.benefitIndex, [1, 1.04, 1.0816, 1.124864]); // the default rule's indexation: wages (§5)
    close(timeline.contributionIndex[0]!, [1, 1.04, 1.0816, 1.124864]); // g: the default's
    close(timeline.contributionIndex[1]!, Ip); // h overrides: prices
  });
});

describe('cumulativeIndex(rates)', () => {
  it('is Π_{u<t} (1 + rate_u), starting from the empty product 1', () => {
    close(cumulativeIndex(new Float64Array([0.1, 0.2, -0.5])), [1, 1.1, 1.32, 0.66]);
  });
});

describe('deterministicScenario(model, years?)', () => {
  it('@example investmentReturn[0] is the investment_return of t0; years after the horizon take the last year\'s values (§8)', () => {
    const model = buildModel(tinyScheme({
      scheme: { projection: { horizon: 2 }, assumptions: { investment_return: { 2025: 0.05, 2026: 0.03, 2027: 0.01 } } },
    }));
    const scenario = deterministicScenario(model, 4);
    close(scenario.investmentReturn, [0.05, 0.03, 0.03, 0.03]); // 2027's 0.01 lies after the horizon's last year 2026
    close(scenario.discountRate, [0.05, 0.03, 0.03, 0.03]); //     discount_rate null: the investment return's path
    close(scenario.mortalityFactor, [1, 1, 1, 1]);
  });
});
