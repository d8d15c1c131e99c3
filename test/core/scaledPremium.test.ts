/**
 * The scaled premium's core function (methodology §13), on years given directly:
 * figures worked by hand in exact fractions, the empty cells that end the
 * table, and, as a property, that each premium really stops the reserve
 * changing in its period's last year when the reserve is rolled year by year
 * (§6's roll, written here from the text).
 *
 * The end-to-end cases through `sipro project` are in scaledPremium.hand.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaledPremiums, type PremiumYear } from '../../src/core/financing/scaledPremium.js';
import { expectClose } from '../support/expect.js';

const yearsOf = (rows: readonly [number, number][], first = 2025): PremiumYear[] =>
  rows.map(([expenditure, insuredEarnings], index) => ({ year: first + index, expenditure, insured_earnings: insuredEarnings }));

describe('scaledPremiums, worked by hand', () => {
  it('the @example: one year, π = (X √(1+i) − i R) / (S √(1+i)), the reserve stays at R', () => {
    const [period] = scaledPremiums(yearsOf([[6120, 12000]]), [0.05], 1000, 10);
    expect(period).toMatchObject({ period_start: 2025, period_end: 2025, reserve_start: 1000, reserve_end: 1000 });
    expectClose(period!.premium, (6120 * Math.sqrt(1.05) - 50) / (12000 * Math.sqrt(1.05)), 1e-15);
  });

  // i = 0.21 makes (1 + i)^½ = 1.1, so every step is a fraction:
  // period 2025–2026 from R = 100: A = 100 × 1.21 − 10 × 1.1 = 110, B = 100 × 1.1 = 110,
  //   π₁ = (20 × 1.1 − 0.21 × 110) / (0.21 × 110 + 100 × 1.1) = −1.1 / 133.1 = −1/121, end A + π₁B = 110 − 110/121 = 1200/11;
  // period 2027–2028 from 1200/11: A = 1200/11 × 1.21 − 30 × 1.1 = 132 − 33 = 99, B = 200 × 1.1 = 220,
  //   π₂ = (40 × 1.1 − 0.21 × 99) / (0.21 × 220 + 200 × 1.1) = 23.21 / 266.2 = 2321/26620, end 99 + 220 π₂ = 1300/11.
  it('two periods of two years in exact fractions; a premium may be negative when interest alone covers the last year', () => {
    const periods = scaledPremiums(yearsOf([[10, 100], [20, 100], [30, 200], [40, 200]]), [0.21, 0.21, 0.21, 0.21], 100, 2);
    expect(periods.map((period) => [period.period_start, period.period_end])).toEqual([[2025, 2026], [2027, 2028]]);
    const expected = [
      { premium: -1 / 121, reserve_start: 100, reserve_end: 1200 / 11 },
      { premium: 2321 / 26620, reserve_start: 1200 / 11, reserve_end: 1300 / 11 },
    ];
    expected.forEach((row, index) => {
      for (const column of ['premium', 'reserve_start', 'reserve_end'] as const) expectClose(periods[index]![column], row[column], 1e-14, 0, `${index} ${column}`);
    });
  });

  it('without interest the premium is the last year\'s PAYG cost rate X_b / S_b, whatever the reserve', () => {
    const periods = scaledPremiums(yearsOf([[10, 100], [30, 200], [45, 300]]), [0, 0, 0], 5000, 2);
    expect(periods.map((period) => period.premium)).toEqual([30 / 200, 45 / 300]);
    // The first period's end: A = 5000 − 10, B = 100, so 4990 + 0.15 × 100 = 5005.
    expect(periods.map((period) => period.reserve_end)).toEqual([5005, 5005]);
  });

  it('a period longer than the horizon is one period over the whole horizon', () => {
    const periods = scaledPremiums(yearsOf([[10, 100], [20, 100]]), [0, 0], 0, 50);
    expect(periods).toEqual([{ period_start: 2025, period_end: 2026, premium: 0.2, reserve_start: 0, reserve_end: 10 }]);
  });

  it.each([
    { name: 'the last year has no insured earnings', rows: [[10, 100], [20, 100], [30, 100], [50, 0]] as [number, number][], returns: [0, 0, 0, 0] },
    // i = −0.75: (1 + i)^½ = 0.5; B = 4 × 0.5 = 2; denominator −0.75 × 2 + 3 × 0.5 = 0 exactly.
    { name: 'the denominator is 0', rows: [[10, 100], [20, 100], [1, 4], [1, 3]] as [number, number][], returns: [0, 0, -0.75, -0.75] },
  ])('$name: the period is written with its reserve_start, empty premium and reserve_end, and ends the table', ({ rows, returns }) => {
    const periods = scaledPremiums(yearsOf([...rows, [10, 100], [10, 100]]), [...returns, 0, 0], 0, 2);
    expect(periods).toEqual([
      { period_start: 2025, period_end: 2026, premium: 0.2, reserve_start: 0, reserve_end: 10 },
      { period_start: 2027, period_end: 2028, premium: null, reserve_start: 10, reserve_end: null },
    ]);
  });

  it('an empty projection has no period; period_years must be a whole number >= 1', () => {
    expect(scaledPremiums([], [], 100, 10)).toEqual([]);
    expect(() => scaledPremiums(yearsOf([[1, 1]]), [0], 0, 0)).toThrow('period_years must be a whole number >= 1, not 0');
    expect(() => scaledPremiums(yearsOf([[1, 1]]), [0], 0, 1.5)).toThrow(RangeError);
  });
});

describe('scaledPremiums, as a property', () => {
  const year = fc.record({
    expenditure: fc.double({ min: 0, max: 1e9, noNaN: true }),
    insured_earnings: fc.double({ min: 1, max: 1e10, noNaN: true }),
    rate: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  });
  it('rolled year by year under its premium (§6), each period\'s reserve ends its last year where that year started', () => {
    fc.assert(fc.property(
      fc.array(year, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 12 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      (rows, periodYears, initial) => {
        const years = rows.map((row, index) => ({ year: 2025 + index, expenditure: row.expenditure, insured_earnings: row.insured_earnings }));
        const returns = rows.map((row) => row.rate);
        const periods = scaledPremiums(years, returns, initial, periodYears);
        expect(periods).toHaveLength(Math.ceil(rows.length / periodYears));
        let reserve = initial;
        for (const period of periods) {
          expect(period.reserve_start).toBe(reserve);
          let startOfLastYear = reserve;
          // The roll's terms are as large as the reserve and the year's flows: the tolerance is relative to them.
          let scale = Math.abs(reserve);
          for (let index = period.period_start - 2025; index <= period.period_end - 2025; index += 1) {
            startOfLastYear = reserve;
            const growth = 1 + returns[index]!;
            reserve = reserve * growth + (period.premium! * years[index]!.insured_earnings - years[index]!.expenditure) * Math.sqrt(growth);
            scale = Math.max(scale, Math.abs(reserve), years[index]!.expenditure, Math.abs(period.premium! * years[index]!.insured_earnings));
          }
          expect(Math.abs(reserve - startOfLastYear)).toBeLessThanOrEqual(1e-9 * scale + 1e-300);
          expect(Math.abs(reserve - period.reserve_end!)).toBeLessThanOrEqual(1e-9 * scale + 1e-300);
          reserve = period.reserve_end!;
        }
      },
    ), { numRuns: 200 });
  });
});
