/**
 * §3 in WebAssembly (src/wasm/incomes.ts, normalTails.ts) gives normal.ts's
 * and contributions.ts's doubles: its tails, two at a time where two z fall
 * in the same interval of Cody's CALERF, bit for bit normalTailsOf's; a
 * kernel of several rows and rules, each row's expectedMemberYear.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributionPieces, expectedMemberYear } from '../../src/core/contributions.js';
import { readFileSync } from 'node:fs';
import { incomeKernel, PAIR_COUNT, ShapeField, spreadBySlot } from '../../src/core/incomeKernel.js';
import { memberYearInto, pieceSet, rowShape } from '../../src/core/memberYearSums.js';
import { normalTailsOf } from '../../src/core/normal.js';
import { contributionRule } from '../../src/core/rules.js';
import type { ContributionFields } from '../../src/schema/scheme.js';

const PAGE = 65536;

/** The module's tails of `zs`, computed in a kernel's memory above its own data. */
function kernelTails(zs: number[]): Float64Array {
  const kernel = incomeKernel([]);
  const base = kernel.memory.buffer.byteLength;
  kernel.memory.grow(1);
  const count = zs.length;
  const zsAt = base;
  const tailsAt = zsAt + 8 * count;
  const nearAt = tailsAt + 16 * count;
  const middleAt = nearAt + 4 * count;
  new Float64Array(kernel.memory.buffer, zsAt, count).set(zs);
  // The gauss table is at 0 (incomeKernel.ts).
  kernel.steps.normalTailsOf(zsAt, count, tailsAt, 0, nearAt, middleAt);
  return new Float64Array(kernel.memory.buffer, tailsAt, 2 * count).slice();
}

function javaScriptTails(zs: number[]): Float64Array {
  const tails = new Float64Array(2 * zs.length);
  normalTailsOf(Float64Array.from(zs), zs.length, tails);
  return tails;
}

/** Bit for bit, NaN equal to NaN. */
const same = (actual: Float64Array, expected: Float64Array) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, index) => { if (!Object.is(value, expected[index])) expect([index, value]).toEqual([index, expected[index]]); });
};

// The bounds of CALERF's intervals in z (y = |z|/√2 at 0.46875 and 4), of
// the far tail's underflow (40), and where e^{−rest} leaves e_exp.c's k = 0
// path (rest ≥ ½ ln2 just below |z| = 5.625, rest < 2^-28 at multiples of
// 1/16). 0.6629126073623882 is the last z with y ≤ 0.46875 (no z gives
// y = 0.46875 exactly); 5.65685424949238 gives y = 4 exactly.
const EDGES = [
  0, -0, 0.6629126073623882, 0.6629126073623883, -0.6629126073623883, 5.65685424949238, 5.656854249492381, 40, 40.00000000000001,
  5.55, 5.6245, 5.6249, -5.62495, 5.62, 5.65, -5.6, 1, 2.5, 3.0625, 1 + 2 ** -40, 45, 1e300, Infinity, -Infinity, NaN, 1e-300, 0.7, 0.5,
];

describe('normalTailsOf in the kernel', () => {
  it('is normal.ts normalTailsOf, bit for bit, at every interval\'s edges', () => {
    same(kernelTails(EDGES), javaScriptTails(EDGES));
    same(kernelTails([...EDGES].reverse()), javaScriptTails([...EDGES].reverse()));
  });
  it('is normal.ts normalTailsOf, bit for bit, on any list (pairs, odd ones, mixed intervals)', () => {
    const z = fc.oneof(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: -45, max: 45, noNaN: true }), fc.constantFrom(...EDGES));
    fc.assert(fc.property(fc.array(z, { maxLength: 70 }), (zs) => { same(kernelTails(zs), javaScriptTails(zs)); }), { numRuns: 400 });
  });
  it('uses the fallback where e^{−rest} leaves the paired path, in either lane of a pair', () => {
    // Middle pairs with rest ≥ ½ ln2 in one lane or both, and with rest = 0 (|z| = 1, 2.5). At these z
    // (41 of 539 such z on a 1e-6 grid) e_exp.c's k = 0 formula would be an ulp off Math.exp(−rest).
    const far = [5.624467000004818, 5.624468000004818, 5.624473000004818];
    for (const zs of [[far[0]!, 1.3], [1.3, far[1]!], [far[0]!, far[2]!], [1, 2.5], [2.5, 1.3]]) same(kernelTails(zs), javaScriptTails(zs));
  });
});

describe('a kernel of several rows and rules', () => {
  it('leaves room for as many pairs of constants as the module writes', () => {
    expect(incomeKernel([]).steps.PAIRS.value).toBe(PAIR_COUNT);
  });
  it('writes the rows\' shapes where src/wasm/incomes.ts reads them (incomeShare → INCOME_SHARE, …)', () => {
    const source = readFileSync(new URL('../../src/wasm/incomes.ts', import.meta.url), 'utf8');
    const place = (key: string) => {
      const name = key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
      return Number(new RegExp(`^const ${name}: i32 = (\\d+);`, 'm').exec(source)?.[1]);
    };
    expect(Object.fromEntries(Object.keys(ShapeField).map((key) => [key, place(key)]))).toEqual(ShapeField);
  });
  const rules: ContributionFields[] = [
    { rule: 'percent', rate: 0.1, floor: 40, ceiling: 750, indexation: 'wages', affordability: 0.15, matching: { ratio: 0.5, cap: 2.5, income_limit: 100 } } as ContributionFields,
    { rule: 'flat', amount: 4, insured_income: 40, indexation: 'prices', affordability: 0.2, matching: null } as ContributionFields,
    {
      // 150 classes: the rule's scratch outgrows the kernel's first page of memory.
      rule: 'classes', indexation: 'none', affordability: null, matching: null,
      classes: [...Array.from({ length: 149 }, (_, index) => ({ up_to: 10 * (index + 1), amount: index + 1, insured_income: 10 * (index + 1) })), { up_to: null, amount: 200, insured_income: 2000 }],
    } as ContributionFields,
  ];
  const profiles = [
    { meanMonthlyIncome: 80, cv: 0.9, zeroMonthProb: 0.2, seasons: [1, 1, 1.2, 1.4, 1, 0.8, 0.8, 1, 1, 1.2, 1, 1] },
    { meanMonthlyIncome: 400, cv: 0.4, zeroMonthProb: 0, seasons: Array(12).fill(1) },
    { meanMonthlyIncome: 1500, cv: 2.5, zeroMonthProb: 0.05, seasons: [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6] },
    // A month without income (a factor of 0, which the schema refuses but the core takes): skipped, as expectedMemberYear skips it.
    { meanMonthlyIncome: 300, cv: 0.7, zeroMonthProb: 0.1, seasons: [0, 0, 1, 1, 1.5, 1.5, 1, 1, 1, 1, 1, 2] },
  ];
  it('gives each row under each rule expectedMemberYear\'s doubles, whatever the order of the calls', () => {
    const kernel = incomeKernel(profiles.map(rowShape));
    const sets = rules.map((fields) => pieceSet(contributionPieces(contributionRule(fields), 1.3, 0.9)));
    const out = new Float64Array(4);
    for (const [row, rule] of [[0, 0], [1, 0], [2, 2], [0, 2], [1, 1], [2, 0], [0, 1], [2, 2], [1, 2], [3, 0], [3, 2], [3, 1]] as const) {
      memberYearInto(kernel, sets[rule]!, row, 12 * profiles[row]!.meanMonthlyIncome * 1.1, 0.85, out, 0);
      const expected = expectedMemberYear(sets[rule]!.pieces, { ...profiles[row]!, meanAnnualIncome: 12 * profiles[row]!.meanMonthlyIncome * 1.1 }, 0.85);
      expect([row, rule, ...out]).toEqual([row, rule, expected.density, expected.contributions, expected.matching, expected.insuredEarnings]);
    }
    expect(kernel.memory.buffer.byteLength).toBeGreaterThan(PAGE);
  });
  it('lays the rows\' values out by slot, each paired slot with its row\'s d, C, M, S and the others 0, after the memory grows too', () => {
    // Five slots: slot 4 takes row 1, slot 0 row 3, slot 2 row 1; slots 1 and 3 none.
    const kernel = incomeKernel(profiles.map(rowShape), { slots: 5, pairs: Int32Array.of(4, 1, 0, 3, 2, 1) });
    const values = Float64Array.from({ length: 16 }, (_, index) => index + 1); // row r: 4r + 1 … 4r + 4
    const byTable = (bySlot: Float64Array) => [0, 1, 2, 3].map((table) => [...bySlot.subarray(5 * table, 5 * table + 5)]);
    expect(byTable(spreadBySlot(kernel, values))).toEqual([[13, 0, 5, 0, 5], [14, 0, 6, 0, 6], [15, 0, 7, 0, 7], [16, 0, 8, 0, 8]]);
    // The 150-class rule grows the memory past its first page; the pairs and tables keep their places.
    memberYearInto(kernel, pieceSet(contributionPieces(contributionRule(rules[2]!), 1, 1)), 0, 12 * 80, 1, new Float64Array(4), 0);
    expect(kernel.memory.buffer.byteLength).toBeGreaterThan(PAGE);
    values.forEach((value, index) => { values[index] = -value; });
    expect(byTable(spreadBySlot(kernel, values))).toEqual([[-13, 0, -5, 0, -5], [-14, 0, -6, 0, -6], [-15, 0, -7, 0, -7], [-16, 0, -8, 0, -8]]);
  });
});
