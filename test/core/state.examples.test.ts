/**
 * src/core/state.ts has no @example: these are its documented contracts,
 * run. Sums per cell (A then I, then W in a scheme with emigration: N,
 * N c̄, N w̄, N ō, then N b̄ where accounts are read and N f̄ with
 * totalization; P, D, S heads and pension), the
 * rows' occupied age ranges, and clearing.
 */
import { describe, expect, it } from 'vitest';
import { cellLayout, memberCellCount, memberCellIndex, slotCount, slotIndex } from '../../src/core/layout.js';
import {
  ACTIVE, CREDITS, DISABILITY, EARNINGS, emigratedPart, HEADS, inactivePart, OLD_AGE, OWN_BALANCE,
  PENSION, PENSIONER_STRIDE, SURVIVOR, clearRow, clearStaleMembers, clearState, emptyState, isEmpty, memberSumsOf, occupy, releaseRow,
} from '../../src/core/state.js';

const layout = cellLayout(58, 62, 1, 3, 2, memberSumsOf({ carriesBalance: false, carriesForeign: false, emigrates: false }));

describe('cohort state', () => {
  it('packs N, N c̄, N w̄, N ō for A, I and (with emigration) W per member cell, N b̄ and N f̄ only where read, and P, D, S (heads, pension) per slot', () => {
    expect([HEADS, CREDITS, EARNINGS, OWN_BALANCE, ACTIVE]).toEqual([0, 1, 2, 3, 0]);
    const sums = (carriesBalance: boolean, carriesForeign: boolean, emigrates: boolean) => memberSumsOf({ carriesBalance, carriesForeign, emigrates });
    // A career-average scheme without totalization (the stress scheme): four sums a part.
    expect(sums(false, false, false)).toEqual({ memberPart: 4, balanceSum: -1, foreignSum: -1, memberStride: 8 });
    // With totalization and emigration (the demo): f̄ fifth, and a W part.
    expect(sums(false, true, true)).toEqual({ memberPart: 5, balanceSum: -1, foreignSum: 4, memberStride: 15 });
    // Accounts read b̄: it comes before f̄.
    expect(sums(true, false, false)).toEqual({ memberPart: 5, balanceSum: 4, foreignSum: -1, memberStride: 10 });
    expect(sums(true, true, true)).toEqual({ memberPart: 6, balanceSum: 4, foreignSum: 5, memberStride: 18 });
    expect([inactivePart(layout), emigratedPart(layout)]).toEqual([4, 8]);
    expect([OLD_AGE, DISABILITY, SURVIVOR, PENSION, PENSIONER_STRIDE]).toEqual([0, 2, 4, 1, 6]);
  });

  it('emptyState: zeroed arrays of the layout\'s size, every row\'s range empty (low > high)', () => {
    const state = emptyState(layout);
    expect(state.members.length).toBe(memberCellCount(layout) * layout.memberStride);
    expect(state.pensioners.length).toBe(slotCount(layout) * PENSIONER_STRIDE);
    expect(state.members.every((value) => value === 0) && state.pensioners.every((value) => value === 0)).toBe(true);
    for (const ranges of [state.memberAges, state.pensionerAges]) {
      for (let row = 0; row < 2; row += 1) expect(ranges.low[row]!).toBeGreaterThan(ranges.high[row]!);
    }
    expect(isEmpty(state)).toBe(true);
  });

  it('occupy widens a row\'s range; clearRow zeroes that row only and empties its range; clearState all', () => {
    const state = emptyState(layout);
    const member = (row: number, age: number) => memberCellIndex(layout, row, age) * layout.memberStride + inactivePart(layout) + EARNINGS;
    const pensioner = (row: number, age: number) => slotIndex(layout, row, age) * PENSIONER_STRIDE + SURVIVOR + PENSION;
    state.members[member(0, 2)] = 7;
    occupy(state.memberAges, 0, 2);
    occupy(state.memberAges, 0, 1);
    state.members[member(1, 0)] = 3;
    occupy(state.memberAges, 1, 0);
    state.pensioners[pensioner(1, 4)] = 5;
    occupy(state.pensionerAges, 1, 4);
    expect([state.memberAges.low[0], state.memberAges.high[0]]).toEqual([1, 2]);
    expect(isEmpty(state)).toBe(false);

    clearRow(state, layout, 0);
    expect(state.members[member(0, 2)]).toBe(0);
    expect(state.members[member(1, 0)]).toBe(3);
    expect(state.memberAges.low[0]!).toBeGreaterThan(state.memberAges.high[0]!);
    expect(isEmpty(state)).toBe(false);

    clearState(state, layout);
    expect(state.members[member(1, 0)]).toBe(0);
    expect(state.pensioners[pensioner(1, 4)]).toBe(0);
    expect(isEmpty(state)).toBe(true);
  });

  it('releaseRow zeroes a row\'s pensioners and marks its member ages stale; clearStaleMembers zeroes the stale ages but those about to be written', () => {
    const state = emptyState(layout);
    const member = (age: number) => memberCellIndex(layout, 0, age) * layout.memberStride + ACTIVE + HEADS;
    for (const age of [0, 1, 2]) {
      state.members[member(age)] = 10 + age;
      occupy(state.memberAges, 0, age);
    }
    state.pensioners[slotIndex(layout, 0, 3) * PENSIONER_STRIDE] = 4;
    occupy(state.pensionerAges, 0, 3);

    releaseRow(state, layout, 0);
    expect(isEmpty(state)).toBe(true);
    expect(state.pensioners[slotIndex(layout, 0, 3) * PENSIONER_STRIDE]).toBe(0);
    expect([0, 1, 2].map((age) => state.members[member(age)])).toEqual([10, 11, 12]);
    expect([state.staleMemberAges.low[0], state.staleMemberAges.high[0]]).toEqual([0, 2]);

    // Ages 1 … 5 are about to be written whole: only age 0 needs zeroing.
    clearStaleMembers(state, layout, 0, 1, 5);
    expect([0, 1, 2].map((age) => state.members[member(age)])).toEqual([0, 11, 12]);
    expect(state.staleMemberAges.low[0]!).toBeGreaterThan(state.staleMemberAges.high[0]!);

    // Released again and written nowhere: every stale age goes; so does clearRow's.
    occupy(state.memberAges, 0, 2);
    releaseRow(state, layout, 0);
    clearStaleMembers(state, layout, 0, 0, -1);
    expect([1, 2].map((age) => state.members[member(age)])).toEqual([11, 0]);
    occupy(state.memberAges, 0, 1);
    clearRow(state, layout, 0);
    expect(state.members[member(1)]).toBe(0);
  });
});
