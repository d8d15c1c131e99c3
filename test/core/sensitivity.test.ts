/** Pure transforms of a scheme's inputs for sensitivity tests (src/core/sensitivity.ts). */
import { describe, expect, it } from 'vitest';
import { scaleTables, shiftAssumption, standardSensitivities, tidy } from '../../src/core/sensitivity.js';
import type { SchemeData } from '../../src/core/types.js';
import { loadScheme } from '../../src/io/loadScheme.js';
import { fixture } from '../cli/helpers.js';

const minimal = async (): Promise<SchemeData> => {
  const loaded = await loadScheme(fixture('minimal'));
  if (!loaded.data) throw new Error('fixtures/minimal does not load');
  return loaded.data;
};

describe('shiftAssumption', () => {
  it.each([
    [0.05, 0.01, 0.06],
    [0.05, -0.01, 0.04],
    [{ 2025: 0.065, 2040: 0.06 }, 0.01, { 2025: 0.075, 2040: 0.07 }],
    [{ 2025: 0.055, 2035: 0.05, 2050: 0.045 }, -0.01, { 2025: 0.045, 2035: 0.04, 2050: 0.035 }],
  ])('%j shifted by %d is %j (every step of a year map)', (assumption, delta, expected) => {
    expect(shiftAssumption(assumption, delta)).toEqual(expected);
  });
  it('rounds to 12 significant digits, so 0.06 + 0.01 is 0.07 and 0.8 × 1.1 is 0.88', () => {
    expect(0.06 + 0.01).not.toBe(0.07);
    expect(tidy(0.06 + 0.01)).toBe(0.07);
    expect(tidy(0.8 * 1.1)).toBe(0.88);
  });
});

describe('scaleTables', () => {
  it('multiplies every qx and every lapse rate, capped at 1, without modifying its input', async () => {
    const data = await minimal();
    const before = JSON.stringify(data);
    const scaled = scaleTables(data, { qx: 1.5, lapse: 3 });
    expect(JSON.stringify(data)).toBe(before);
    scaled.mortality.forEach((row, index) => expect(row.qx).toBe(Math.min(1, data.mortality[index]!.qx * 1.5)));
    scaled.rates.forEach((row, index) => expect(row.lapse).toBe(Math.min(1, data.rates[index]!.lapse * 3)));
    expect(scaled.mortality.some((row) => row.qx === 1)).toBe(true);
    expect(scaled.rates.some((row) => row.lapse > 0)).toBe(true);
    expect(scaled.population).toBe(data.population);
  });
  it('leaves tables without a factor as they are', async () => {
    const data = await minimal();
    const scaled = scaleTables(data, { qx: 0.9 });
    expect(scaled.rates).toBe(data.rates);
    expect(scaled.mortality).not.toBe(data.mortality);
  });
});

describe('standardSensitivities', () => {
  it('lists the standard cases up then down, with overrides computed from the scheme', async () => {
    const { scheme } = await minimal();
    const cases = standardSensitivities(scheme);
    expect(cases.map((item) => item.name)).toEqual([
      'investment_return+1pt', 'investment_return-1pt', 'wage_growth+1pt', 'wage_growth-1pt', 'discount_rate+1pt', 'discount_rate-1pt',
      'mortality+10pct', 'mortality-10pct', 'compliance+10pct', 'compliance-10pct',
      'lapse+50pct', 'lapse-50pct', 'entrants+50pct', 'entrants-50pct',
      'retirement_age+2y', 'retirement_age-2y', 'health_inflation+1pt', 'health_inflation-1pt',
    ]);
    const byName = new Map(cases.map((item) => [item.name, item]));
    expect(byName.get('investment_return+1pt')!.overrides).toEqual([{ path: 'assumptions.investment_return', value: { 2025: 0.06, 2030: 0.05 } }]);
    expect(byName.get('wage_growth-1pt')!.overrides).toEqual([{ path: 'assumptions.wage_growth', value: 0.02 }]);
    expect(byName.get('mortality+10pct')).toMatchObject({ overrides: [], scales: { qx: 1.1 } });
    expect(byName.get('lapse-50pct')).toMatchObject({ overrides: [], scales: { lapse: 0.5 } });
    // traders' compliance is 0.8, drivers' the default 1: relative, capped at 1.
    expect(byName.get('compliance+10pct')!.overrides).toEqual([
      { path: 'groups.traders.compliance', value: 0.88 }, { path: 'groups.drivers.compliance', value: 1 },
    ]);
    expect(byName.get('compliance-10pct')!.overrides).toEqual([
      { path: 'groups.traders.compliance', value: 0.72 }, { path: 'groups.drivers.compliance', value: 0.9 },
    ]);
    expect(byName.get('entrants-50pct')!.overrides).toEqual([
      { path: 'groups.traders.entrants.count', value: 50 }, { path: 'groups.drivers.entrants.count', value: 0 },
    ]);
    // minimal's discount rate is null: the discount path is the investment return's, shifted; the return itself is not.
    expect(byName.get('discount_rate-1pt')).toMatchObject({
      overrides: [{ path: 'assumptions.discount_rate', value: { 2025: 0.04, 2030: 0.03 } }], change: "-0.01 on every year's value (the investment return's)",
    });
    // retirement ages {F: 60, M: 62}: each sex's moves.
    expect(byName.get('retirement_age+2y')).toMatchObject({ overrides: [{ path: 'benefits.old_age.retirement_age', value: { F: 62, M: 64 } }], change: '+2 years for each sex' });
    expect(byName.get('retirement_age-2y')!.overrides).toEqual([{ path: 'benefits.old_age.retirement_age', value: { F: 58, M: 60 } }]);
    expect(byName.get('health_inflation+1pt')!.overrides).toEqual([{ path: 'benefits.health.inflation', value: 0.06 }]);
  });

  it('a scheme with one retirement age, a discount rate of its own and no health cover', async () => {
    const { scheme } = await minimal();
    const benefits = { ...scheme.benefits, health: undefined };
    const cases = standardSensitivities({
      ...scheme,
      assumptions: { ...scheme.assumptions, discount_rate: 0.03 },
      benefits: { ...benefits, old_age: { ...benefits.old_age, retirement_age: 65 } },
    });
    const byName = new Map(cases.map((item) => [item.name, item]));
    expect(cases.some((item) => item.parameter === 'health_inflation')).toBe(false);
    expect(byName.get('discount_rate+1pt')!.overrides).toEqual([{ path: 'assumptions.discount_rate', value: 0.04 }]);
    expect(byName.get('retirement_age-2y')).toMatchObject({ overrides: [{ path: 'benefits.old_age.retirement_age', value: 63 }], change: '-2 years' });
  });
});
