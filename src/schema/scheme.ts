/**
 * The scheme file (`scheme.yaml`), MODEL.md §2. These zod schemas are the
 * single source of truth for the shape of a scheme: they check each field,
 * fill in its default, and their output types are what the core computes
 * with. Rules that tie several fields together (a rule kind's required
 * field, retirement ages within the age range, health bands, assertions) are
 * checked after the shape, in src/io/checks/schemeRules.ts.
 *
 * Money fields are monthly amounts in money of the base year unless their
 * name or doc says otherwise (MODEL.md §1).
 */
import { z } from 'zod';
import { benefitsSchema } from './benefits.js';
import { assumptionSchema, integer, money } from './common.js';
import { contributionFieldsSchema, contributionOverrideSchema } from './contributions.js';

export type { Assumption, Indexation, MemberStatus } from './common.js';
export type { ContributionClass, ContributionFields, ContributionOverride, Matching, RuleKind } from './contributions.js';
export type {
  Benefits, DisabilityBenefit, HealthBenefit, MaternityBenefit, OldAgeBenefit, SurvivorsBenefit,
} from './benefits.js';

export const groupSchema = z.strictObject({
  compliance: z.number().gt(0).max(1).default(1),
  declared_share: z.number().gt(0).max(1).default(1),
  mortality_multiplier: z.number().min(0).default(1),
  entrants: z
    .strictObject({ count: z.number().min(0).default(0), growth: z.number().gt(-1).default(0) })
    .prefault({}),
  contributions: contributionOverrideSchema.prefault({}),
});
export type Group = z.infer<typeof groupSchema>;

export const projectionSchema = z.strictObject({
  base_year: integer.min(1900).max(2500),
  horizon: integer.min(1).max(500),
  min_age: integer.min(0).default(15),
  max_age: integer.max(130).default(110),
});

export const schemeSchema = z.strictObject({
  name: z.string().min(1),
  currency: z.string().default(''),
  projection: projectionSchema,
  files: z
    .strictObject({
      population: z.string().min(1).default('population.csv'),
      income: z.string().min(1).default('income.csv'),
      mortality: z.string().min(1).default('mortality.csv'),
      rates: z.string().min(1).default('rates.csv'),
    })
    .prefault({}),
  /** How the CSV files are written: Excel in many European settings saves `;` between cells and decimal commas. */
  csv: z
    .strictObject({
      delimiter: z.enum([',', ';', '\t', '|']).default(','),
      decimal: z.enum(['.', ',']).default('.'),
    })
    .prefault({}),
  assumptions: z.strictObject({
    wage_growth: assumptionSchema,
    inflation: assumptionSchema,
    investment_return: assumptionSchema,
    discount_rate: assumptionSchema.nullable().default(null),
  }),
  contributions: contributionFieldsSchema,
  groups: z
    .record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must use only letters, digits, _ . or -'), groupSchema)
    .refine((groups) => Object.keys(groups).length > 0, 'must define at least one group'),
  benefits: benefitsSchema,
  administration: z
    .strictObject({ contribution_share: z.number().min(0).max(1).default(0), per_member_annual: money.default(0) })
    .prefault({}),
  reserve: z
    .strictObject({ initial: z.number().default(0), gap_final_reserve_ratio: z.number().min(0).default(0) })
    .prefault({}),
  subsidy: z.strictObject({ entry_ages: z.array(integer).default([20, 30, 40, 50]) }).prefault({}),
  /** Gates on the results (§7 grammar, checked in src/io/checks/schemeRules.ts): a failed one makes `sipro project` exit 4. */
  assertions: z.array(z.string()).default([]),
});

export type Scheme = z.output<typeof schemeSchema>;
export type SchemeInput = z.input<typeof schemeSchema>;
