/**
 * §3 by slot for a year (memberYears.ts): only the income rows that give a
 * paid slot (an age below the sex's retirement age) are evaluated, and the
 * slots at or above the retirement age stay 0.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/model.js';
import { fillMemberYears, memberYearCache, memberYearTable } from '../../src/core/memberYears.js';
import { deterministicScenario } from '../../src/core/scenario.js';
import { timelineOf } from '../../src/core/timeline.js';
import { tinyScheme } from '../support/scheme.js';

describe('memberYearCache and fillMemberYears', () => {
  // Ages 58–62, retirement at 60 for both sexes: bands 58–59 (paid) and 60–62 (never paid).
  const data = tinyScheme({
    incomeRows: [
      { group: 'g', sex: 'F', age_from: 58, age_to: 59, mean_monthly_income: 100, cv: 0.5 },
      { group: 'g', sex: 'F', age_from: 60, age_to: 62, mean_monthly_income: 100, cv: 0.5 },
      { group: 'g', sex: 'M', age_from: 58, age_to: 62, mean_monthly_income: 100, cv: 0.5 },
    ],
  });
  const model = buildModel(data);

  it('marks as paid the rows with an age below the retirement age, and no other', () => {
    expect([...memberYearCache(model).rowPaid]).toEqual([1, 0, 1]);
  });

  it('fills the paid slots, each with its row\'s values, and leaves the others 0', () => {
    const table = memberYearTable(2 * model.layout.ages);
    fillMemberYears(model, timelineOf(model, deterministicScenario(model)), 0, memberYearCache(model), table);
    // Slots: F 58…62 then M 58…62. §3 by hand for the flat rule (amount 10, insured income 100, no
    // affordability test, compliance 1, zero_month_prob 0): every month has income and is paid, so
    // d = 1, C = 12 × 10 = 120, S = 12 × 100 = 1,200 and M = 0 (no matching) below 60; 0 from 60.
    const paid = (value: number) => [value, value, 0, 0, 0, value, value, 0, 0, 0];
    expect([...table.density]).toEqual(paid(1));
    expect([...table.contributions]).toEqual(paid(120));
    expect([...table.insuredEarnings]).toEqual(paid(1200));
    expect([...table.matching]).toEqual(paid(0));
  });
});
