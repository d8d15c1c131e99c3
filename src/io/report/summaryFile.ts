/**
 * The JSON files of an output folder (summary.json §7/§10, sweep.json,
 * sensitivity.json), checked for the fields the report reads and nothing
 * more: a field of a newer model version passes through, an absent optional
 * one is simply not shown.
 */
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';

const optionalNumber = z.number().nullable().optional();
const statistics = z.record(z.string(), z.number().nullable());

const runSchema = z.looseObject({
  tool: z.string().optional(),
  version: z.string().optional(),
  command_line: z.array(z.string()).optional(),
  inputs: z.array(z.looseObject({ role: z.string(), file: z.string(), sha256: z.string() })).optional(),
  overrides: z.array(z.looseObject({ path: z.string(), value: z.unknown() })).optional(),
  scheme: z.record(z.string(), z.unknown()).optional(),
});

const assertionSchema = z.looseObject({ assertion: z.string(), passed: z.boolean() });

export const summarySchema = z.looseObject({
  gap: optionalNumber,
  effective_rate: optionalNumber,
  actuarial_balance: optionalNumber,
  depletion_year: optionalNumber,
  first_deficit_year: optionalNumber,
  gender_pension_gap: optionalNumber,
  present_values: statistics.optional(),
  stochastic: z.looseObject({
    scenarios: z.number().optional(),
    seed: z.number().optional(),
    depletion_probability: optionalNumber,
    gap: statistics.optional(),
    actuarial_balance: statistics.optional(),
    depletion_year: statistics.optional(),
    final_reserve_ratio: statistics.optional(),
  }).optional(),
  assertions: z.array(assertionSchema).optional(),
  run: runSchema.optional(),
});
export type Summary = z.infer<typeof summarySchema>;
export type RunRecordFile = z.infer<typeof runSchema>;

export const sweepRecordSchema = z.looseObject({
  format: z.string().optional(),
  scenarios: z.number().optional(),
  columns: z.array(z.string()).optional(),
  assertions: z.array(z.string()).optional(),
  source: z.looseObject({ grid: z.array(z.string()).optional() }).nullable().optional(),
  shard: z.unknown().optional(),
  merged_from: z.array(z.string()).optional(),
  run: runSchema.optional(),
});
export type SweepRecordFile = z.infer<typeof sweepRecordSchema>;

export const sensitivityRecordSchema = z.looseObject({
  cases: z.array(z.looseObject({ name: z.string(), parameter: z.string(), change: z.string() })).optional(),
  run: runSchema.optional(),
});
export type SensitivityRecordFile = z.infer<typeof sensitivityRecordSchema>;

/** Parses JSON text against `schema`; every problem becomes a diagnostic naming the file and field. */
export function readJsonFile<T>(text: string, file: string, schema: z.ZodType<T>): { value: T | undefined; diagnostics: Diagnostic[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { value: undefined, diagnostics: [{ severity: 'error', file, message: `is not valid JSON (${(error as Error).message})` }] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data, diagnostics: [] };
  return {
    value: undefined,
    diagnostics: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      return { severity: 'error' as const, file, ...(path === '' ? {} : { path }), message: `${path === '' ? 'the file' : path}: ${issue.message}` };
    }),
  };
}
