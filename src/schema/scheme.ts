/**
 * The scheme file (`scheme.yaml`), methodology §2. These zod schemas are the
 * single source of truth for the shape of a scheme: they check each field,
 * fill in its default, and their output types are what the core computes
 * with. Rules that tie several fields together (a rule kind's required
 * field, retirement ages within the age range, health bands, assertions) are
 * checked after the shape, in src/io/checks/schemeRules.ts.
 *
 * Money fields are monthly amounts in money of the base year unless their
 * name or doc says otherwise (methodology §1).
 */
import { z } from 'zod';
import { benefitsSchema } from './benefits.js';
export type { Shock, Stochastic } from './stochastic.js';
import { MAX_FACTOR, MAX_HEADS, MAX_HORIZON, MAX_RESERVE, MAX_YEARS } from './bounds.js';
import { annualRate, assumptionSchema, doc, integer, money, probability } from './common.js';
import { contributionFieldsSchema, contributionOverrideSchema } from './contributions.js';
import { shockSchema, stochasticSchema } from './stochastic.js';

export type { Assumption, Indexation, MemberStatus } from './common.js';
export type { ContributionClass, ContributionFields, ContributionOverride, Matching, RuleKind } from './contributions.js';
export type {
  Benefits, CareCredits, DisabilityBenefit, HealthBenefit, MaternityBenefit, OldAgeBenefit, SurvivorsBenefit,
} from './benefits.js';

/** A group's entrants (§4 step 2). */
export const entrantsSchema = z.strictObject({
  count: z.number().min(0).max(MAX_HEADS).default(0).meta(doc('heads', 'new members in the base year, spread over sex and age by entrant_share of the rates file')),
  growth: annualRate.default(0).meta(doc('rate a year', 'growth of the number of entrants: count × (1 + growth)^(t − t0)')),
  foreign_credits: integer.min(0).max(MAX_YEARS).default(0).meta(doc('years', 'whole foreign credited years each entrant brings, counted with portability.totalization (§11)')),
});

export const groupSchema = z.strictObject({
  compliance: z.number().gt(0).max(1).default(1).meta(doc('share', 'share of affordable months actually paid')),
  declared_share: z.number().gt(0).max(1).default(1).meta(doc('share', 'declared income as a share of actual income')),
  mortality_multiplier: z.number().min(0).max(MAX_FACTOR).default(1).meta(doc('factor', 'multiplies the mortality of the group\'s members and pensioners (q capped at 1)')),
  entrants: entrantsSchema.prefault({}).meta(doc(undefined, 'new members joining each year')),
  contributions: contributionOverrideSchema.prefault({}).meta(doc(undefined, 'the group\'s own contribution rule: any field of contributions, overriding the default one by one (absent: inherited; null: none); matching and classes replace the default\'s whole')),
  income_shock: shockSchema.meta(doc(undefined, 'sipro simulate (§10): year-to-year shock of the group\'s mean income, a factor of mean 1 whose log is {sd, rho}')),
});
export type Group = z.infer<typeof groupSchema>;

/** The CSV files of a scheme, by role, relative to the scheme file: every default is here, and only here. */
export const filesSchema = z.strictObject({
  population: z.string().min(1).default('population.csv').meta(doc(undefined, 'the population file, relative to the scheme file')),
  income: z.string().min(1).default('income.csv').meta(doc(undefined, 'the income file')),
  mortality: z.string().min(1).default('mortality.csv').meta(doc(undefined, 'the mortality file')),
  rates: z.string().min(1).default('rates.csv').meta(doc(undefined, 'the rates file; without one (not named and absent) every rate is 0')),
});

export const projectionSchema = z.strictObject({
  base_year: integer.min(1900).max(2500).meta(doc('year', 't0, the first year projected; money fields are in money of this year')),
  horizon: integer.min(1).max(500).meta(doc('years', 'the number of years projected, t0 to t0 + horizon − 1')),
  min_age: integer.min(0).max(MAX_YEARS).default(15).meta(doc('age', 'the youngest age of the model')),
  max_age: integer.max(MAX_YEARS).default(110).meta(doc('age', 'the oldest age: everybody alive at max_age dies within the year; > min_age')),
});

export const schemeSchema = z.strictObject({
  name: z.string().min(1).meta(doc(undefined, 'the scheme\'s name, printed with its results')),
  currency: z.string().default('').meta(doc(undefined, 'the currency\'s code (XOF, IDR, …), a label printed with amounts')),
  projection: projectionSchema.meta(doc(undefined, 'the years and ages projected')),
  files: filesSchema.prefault({}).meta(doc(undefined, 'the CSV files of the scheme')),
  csv: z
    .strictObject({
      delimiter: z.enum([',', ';', '\t', '|']).default(',').meta(doc(undefined, 'the character between cells: Excel saves ";" in many European settings')),
      decimal: z.enum(['.', ',']).default('.').meta(doc(undefined, 'the decimal mark of numbers: "," for decimal commas (then the delimiter cannot be ",")')),
    })
    .prefault({}).meta(doc(undefined, 'how the CSV files are written (an export from Excel in European settings: {delimiter: ";", decimal: ","})')),
  assumptions: z.strictObject({
    wage_growth: assumptionSchema.meta(doc('rate a year', 'growth of incomes; the wage index Iw_t compounds it')),
    inflation: assumptionSchema.meta(doc('rate a year', 'growth of prices; the price index Ip_t compounds it')),
    investment_return: assumptionSchema.meta(doc('rate a year', 'return on the reserve')),
    discount_rate: assumptionSchema.nullable().default(null).meta(doc('rate a year', 'discounts present values (null: the investment return of each year)')),
  }).meta(doc(undefined, 'each a number, or a map year -> number: a year takes the value of the latest key <= it (the first value before the first key)')),
  contributions: contributionFieldsSchema.meta(doc(undefined, 'the default contribution rule of every group')),
  groups: z
    .record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must use only letters, digits, _ . or -'), groupSchema)
    .refine((groups) => Object.keys(groups).length > 0, 'must define at least one group')
    .meta(doc(undefined, 'the groups of members (market traders, artisans, …), each with its own income, rules and behaviour; at least one')),
  benefits: benefitsSchema.meta(doc(undefined, 'the benefits paid; a section that is absent is a benefit the scheme does not pay')),
  administration: z
    .strictObject({
      contribution_share: z.number().min(0).max(1).default(0).meta(doc('share', 'share of own contributions spent on administration')),
      per_member_annual: money.default(0).meta(doc('money a year', 'cost per active or inactive member, indexed to wages')),
    })
    .prefault({}).meta(doc(undefined, 'administration costs')),
  reserve: z
    .strictObject({
      initial: z.number().min(-MAX_RESERVE).max(MAX_RESERVE).default(0).meta(doc('money', 'the reserve at the start of the base year (negative: a debt)')),
      gap_final_reserve_ratio: z.number().min(0).max(MAX_FACTOR).default(0).meta(doc('years', 'the reserve the GAP keeps at the horizon, in years of the last year\'s expenditure')),
    })
    .prefault({}).meta(doc(undefined, 'the reserve')),
  subsidy: z.strictObject({
    entry_ages: z.array(integer.min(0).max(MAX_YEARS)).default([20, 30, 40, 50])
      // An age listed twice would give one entrant all the same: say so rather than drop it.
      .refine((ages) => new Set(ages).size === ages.length, 'must not list an entry age twice')
      .meta(doc('age', 'the entry ages of entrants.csv: one entrant per group, sex and age, followed for life')),
  }).prefault({}).meta(doc(undefined, 'cross-subsidies person by person')),
  financing: z.strictObject({
    period_years: integer.min(1).max(MAX_HORIZON).default(10).meta(doc('years', 'the length of each period of the scaled premium, from t0; the last period may be shorter')),
  }).prefault({}).meta(doc(undefined, 'financing methods: the scaled premium of scaled_premium.csv (§13)')),
  stochastic: stochasticSchema.meta(doc(undefined, 'sipro simulate (§10): how many scenarios, their seed, the shocks of returns, wages, prices, mortality and entrants, and the percentiles reported')),
  portability: z.strictObject({
    totalization: z.boolean().default(false).meta(doc(undefined, 'foreign periods under an agreement count for vesting, and pensions are pro-rated to domestic periods (§11)')),
    foreign_density: probability.default(0).meta(doc('probability', 'credited years a year earned abroad by emigrants, counted with totalization')),
    export: z.boolean().default(true).meta(doc(undefined, 'pensions are paid abroad: vested emigrants retire with a pension, else with the refund')),
  }).prefault({}).meta(doc(undefined, 'emigration, totalization of foreign periods, pro-rata pensions (§11)')),
  /** Gates on the results (§7 grammar, checked in src/io/checks/schemeRules.ts): a failed one makes `sipro project` exit 4. */
  assertions: z.array(z.string()).default([]).meta(doc(undefined, 'gates on the results, e.g. "gap <= 0.12": a failed one makes sipro project exit 4')),
});

export type Scheme = z.output<typeof schemeSchema>;
export type SchemeInput = z.input<typeof schemeSchema>;
