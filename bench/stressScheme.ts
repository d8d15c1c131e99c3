/**
 * The stress scheme of issue #3: 20 groups, vesting 25 years, ages 15–110,
 * a 100-year horizon, every benefit. Built in memory from simple smooth
 * curves: its numbers are load, not a realistic scheme.
 */
import { schemeSchema } from '../src/schema/scheme.js';
import { incomeRowSchema, mortalityRowSchema, populationRowSchema, ratesRowSchema } from '../src/schema/tables.js';
import type { SchemeData } from '../src/core/types.js';

const GROUPS = 20;
const MIN_AGE = 15;
const MAX_AGE = 110;
const RETIREMENT_AGE = 60;

export function stressScheme(): SchemeData {
  const groupNames = Array.from({ length: GROUPS }, (_, index) => `group_${String(index + 1).padStart(2, '0')}`);
  const rules = [
    { rule: 'percent', rate: 0.1, floor: 20, ceiling: 600 },
    { rule: 'flat', amount: 15, insured_income: 150 },
    { rule: 'classes', classes: [{ up_to: 100, amount: 8, insured_income: 80 }, { up_to: 300, amount: 20, insured_income: 200 }, { up_to: null, amount: 45, insured_income: 450 }] },
  ];
  const scheme = schemeSchema.parse({
    name: 'Stress scheme',
    projection: { base_year: 2025, horizon: 100, min_age: MIN_AGE, max_age: MAX_AGE },
    assumptions: { wage_growth: 0.035, inflation: 0.025, investment_return: { 2025: 0.05, 2050: 0.045 } },
    contributions: { rule: 'percent', rate: 0.1, affordability: 0.25, matching: { ratio: 0.5, cap: 10, income_limit: 400 } },
    groups: Object.fromEntries(groupNames.map((name, index) => [name, {
      compliance: 0.6 + 0.02 * (index % 10),
      declared_share: 0.7 + 0.01 * (index % 20),
      entrants: { count: 200 + 10 * index, growth: 0.01 },
      contributions: rules[index % 3],
    }])),
    benefits: {
      old_age: { retirement_age: RETIREMENT_AGE, vesting_years: 25, formula: 'career_average', accrual: 0.015, min_pension: 30 },
      disability: { vesting_years: 5, formula: 'replacement', replacement: 0.4, mortality_multiplier: 1.5 },
      survivors: { share: 0.5, spouse_probability: 0.7 },
      maternity: { weeks: 12 },
      health: { inflation: 0.05, covered: ['active', 'retired'], annual_cost: [{ age_from: 15, age_to: 49, cost: 30 }, { age_from: 50, age_to: 110, cost: 80 }] },
      funeral: { amount: 300 },
    },
    administration: { contribution_share: 0.05, per_member_annual: 2 },
    reserve: { initial: 1e6 },
  });
  const population = groupNames.flatMap((group, groupIndex) => ['F', 'M'].flatMap((sex) => {
    const rows = [];
    for (let age = MIN_AGE; age < RETIREMENT_AGE; age += 1) {
      for (const credits of [0, 5, 12, 24, 30]) {
        if (credits > age - MIN_AGE) continue;
        rows.push({ group, sex, age, status: 'active', count: 20 + groupIndex, credits, earnings: credits * 2000, balance: credits * 200, own_balance: credits * 150 });
        rows.push({ group, sex, age, status: 'inactive', count: 10, credits, earnings: credits * 1800, balance: credits * 180, own_balance: credits * 140 });
      }
    }
    for (let age = RETIREMENT_AGE; age <= 95; age += 1) {
      rows.push({ group, sex, age, status: 'retired', count: 5, pension_monthly: 40 });
      rows.push({ group, sex, age, status: 'survivor', count: 2, pension_monthly: 20 });
    }
    for (let age = 30; age < RETIREMENT_AGE; age += 1) rows.push({ group, sex, age, status: 'disabled', count: 1, pension_monthly: 35 });
    return rows;
  })).map((row) => populationRowSchema.parse(row));
  const income = groupNames.flatMap((group, groupIndex) => [
    { group, sex: '*', age_from: MIN_AGE, age_to: 29, mean_monthly_income: 150 + 10 * groupIndex, cv: 0.8, zero_month_prob: 0.1, season_12: 1.5 },
    { group, sex: '*', age_from: 30, age_to: RETIREMENT_AGE - 1, mean_monthly_income: 220 + 12 * groupIndex, cv: 0.9, zero_month_prob: 0.08, season_6: 0.6 },
  ]).map((row) => incomeRowSchema.parse(row));
  const mortality = ['F', 'M'].flatMap((sex) => Array.from({ length: MAX_AGE - MIN_AGE + 1 }, (_, index) => {
    const age = MIN_AGE + index;
    const qx = age === MAX_AGE ? 1 : Math.min(1, 0.0005 + 0.00004 * Math.exp(0.095 * age) * (sex === 'M' ? 1.3 : 1));
    return mortalityRowSchema.parse({ sex, age, qx, improvement: 0.01 });
  }));
  const rates = ['F', 'M'].flatMap((sex) => Array.from({ length: MAX_AGE - MIN_AGE + 1 }, (_, index) => {
    const age = MIN_AGE + index;
    const working = age < RETIREMENT_AGE;
    return ratesRowSchema.parse({
      group: '*', sex, age,
      disability: working ? 0.0005 + 0.0001 * (age - MIN_AGE) : 0,
      lapse: working ? 0.2 - 0.002 * (age - MIN_AGE) : 0,
      reentry: working ? 0.15 : 0,
      fertility: sex === 'F' && age < 50 ? 0.12 : 0,
      entrant_share: age >= 18 && age < 28 ? 0.05 : 0,
    });
  }));
  return { scheme, population, income, mortality, rates };
}
