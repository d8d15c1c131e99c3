/**
 * The kernel's exponential and naturalLog (src/wasm/fdlibm.ts) are
 * Math.exp and Math.log bit for bit: on the special values, at every branch
 * bound of e_exp.c and e_log.c one ulp either side, and on a million points
 * from a seeded generator (random bit patterns, sipro's ranges, and dense
 * draws under each threshold's high word, where a wrong bound shows).
 * Object.is compares every bit but a NaN's payload, which JavaScript cannot
 * see anyway.
 */
import { describe, expect, it } from 'vitest';
import { KERNEL_WASM } from '../../../src/core/year/kernelWasm.js';

const bytes = Uint8Array.from(atob(KERNEL_WASM), (character) => character.charCodeAt(0));
const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: new WebAssembly.Memory({ initial: 1 }) } });
const { exponential, naturalLog } = instance.exports as unknown as { exponential(x: number): number; naturalLog(x: number): number };

const view = new DataView(new ArrayBuffer(8));
/** The double with these 32-bit words. */
const fromWords = (high: number, low: number) => { view.setUint32(0, high >>> 0); view.setUint32(4, low >>> 0); return view.getFloat64(0); };
/** The double with these 64 bits. */
const fromBits = (bits: bigint) => fromWords(Number(bits >> 32n), Number(bits & 0xffffffffn));
/** `x` and the doubles one ulp either side (neighbouring bit patterns). */
function around(x: number): number[] {
  view.setFloat64(0, x);
  const bits = (BigInt(view.getUint32(0)) << 32n) | BigInt(view.getUint32(4));
  return [bits - 1n, bits, bits + 1n].filter((next) => next >= 0n && next < 1n << 64n).map(fromBits);
}
const withNegatives = (xs: number[]) => [...xs, ...xs.map((x) => -x)];
const hex = (x: number) => { view.setFloat64(0, x); return `${x} (0x${view.getUint32(0).toString(16).padStart(8, '0')}${view.getUint32(4).toString(16).padStart(8, '0')})`; };
/** The points where `ours` and `theirs` differ in some bit, at most ten. */
function differences(ours: (x: number) => number, theirs: (x: number) => number, xs: ArrayLike<number>): string[] {
  const found: string[] = [];
  for (let i = 0; i < xs.length && found.length < 10; i += 1) {
    const x = xs[i]!;
    if (!Object.is(ours(x), theirs(x))) found.push(`${hex(x)}: ${ours(x)} instead of ${theirs(x)}`);
  }
  return found;
}

/** Marsaglia's 32-bit xorshift, seeded: the same points every run. */
function xorshift(seed: number): () => number {
  let state = seed >>> 0;
  return () => { state ^= state << 13; state ^= state >>> 17; state ^= state << 5; return state >>> 0; };
}
const next = xorshift(20261205);
/** `count` doubles of random bits (sign, exponent and mantissa). */
const randomBits = (count: number) => Float64Array.from({ length: count }, () => fromWords(next(), next()));
/** `count` doubles uniform on [low, high). */
const uniform = (count: number, low: number, high: number) => Float64Array.from({ length: count }, () => low + (high - low) * (next() * 2 ** -32 + next() * 2 ** -64));
/** `count` doubles of random low word under each high word, and under its negation. */
const under = (highs: number[], count: number) => withNegatives(highs.flatMap((high) => Array.from({ length: count }, () => fromWords(high, next()))));

const SPECIALS = [0, -0, Infinity, -Infinity, NaN, fromWords(0xfff80000, 0), fromWords(0x7ff00000, 1), Number.MIN_VALUE, -Number.MIN_VALUE,
  Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** -1022, fromWords(0x000fffff, 0xffffffff), 1, -1, 2, 0.5, Math.E, 10, 1e-300, 1e300];

describe('exponential: Math.exp bit for bit', () => {
  it('on the special values, the overflow and underflow thresholds and every bound of e_exp.c, one ulp either side', () => {
    const highWords = [
      0x7ff00000, // Infinity and NaN
      0x40862e42, // |x| ≥ 709.78…: the overflow and underflow filter
      0x3fd62e42, 0x3fd62e43, // ½ ln2: reduce or not
      0x3ff0a2b1, 0x3ff0a2b2, // 1.5 ln2: k = ±1 or computed
      0x3e2fffff, 0x3e300000, // 2^-28: 1 + x
    ];
    const bounds = highWords.flatMap((high) => [...around(fromWords(high, 0)), ...around(fromWords(high, 0xffffffff))]);
    bounds.push(...around(7.09782712893383973096e+02), ...around(7.45133219101941108420e+02), ...around(0.5 * Math.LN2), ...around(1.5 * Math.LN2), ...around(2 ** -28));
    // Where invln2 x ± ½ crosses an integer, so that k changes, for every k; 2^k's special cases at k = 1024 and k < −1021.
    for (let k = 0; k <= 1080; k += 1) bounds.push(...around((k + 0.5) / 1.44269504088896338700), ...around(k * Math.LN2));
    expect(differences(exponential, Math.exp, [...SPECIALS, ...withNegatives(bounds)])).toEqual([]);
  });

  it('on 500,000 seeded points: random bits, [−50, 50], [−746, 710], and under each threshold', () => {
    expect(differences(exponential, Math.exp, randomBits(100_000))).toEqual([]);
    expect(differences(exponential, Math.exp, uniform(200_000, -50, 50))).toEqual([]);
    expect(differences(exponential, Math.exp, uniform(100_000, -746, 710))).toEqual([]);
    expect(differences(exponential, Math.exp, under([0x3fd62e42, 0x3fd62e43, 0x3ff0a2b2, 0x3ff0a2b3, 0x3e2fffff, 0x3e300000, 0x40862e42, 0x40874910], 6_250))).toEqual([]);
  });
});

describe('naturalLog: Math.log bit for bit', () => {
  // e_log.c's bounds on the mantissa's high 20 bits: normalizing x or x/2 (0x6a09c), |f| < 2^-20 (0xffffe … 0x00001), the hfsq form (0x6147a … 0x6b851).
  const mantissaBounds = [0x00000, 0x00001, 0x00002, 0xffffd, 0xffffe, 0xfffff, 0x6a09b, 0x6a09c, 0x6147a, 0x61479, 0x6b851, 0x6b852];

  it('on the special values and every bound of e_log.c, for every exponent and in the subnormals, one ulp either side', () => {
    const bounds: number[] = [];
    for (let exponent = 0; exponent <= 0x7ff; exponent += 1) {
      for (const mantissa of mantissaBounds) bounds.push(...around(fromWords(exponent << 20 | mantissa, 0)), ...around(fromWords(exponent << 20 | mantissa, 0xffffffff)));
    }
    // Subnormals: the same leading bits, shifted right.
    for (let shift = 1; shift <= 52; shift += 1) {
      for (const mantissa of mantissaBounds) bounds.push(...around(fromBits(((BigInt(mantissa) << 32n) | 0xffffffffn) >> BigInt(shift))));
    }
    expect(differences(naturalLog, Math.log, [...SPECIALS, ...withNegatives(bounds)])).toEqual([]);
  });

  it('on 500,000 seeded points: random bits, [1e-3, 1e9] uniform and log-uniform, near 1, and under each threshold', () => {
    expect(differences(naturalLog, Math.log, randomBits(100_000))).toEqual([]);
    expect(differences(naturalLog, Math.log, uniform(100_000, 1e-3, 1e9))).toEqual([]);
    expect(differences(naturalLog, Math.log, uniform(100_000, Math.log(1e-3), Math.log(1e9)).map(Math.exp))).toEqual([]);
    expect(differences(naturalLog, Math.log, uniform(50_000, 1 - 2 ** -18, 1 + 2 ** -18))).toEqual([]);
    const highs = [0x3fe, 0x3ff, 0x412].flatMap((exponent) => mantissaBounds.map((mantissa) => exponent << 20 | mantissa));
    expect(differences(naturalLog, Math.log, under(highs, 4_166).filter((x) => x > 0))).toEqual([]);
  });
});
