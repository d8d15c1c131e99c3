/** `sipro schema`: a JSON Schema that real validators accept, and that accepts real schemes. */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixture, runSipro } from './helpers.js';

let compiled: Promise<{ schema: Record<string, unknown>; validate: ValidateFunction }> | undefined;
/** Runs `sipro schema` once and compiles its output with ajv (compiling takes a few hundred ms). */
const compiledSchema = () => (compiled ??= printAndCompile());

async function printAndCompile() {
  const result = await runSipro(['schema']);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  const schema = JSON.parse(result.stdout) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return { schema, validate: ajv.compile(schema) };
}
const minimal = () => parseYaml(readFileSync(fixture('minimal', 'scheme.yaml'), 'utf8')) as Record<string, unknown>;

describe('sipro schema', () => {
  it('prints a draft 2020-12 JSON Schema of scheme.yaml', async () => {
    const { schema } = await compiledSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['required']).toEqual(['name', 'projection', 'assumptions', 'contributions', 'groups', 'benefits']);
  });

  it('accepts the minimal and the demo schemes, which leave defaulted fields out', async () => {
    const { validate } = await compiledSchema();
    expect(validate(minimal()), JSON.stringify(validate.errors)).toBe(true);
    const demo = parseYaml(readFileSync(fixture('demo', 'scheme.yaml'), 'utf8')) as unknown;
    expect(validate(demo), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an unknown key', (scheme: Record<string, unknown>) => ({ ...scheme, curency: 'XOF' })],
    ['a missing required field', (scheme: Record<string, unknown>) => Object.fromEntries(Object.entries(scheme).filter(([key]) => key !== 'name'))],
    ['a probability above 1', (scheme: Record<string, unknown>) => ({ ...scheme, benefits: { ...(scheme['benefits'] as object), survivors: { share: 0.5, spouse_probability: 1.2 } } })],
  ])('rejects %s', async (_, edit) => {
    const { validate } = await compiledSchema();
    expect(validate(edit(minimal()))).toBe(false);
  });
});
