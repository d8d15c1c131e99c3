/**
 * lifeTable() against published tables, plus the identities every life table
 * satisfies. Sources (see fixtures/reference/README.md):
 *
 * - US SSA, 2020 Trustees Report period life table 2020 (ages 0–119), columns
 *   q(x) [6 decimals], l(x) [radix 100,000, rounded to integers], e(x) [the
 *   COMPLETE expectation of life, 2 decimals] and a(x) [the annuity-due ä_x at
 *   2.3 %, 4 decimals]. SSA's table continues beyond 119 (q(119) = 0.885, ä_119 =
 *   1.12), whereas lifeTable() makes the last age terminal: we compare at ages
 *   ≤ 100, where what lies beyond 119 weighs less than 1e-6.
 * - Bowers et al., *Actuarial Mathematics*, Illustrative Life Table (ILT) at
 *   6 %, ages 20–140 regenerated from its Makeham basis: l_x, q_x [10 decimals],
 *   ä_x and A_x [8 decimals], curtate e_x [6 decimals]. Its l_x has radix
 *   9,617,802 at age 20, ours 100,000: compare l_x / l_20.
 */
import { readFileSync } from 'node:fs';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { improvedQx, LIFE_TABLE_RADIX, lifeTable, type LifeTableRow } from '../../src/core/lifeTable.js';

const dataDir = new URL('../../fixtures/reference', import.meta.url).pathname;

/** Data lines of a published CSV (after its `#` comment lines), as objects keyed by header. */
function readPublished(file: string): Record<string, number>[] {
  const lines = readFileSync(`${dataDir}/${file}`, 'utf8').split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#'));
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((name, index) => [name, Number(cells[index])]));
  });
}

/** The row of `age` (tables are looked up by age, never by position). */
function atAge(table: readonly LifeTableRow[], age: number): LifeTableRow {
  const row = table.find((candidate) => candidate.age === age);
  if (row === undefined) throw new Error(`no row for age ${age}`);
  return row;
}

describe('lifeTable against the SSA 2020 period life table (2.3 %)', () => {
  const ages = [0, 1, 20, 40, 65, 85, 100];
  const cases = (['M', 'F'] as const).flatMap((sex) => {
    const published = readPublished(`ssa_tr2020_period_life_table_2020_${sex}.csv`);
    const table = lifeTable(published.map((row) => ({ age: row['x']!, qx: row['q(x)']! })), 0.023);
    return ages.map((age) => ({ sex, age, computed: atAge(table, age), published: published.find((row) => row['x'] === age)! }));
  });

  // l(x) is rounded to integers (±0.5), and q(x) to 6 decimals (±5e-7 each):
  // the survival product to age x can drift by at most x × 5e-7 of the radix,
  // i.e. 0.05 × x persons.
  it.each(cases)('$sex l($age) within 0.5 + 0.05·x of SSA l(x)', ({ age, computed, published }) => {
    expect(Math.abs(computed.lx - published['l(x)']!)).toBeLessThanOrEqual(0.5 + 0.05 * age);
  });

  // e(x) is the complete expectation printed to 2 decimals (±0.005); q's
  // rounding moves it by < 0.001 years. At age 0 SSA's L(0) uses an infant
  // separation factor instead of the mid-year l, which lowers e(0) by
  // (l0 − d0/2 − L0)/l0 = 0.0022 (M) and 0.0018 (F) years: 0.0025 more there.
  it.each(cases)('$sex e̊($age) within 0.006 of SSA e(x) (complete)', ({ age, computed, published }) => {
    const tolerance = 0.006 + (age === 0 ? 0.0025 : 0);
    expect(Math.abs(computed.ex_complete - published['e(x)']!)).toBeLessThanOrEqual(tolerance);
  });

  // a(x) = ä_x at 2.3 %, 4 decimals (±5e-5); q's rounding moves ä_x by at most
  // Σ_k vᵏ · k · 5e-7 < 2.5e-4.
  it.each(cases)('$sex ä($age) at 2.3 % within 3e-4 of SSA a(x)', ({ computed, published }) => {
    expect(Math.abs(computed.annuity_due - published['a(x)']!)).toBeLessThanOrEqual(3e-4);
  });
});

describe('lifeTable against the Illustrative Life Table (Bowers et al.) at 6 %', () => {
  const published = readPublished('ilt_makeham_i6_ages20plus.csv');
  const table = lifeTable(published.map((row) => ({ age: row['x']!, qx: row['qx']! })), 0.06);
  const l20 = published[0]!['lx']!;
  const cases = [20, 30, 40, 50, 65, 80, 100].map((age) => ({
    age,
    computed: atAge(table, age),
    published: published.find((row) => row['x'] === age)!,
  }));

  // q_x printed to 10 decimals: the survival product drifts by < 120 × 5e-11 relative.
  it.each(cases)('l($age)/l(20) within 1e-8 relative', ({ computed, published }) => {
    expect(Math.abs((computed.lx / LIFE_TABLE_RADIX) * l20 / published['lx']! - 1)).toBeLessThanOrEqual(1e-8);
  });
  // ä_x and A_x printed to 8 decimals (±5e-9), plus < 1e-9 from q's rounding.
  it.each(cases)('ä($age) within 1e-8', ({ computed, published }) => {
    expect(Math.abs(computed.annuity_due - published['adue_x']!)).toBeLessThanOrEqual(1e-8);
  });
  it.each(cases)('A($age) within 1e-8', ({ computed, published }) => {
    expect(Math.abs(computed.insurance - published['A_x']!)).toBeLessThanOrEqual(1e-8);
  });
  // Curtate e_x printed to 6 decimals (±5e-7).
  it.each(cases)('curtate e($age) within 1e-6', ({ computed, published }) => {
    expect(Math.abs(computed.ex_curtate - published['ex_curtate']!)).toBeLessThanOrEqual(1e-6);
  });
  it('prints the ILT values a textbook reader knows: ä65 = 9.8969, A65 = 0.4398 (4 decimals)', () => {
    expect(atAge(table, 65).annuity_due).toBeCloseTo(9.8969, 4);
    expect(atAge(table, 65).insurance).toBeCloseTo(0.4398, 4);
  });
});

describe('lifeTable: definitions and edge cases', () => {
  it.each([
    {
      name: 'the JSDoc example: half die at 60, all at 61, 0 %',
      rates: [{ age: 60, qx: 0.5 }, { age: 61, qx: 1 }],
      rate: 0,
      expected: { age: 60, qx: 0.5, lx: 100000, ex_curtate: 0.5, ex_complete: 1, annuity_due: 1.5, insurance: 1 },
    },
    {
      name: 'one terminal age: ä = 1, A = v, e = 0 (q forced to 1)',
      rates: [{ age: 110, qx: 0.4 }],
      rate: 0.25,
      expected: { age: 110, qx: 1, lx: 100000, ex_curtate: 0, ex_complete: 0.5, annuity_due: 1, insurance: 0.8 },
    },
    {
      name: 'nobody dies before the terminal age 2: e = 2, ä = 1 + v + v², A = v³',
      rates: [{ age: 0, qx: 0 }, { age: 1, qx: 0 }, { age: 2, qx: 0.3 }],
      rate: 0.25,
      expected: { age: 0, qx: 0, lx: 100000, ex_curtate: 2, ex_complete: 2.5, annuity_due: 1 + 0.8 + 0.64, insurance: 0.512 },
    },
  ])('$name', ({ rates, rate, expected }) => {
    const row = lifeTable(rates, rate)[0]!;
    for (const [column, value] of Object.entries(expected)) {
      expect(row[column as keyof LifeTableRow], column).toBeCloseTo(value, 12);
    }
  });

  it('lx follows l_{x+1} = l_x (1 − q_x) and the terminal qx is 1', () => {
    const table = lifeTable([{ age: 15, qx: 0.1 }, { age: 16, qx: 0.2 }, { age: 17, qx: 0.5 }], 0.03);
    expect(table.map((row) => row.lx)).toEqual([100000, 90000, 72000]);
    expect(table.map((row) => row.qx)).toEqual([0.1, 0.2, 1]);
  });

  it.each([
    { name: 'no ages', rates: [], rate: 0.05, message: /at least one age/ },
    { name: 'a gap', rates: [{ age: 20, qx: 0.1 }, { age: 22, qx: 1 }], rate: 0.05, message: /age 22 follows age 20/ },
    { name: 'qx above 1', rates: [{ age: 20, qx: 1.5 }, { age: 21, qx: 1 }], rate: 0.05, message: /qx 1.5 at age 20/ },
    { name: 'interest -100 %', rates: [{ age: 20, qx: 1 }], rate: -1, message: /interest rate -1/ },
  ])('rejects $name', ({ rates, rate, message }) => {
    expect(() => lifeTable(rates, rate)).toThrow(message);
  });

  const tables = fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 })
    .map((qs) => qs.map((qx, index) => ({ age: 30 + index, qx })));
  const rates = fc.double({ min: -0.05, max: 0.2, noNaN: true });

  propertyTest.prop([tables, rates])('A_x = 1 − d ä_x at every age', (table, rate) => {
    const d = rate / (1 + rate);
    for (const row of lifeTable(table, rate)) expect(row.insurance).toBeCloseTo(1 - d * row.annuity_due, 9);
  });

  propertyTest.prop([tables, rates, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })])(
    'a higher qx at one age never raises ä_x or e_x at any age',
    (table, rate, position, extra) => {
      const index = position % table.length;
      const heavier = table.map((entry, at) => (at === index ? { ...entry, qx: Math.min(1, entry.qx + extra) } : entry));
      const base = lifeTable(table, rate);
      const worse = lifeTable(heavier, rate);
      base.forEach((row, at) => {
        expect(worse[at]!.annuity_due).toBeLessThanOrEqual(row.annuity_due + 1e-12);
        expect(worse[at]!.ex_curtate).toBeLessThanOrEqual(row.ex_curtate + 1e-12);
      });
    },
  );

  propertyTest.prop([tables, rates])('does not mutate its input', (table, rate) => {
    const copy = structuredClone(table);
    lifeTable(table, rate);
    expect(table).toEqual(copy);
  });
});

describe('improvedQx (methodology §2)', () => {
  it.each([
    { qx: 0.01, improvement: 0.02, years: 0, expected: 0.01 },
    { qx: 0.01, improvement: 0.02, years: 10, expected: 0.01 * 0.98 ** 10 },
    { qx: 0.5, improvement: -0.5, years: 2, expected: 1 }, // deterioration capped at 1
    { qx: 1, improvement: 0.01, years: 5, expected: 0.99 ** 5 }, // the life table still ends at its terminal age
    { qx: 0.2, improvement: 1, years: 3, expected: 0 },
  ])('qx $qx, improvement $improvement, $years years → $expected', ({ qx, improvement, years, expected }) => {
    expect(improvedQx({ qx, improvement }, years)).toBeCloseTo(expected, 15);
  });

  it('rejects years before the base year', () => {
    expect(() => improvedQx({ qx: 0.1, improvement: 0.01 }, -1)).toThrow(/>= 0/);
  });
});
