/** The §10 processes on hand-worked innovations. */
import { describe, expect, it } from 'vitest';
import { addRateShock, factorPath } from '../../../src/core/stochastic/shocks.js';

describe('addRateShock (§10: x_t = ρ x_{t−1} + σ ε_t, added, floored at −0.99)', () => {
  it.each([
    // x = 0.01·1 = 0.01; x = 0.5·0.01 + 0.01·2 = 0.025; x = 0.5·0.025 + 0.01·(−1) = 0.0025
    { base: [0.05, 0.05, 0.05], sd: 0.01, rho: 0.5, epsilon: [1, 2, -1], expected: [0.06, 0.075, 0.0525] },
    // the floor: −0.5 − 0.6 = −1.1 → −0.99; the shock keeps its own memory (−0.6·0.5 = −0.3)
    { base: [-0.5, -0.5], sd: 0.6, rho: 0.5, epsilon: [-1, 0], expected: [-0.99, -0.8] },
    { base: [0.03, 0.04], sd: 0, rho: 0.9, epsilon: [5, -5], expected: [0.03, 0.04] },
  ])('base $base, sd $sd, rho $rho', ({ base, sd, rho, epsilon, expected }) => {
    const path = addRateShock(Float64Array.from(base), { sd, rho }, epsilon);
    expected.forEach((value, year) => expect(path[year]).toBeCloseTo(value, 15));
  });
});

describe('factorPath (§10: F_t = exp(x_t − v_t/2), v_t = σ² Σ_{j≤t−t0} ρ^{2j})', () => {
  it('with every innovation 0, F_t = exp(−v_t/2): v = σ², σ²(1 + ρ²), σ²(1 + ρ² + ρ⁴)', () => {
    const sigma = 0.2;
    const rho = 0.5;
    const path = factorPath(new Float64Array(3), { sd: sigma, rho }, [0, 0, 0]);
    const v = [sigma ** 2, sigma ** 2 * (1 + rho ** 2), sigma ** 2 * (1 + rho ** 2 + rho ** 4)];
    v.forEach((variance, year) => expect(path[year]).toBeCloseTo(Math.exp(-variance / 2), 15));
  });
  it('adds the shock in the log: x = 0.1, then 0.5 · 0.1 − 0.1 = −0.05', () => {
    const path = factorPath(new Float64Array(2), { sd: 0.1, rho: 0.5 }, [1, -1]);
    expect(path[0]).toBeCloseTo(Math.exp(0.1 - 0.01 / 2), 15);
    expect(path[1]).toBeCloseTo(Math.exp(-0.05 - 0.01 * 1.25 / 2), 15);
  });
  it('is exactly 1 without shocks (sd 0): a deterministic scenario', () => {
    expect([...factorPath(new Float64Array(4), { sd: 0, rho: 0.3 }, [1, 2, 3, 4])]).toEqual([1, 1, 1, 1]);
  });
});
