/**
 * What the cross-file checks need to know about the scheme: the age range,
 * the groups, the retirement ages, which benefits are paid. Taken from the
 * validated scheme, or — when scheme.yaml has errors — from whatever parts of
 * the document are valid on their own, so that the CSVs are still checked in
 * the same run (methodology §9: all errors of a run are reported). A fact that
 * cannot be trusted is left undefined and the checks that need it are skipped
 * rather than guessed.
 */
import { z } from 'zod';
import { retirementAge, SEXES, type Sex } from '../core/rules.js';
import { entrantsSchema, schemeSchema, type Scheme } from '../schema/scheme.js';

export interface SchemeFacts {
  ages: { min: number; max: number } | undefined;
  /** Group name → `entrants.count` (undefined when that value is invalid). */
  groups: ReadonlyMap<string, number | undefined> | undefined;
  retirementAge: Readonly<Record<Sex, number>> | undefined;
  pays: { disability: boolean; maternity: boolean; careCredits: boolean } | undefined;
  /** §11 `portability.totalization`: without it foreign credits are ignored (a warning). */
  totalization: boolean | undefined;
}

/** The facts of a valid scheme. */
export function factsOf(scheme: Scheme): SchemeFacts {
  return {
    ages: { min: scheme.projection.min_age, max: scheme.projection.max_age },
    groups: new Map(Object.entries(scheme.groups).map(([name, group]) => [name, group.entrants.count])),
    retirementAge: { F: retirementAge(scheme, 'F'), M: retirementAge(scheme, 'M') },
    pays: {
      disability: scheme.benefits.disability !== undefined,
      maternity: scheme.benefits.maternity !== undefined,
      careCredits: scheme.benefits.care_credits !== undefined,
    },
    totalization: scheme.portability.totalization,
  };
}

const asMap = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const wholeAge = z.number().int();
const byTheSex = z.union([wholeAge, z.strictObject({ F: wholeAge, M: wholeAge })]);
const entrantCount = entrantsSchema.shape.count;

/** The facts that the valid parts of an invalid scheme document still give. */
export function lenientFacts(document: unknown): SchemeFacts {
  const root = asMap(document) ?? {};
  const projection = schemeSchema.shape.projection.safeParse(root['projection']);
  const ages = projection.success && projection.data.min_age < projection.data.max_age
    ? { min: projection.data.min_age, max: projection.data.max_age }
    : undefined;

  const groupMap = asMap(root['groups']);
  const groups = groupMap === undefined
    ? undefined
    : new Map(Object.entries(groupMap).map(([name, group]) => {
      const count = entrantCount.safeParse(asMap(asMap(group)?.['entrants'])?.['count']);
      return [name, count.success ? count.data : undefined] as const;
    }));

  const benefits = asMap(root['benefits']);
  const retirement = byTheSex.safeParse(asMap(benefits?.['old_age'])?.['retirement_age']);
  let retirementAges: Record<Sex, number> | undefined;
  if (retirement.success && ages !== undefined) {
    const value = retirement.data;
    const bySex = typeof value === 'number' ? { F: value, M: value } : value;
    // An out-of-range retirement age is reported by the schema; coverage checked against it would only echo that.
    if (SEXES.every((sex) => bySex[sex] > ages.min && bySex[sex] <= ages.max)) retirementAges = bySex;
  }
  const pays = benefits === undefined
    ? undefined
    : { disability: benefits['disability'] !== undefined, maternity: benefits['maternity'] !== undefined, careCredits: benefits['care_credits'] !== undefined };
  const totalization = schemeSchema.shape.portability.safeParse(root['portability']);
  return { ages, groups, retirementAge: retirementAges, pays, totalization: totalization.success ? totalization.data.totalization : undefined };
}
