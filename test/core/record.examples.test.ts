/**
 * The @example of src/core/record.ts, run: a record has the fields, values
 * and field order of the object it is built from (its reason to exist is
 * speed alone, measured by the benchmarks, not here).
 */
import { describe, expect, it } from 'vitest';
import { record } from '../../src/core/record.js';

describe('record(fields)', () => {
  it('@example record({ minAge: 15, maxAge: 110 }) has those fields', () => {
    expect(record({ minAge: 15, maxAge: 110 })).toEqual({ minAge: 15, maxAge: 110 });
  });

  it('keeps the fields in order, the values themselves (not copies) and undefined values', () => {
    const paths = new Float64Array([0.03, 0.04]);
    const fields = { years: 2, wageGrowth: paths, context: undefined, groups: ['a', 'b'] };
    const built = record(fields);
    expect(Object.keys(built)).toEqual(['years', 'wageGrowth', 'context', 'groups']);
    expect(built.wageGrowth).toBe(paths);
    expect(built.groups).toBe(fields.groups);
    expect('context' in built).toBe(true);
    expect(JSON.stringify(built)).toBe(JSON.stringify(fields));
    expect(built).not.toBe(fields);
  });
});
