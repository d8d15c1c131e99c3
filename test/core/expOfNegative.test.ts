/**
 * expOfNegative is Math.exp, bit for bit, on (−8, 0]: at each branch's
 * bound (e_exp.c's high-word thresholds and the points where k changes),
 * one unit in the last place either side, and on a million points drawn
 * with a fixed seed (uniform, and log-uniform down to 1e-11).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expOfNegative } from '../../src/core/expOfNegative.js';

const view = new DataView(new ArrayBuffer(8));
/** The double with these 32-bit words. */
const fromWords = (high: number, low: number) => { view.setUint32(0, high); view.setUint32(4, low); return view.getFloat64(0); };
/** `x` and its neighbours, `ulps` units in the last place either side (positive x). */
function around(x: number, ulps: number): number[] {
  view.setFloat64(0, x);
  const bits = (BigInt(view.getUint32(0)) << 32n) | BigInt(view.getUint32(4));
  const out: number[] = [];
  for (let step = -ulps; step <= ulps; step += 1) {
    const next = bits + BigInt(step);
    out.push(fromWords(Number(next >> 32n), Number(next & 0xffffffffn)));
  }
  return out;
}
const sameAsMathExp = (x: number) => Object.is(expOfNegative(x), Math.exp(x));

describe('expOfNegative: Math.exp bit for bit on (−8, 0]', () => {
  it('at 0, −0 and every branch bound of e_exp.c, and one ulp either side', () => {
    const bounds = [
      fromWords(0x3fd62e42, 0xffffffff), fromWords(0x3fd62e43, 0), // ½ ln2: reduce or not
      fromWords(0x3ff0a2b1, 0xffffffff), fromWords(0x3ff0a2b2, 0), // 1.5 ln2: k = −1 or computed
      fromWords(0x3e2fffff, 0xffffffff), fromWords(0x3e300000, 0), // 2⁻²⁸: 1 + x
    ];
    // Where invln2 x − ½ crosses an integer: k changes.
    for (let k = 1; k <= 11; k += 1) bounds.push((k - 0.5) / 1.44269504088896338700, k * Math.LN2);
    const points = [0, -0, ...bounds.flatMap((bound) => around(bound, 3)).filter((size) => size < 8).map((size) => -size)];
    expect(points.filter((x) => !sameAsMathExp(x))).toEqual([]);
  });
  it('on 500,000 uniform points and 500,000 log-uniform ones', () => {
    const uniform = fc.sample(fc.double({ min: -8, max: 0, noNaN: true, minExcluded: true }), { numRuns: 500_000, seed: 20261205 });
    const small = fc.sample(fc.double({ min: -11, max: Math.log10(7.99), noNaN: true }), { numRuns: 500_000, seed: 5 }).map((exponent) => -(10 ** exponent));
    expect(uniform.filter((x) => !sameAsMathExp(x))).toEqual([]);
    expect(small.filter((x) => !sameAsMathExp(x))).toEqual([]);
  });
});
