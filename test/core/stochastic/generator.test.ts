/**
 * The draws of §10 judged by their statistics (the model fixes no
 * generator): over S scenarios of a fixed seed, the shock of a year has mean
 * 0 and variance v_t, lag-1 autocorrelation ρ √(v_{t−1}/v_t), two groups'
 * income shocks correlation c, and every factor mean 1. Tolerances are four
 * standard errors of the estimate at S (so a correct generator fails about
 * once in 15,000 runs, and this seed is fixed), derived beside each check.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/core/model.js';
import { deterministicScenario } from '../../../src/core/scenario.js';
import { normalStream, scenarioState } from '../../../src/core/stochastic/generator.js';
import { drawPaths, innovationsBuffer } from '../../../src/core/stochastic/paths.js';
import { tinyScheme } from '../../support/scheme.js';

const S = 4000;
const SIGMA = 0.02;
const RHO = 0.6;
const C = 0.4;
const YEARS = 12;

const data = tinyScheme({
  scheme: {
    projection: { horizon: YEARS },
    assumptions: { wage_growth: 0.03, inflation: 0.02, investment_return: 0.05 },
    groups: { a: { income_shock: { sd: 0.1, rho: RHO } }, b: { income_shock: { sd: 0.1, rho: RHO } } },
    stochastic: {
      seed: 20251, investment_return: { sd: SIGMA, rho: RHO }, wage_growth: { sd: SIGMA, rho: 0 }, inflation: { sd: SIGMA, rho: -0.5 },
      mortality: { sd: 0.05, rho: RHO }, entrants: { sd: 0.2, rho: 0.3 }, income_correlation: C,
    },
  },
});
const model = buildModel(data);
const base = deterministicScenario(model);
const buffer = innovationsBuffer(YEARS, 2);
const draws = Array.from({ length: S }, (_, index) => drawPaths(model.scheme, base, index + 1, buffer));

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const variance = (values: number[]) => { const m = mean(values); return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1); };
const correlation = (x: number[], y: number[]) => {
  const mx = mean(x); const my = mean(y);
  let sxy = 0; let sxx = 0; let syy = 0;
  x.forEach((value, index) => { sxy += (value - mx) * (y[index]! - my); sxx += (value - mx) ** 2; syy += (y[index]! - my) ** 2; });
  return sxy / Math.sqrt(sxx * syy);
};
/** `v_t = σ² Σ_{j=0}^{t} ρ^{2j}` for year index t. */
const stationaryTo = (sigma: number, rho: number, t: number) => sigma ** 2 * Array.from({ length: t + 1 }, (_, j) => rho ** (2 * j)).reduce((a, b) => a + b, 0);

describe('§10 shock statistics over 4,000 scenarios of one seed', () => {
  const t = YEARS - 1;
  const shock = (pick: (index: number) => number) => draws.map((_, index) => pick(index));
  it.each([
    ['investment_return', RHO, (index: number, year: number) => draws[index]!.investmentReturn[year]! - 0.05],
    ['wage_growth', 0, (index: number, year: number) => draws[index]!.wageGrowth[year]! - 0.03],
    ['inflation', -0.5, (index: number, year: number) => draws[index]!.inflation[year]! - 0.02],
  ] as const)('%s: mean 0, variance v_t, lag-1 autocorrelation ρ √(v_{t−1}/v_t)', (_, rho, value) => {
    const now = shock((index) => value(index, t));
    const before = shock((index) => value(index, t - 1));
    const v = stationaryTo(SIGMA, rho, t);
    // mean: standard error √(v/S); variance: √(2/S) relative (normal data)
    expect(Math.abs(mean(now))).toBeLessThan(4 * Math.sqrt(v / S));
    expect(Math.abs(variance(now) / v - 1)).toBeLessThan(4 * Math.sqrt(2 / S));
    // a correlation's standard error is at most 1/√S
    expect(Math.abs(correlation(now, before) - rho * Math.sqrt(stationaryTo(SIGMA, rho, t - 1) / v))).toBeLessThan(4 / Math.sqrt(S));
  });

  it.each([
    ['mortality', 0.05, RHO, (index: number, year: number) => draws[index]!.mortalityFactor[year]!],
    ['entrants', 0.2, 0.3, (index: number, year: number) => draws[index]!.entrantsFactor[year]!],
    ['income of group a', 0.1, RHO, (index: number, year: number) => draws[index]!.incomeFactor[0]![year]!],
  ] as const)('%s factor: mean 1 in every year, log with variance v_t', (_, sigma, rho, factor) => {
    for (let year = 0; year < YEARS; year += 1) {
      const values = shock((index) => factor(index, year));
      const v = stationaryTo(sigma, rho, year);
      // F = exp(x − v/2) is lognormal: sd √(e^v − 1)
      expect(Math.abs(mean(values) - 1)).toBeLessThan(4 * Math.sqrt((Math.exp(v) - 1) / S));
      const logs = values.map((value) => Math.log(value) + v / 2);
      expect(Math.abs(variance(logs) / v - 1)).toBeLessThan(4 * Math.sqrt(2 / S));
    }
  });

  it('two groups with the same sd and rho: income shocks correlated c = income_correlation', () => {
    const a = shock((index) => Math.log(draws[index]!.incomeFactor[0]![t]!));
    const b = shock((index) => Math.log(draws[index]!.incomeFactor[1]![t]!));
    expect(Math.abs(correlation(a, b) - C)).toBeLessThan(4 / Math.sqrt(S));
  });

  it('processes are independent of each other (investment return against wage growth, mortality)', () => {
    const returns = shock((index) => draws[index]!.investmentReturn[t]!);
    expect(Math.abs(correlation(returns, shock((index) => draws[index]!.wageGrowth[t]!)))).toBeLessThan(4 / Math.sqrt(S));
    expect(Math.abs(correlation(returns, shock((index) => draws[index]!.mortalityFactor[t]!)))).toBeLessThan(4 / Math.sqrt(S));
  });
});

describe('keyed draws: scenario s is the same whatever else is drawn', () => {
  it('depends on (seed, scenario) only, not on what was drawn before', () => {
    const alone = drawPaths(model.scheme, base, 17, innovationsBuffer(YEARS, 2));
    expect(alone).toEqual(draws[16]);
    expect(drawPaths(model.scheme, base, 18, innovationsBuffer(YEARS, 2))).not.toEqual(alone);
  });
  it('derives the state with SplitMix64: the known first output of SplitMix64(0) is 0xe220a8397b1dcdaf', () => {
    // Vigna's reference splitmix64.c seeded with 0 gives e220a8397b1dcdaf first; key(0, 0) = that ⊕ 0,
    // and the state's first word is SplitMix64's output on that key.
    const key = 0xe220a8397b1dcdafn;
    const mix = (z0: bigint) => { const mask = (1n << 64n) - 1n; let z = (z0 + 0x9e3779b97f4a7c15n) & mask; z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask; z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask; return z ^ (z >> 31n); };
    const first = mix(key);
    expect(scenarioState(0, 0).slice(0, 2)).toEqual([Number(BigInt.asIntN(32, first >> 32n)), Number(BigInt.asIntN(32, first))]);
  });
  it('gives standard normals (mean 0, variance 1 over 200,000 draws)', () => {
    const stream = normalStream(7, 1);
    const values = Array.from({ length: 200_000 }, () => stream.next());
    expect(Math.abs(mean(values))).toBeLessThan(4 / Math.sqrt(values.length));
    expect(Math.abs(variance(values) - 1)).toBeLessThan(4 * Math.sqrt(2 / values.length));
    // The share below −1.96 is Φ(−1.96) = 0.025: a check of the tails, not only of the moments.
    const below = values.filter((value) => value < -1.959963984540054).length / values.length;
    expect(Math.abs(below - 0.025)).toBeLessThan(4 * Math.sqrt(0.025 * 0.975 / values.length));
  });
});
