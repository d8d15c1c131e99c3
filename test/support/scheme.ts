/**
 * Tiny scheme folders as data, for hand-worked engine tests (methodology §2).
 *
 * `tinyScheme()` starts from a scheme whose arithmetic is easy to do by hand
 * and lets a test override only what it is about:
 *
 * - years 2025 (base) for one year, ages 58–62, retirement at 60;
 * - every assumption 0 (so every index is 1), reserve 0;
 * - one group `g`, compliance 1, declared share 1;
 * - the flat rule: 10 a month on an insured income of 100 a month, indexed to
 *   wages, no affordability test, no matching — so an active member-year has
 *   density 1, contributions 120 and insured earnings 1,200 whatever the
 *   income distribution (§3);
 * - a flat old-age pension of 100 a month, no vesting; no other benefit;
 * - every mortality rate 0 (except q = 1 at max_age, which is the model's),
 *   every rate of the rates file 0, no entrants.
 *
 * The scheme goes through the real `schemeSchema` and the rows through the row
 * schemas, so a test gets exactly the resolved `SchemeData` that the CLI would
 * hand to `project()`, defaults filled in — and a builder mistake fails loudly.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { schemeSchema, type SchemeInput } from '../../src/schema/scheme.js';
import {
  incomeRowSchema,
  mortalityRowSchema,
  populationRowSchema,
  ratesRowSchema,
  type IncomeRow,
  type MortalityRow,
  type PopulationRow,
  type RatesRow,
} from '../../src/schema/tables.js';
import type { GroupYear, ProjectionResult, ProjectionYear, SchemeData, SubsidyRow } from '../../src/core/types.js';
import type { Sex } from '../../src/core/rules.js';

export const T0 = 2025;
export const SEXES: readonly Sex[] = ['F', 'M'];

/** Every field optional, recursively; arrays are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * Fields of methodology §11–§13 (portability, care credits, financing), typed
 * here so that hand-worked tests can be written before the schema has them:
 * a scheme using them parses only once the schema does.
 */
export interface PortabilityAndFinancingFields {
  portability?: { totalization?: boolean; foreign_density?: number; export?: boolean };
  financing?: { period_years?: number };
  benefits?: { care_credits?: { years_per_birth?: number; insured_income?: number; state_contribution_rate?: number } };
  groups?: Record<string, { entrants?: { foreign_credits?: number } }>;
}

/** A scheme override: merged field by field into the tiny default; `undefined` deletes a field; `groups` replaces the default's whole. */
export type SchemePatch = DeepPartial<SchemeInput> & PortabilityAndFinancingFields;

export type Status = 'active' | 'inactive' | 'retired' | 'disabled' | 'survivor';

/** A population row (§2); `group` defaults to the scheme's first group, `sex` to F. */
export interface MemberInput {
  group?: string;
  sex?: Sex;
  age: number;
  status: Status;
  count?: number;
  credits?: number;
  earnings?: number;
  balance?: number;
  own_balance?: number;
  /** §11; only written when given, so rows stay valid for a schema without it. */
  foreign_credits?: number;
  pension_monthly?: number;
}

/** A rates row (§2); `group` and `sex` default to `*`. */
export interface RateInput {
  group?: string;
  sex?: Sex | '*';
  age: number;
  disability?: number;
  lapse?: number;
  reentry?: number;
  fertility?: number;
  entrant_share?: number;
  /** §11; only written when given. */
  emigration?: number;
}

/** `{F: {58: 0.1}, '*': {62: 0.3}}`: a value by sex and age; a sex's own entry beats `*`; missing is 0. */
export type BySexAge = Partial<Record<Sex | '*', Record<number, number>>>;

export interface TinySchemeOptions {
  scheme?: SchemePatch;
  population?: readonly MemberInput[];
  /** Values for the generated income rows (one per group and sex, min_age to retirement_age − 1). */
  income?: Partial<Omit<IncomeRow, 'group' | 'sex' | 'age_from' | 'age_to'>>;
  /** Replaces the generated income rows. */
  incomeRows?: readonly Partial<IncomeRow>[];
  /** Mortality rates by sex and age (0 where not given). */
  qx?: BySexAge;
  /** Mortality improvement by sex and age (0 where not given). */
  improvement?: BySexAge;
  /** Replaces the generated mortality rows. */
  mortalityRows?: readonly Partial<MortalityRow>[];
  rates?: readonly RateInput[];
}

const DEFAULT_SCHEME = {
  name: 'hand-worked',
  projection: { base_year: T0, horizon: 1, min_age: 58, max_age: 62 },
  assumptions: { wage_growth: 0, inflation: 0, investment_return: 0 },
  contributions: { rule: 'flat', amount: 10, insured_income: 100 },
  groups: { g: {} },
  benefits: { old_age: { retirement_age: 60, formula: 'flat', amount: 100 } },
} satisfies SchemeInput;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Paths whose override replaces the default whole instead of merging into it. */
const REPLACED = new Set(['groups']);

function merge(base: Plain, patch: Plain, path: string): Plain {
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const here = path === '' ? key : `${path}.${key}`;
    const current = merged[key];
    if (value === undefined) delete merged[key];
    else if (isPlain(value) && isPlain(current) && !REPLACED.has(here)) merged[key] = merge(current, value, here);
    else merged[key] = value;
  }
  return merged;
}

const retirementAgeOf = (retirementAge: number | { F: number; M: number }, sex: Sex): number =>
  typeof retirementAge === 'number' ? retirementAge : retirementAge[sex];

const lookup = (table: BySexAge | undefined, sex: Sex, age: number): number =>
  table?.[sex]?.[age] ?? table?.['*']?.[age] ?? 0;

/** The scheme.yaml content (before defaults) of the tiny default with `patch` applied. */
export const tinySchemeInput = (patch: SchemePatch = {}): Plain => merge(DEFAULT_SCHEME, patch as Plain, '');

/** A resolved `SchemeData` for `project()`: the tiny default with `options` applied. */
export function tinyScheme(options: TinySchemeOptions = {}): SchemeData {
  const scheme = schemeSchema.parse(tinySchemeInput(options.scheme));
  const { min_age: minAge, max_age: maxAge } = scheme.projection;
  const groups = Object.keys(scheme.groups);
  const firstGroup = groups[0]!;

  const population: PopulationRow[] = (options.population ?? []).map((member) =>
    populationRowSchema.parse({ group: firstGroup, sex: 'F', ...member }),
  );

  const incomeValues = { mean_monthly_income: 100, cv: 0.5, ...options.income };
  const retirementAges = SEXES.map((sex) => retirementAgeOf(scheme.benefits.old_age.retirement_age, sex));
  const oneRowForBothSexes = retirementAges[0] === retirementAges[1];
  const income: IncomeRow[] = (
    options.incomeRows ??
    groups.flatMap((group) =>
      (oneRowForBothSexes ? (['*'] as const) : SEXES).map((sex) => ({
        group,
        sex,
        age_from: minAge,
        age_to: retirementAgeOf(scheme.benefits.old_age.retirement_age, sex === '*' ? 'F' : sex) - 1,
        ...incomeValues,
      })),
    )
  ).map((row) => incomeRowSchema.parse(row));

  const mortality: MortalityRow[] = (
    options.mortalityRows ??
    SEXES.flatMap((sex) =>
      Array.from({ length: maxAge - minAge + 1 }, (_, offset) => minAge + offset).map((age) => ({
        sex,
        age,
        qx: lookup(options.qx, sex, age),
        improvement: lookup(options.improvement, sex, age),
      })),
    )
  ).map((row) => mortalityRowSchema.parse(row));

  const rates: RatesRow[] = (options.rates ?? []).map((row) => ratesRowSchema.parse({ group: '*', sex: '*', ...row }));

  return { scheme, population, income, mortality, rates };
}

/**
 * Writes `tinyScheme(options)` as a scheme folder (scheme.json and the CSVs,
 * a rates file only when there are rates rows), for tests of the command
 * line and its output files.
 */
export async function writeTinyScheme(folder: string, options: TinySchemeOptions = {}): Promise<void> {
  const data = tinyScheme(options);
  const csv = (rows: readonly object[], header: readonly string[]) => {
    const columns = [...new Set([...header, ...rows.flatMap((row) => Object.keys(row))])];
    const cell = (value: unknown) => (value === undefined || value === null ? '' : String(value));
    return [columns.join(','), ...rows.map((row) => columns.map((column) => cell((row as Plain)[column])).join(','))].join('\n') + '\n';
  };
  await writeFile(join(folder, 'scheme.json'), JSON.stringify(tinySchemeInput(options.scheme), null, 2));
  await writeFile(join(folder, 'population.csv'), csv(data.population, ['group', 'sex', 'age', 'status']));
  await writeFile(join(folder, 'income.csv'), csv(data.income, ['group', 'sex', 'age_from', 'age_to', 'mean_monthly_income', 'cv']));
  await writeFile(join(folder, 'mortality.csv'), csv(data.mortality, ['sex', 'age', 'qx']));
  if (data.rates.length > 0) await writeFile(join(folder, 'rates.csv'), csv(data.rates, ['group', 'sex', 'age']));
}

/** An output row as a plain record, for columns that its TypeScript type may not name yet (§11–§13). */
export const columnsOf = (row: object): Record<string, unknown> => row as Record<string, unknown>;

/** The projection.csv row of `year` (fails the test when absent). */
export function yearRow(result: ProjectionResult, year: number): ProjectionYear {
  const row = result.projection.find((candidate) => candidate.year === year);
  if (row === undefined) throw new Error(`projection has no row for ${year}`);
  return row;
}

/** The by_group.csv row of `(year, group, sex)` (fails the test when absent). */
export function groupRow(result: ProjectionResult, year: number, group: string, sex: Sex): GroupYear {
  const row = result.byGroup.find((candidate) => candidate.year === year && candidate.group === group && candidate.sex === sex);
  if (row === undefined) throw new Error(`by_group has no row for ${year} ${group} ${sex}`);
  return row;
}

/** The subsidy.csv row of `(group, sex)` (fails the test when absent). */
export function subsidyRow(result: ProjectionResult, group: string, sex: Sex): SubsidyRow {
  const row = result.subsidy.find((candidate) => candidate.group === group && candidate.sex === sex);
  if (row === undefined) throw new Error(`subsidy has no row for ${group} ${sex}`);
  return row;
}
