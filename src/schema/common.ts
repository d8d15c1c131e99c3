/**
 * Value shapes that several parts of scheme.yaml share (methodology §1–§2):
 * money, probabilities, whole numbers, assumptions and by-sex values.
 */
import { z } from 'zod';
import { MAX_AMOUNT, MAX_ANNUAL_RATE } from './bounds.js';

/**
 * What a field's number counts, as the field reference and `sipro schema`
 * show it. Money is in money of the base year unless the field says otherwise.
 */
export type Unit =
  | 'money a month' | 'money a year' | 'money per death' | 'money'
  | 'share' | 'probability' | 'rate a year' | 'factor' | 'years' | 'weeks' | 'age' | 'year' | 'heads';

/** A field's one-line description and unit, for `.meta()`: editors show them, docs/reference.md lists them. */
export const doc = (unit: Unit | undefined, description: string) => (unit === undefined ? { description } : { description, unit });

/** A money amount per person: monthly and in money of the base year unless its field says otherwise (§1). */
export const money = z.number().min(0).max(MAX_AMOUNT);

/** §9: a probability outside [0, 1] is an error; one message names both bounds. */
export const PROBABILITY = 'must be a probability in [0, 1]';
export const probability = z.number().min(0, PROBABILITY).max(1, PROBABILITY);

export const integer = z.number().int();

/** An annual rate: above −100 %, at most 1000 % (src/schema/bounds.ts says why). */
export const annualRate = z.number().gt(-1).max(MAX_ANNUAL_RATE);

/** An assumption: one number, or a step function `year -> value` (§1). */
export const assumptionSchema = z.union([
  annualRate,
  z
    .record(z.string().regex(/^\d{4}$/, 'must be a four-digit year'), annualRate)
    .refine((map) => Object.keys(map).length > 0, 'must give a value for at least one year'),
]);
export type Assumption = z.infer<typeof assumptionSchema>;

/** A value that may differ by sex: one value, or `{F, M}`. */
export const bySex = <T extends z.ZodType>(value: T) =>
  z.union([value, z.strictObject({ F: value, M: value })]);

/** How money fields follow the economy: `J_t` is `Iw_t`, `Ip_t` or 1 (§1). */
export const indexationKind = z.enum(['wages', 'prices', 'none']);
export type Indexation = z.infer<typeof indexationKind>;

/** The states a member can be in at the base year (§2 population `status`). */
export const memberState = z.enum(['active', 'inactive', 'retired', 'disabled', 'survivor']);
export type MemberStatus = z.infer<typeof memberState>;
