/**
 * The loops of a year over cohort cells, as WebAssembly (src/wasm/):
 * step 4's walk of the member cells, and steps 3 (pensioners' part), 5 and 6
 * on the pensioner slots; and the memory they work in. A kernel owns one
 * WebAssembly memory, sized once for a layout: the two cohort states of a
 * run and the year's tables the loops read live in it as typed-array views,
 * so that they read and write them in place. The memory never grows
 * (growing would detach the views).
 *
 * Why WebAssembly: V8 compiles it before the first call, where JavaScript
 * runs interpreted until the JIT has compiled each loop (a projection is
 * short enough that this warm-up was a third of step 4), and its f64x2
 * lanes move two of a cell's sums per instruction (bench/RESULTS.md).
 */
import type { CellLayout } from '../layout.js';
import type { ProjectionModel } from '../model.js';
import type { RatesTable } from '../tables.js';
import { type ArrayMaker, type CohortState, emptyState, stateSize } from '../state.js';
import { KERNEL_WASM } from './kernelWasm.js';
import { ARRIVAL_SUMS } from './arrivals.js';
import { record } from '../record.js';
import { unreachable } from '../rules.js';
import type { OldAgeBenefit } from '../../schema/scheme.js';

/** The exports of src/wasm/kernel.ts. */
interface KernelExports {
  configure(...pointersLayoutAndDensity: number[]): void;
  configurePensioners(qDisabled: number, healthCosts: number, results: number): void;
  configureRetirement(annuityFactors: number, vestingYears: number, formula: number, refund: number, exported: number): void;
  configureStates(...pointers: number[]): void;
  configureBenefits(...benefits: number[]): void;
  configureMortality(mortality: number, multipliers: number, inUse: number, groups: number): void;
  yearMortality(factor: number, disabledMultiplier: number): void;
  startYear(...yearNumbers: number[]): void;
  /** Step 1 on state `from`, in place (src/wasm/retire.ts). */
  retire(from: number, row: number, firstAge: number, lastAge: number, flatAward: number, accrual: number, minimumAward: number): void;
  /** The calls below name the state they read by its index in `states` (0 or 1); they write the other. */
  moveAges(from: number, row: number, firstAge: number, lastAge: number, parameterSlots: number): number;
  survivors(from: number, row: number, parameterSlots: number, firstMemberAge: number, lastMemberAge: number, firstAge: number, lastAge: number): void;
  agePensioners(from: number, row: number, parameterSlots: number, firstAge: number, lastAge: number): void;
  pensionerPayments(from: number, row: number, parameterSlots: number, firstAge: number, lastAge: number): void;
  memberPayments(from: number, row: number, parameterSlots: number, firstAge: number, lastAge: number, counted: number): void;
}

/** The year's tables the kernel's loops read and write, in its memory. */
export interface KernelTables {
  q: Float64Array;
  qDisabled: Float64Array;
  /** The model's health cost by age (§5), 0 without health cover. */
  healthCosts: Float64Array;
  /** What memberPayments, pensionerPayments and retire leave for the caller, at the places of KernelResult. */
  results: Float64Array;
  /** ä_{s,x,t} of the account formula by (sex, age), NaN until needed in the year (context.ts, retire.ts). */
  annuityFactors: Float64Array;
  density: Float64Array;
  insuredEarnings: Float64Array;
  contributions: Float64Array;
  matching: Float64Array;
  memberHeads: Float64Array;
  memberDeaths: Float64Array;
  memberDeathPensions: Float64Array;
  arrivals: Float64Array;
  rates: Pick<RatesTable, 'disability' | 'emigration' | 'fertility' | 'lapse' | 'reentry'>;
  /** The year's q_{s,x,t} by (sex, age), each group's mortality multiplier, and 1 where some cell follows the group. */
  mortality: Float64Array;
  multipliers: Float64Array;
  groupsInUse: Int32Array;
}

export interface YearKernel {
  layout: CellLayout;
  /** How many parameter slots its tables hold (model.ts parameterSlotCount). */
  parameterSlots: number;
  buffer: ArrayBuffer;
  steps: KernelExports;
  /** A run's two states: the workspace's, or scratch for states made elsewhere (enterKernel). */
  states: [CohortState, CohortState];
  tables: KernelTables;
  /** The model whose rates and benefits the kernel holds (startKernel). */
  configuredFor: object | undefined;
}

let compiled: WebAssembly.Module | undefined;

/** The compiled module, once per process (a few kB: synchronous compilation is quick). */
export function kernelModule(): WebAssembly.Module {
  if (compiled === undefined) {
    const text = atob(KERNEL_WASM);
    const bytes = new Uint8Array(text.length);
    for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

const PAGE = 65536;
/**
 * Where the kernel's calls leave their sums in `tables.results`:
 * memberPayments' twelve, pensionerPayments' four (heads, pensions paid,
 * deaths, health cover) for each of P, D and S, retire's three
 * (src/wasm/memory.ts names the same places for the code that writes them).
 */
export const KernelResult = {
  actives: 0, inactives: 1, deaths: 2, contributions: 3, matching: 4, insuredEarnings: 5, activeExposure: 6, paidExposure: 7,
  healthBenefits: 8, maternityBenefits: 9, emigrants: 10, emigrantDeaths: 11,
  oldAgePensioners: 12, disabilityPensioners: 16, survivorPensioners: 20,
  awardHeads: 24, awardAmounts: 25, refunds: 26,
} as const;
const KERNEL_RESULTS = 27;
/** A 32-bit WebAssembly memory holds at most 65,536 pages: 4 GiB. */
const MAX_PAGES = 65536;

/** Bytes of a kernel's memory for `layout` and `slots` parameter slots: two states, the year's tables, and alignment. */
function kernelBytes(layout: CellLayout, slots: number): number {
  const state = stateSize(layout);
  const groups = slots / (2 * layout.ages);
  const doubles = 2 * state.float64 + 11 * slots + 7 * layout.ages + 3 * layout.memberAges + layout.bins * 2 * ARRIVAL_SUMS + KERNEL_RESULTS + groups;
  return 8 * doubles + 4 * (2 * state.int32 + groups) + 8 * 16;
}

/**
 * A scheme whose cells do not fit in a kernel's memory (at most 4 GiB): the
 * message names the dimensions that make them and what would shrink them.
 */
export class CellMemoryError extends RangeError {
  override name = 'CellMemoryError';
  constructor(readonly layout: CellLayout, readonly bytes: number) {
    const gib = (value: number) => (value / 2 ** 30).toFixed(1);
    super(`the scheme's cells need ${gib(bytes)} GiB (${layout.groups} groups × 2 sexes × ${layout.memberAges} member ages × ${layout.bins} credit bins`
      + ` × ${layout.memberStride} sums, in two years' states), and sipro projects at most ${gib(MAX_PAGES * PAGE)} GiB:`
      + ' use fewer groups, lower benefits.old_age.vesting_years or benefits.disability.vesting_years (the credit bins),'
      + ' or fewer ages (projection.min_age, the retirement ages)');
  }
}

/** The CellMemoryError of a kernel for `layout` if it would not fit in a WebAssembly memory, else undefined. */
export function kernelFitError(layout: CellLayout, slots: number): CellMemoryError | undefined {
  const bytes = kernelBytes(layout, slots);
  return Math.ceil(bytes / PAGE) > MAX_PAGES ? new CellMemoryError(layout, bytes) : undefined;
}

/** Throws CellMemoryError when a kernel for `layout` would not fit in a WebAssembly memory. */
export function checkKernelFits(layout: CellLayout, slots: number): void {
  const error = kernelFitError(layout, slots);
  if (error !== undefined) throw error;
}

/**
 * A kernel for runs on `layout` whose model has `slots` parameter slots: its
 * memory holds two states and the year's tables.
 */
export function yearKernel(layout: CellLayout, slots: number): YearKernel {
  checkKernelFits(layout, slots);
  const groups = slots / (2 * layout.ages);
  const memory = new WebAssembly.Memory({ initial: Math.ceil(kernelBytes(layout, slots) / PAGE) });
  const instance = new WebAssembly.Instance(kernelModule(), { env: { memory } });
  let offset = 0;
  const arrays: ArrayMaker = {
    float64: (length) => {
      offset = Math.ceil(offset / 8) * 8;
      const array = new Float64Array(memory.buffer, offset, length);
      offset += 8 * length;
      return array;
    },
    int32: (length) => {
      const array = new Int32Array(memory.buffer, offset, length);
      offset += 4 * length;
      return array;
    },
  };
  const states: [CohortState, CohortState] = [emptyState(layout, arrays), emptyState(layout, arrays)];
  const tables: KernelTables = record({
    q: arrays.float64(slots),
    qDisabled: arrays.float64(slots),
    healthCosts: arrays.float64(layout.ages),
    results: arrays.float64(KERNEL_RESULTS),
    annuityFactors: arrays.float64(2 * layout.ages),
    density: arrays.float64(slots),
    insuredEarnings: arrays.float64(slots),
    contributions: arrays.float64(slots),
    matching: arrays.float64(slots),
    memberHeads: arrays.float64(3 * layout.memberAges),
    memberDeaths: arrays.float64(layout.ages),
    memberDeathPensions: arrays.float64(layout.ages),
    arrivals: arrays.float64(layout.bins * 2 * ARRIVAL_SUMS),
    rates: record({
      disability: arrays.float64(slots), emigration: arrays.float64(slots), fertility: arrays.float64(slots),
      lapse: arrays.float64(slots), reentry: arrays.float64(slots),
    }),
    mortality: arrays.float64(2 * layout.ages),
    multipliers: arrays.float64(groups),
    groupsInUse: arrays.int32(groups),
  });
  const steps = instance.exports as unknown as KernelExports;
  steps.configureStates(...states.flatMap((state) => [
    state.members.byteOffset, state.pensioners.byteOffset, state.memberAges.low.byteOffset, state.memberAges.high.byteOffset,
    state.pensionerAges.low.byteOffset, state.pensionerAges.high.byteOffset,
  ]));
  return record<YearKernel>({ layout, parameterSlots: slots, buffer: memory.buffer, steps, states, tables, configuredFor: undefined });
}

/** Sets a model into the kernel: its rates, health costs and benefits, and where the year's tables lie. */
export function startKernel(kernel: YearKernel, model: ProjectionModel): void {
  const { tables, layout } = kernel;
  const { rates, foreignDensity, emigrates } = model;
  kernel.configuredFor = model;
  for (const name of ['disability', 'emigration', 'fertility', 'lapse', 'reentry'] as const) tables.rates[name].set(rates[name]);
  if (model.healthCost) tables.healthCosts.set(model.healthCost);
  else tables.healthCosts.fill(0);
  kernel.steps.configurePensioners(tables.qDisabled.byteOffset, tables.healthCosts.byteOffset, tables.results.byteOffset);
  const oldAge = model.scheme.benefits.old_age;
  kernel.steps.configureRetirement(
    tables.annuityFactors.byteOffset, oldAge.vesting_years, formulaCode(oldAge.formula), refundCode(oldAge.refund),
    model.scheme.portability.export ? 1 : 0,
  );
  const { disability, survivors, maternity } = model.scheme.benefits;
  const health = model.healthCost !== null;
  const covers = model.healthCovers;
  kernel.steps.configureBenefits(
    disability ? 1 : 0, disability ? disability.vesting_years : layout.bins,
    // Disability awards are needed where members become disabled, and where
    // their deaths leave survivors (§4 step 5: when both benefits are paid).
    disability && survivors ? 1 : 0,
    model.spouseProbability[0], model.spouseProbability[1], model.ageDifference[0], model.ageDifference[1], survivors ? survivors.share : 0,
    maternity ? maternity.replacement * maternity.weeks / 52 : 0, maternity ? 1 : 0,
    covers.active && health ? 1 : 0, covers.inactive && health ? 1 : 0, covers.retired && health ? 1 : 0,
    covers.disabled && health ? 1 : 0, covers.survivor && health ? 1 : 0,
  );
  model.groups.forEach((group, index) => { tables.multipliers[index] = group.mortalityMultiplier; });
  tables.groupsInUse.set(model.groupInUse);
  kernel.steps.configureMortality(tables.mortality.byteOffset, tables.multipliers.byteOffset, tables.groupsInUse.byteOffset, model.groups.length);
  kernel.steps.configure(
    tables.q.byteOffset, tables.rates.disability.byteOffset, tables.rates.emigration.byteOffset, tables.rates.fertility.byteOffset,
    tables.rates.lapse.byteOffset, tables.rates.reentry.byteOffset,
    tables.density.byteOffset, tables.insuredEarnings.byteOffset, tables.contributions.byteOffset, tables.matching.byteOffset,
    tables.memberHeads.byteOffset, tables.memberDeaths.byteOffset, tables.memberDeathPensions.byteOffset, tables.arrivals.byteOffset,
    layout.ages, layout.memberAges, layout.bins, layout.memberPart, layout.memberStride, layout.balanceSum, layout.foreignSum,
    emigrates ? 1 : 0, foreignDensity,
  );
}

/** The kernel's code of an old-age formula (src/wasm/memory.ts FLAT, CAREER_AVERAGE, ACCOUNT). */
function formulaCode(formula: OldAgeBenefit['formula']): number {
  switch (formula) {
    case 'flat': return 0;
    case 'career_average': return 1;
    case 'account': return 2;
    default: return unreachable(formula, 'old-age formula');
  }
}

/** The kernel's code of a refund (src/wasm/memory.ts NO_REFUND, OWN_REFUND, ACCOUNT_REFUND). */
function refundCode(refund: OldAgeBenefit['refund']): number {
  switch (refund) {
    case 'none': return 0;
    case 'own': return 1;
    case 'account': return 2;
    default: return unreachable(refund, 'refund');
  }
}

/** The index of the kernel's state a call that only reads `state` works on: its own, or state 0 holding a copy of it. */
export function readIndex(kernel: YearKernel, state: CohortState): number {
  if (state === kernel.states[0]) return 0;
  if (state === kernel.states[1]) return 1;
  copyState(state, kernel.states[0]);
  return 0;
}

/** After a call that changed state `from` in place: a copy made by readIndex goes back to `state`. */
export function writeBack(kernel: YearKernel, state: CohortState, from: number): void {
  if (kernel.states[from] !== state) copyState(kernel.states[from]!, state);
}

/**
 * Whether `state` and `next` are the kernel's two states, as a run's are. If
 * not (states a step's test made), they are copied into the kernel's states
 * 0 and 1, which the step then works on (`stateIndex`), and `leaveKernel`
 * copies state 1 back into `next`.
 */
export function enterKernel(kernel: YearKernel, state: CohortState, next: CohortState): boolean {
  const [first, second] = kernel.states;
  if ((state === first && next === second) || (state === second && next === first)) return true;
  // A kernel state beside another state would be overwritten by the copies.
  if (state === first || state === second || next === first || next === second) {
    throw new Error('a year step takes two states of one run, or two made elsewhere, not one of each');
  }
  copyState(state, kernel.states[0]);
  copyState(next, kernel.states[1]);
  return false;
}

/** Which of the kernel's states a kernel call reads: `state`'s, or the scratch copy's (0). */
export const stateIndex = (kernel: YearKernel, own: boolean, state: CohortState): number => (own && state === kernel.states[1] ? 1 : 0);

export function leaveKernel(kernel: YearKernel, own: boolean, next: CohortState): void {
  if (!own) copyState(kernel.states[1], next);
}

/** Copies a state's numbers into another of the same layout. */
function copyState(from: CohortState, to: CohortState): void {
  to.members.set(from.members);
  to.pensioners.set(from.pensioners);
  to.memberAges.low.set(from.memberAges.low);
  to.memberAges.high.set(from.memberAges.high);
  to.pensionerAges.low.set(from.pensionerAges.low);
  to.pensionerAges.high.set(from.pensionerAges.high);
  to.staleMemberAges.low.set(from.staleMemberAges.low);
  to.staleMemberAges.high.set(from.staleMemberAges.high);
}
