import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  partialExpectation,
  partialExpectationLn,
  probabilityBetween,
  probabilityBetweenLn,
} from '../../src/core/lognormal.js';
import { gaussLegendre } from '../support/quadrature.js';

/**
 * Independent reference: Gauss–Legendre quadrature (20 nodes, computed here by
 * Newton's method on P₂₀) on the log scale, `u = ln y`, over panels of width
 * σ/8 between `max(ln L, λ − 16σ)` and `min(ln U, λ + σ² + 16σ)` (the mass
 * outside is below 1e-57), of `f(e^u) φ((u − λ)/σ)/σ` with `f = 1` or `e^u`.
 * It uses neither Φ nor the code under test; on these smooth integrands it is
 * good to about 1e-15 relative.
 */
const NODES = 20;
const [GL_X, GL_W] = gaussLegendre(NODES);

function integrateLog(lower: number, upper: number, lambda: number, sigma: number, withY: boolean): number {
  const from = Math.max(Math.log(lower), lambda - 16 * sigma);
  const to = Math.min(Math.log(upper), lambda + sigma * sigma + 16 * sigma);
  if (!(from < to)) return 0;
  const panels = Math.max(1, Math.ceil((to - from) / (sigma / 8)));
  const width = (to - from) / panels;
  let total = 0;
  for (let p = 0; p < panels; p += 1) {
    const middle = from + (p + 0.5) * width;
    for (let k = 0; k < NODES; k += 1) {
      const u = middle + (GL_X[k]! * width) / 2;
      const z = (u - lambda) / sigma;
      const density = Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
      total += ((GL_W[k]! * width) / 2) * density * (withY ? Math.exp(u) : 1);
    }
  }
  return total;
}

const CASES: ReadonlyArray<readonly [string, number, number, number, number]> = [
  // [what, L, U, λ, σ]
  ['whole line', 0, Infinity, 0, 1],
  ['below the median', 0, 1, 0, 1],
  ['above the median', 1, Infinity, 0, 1],
  ['money scale, wide σ', 50, 400, Math.log(180), 1.2],
  ['money scale, narrow σ', 170, 190, Math.log(180), 0.05],
  ['tiny σ around the mean', 179.9, 180.1, Math.log(180), 1e-3],
  ['far upper tail (8σ up)', Math.exp(8 * 0.6 + 5), Infinity, 5, 0.6],
  ['far lower tail (7σ down)', 0, Math.exp(5 - 7 * 0.6), 5, 0.6],
  ['partial expectation tail (E[Y] side, 6σ above λ + σ²)', Math.exp(5 + 0.36 + 6 * 0.6), Infinity, 5, 0.6],
  ['σ = 2 (cv ≈ 7.3)', 0.01, 1e4, 3, 2],
  ['floor at zero, finite top', 0, 1e-3, -5, 0.8],
  ['huge incomes', 1e8, 1e9, Math.log(3e8), 0.4],
];

describe('probabilityBetween and partialExpectation against quadrature', () => {
  it.each(CASES)('%s: Pr[L ≤ Y < U] to 1e-12 relative', (_what, lower, upper, lambda, sigma) => {
    const expected = integrateLog(lower, upper, lambda, sigma, false);
    expect(Math.abs(probabilityBetween(lower, upper, lambda, sigma) - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it.each(CASES)('%s: E[Y; L ≤ Y < U] to 1e-12 relative', (_what, lower, upper, lambda, sigma) => {
    const expected = integrateLog(lower, upper, lambda, sigma, true);
    expect(Math.abs(partialExpectation(lower, upper, lambda, sigma) - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it.each(CASES)('%s: the …Ln variants agree exactly', (_what, lower, upper, lambda, sigma) => {
    expect(probabilityBetweenLn(Math.log(lower), Math.log(upper), lambda, sigma)).toBe(probabilityBetween(lower, upper, lambda, sigma));
    expect(partialExpectationLn(Math.log(lower), Math.log(upper), lambda, sigma)).toBe(partialExpectation(lower, upper, lambda, sigma));
  });
});

describe('closed forms', () => {
  it('runs the JSDoc examples', () => {
    expect(probabilityBetweenLn(-Infinity, 0, 0, 1)).toBe(0.5);
    expect(partialExpectationLn(-Infinity, Infinity, 0, 1)).toBeCloseTo(Math.exp(0.5), 15);
    expect(probabilityBetween(0, Infinity, 3, 0.5)).toBe(1);
    // e^{1/2} Φ(−1) = 0.26157829186512337168… (mpmath, 40 digits)
    expect(partialExpectation(0, 1, 0, 1)).toBeCloseTo(0.2615782918651233717, 15);
  });

  it.each([
    [0.1, 2],
    [0.8, 7],
    [2.5, -3],
  ])('the whole line has mass 1 and mean e^{λ+σ²/2} (σ = %s, λ = %s)', (sigma, lambda) => {
    expect(probabilityBetween(0, Infinity, lambda, sigma)).toBe(1);
    const mean = Math.exp(lambda + (sigma * sigma) / 2);
    expect(Math.abs(partialExpectation(0, Infinity, lambda, sigma) - mean)).toBeLessThanOrEqual(2e-16 * mean);
  });

  it('splits at the median e^λ into halves', () => {
    expect(probabilityBetween(0, Math.exp(4), 4, 0.7)).toBeCloseTo(0.5, 15);
    expect(probabilityBetween(Math.exp(4), Infinity, 4, 0.7)).toBeCloseTo(0.5, 15);
  });

  it.each([
    [5, 5],
    [6, 5],
    [Infinity, Infinity],
    [0, 0],
  ])('is 0 on the empty interval [%s, %s)', (lower, upper) => {
    expect(probabilityBetween(lower, upper, 1, 0.5)).toBe(0);
    expect(partialExpectation(lower, upper, 1, 0.5)).toBe(0);
  });

  it('treats σ = 0 as a point mass at e^λ that belongs to [L, U) when L ≤ e^λ < U', () => {
    expect(probabilityBetweenLn(2, 3, 2, 0)).toBe(1);
    expect(probabilityBetweenLn(1, 2, 2, 0)).toBe(0);
    expect(partialExpectationLn(2, 3, 2, 0)).toBe(Math.exp(2));
    expect(partialExpectationLn(-Infinity, 2, 2, 0)).toBe(0);
  });
});

describe('properties', () => {
  const bound = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
  const lambda = fc.double({ min: -3, max: 12, noNaN: true });
  const sigma = fc.double({ min: 0.01, max: 3, noNaN: true });

  it('adds up over a split point', () => {
    fc.assert(fc.property(bound, bound, bound, lambda, sigma, (x, y, z, l, s) => {
      const [a, b, c] = [x, y, z].sort((u, v) => u - v) as [number, number, number];
      const scale = Math.exp(l + (s * s) / 2);
      const whole = partialExpectation(a, c, l, s);
      const parts = partialExpectation(a, b, l, s) + partialExpectation(b, c, l, s);
      const probability = probabilityBetween(a, c, l, s) - probabilityBetween(a, b, l, s) - probabilityBetween(b, c, l, s);
      return Math.abs(whole - parts) <= 1e-14 * scale && Math.abs(probability) <= 1e-15;
    }));
  });

  // An interval of relative width δ in a tail is a difference of two nearly equal
  // tails, so it keeps about 16 + log10(δ) digits: hence U ≥ L (1 + 1e-6) and 1e-8.
  it('has its mean inside the interval: L Pr ≤ E[Y; L ≤ Y < U] ≤ U Pr', () => {
    fc.assert(fc.property(bound, bound, lambda, sigma, (x, y, l, s) => {
      const [a, c] = x <= y ? [x, y] : [y, x];
      fc.pre(c >= a * (1 + 1e-6));
      const mean = partialExpectation(a, c, l, s);
      const probability = probabilityBetween(a, c, l, s);
      return mean >= a * probability * (1 - 1e-8) && mean <= c * probability * (1 + 1e-8);
    }));
  });
});
