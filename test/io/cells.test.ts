/**
 * Cells: the fast checks derived from each column's zod schema accept and
 * refuse exactly what zod does, with zod's value; and a decimal comma is read
 * only where scheme.yaml says so.
 */
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cellReader, fastCheckOf, INVALID } from '../../src/io/read/cells.js';
import { cellKinds, numberOrAbsent, tableColumns } from '../../src/schema/tables.js';

const columns = Object.entries(tableColumns).flatMap(([table, { schema }]) =>
  Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, column]) => ({ table, name, column })));

const settings = { decimal: '.', settingsFile: 'scheme.yaml' } as const;

/** Texts near every bound the columns have, in the forms spreadsheets write numbers, and text that is not a number. */
const cellText = fc.oneof(
  fc.constantFrom('0', '-0', '1', '1.0', '0.5', '130', '131', '-1', '1e-300', '1e400', '-1e400', '.5', '5.', '+3', '1e2', '0x10',
    'Infinity', 'NaN', ' 12 ', '', '  ', '1,5', '1 000', 'F', 'M', '*', ' F', 'f', 'active', 'Active', 'retired ', 'survivor',
    'traders', 'x'.repeat(300)),
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.double({ min: -2, max: 2, noNaN: true }).map((value) => value.toFixed(3)),
  fc.string({ maxLength: 8 }),
);

describe('cellReader', () => {
  it('derives a fast check for every column of the four tables', () => {
    expect(columns.filter(({ column }) => fastCheckOf(column) === undefined).map(({ table, name }) => `${table}.${name}`)).toEqual([]);
  });

  it('leaves to zod a column whose schema says more than bounds (a refinement, a multiple, a pattern)', () => {
    const numberColumn = (inner: z.ZodType) => {
      const column = z.preprocess(numberOrAbsent, inner);
      cellKinds.add(column, { cell: 'number' });
      return column;
    };
    const textColumn = z.preprocess((text) => (typeof text === 'string' ? text.trim() : text), z.string().min(1).regex(/^[a-z]+$/));
    cellKinds.add(textColumn, { cell: 'text' });
    expect(fastCheckOf(numberColumn(z.number().min(0).refine((value) => value !== 5)))).toBeUndefined();
    expect(fastCheckOf(numberColumn(z.number().min(0).multipleOf(2)))).toBeUndefined();
    expect(fastCheckOf(textColumn)).toBeUndefined();
    expect(fastCheckOf(numberColumn(z.number().min(0).max(9)))).toEqual({ kind: 'number', bounds: { integer: false, minimum: 0, maximum: 9 } });
  });

  it('reads each column\'s bounds from its definition as its JSON Schema states them', () => {
    expect(Object.fromEntries(columns.map(({ table, name, column }) => [`${table}.${name}`, fastCheckOf(column)])))
      .toEqual(Object.fromEntries(columns.map(({ table, name, column }) => [`${table}.${name}`, checkFromJsonSchema(column)])));
  });

  test.prop([fc.constantFrom(...columns), cellText], { numRuns: 3000 })('accepts and refuses exactly what zod does', ({ name, column }, text) => {
    const read = cellReader(name, column, settings).read(text);
    const judged = column.safeParse(text);
    if (judged.success) expect(read).toStrictEqual(judged.data);
    else expect(read).toBe(INVALID);
  });

  it('keeps zod\'s message for a refused cell', () => {
    const count = tableColumns.population.schema.shape.count;
    expect(cellReader('count', count, settings).problem('-3')).toBe('count "-3" must be a number >= 0');
    expect(cellReader('cv', tableColumns.income.schema.shape.cv, settings).problem('')).toBe('cv is empty but required');
  });

  it('reads decimal commas when csv.decimal is ",", and refuses a point there (a thousands separator?)', () => {
    const credits = cellReader('credits', tableColumns.population.schema.shape.credits, { decimal: ',', settingsFile: 'scheme.yaml' });
    expect(credits.read('4,5')).toBe(4.5);
    expect(credits.read('12')).toBe(12);
    expect(credits.read('1.234')).toBe(INVALID);
    expect(credits.problem('1.234')).toBe('credits "1.234" must be written with a decimal comma (csv.decimal is "," in scheme.yaml), without a thousands separator');
    expect(credits.problem('-0,5')).toBe('credits "-0,5" must be a number >= 0');
  });

  it('points at csv.decimal when a number is written with a decimal comma in a file that does not say so', () => {
    const credits = cellReader('credits', tableColumns.population.schema.shape.credits, settings);
    expect(credits.read('4,5')).toBe(INVALID);
    expect(credits.problem('4,5')).toBe('credits "4,5" must be a number: the file seems to use decimal commas; set csv.decimal: "," in scheme.yaml');
  });
});

/** A column's fast check as its JSON Schema gives it (how the reader derived it before it read zod's definitions). */
function checkFromJsonSchema(schema: z.ZodType): unknown {
  const kind = cellKinds.get(schema)?.cell;
  const json = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
  const understood = new Set(['$schema', 'type', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'enum', 'minLength', 'description', 'unit']);
  if (!Object.keys(json).every((key) => understood.has(key))) return undefined;
  if (kind === 'number' && (json['type'] === 'number' || json['type'] === 'integer')) {
    const bounds: Record<string, unknown> = { integer: json['type'] === 'integer' };
    for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) if (typeof json[key] === 'number') bounds[key] = json[key];
    return { kind: 'number', bounds };
  }
  if (kind === 'text' && json['type'] === 'string') {
    return { kind: 'text', values: Array.isArray(json['enum']) ? new Set(json['enum'].map(String)) : undefined, minLength: typeof json['minLength'] === 'number' ? json['minLength'] : 0 };
  }
  return undefined;
}
