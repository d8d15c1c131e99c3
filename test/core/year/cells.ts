/**
 * The pieces a year-step test needs (methodology §4): a model, its
 * deterministic scenario and timeline, the year's workspace, and cohort
 * states written and read cell by cell through the layout's index helpers.
 *
 * Tests give cells as per-head averages (as methodology §1 speaks of them); the
 * state stores sums `N × average`, so the helpers multiply on the way in.
 * Expected states are built the same way in a fresh state and compared whole
 * (every number of every cell), so a step that writes a cell it should not
 * fails as surely as one that writes a wrong number.
 */
import { expect } from 'vitest';
import { FLOW_COLUMNS, FLOW_WIDTH, Flow, flowRow } from '../../../src/core/flows.js';
import { memberCellIndex, rowIndex, slotIndex, type CellLayout } from '../../../src/core/layout.js';
import { buildModel, type ProjectionModel } from '../../../src/core/model.js';
import { deterministicScenario, type Scenario } from '../../../src/core/scenario.js';
import {
  ACTIVE,
  CREDITS,
  DISABILITY,
  EARNINGS,
  emigratedPart,
  HEADS,
  inactivePart,
  OLD_AGE,
  OWN_BALANCE,
  PENSION,
  PENSIONER_STRIDE,
  SURVIVOR,
  emptyState,
  occupy,
  type CohortState,
} from '../../../src/core/state.js';
import { sexIndex } from '../../../src/core/tables.js';
import { timelineOf, type Timeline } from '../../../src/core/timeline.js';
import type { SchemeData } from '../../../src/core/types.js';
import type { Sex } from '../../../src/core/rules.js';
import { enterYear, yearContext, type YearContext } from '../../../src/core/year/context.js';

export interface StepWorld {
  model: ProjectionModel;
  scenario: Scenario;
  timeline: Timeline;
  context: YearContext;
  layout: CellLayout;
}

/** The workspace of year `t0 + yearIndex` of a scheme's deterministic projection. */
export function stepWorld(data: SchemeData, yearIndex = 0): StepWorld {
  const model = buildModel(data);
  const scenario = deterministicScenario(model);
  const timeline = timelineOf(model, scenario);
  const context = yearContext(model, timeline);
  enterYear(context, yearIndex);
  return { model, scenario, timeline, context, layout: model.layout };
}

/** A zeroed flow array: one FLOW_WIDTH row per (cell group, sex). */
export const freshFlows = (layout: CellLayout): Float64Array => new Float64Array(FLOW_WIDTH * layout.groups * 2);

/** The (group, sex) row of layout.ts. */
export const rowOf = (sex: Sex, group = 0): number => rowIndex(group, sexIndex(sex));

/** A, I, or W (emigrated, §11: only in a scheme with emigration, whose member cells have a W part). */
export type MemberPart = 'A' | 'I' | 'W';
export type PensionerState = 'P' | 'D' | 'S';

/** Where a member cell lies: (group, sex, age, bin) and A, I or W. */
export interface MemberCell {
  group?: number;
  sex: Sex;
  age: number;
  bin: number;
  part: MemberPart;
}

/** Per-head averages of an A, I or W cell (§1): c̄, w̄, b̄, ō, f̄; each 0 when not given. */
export interface MemberAveragesInput {
  heads: number;
  credits?: number;
  earnings?: number;
  balance?: number;
  own?: number;
  foreign?: number;
}

/** The six sums of an A, I or W cell. */
export interface MemberSums {
  heads: number;
  credits: number;
  earnings: number;
  balance: number;
  own: number;
  foreign: number;
}

const STATE_OFFSET = { P: OLD_AGE, D: DISABILITY, S: SURVIVOR } as const;
const partOffset = (layout: CellLayout, part: MemberPart) => (part === 'A' ? ACTIVE : part === 'I' ? inactivePart(layout) : emigratedPart(layout));

/**
 * Where each of the six sums lies in a part, or -1 for a sum the layout does
 * not carry (b̄ without accounts, f̄ without totalization: state.ts memberSumsOf).
 */
const sumOffsets = (layout: CellLayout) => [
  ['heads', HEADS],
  ['credits', CREDITS],
  ['earnings', EARNINGS],
  ['balance', layout.balanceSum],
  ['own', OWN_BALANCE],
  ['foreign', layout.foreignSum],
] as const;

function memberOffset(layout: CellLayout, cell: MemberCell): number {
  const ageIndex = cell.age - layout.minAge;
  if (ageIndex < 0 || ageIndex >= layout.memberAges) throw new Error(`no member cell at age ${cell.age}`);
  if (cell.bin < 0 || cell.bin >= layout.bins) throw new Error(`no credit bin ${cell.bin} (bins 0 … ${layout.bins - 1})`);
  if (partOffset(layout, cell.part) >= layout.memberStride) throw new Error(`no ${cell.part} part: the scheme has no emigration`);
  const cellIndex = memberCellIndex(layout, rowOf(cell.sex, cell.group), ageIndex) + cell.bin;
  return cellIndex * layout.memberStride + partOffset(layout, cell.part);
}

/**
 * Adds sums (not averages) to a member cell: for expected states built from
 * flows of heads and money. A sum the layout does not carry must be 0: a
 * test that gives one expects a number the scheme never keeps.
 */
export function addMemberSums(state: CohortState, layout: CellLayout, cell: MemberCell, sums: Partial<MemberSums>): void {
  const offset = memberOffset(layout, cell);
  for (const [name, sum] of sumOffsets(layout)) {
    const value = sums[name] ?? 0;
    if (sum >= 0) state.members[offset + sum]! += value;
    else if (value !== 0) throw new Error(`the scheme's cells carry no ${name} (state.ts memberSumsOf): give it 0 or a scheme that reads it`);
  }
  occupy(state.memberAges, rowOf(cell.sex, cell.group), cell.age - layout.minAge);
}

/** Adds `averages × heads` to a member cell and widens its row's age range. */
export function addMember(state: CohortState, layout: CellLayout, cell: MemberCell, averages: MemberAveragesInput): void {
  const { heads } = averages;
  addMemberSums(state, layout, cell, {
    heads, credits: heads * (averages.credits ?? 0), earnings: heads * (averages.earnings ?? 0),
    balance: heads * (averages.balance ?? 0), own: heads * (averages.own ?? 0), foreign: heads * (averages.foreign ?? 0),
  });
}

/** The six sums of a member cell; 0 for a sum the layout does not carry. */
export function memberSums(state: CohortState, layout: CellLayout, cell: MemberCell): MemberSums {
  const offset = memberOffset(layout, cell);
  const read = (sum: number) => (sum < 0 ? 0 : state.members[offset + sum]!);
  return {
    heads: read(HEADS), credits: read(CREDITS), earnings: read(EARNINGS),
    balance: read(layout.balanceSum), own: read(OWN_BALANCE), foreign: read(layout.foreignSum),
  };
}

/** Where a pensioner cell lies: (group, sex, age) and P, D or S. */
export interface PensionerCell {
  group?: number;
  sex: Sex;
  age: number;
  state: PensionerState;
}

function pensionerOffset(layout: CellLayout, cell: PensionerCell): number {
  const ageIndex = cell.age - layout.minAge;
  if (ageIndex < 0 || ageIndex >= layout.ages) throw new Error(`no pensioner slot at age ${cell.age}`);
  return slotIndex(layout, rowOf(cell.sex, cell.group), ageIndex) * PENSIONER_STRIDE + STATE_OFFSET[cell.state];
}

/** Adds `heads` pensioners with `pension` a year each (p̄) to a P, D or S cell and widens the row's range. */
export function addPensioners(state: CohortState, layout: CellLayout, cell: PensionerCell, heads: number, pension: number): void {
  addPensionerSums(state, layout, cell, heads, heads * pension);
}

/** Adds a head count and a pension sum to a P, D or S cell. */
export function addPensionerSums(state: CohortState, layout: CellLayout, cell: PensionerCell, heads: number, pensionSum: number): void {
  const offset = pensionerOffset(layout, cell);
  state.pensioners[offset]! += heads;
  state.pensioners[offset + PENSION]! += pensionSum;
  occupy(state.pensionerAges, rowOf(cell.sex, cell.group), cell.age - layout.minAge);
}

/** Heads and pension sum of a P, D or S cell. */
export function pensionerSums(state: CohortState, layout: CellLayout, cell: PensionerCell): { heads: number; pension: number } {
  const offset = pensionerOffset(layout, cell);
  return { heads: state.pensioners[offset]!, pension: state.pensioners[offset + PENSION]! };
}

/** A fresh state with the given cells: the expected side of a comparison. */
export function stateWith(
  layout: CellLayout,
  members: readonly (MemberCell & Partial<MemberSums>)[] = [],
  pensioners: readonly (PensionerCell & { heads: number; pension: number })[] = [],
): CohortState {
  const state = emptyState(layout);
  for (const cell of members) addMemberSums(state, layout, cell, cell);
  for (const cell of pensioners) addPensionerSums(state, layout, cell, cell.heads, cell.pension);
  return state;
}

const within = (relative: number, expected: number, actual: number) =>
  Math.abs(actual - expected) <= relative * Math.abs(expected) + 1e-9;

/**
 * Every number of every cell of `actual` is `expected`'s (to 1e-12 relative,
 * 1e-9 absolute: sums of a few products of numbers near 1 … 10⁵), and every
 * occupied cell of `actual` lies inside its row's age range, so that the next
 * year's loops see it. Failures name the cell.
 */
export function expectState(actual: CohortState, expected: CohortState, layout: CellLayout, relative = 1e-12): void {
  expect(actual.members.length).toBe(expected.members.length);
  expect(actual.pensioners.length).toBe(expected.pensioners.length);
  const problems: string[] = [];
  for (let group = 0; group < layout.groups; group += 1) {
    for (const sex of ['F', 'M'] as const) {
      const row = rowOf(sex, group);
      for (let ageIndex = 0; ageIndex < layout.ages; ageIndex += 1) {
        const age = layout.minAge + ageIndex;
        const inRange = (ranges: CohortState['memberAges']) => ranges.low[row]! <= ageIndex && ageIndex <= ranges.high[row]!;
        if (ageIndex < layout.memberAges) {
          for (let bin = 0; bin < layout.bins; bin += 1) {
            for (const part of layout.memberStride > emigratedPart(layout) ? (['A', 'I', 'W'] as const) : (['A', 'I'] as const)) {
              const cell = { group, sex, age, bin, part };
              const got = memberSums(actual, layout, cell);
              const want = memberSums(expected, layout, cell);
              for (const [name] of sumOffsets(layout)) {
                if (!within(relative, want[name], got[name])) problems.push(`${part}(g${group} ${sex} ${age} k${bin}).${name}: got ${got[name]}, expected ${want[name]}`);
              }
              if (got.heads !== 0 && !inRange(actual.memberAges)) problems.push(`${part}(g${group} ${sex} ${age} k${bin}) holds heads outside its row's member age range`);
            }
          }
        }
        for (const state of ['P', 'D', 'S'] as const) {
          const cell = { group, sex, age, state };
          const got = pensionerSums(actual, layout, cell);
          const want = pensionerSums(expected, layout, cell);
          if (!within(relative, want.heads, got.heads)) problems.push(`${state}(g${group} ${sex} ${age}).heads: got ${got.heads}, expected ${want.heads}`);
          if (!within(relative, want.pension, got.pension)) problems.push(`${state}(g${group} ${sex} ${age}).pension: got ${got.pension}, expected ${want.pension}`);
          if (got.heads !== 0 && !inRange(actual.pensionerAges)) problems.push(`${state}(g${group} ${sex} ${age}) holds heads outside its row's pensioner age range`);
        }
      }
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
}

/** A flow column of a row: `FLOW_COLUMNS` names, plus the density's two exposures and W's deaths (§11). */
export type FlowName = (typeof FLOW_COLUMNS)[number] | 'activeExposure' | 'paidExposure' | 'emigrantDeaths';
const FLOW_NAMES: readonly FlowName[] = [...FLOW_COLUMNS, 'activeExposure', 'paidExposure', 'emigrantDeaths'];

/** A zeroed flow array with the given values on `row`. */
export function flowsWith(layout: CellLayout, rows: Readonly<Record<number, Partial<Record<FlowName, number>>>>): Float64Array {
  const flows = freshFlows(layout);
  for (const [row, values] of Object.entries(rows)) {
    for (const [name, value] of Object.entries(values) as [FlowName, number][]) flows[flowRow(Number(row)) + Flow[name]] = value;
  }
  return flows;
}

/** Every flow of every row of `actual` is `expected`'s; failures name the row and column. */
export function expectFlows(actual: Float64Array, expected: Float64Array, relative = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  const problems: string[] = [];
  for (let row = 0; row * FLOW_WIDTH < actual.length; row += 1) {
    for (const name of FLOW_NAMES) {
      const got = actual[flowRow(row) + Flow[name]]!;
      const want = expected[flowRow(row) + Flow[name]]!;
      if (!within(relative, want, got)) problems.push(`row ${row} ${name}: got ${got}, expected ${want}`);
    }
  }
  expect(FLOW_NAMES.length, 'a flow column the tests do not know').toBe(FLOW_WIDTH);
  expect(problems, problems.join('\n')).toEqual([]);
}
