/**
 * Sensitivity tests as data: pure transforms of a scheme's inputs, and the
 * standard set `sipro sensitivity` runs (investment return, wage growth and
 * the discount rate ±1 point, mortality ±10 %, compliance ±10 %, lapse
 * ±50 %, entrants ±50 %, retirement age ±2 years, and health inflation ±1
 * point when the scheme pays health cover).
 *
 * A change to a field of scheme.yaml is written as an override (`path →
 * value`), so that it goes through the scheme's validation like `--set`.
 * A change to a column of a CSV file is a table scale: a factor on every row
 * of the column, applied to the validated rows, capped at 1 since the
 * columns scaled are probabilities.
 */
import type { Assumption, Scheme } from '../schema/scheme.js';
import { SEXES } from './rules.js';
import type { SchemeData } from './types.js';

/** A field of scheme.yaml set to a value (the same shape as a `--set` override). */
export interface FieldChange {
  path: string;
  value: unknown;
}

/** Factors on CSV columns: every `qx` of mortality.csv, every `lapse` of rates.csv. */
export interface TableScales {
  qx?: number;
  lapse?: number;
}

/**
 * The pseudo-paths that name a table scale where an override path is
 * expected (`--set @mortality.qx=1.1`, a `--grid`, a scenarios.csv column).
 * They start with `@` so that they can never be a field of scheme.yaml.
 */
export const TABLE_SCALE_PATHS = { '@mortality.qx': 'qx', '@rates.lapse': 'lapse' } as const satisfies Record<string, keyof TableScales>;
export type TableScalePath = keyof typeof TABLE_SCALE_PATHS;

/**
 * A number rounded to 12 significant digits, so that `0.06 + 0.01` is the
 * 0.07 a reader expects (not 0.06999999999999999) in overrides and reports.
 * The value computed with is the rounded one, so reports stay exact.
 * @example tidy(0.06 + 0.01) // 0.07
 */
export const tidy = (value: number): number => Number(value.toPrecision(12));

/**
 * Every value of an assumption shifted by `delta`: a number, or each value
 * of a year map (the step function keeps its steps).
 * @example shiftAssumption({2025: 0.065, 2040: 0.06}, 0.01) // {2025: 0.075, 2040: 0.07}
 */
export function shiftAssumption(assumption: Assumption, delta: number): Assumption {
  if (typeof assumption === 'number') return tidy(assumption + delta);
  return Object.fromEntries(Object.entries(assumption).map(([year, value]) => [year, tidy(value + delta)]));
}

/**
 * The inputs with `qx` of every mortality row and `lapse` of every rates row
 * multiplied by their factor, capped at 1. Rows are copied, never modified.
 * @example scaleTables(data, {qx: 1.1}).mortality[0].qx // min(1, 1.1 × qx)
 */
export function scaleTables(data: SchemeData, scales: TableScales): SchemeData {
  const { qx, lapse } = scales;
  return {
    ...data,
    mortality: qx === undefined ? data.mortality : data.mortality.map((row) => ({ ...row, qx: Math.min(1, row.qx * qx) })),
    rates: lapse === undefined ? data.rates : data.rates.map((row) => ({ ...row, lapse: Math.min(1, row.lapse * lapse) })),
  };
}

/** One case of the standard set: what changes and how, as overrides and table scales on the base scheme. */
export interface SensitivityCase {
  /** Scenario name, e.g. `investment_return+1pt`. */
  name: string;
  /** The assumption varied, e.g. `investment_return`. */
  parameter: string;
  /** The change in words, e.g. `+0.01 on every year's value`. */
  change: string;
  overrides: FieldChange[];
  scales: TableScales;
}

/** The standard steps: absolute shifts of rates and ages, relative changes of behaviour. */
export interface SensitivitySteps {
  /** Added to every value of investment_return, wage_growth and the discount rate (the investment return's when null). */
  ratePoint: number;
  /** Relative change of every qx. */
  mortality: number;
  /** Relative change of every group's compliance (capped at 1). */
  compliance: number;
  /** Relative change of every lapse rate (capped at 1). */
  lapse: number;
  /** Relative change of every group's entrants.count. */
  entrants: number;
  /** Whole years added to the retirement age (of each sex). */
  retirementYears: number;
  /** Added to benefits.health.inflation. */
  healthInflationPoint: number;
}

/** The standard set: ±1 point, ±10 %, ±10 %, ±50 %, ±50 %, ±2 years, ±1 point. */
export const STANDARD_STEPS: SensitivitySteps = {
  ratePoint: 0.01, mortality: 0.1, compliance: 0.1, lapse: 0.5, entrants: 0.5, retirementYears: 2, healthInflationPoint: 0.01,
};

const percentText = (share: number) => `${tidy(share * 100)}pct`;
const signed = (value: number) => (value >= 0 ? `+${value}` : String(value));

/**
 * The standard sensitivity cases of a scheme, in a fixed order, each up then
 * down. Relative changes are computed from the scheme's own values, so the
 * overrides hold the resulting numbers (readable and reproducible).
 * @example standardSensitivities(scheme).map((c) => c.name) // ['investment_return+1pt', 'investment_return-1pt', …]
 */
export function standardSensitivities(scheme: Scheme, steps: SensitivitySteps = STANDARD_STEPS): SensitivityCase[] {
  const groups = Object.entries(scheme.groups);
  const points = `${tidy(steps.ratePoint * 100)}pt`;
  const upDown = (build: (sign: 1 | -1) => SensitivityCase): SensitivityCase[] => [build(1), build(-1)];
  const shifted = (parameter: string, path: string, assumption: Assumption, what: string) => upDown((sign) => ({
    name: `${parameter}${sign > 0 ? '+' : '-'}${points}`,
    parameter,
    change: `${signed(sign * steps.ratePoint)} on ${what}`,
    overrides: [{ path, value: shiftAssumption(assumption, sign * steps.ratePoint) }],
    scales: {},
  }));
  const relative = (parameter: string, step: number, build: (factor: number) => Pick<SensitivityCase, 'change' | 'overrides' | 'scales'>) =>
    upDown((sign) => ({ name: `${parameter}${sign > 0 ? '+' : '-'}${percentText(step)}`, parameter, ...build(tidy(1 + sign * step)) }));
  const { discount_rate: discountRate, investment_return: investmentReturn } = scheme.assumptions;
  const { retirement_age: retirementAge } = scheme.benefits.old_age;
  const health = scheme.benefits.health;
  return [
    ...shifted('investment_return', 'assumptions.investment_return', investmentReturn, 'every year\'s value'),
    ...shifted('wage_growth', 'assumptions.wage_growth', scheme.assumptions.wage_growth, 'every year\'s value'),
    // A null discount rate is the investment return's: shifting it shifts that path, the return itself unchanged.
    ...shifted('discount_rate', 'assumptions.discount_rate', discountRate ?? investmentReturn, discountRate === null ? 'every year\'s value (the investment return\'s)' : 'every year\'s value'),
    ...relative('mortality', steps.mortality, (factor) => ({ change: `qx × ${factor} (capped at 1)`, overrides: [], scales: { qx: factor } })),
    ...relative('compliance', steps.compliance, (factor) => ({
      change: `every group's compliance × ${factor} (capped at 1)`,
      overrides: groups.map(([name, group]) => ({ path: `groups.${name}.compliance`, value: tidy(Math.min(1, group.compliance * factor)) })),
      scales: {},
    })),
    ...relative('lapse', steps.lapse, (factor) => ({ change: `lapse × ${factor} (capped at 1)`, overrides: [], scales: { lapse: factor } })),
    ...relative('entrants', steps.entrants, (factor) => ({
      change: `every group's entrants.count × ${factor}`,
      overrides: groups.map(([name, group]) => ({ path: `groups.${name}.entrants.count`, value: tidy(group.entrants.count * factor) })),
      scales: {},
    })),
    ...upDown((sign) => {
      const years = sign * steps.retirementYears;
      const value = typeof retirementAge === 'number'
        ? retirementAge + years
        : Object.fromEntries(SEXES.map((sex) => [sex, retirementAge[sex] + years]));
      return {
        name: `retirement_age${sign > 0 ? '+' : '-'}${steps.retirementYears}y`,
        parameter: 'retirement_age',
        change: `${signed(years)} years${typeof retirementAge === 'number' ? '' : ' for each sex'}`,
        overrides: [{ path: 'benefits.old_age.retirement_age', value }],
        scales: {},
      };
    }),
    // Only a scheme that pays health cover has a health inflation to vary.
    ...(health === undefined ? [] : upDown((sign) => ({
      name: `health_inflation${sign > 0 ? '+' : '-'}${tidy(steps.healthInflationPoint * 100)}pt`,
      parameter: 'health_inflation',
      change: `${signed(sign * steps.healthInflationPoint)} on benefits.health.inflation`,
      overrides: [{ path: 'benefits.health.inflation', value: tidy(health.inflation + sign * steps.healthInflationPoint) }],
      scales: {},
    }))),
  ];
}
