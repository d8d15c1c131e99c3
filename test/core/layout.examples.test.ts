/**
 * src/core/layout.ts has no @example: these are its documented contracts,
 * run. One index helper per shape; rows `2g + s`; a row's slots contiguous by
 * age; a (row, age)'s member cells contiguous by bin; every index in
 * `[0, count)` exactly once.
 */
import { describe, expect, it } from 'vitest';
import { cellLayout, memberCellCount, memberCellIndex, rowIndex, slotCount, slotIndex } from '../../src/core/layout.js';

describe('layout', () => {
  const layout = cellLayout(58, 62, 3, 4, 2, { memberPart: 6, balanceSum: 4, foreignSum: 5, memberStride: 12 });

  it('cellLayout keeps its arguments, with ages = max − min + 1', () => {
    expect(layout).toEqual({ minAge: 58, maxAge: 62, ages: 5, groups: 3, memberAges: 4, bins: 2, memberPart: 6, balanceSum: 4, foreignSum: 5, memberStride: 12 });
  });

  it.each([
    { group: 0, sex: 0, row: 0 },
    { group: 0, sex: 1, row: 1 },
    { group: 2, sex: 1, row: 5 },
  ])('rowIndex($group, $sex) = $row', ({ group, sex, row }) => {
    expect(rowIndex(group, sex)).toBe(row);
  });

  it('slots: contiguous by age within a row, each of [0, slotCount) once', () => {
    expect(slotCount(layout)).toBe(3 * 2 * 5);
    const seen: number[] = [];
    for (let row = 0; row < 6; row += 1) {
      for (let age = 0; age < layout.ages; age += 1) {
        expect(slotIndex(layout, row, age)).toBe(slotIndex(layout, row, 0) + age);
        seen.push(slotIndex(layout, row, age));
      }
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: slotCount(layout) }, (_, index) => index));
  });

  it('member cells: bins contiguous after memberCellIndex(row, age), each of [0, memberCellCount) once', () => {
    expect(memberCellCount(layout)).toBe(3 * 2 * 4 * 2);
    const seen: number[] = [];
    for (let row = 0; row < 6; row += 1) {
      for (let age = 0; age < layout.memberAges; age += 1) {
        for (let bin = 0; bin < layout.bins; bin += 1) seen.push(memberCellIndex(layout, row, age) + bin);
      }
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: memberCellCount(layout) }, (_, index) => index));
  });
});
