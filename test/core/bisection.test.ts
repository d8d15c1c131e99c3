/**
 * The bisection of `sipro solve` (methodology §13), driven by predicates whose
 * switch is known: the exact sequence of values the text prescribes, written
 * out by hand from §13's loop; integer paths; ends that do not bracket.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bisection, type BisectionOptions, type BisectionOutcome } from '../../src/core/financing/bisection.js';

/** Runs the bisection against `holds`; returns every value projected, in order, and the outcome. */
function drive(low: number, high: number, options: BisectionOptions, holds: (value: number) => boolean): { values: number[]; outcome: BisectionOutcome } {
  const values: number[] = [];
  const steps = bisection(low, high, options);
  let next = steps.next(false);
  while (!next.done) {
    values.push(next.value);
    next = steps.next(holds(next.value));
  }
  return { values, outcome: next.value };
}

describe('bisection: the sequence of §13', () => {
  it('the @example: x >= 3 on 0:8 with tol 1 projects 0, 8, 4, 2, 3 and returns 3', () => {
    expect(drive(0, 8, { tolerance: 1, integer: false }, (x) => x >= 3)).toEqual({ values: [0, 8, 4, 2, 3], outcome: { kind: 'solved', value: 3, failing: 2 } });
  });

  // a = 0 fails, b = 1 holds, tol 0.1, switch at 0.3 (holds from 0.3 up):
  // m = 0.5 holds → b; 0.25 fails → a; 0.375 holds → b; 0.3125 holds → b; |0.3125 − 0.25| = 0.0625 ≤ 0.1: result 0.3125.
  it('holds above the switch: a is LO, b is HI, the result is the last b', () => {
    expect(drive(0, 1, { tolerance: 0.1, integer: false }, (x) => x >= 0.3)).toEqual({
      values: [0, 1, 0.5, 0.25, 0.375, 0.3125], outcome: { kind: 'solved', value: 0.3125, failing: 0.25 },
    });
  });

  // Holds below the switch (a depletion year that recedes as a cost falls): a = HI, b = LO; m = (a + b)/2 all the same.
  // a = 1 fails, b = 0 holds, switch at 0.7: 0.5 holds → b; 0.75 fails → a; 0.625 holds → b; |0.75 − 0.625| = 0.125 > 0.1: 0.6875 holds → b.
  it('holds below the switch: a is HI, b is LO', () => {
    expect(drive(0, 1, { tolerance: 0.1, integer: false }, (x) => x < 0.7)).toEqual({
      values: [0, 1, 0.5, 0.75, 0.625, 0.6875], outcome: { kind: 'solved', value: 0.6875, failing: 0.75 },
    });
  });

  it('the default tolerance 1e-6 × (HI − LO) takes 2 + 20 projections and ends within tol of the switch, on the side that holds', () => {
    const { values, outcome } = drive(0.05, 0.2, { tolerance: 1e-6 * 0.15, integer: false }, (x) => x >= 0.1234567);
    expect(values).toHaveLength(22);
    expect(outcome.kind).toBe('solved');
    const { value, failing } = outcome as { value: number; failing: number };
    expect(value).toBeGreaterThanOrEqual(0.1234567);
    expect(failing).toBeLessThan(0.1234567);
    expect(value - failing).toBeLessThanOrEqual(1.5e-7);
  });

  // Integers: m = a + trunc((b − a)/2) while |b − a| > 1.
  // Holds from 61 on, 58:69: a = 58, b = 69; m = 58 + 5 = 63 holds; m = 58 + 2 = 60 fails; m = 60 + 1 = 61 holds; |61 − 60| = 1: result 61.
  // Holds up to 61, 58:69: a = 69, b = 58; m = 69 + trunc(−5.5) = 64 fails; 64 + trunc(−3) = 61 holds; 64 + trunc(−1.5) = 63 fails; 63 + trunc(−1) = 62 fails; result 61.
  it.each([
    { holds: (age: number) => age >= 61, values: [58, 69, 63, 60, 61], outcome: { kind: 'solved', value: 61, failing: 60 } },
    { holds: (age: number) => age <= 61, values: [58, 69, 64, 61, 63, 62], outcome: { kind: 'solved', value: 61, failing: 62 } },
  ])('integers: $values', ({ holds, values, outcome }) => {
    expect(drive(58, 69, { tolerance: 1e-6, integer: true }, holds)).toEqual({ values, outcome });
  });

  it('integers one apart need no midpoint: the two end runs decide', () => {
    expect(drive(60, 61, { tolerance: 0, integer: true }, (age) => age >= 61)).toEqual({ values: [60, 61], outcome: { kind: 'solved', value: 61, failing: 60 } });
  });

  it.each([true, false])('ends that both hold (%s) or both fail stop after the two end runs', (holds) => {
    expect(drive(1, 2, { tolerance: 0.1, integer: false }, () => holds)).toEqual({ values: [1, 2], outcome: { kind: 'unbracketed', holds } });
  });

  it('stops when no double lies between the ends, whatever the tolerance', () => {
    const { values, outcome } = drive(1, 2, { tolerance: Number.MIN_VALUE, integer: false }, (x) => x >= Math.PI / 2);
    expect(values.length).toBeLessThan(60);
    expect(outcome).toEqual({ kind: 'solved', value: expect.any(Number) as number, failing: expect.any(Number) as number });
    const { value, failing } = outcome as { value: number; failing: number };
    const middle = (failing + value) / 2;
    expect(middle === failing || middle === value).toBe(true);
  });

  it.each([
    [2, 1, { tolerance: 0.1, integer: false }, 'the range must have LO < HI, not 2:1'],
    [1, 1, { tolerance: 0.1, integer: false }, 'the range must have LO < HI, not 1:1'],
    [0, 1, { tolerance: 0, integer: false }, 'the tolerance must be > 0, not 0'],
    [0.5, 3, { tolerance: 1, integer: true }, 'an integer bisection needs whole ends, not 0.5:3'],
  ])('refuses %d:%d with %j', (low, high, options, message) => {
    expect(() => bisection(low, high, options).next()).toThrow(message);
  });

  it('as a property: the result holds, the other end fails, and they are within the tolerance of each other', () => {
    fc.assert(fc.property(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-9, max: 0.5, noNaN: true }), fc.boolean(),
      (low, span, at, share, rising) => {
        const high = low + span;
        const switchAt = low + at * span;
        const holds = (x: number) => (rising ? x >= switchAt : x <= switchAt);
        const tolerance = share * span;
        const { values, outcome } = drive(low, high, { tolerance, integer: false }, holds);
        if (holds(low) === holds(high)) {
          expect(outcome.kind).toBe('unbracketed');
          return;
        }
        const { value, failing } = outcome as { value: number; failing: number };
        expect(holds(value)).toBe(true);
        expect(holds(failing)).toBe(false);
        // Within the tolerance, or adjacent doubles when the tolerance is below their spacing.
        const middle = (value + failing) / 2;
        expect(Math.abs(value - failing) <= tolerance || middle === value || middle === failing).toBe(true);
        // Each step halves the bracket: at most 2 + ⌈log₂(span / tol)⌉ projections.
        expect(values.length).toBeLessThanOrEqual(2 + Math.max(0, Math.ceil(Math.log2(span / tolerance))));
      },
    ));
  });
});
