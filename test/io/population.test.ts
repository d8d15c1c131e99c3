/**
 * A member register merged as it is read (methodology §1, §2): rows with the
 * same group, sex, age, status and whole credited years become one row with
 * the summed count and count-weighted per-head values, and the projection of
 * the merged rows equals the projection of the register.
 */
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectScheme } from '../../src/core/project.js';
import type { SchemeData } from '../../src/core/types.js';
import { loadScheme } from '../../src/io/loadScheme.js';
import { PopulationAggregate } from '../../src/io/read/population.js';
import type { PopulationRow } from '../../src/schema/tables.js';
import { fixture, minimalWith } from '../cli/helpers.js';

const member = (fields: Partial<PopulationRow>): PopulationRow => ({
  group: 'traders', sex: 'F', age: 30, status: 'active', count: 1, credits: 0, earnings: 0, balance: 0, own_balance: 0, foreign_credits: 0, pension_monthly: undefined, ...fields,
});

const merged = (rows: PopulationRow[]) => {
  const aggregate = new PopulationAggregate();
  rows.forEach((row, index) => aggregate.add(index + 2, row));
  return aggregate.rows();
};

const memberRow = fc.record({
  group: fc.constantFrom('traders', 'drivers'),
  sex: fc.constantFrom('F' as const, 'M' as const),
  // Few ages and credits, so that many rows share a key and are merged.
  age: fc.constantFrom(25, 30, 66, 70),
  status: fc.constantFrom('active' as const, 'inactive' as const, 'retired' as const),
  count: fc.constantFrom(1, 1, 1, 2, 0.5),
  credits: fc.double({ min: 0, max: 2.999, noNaN: true }),
  earnings: fc.integer({ min: 0, max: 50_000 }),
  balance: fc.integer({ min: 0, max: 5_000 }),
  pension: fc.integer({ min: 20, max: 400 }),
}).map(({ pension, ...row }): PopulationRow => (row.status === 'retired'
  ? member({ ...row, credits: 0, earnings: 0, balance: 0, pension_monthly: pension })
  : member({ ...row, own_balance: Math.floor(row.balance / 2) })));

describe('PopulationAggregate', () => {
  it('merges rows of one key: counts add up, per-head values are count-weighted (worked by hand)', () => {
    // count 2 × (4.2, 1000, 100, 50) + count 3 × (4.7, 2000, 0, 10):
    // credits (8.4 + 14.1) / 5 = 4.5; earnings (2000 + 6000) / 5 = 1600; balance 200 / 5 = 40; own (100 + 30) / 5 = 26.
    const rows = merged([
      member({ count: 2, credits: 4.2, earnings: 1000, balance: 100, own_balance: 50 }),
      member({ count: 3, credits: 4.7, earnings: 2000, balance: 0, own_balance: 10 }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.line).toBe(2);
    const row = rows[0]!.row;
    expect(row.count).toBe(5);
    expect(row.credits).toBeCloseTo(4.5, 12);
    expect(row.earnings).toBeCloseTo(1600, 9);
    expect(row.balance).toBeCloseTo(40, 12);
    expect(row.own_balance).toBeCloseTo(26, 12);
    expect(row.pension_monthly).toBeUndefined();
  });

  it('averages pensions by head count: 2 × 100 and 1 × 40 give 3 pensioners of 80', () => {
    const [row] = merged([
      member({ status: 'retired', age: 70, count: 2, pension_monthly: 100 }),
      member({ status: 'retired', age: 70, count: 1, pension_monthly: 40 }),
    ]);
    expect(row!.row).toMatchObject({ count: 3, pension_monthly: 80, credits: 0 });
  });

  it.each([
    ['whole credited years', { credits: 5.1 }],
    ['status', { status: 'inactive' as const }],
    ['sex', { sex: 'M' as const }],
    ['age', { age: 31 }],
    ['group', { group: 'drivers' }],
  ])('keeps rows apart that differ in %s', (_, difference) => {
    const rows = merged([member({ credits: 4.9 }), member({ credits: 4.9, ...difference })]);
    expect(rows).toHaveLength(2);
  });

  it('merges rows with foreign credits (§11) only with rows of the same foreign credits, which it keeps exactly', () => {
    // Under totalization the bin is floor(credits + foreign_credits): 4.9 + 0.2 and 4.9 + 0.05 fall in bins 5 and 4.
    const apart = merged([member({ credits: 4.9, foreign_credits: 0.2 }), member({ credits: 4.9, foreign_credits: 0.05 }), member({ credits: 4.9 })]);
    expect(apart).toHaveLength(3);
    const [together] = merged([
      member({ count: 2, credits: 4.2, foreign_credits: 3 }),
      member({ count: 3, credits: 4.7, foreign_credits: 3 }),
    ]);
    expect(together!.row).toMatchObject({ count: 5, foreign_credits: 3 });
    expect(together!.row.credits).toBeCloseTo(4.5, 12);
  });

  it('returns a row that nothing joined as it was, in the order keys first appear', () => {
    const first = member({ credits: 2.5, earnings: 123.456 });
    const rows = merged([first, member({ age: 40 }), member({ credits: 2.25 })]);
    expect(rows.map(({ line }) => line)).toEqual([2, 3]);
    expect(rows[1]!.row).toEqual(member({ age: 40 }));
  });

  it('gives a key with no heads every average 0 (§1)', () => {
    const [row] = merged([member({ count: 0, earnings: 10 }), member({ count: 0, earnings: 30 })]);
    expect(row!.row).toMatchObject({ count: 0, earnings: 0, balance: 0 });
  });

  it('never lets rounding move an average into the next credit bin', () => {
    // Seven rows of 0.1 heads at 4.999999999999999 credits average to 5 in floating point.
    const rows = merged(Array.from({ length: 7 }, () => member({ count: 0.1, credits: 4.999999999999999 })));
    expect(Math.floor(rows[0]!.row.credits)).toBe(4);
  });
  test.prop([fc.array(memberRow, { minLength: 1, maxLength: 300 })], { numRuns: 300 })(
    'conserves heads and every count × value sum per cell of the core (group, sex, age, status, credit bin)',
    (register) => {
      const sums = (rows: readonly PopulationRow[]) => {
        const cells = new Map<string, number[]>();
        for (const row of rows) {
          const key = [row.group, row.sex, row.age, row.status, Math.floor(row.credits)].join();
          const values = [row.count, ...(['credits', 'earnings', 'balance', 'own_balance', 'pension_monthly'] as const).map((column) => row.count * (row[column] ?? 0))];
          cells.set(key, (cells.get(key) ?? values.map(() => 0)).map((sum, index) => sum + values[index]!));
        }
        return cells;
      };
      const expected = sums(register);
      const actual = sums(merged(register).map(({ row }) => row));
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [key, values] of expected) expectClose(actual.get(key), values, key);
    },
  );
});

describe('a register read from population.csv', () => {
  let folder: string;
  let base: SchemeData;
  beforeAll(async () => {
    folder = await minimalWith();
    const loaded = await loadScheme(fixture('minimal'));
    base = loaded.data!;
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const csv = (rows: PopulationRow[]) => `group,sex,age,status,count,credits,earnings,balance,own_balance,pension_monthly\n${rows
    .map((row) => [row.group, row.sex, row.age, row.status, row.count, row.credits, row.earnings, row.balance, row.own_balance, row.pension_monthly ?? ''].join(','))
    .join('\n')}\n`;

  test.prop([fc.array(memberRow, { minLength: 20, maxLength: 80 })], { numRuns: 15 })(
    'projects as the unmerged register does, to 1e-9 (the methodology: implementations agree to a relative 1e-9)',
    async (register) => {
      await writeFile(join(folder, 'population.csv'), csv(register));
      const loaded = await loadScheme(folder);
      expect(loaded.diagnostics).toEqual([]);
      const rowsRead = loaded.inputs.find((input) => input.role === 'population')?.rows;
      expect(rowsRead).toBe(register.length);
      const fromMerged = projectScheme(loaded.data!);
      const fromRegister = projectScheme({ ...base, population: register });
      expectClose(fromMerged.projection, fromRegister.projection);
      expectClose(fromMerged.indicators, fromRegister.indicators);
    },
  );
});

function expectClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    if (Math.abs(actual - expected) > 1e-9 * scale) expect.fail(`${path}: ${actual} differs from ${expected}`);
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    for (const [key, value] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}
