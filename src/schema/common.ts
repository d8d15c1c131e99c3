/**
 * Value shapes that several parts of scheme.yaml share (MODEL.md §1–§2):
 * money, probabilities, whole numbers, assumptions and by-sex values.
 */
import { z } from 'zod';

/** A money amount: monthly and in money of the base year unless its field says otherwise (§1). */
export const money = z.number().min(0);

/** §9: a probability outside [0, 1] is an error; one message names both bounds. */
export const PROBABILITY = 'must be a probability in [0, 1]';
export const probability = z.number().min(0, PROBABILITY).max(1, PROBABILITY);

export const integer = z.number().int();

/** An assumption: one number, or a step function `year -> value` (§1). */
export const assumptionSchema = z.union([
  z.number().gt(-1),
  z
    .record(z.string().regex(/^\d{4}$/, 'must be a four-digit year'), z.number().gt(-1))
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
