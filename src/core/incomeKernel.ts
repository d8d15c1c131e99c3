/**
 * §3's WebAssembly (src/wasm/incomes.ts): the year kernel's module,
 * instantiated once more with a memory of its own, which holds the table of
 * `e^{−k²/512}` the normal tails read, their constants in pairs of lanes,
 * the rows' shapes, the year's values laid out by slot, and the rule being
 * evaluated. A §3 cache owns one (memberYears.ts).
 *
 * Why WebAssembly: a stochastic scenario evaluates §3 for every income row
 * and year, ~86,000 normal tails, and there the module's loops (with
 * Math.log and Math.exp's own bits, src/wasm/fdlibm.ts) beat the same
 * arithmetic in JavaScript (bench/RESULTS.md).
 */
import { kernelModule } from './year/kernel.js';
import { GAUSS_SIXTEENTHS } from './normal.js';
import type { PieceSet, RowShape } from './memberYearSums.js';
import { record } from './record.js';

/** The §3 exports of src/wasm/kernel.ts. */
export interface IncomeExports {
  configureIncomes(gauss: number, results: number, monthScales: number, pairs: number): void;
  loadPieces(
    pieces: number, count: number, bounds: number, boundCount: number, lower: number, upper: number,
    needsMean: number, zs: number, tails: number, near: number, middle: number, anyMean: number, rate: number,
  ): void;
  memberYear(shape: number, meanAnnualIncome: number, compliance: number): void;
  spreadMemberYears(values: number, pairs: number, count: number, tables: number, slots: number): void;
  /** normal.ts normalTailsOf in the module (its tests call it): gauss at 0, near and middle scratch for `count` i32s. */
  normalTailsOf(zs: number, count: number, tails: number, gauss: number, near: number, middle: number): void;
  /** How many pairs of constants configureIncomes writes. */
  PAIRS: { value: number };
}

export interface IncomeKernel {
  steps: IncomeExports;
  memory: WebAssembly.Memory;
  /** Views of the whole memory, renewed when it grows. */
  doubles: Float64Array;
  int32s: Int32Array;
  shapes: RowShape[];
  /** Where (in doubles) the rows' d, C, M, S, the four tables by slot and the (slot, row) pairs lie (spreadBySlot). */
  valuesAt: number;
  tablesAt: number;
  pairsAt: number;
  slots: number;
  pairCount: number;
  /** The rule whose pieces are in memory. */
  loaded: PieceSet | undefined;
}

/** The slots a kernel lays §3's values out for: `slots` of them, and slot `pairs[2i]` takes row `pairs[2i + 1]`'s values. */
export interface SlotRows {
  slots: number;
  pairs: Int32Array;
}

// Where things lie, in doubles.
const RESULTS = GAUSS_SIXTEENTHS.length;
const MONTH_SCALES = RESULTS + 4;
const MONTHS = 12;
/** normalTails.ts's constants as pairs of lanes: PAIRS of them (test/core/incomeKernel.test.ts checks the count). */
const PAIRS = MONTH_SCALES + MONTHS;
export const PAIR_COUNT = 31;
const SHAPES = PAIRS + 2 * PAIR_COUNT;
const SHAPE_STRIDE = 32;
/** Where a row's shape keeps each field, in doubles from its start (src/wasm/incomes.ts reads them there; its test checks). */
export const ShapeField = { variance: 0, sigma: 1, incomeShare: 2, seasonTotal: 3, distinctSeasons: 4, factors: 5, weights: 17 } as const;
const PAGE = 65536;

/** The place of the loaded rule: after the shapes, the values, the tables by slot and the pairs (two i32s a double). */
const piecesAt = (kernel: IncomeKernel): number => kernel.pairsAt + kernel.pairCount;

/** A §3 kernel for the rows `shapes`, in their order, laying their values out for `slotRows` (none by default). */
export function incomeKernel(shapes: RowShape[], slotRows: SlotRows = { slots: 0, pairs: new Int32Array(0) }): IncomeKernel {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const steps = new WebAssembly.Instance(kernelModule(), { env: { memory } }).exports as unknown as IncomeExports;
  const valuesAt = SHAPES + shapes.length * SHAPE_STRIDE;
  const tablesAt = valuesAt + 4 * shapes.length;
  const pairsAt = tablesAt + 4 * slotRows.slots;
  const kernel: IncomeKernel = record({
    steps, memory, doubles: new Float64Array(0), int32s: new Int32Array(0), shapes,
    valuesAt, tablesAt, pairsAt, slots: slotRows.slots, pairCount: slotRows.pairs.length / 2, loaded: undefined,
  });
  reserve(kernel, 8 * piecesAt(kernel));
  kernel.int32s.set(slotRows.pairs, 2 * pairsAt);
  kernel.doubles.set(GAUSS_SIXTEENTHS, 0);
  shapes.forEach((shape, row) => {
    const at = SHAPES + row * SHAPE_STRIDE;
    const { doubles } = kernel;
    doubles[at + ShapeField.variance] = shape.variance;
    doubles[at + ShapeField.sigma] = shape.sigma;
    doubles[at + ShapeField.incomeShare] = shape.incomeShare;
    doubles[at + ShapeField.seasonTotal] = shape.seasonTotal;
    doubles[at + ShapeField.distinctSeasons] = shape.factors.length;
    doubles.set(shape.factors, at + ShapeField.factors);
    doubles.set(shape.weights, at + ShapeField.weights);
  });
  steps.configureIncomes(0, 8 * RESULTS, 8 * MONTH_SCALES, 8 * PAIRS);
  return kernel;
}

/** Grows the memory to at least `bytes`; the views follow. */
function reserve(kernel: IncomeKernel, bytes: number): void {
  const pages = Math.ceil(bytes / PAGE) - kernel.memory.buffer.byteLength / PAGE;
  if (pages > 0 || kernel.doubles.length === 0) {
    if (pages > 0) kernel.memory.grow(pages);
    kernel.doubles = new Float64Array(kernel.memory.buffer);
    kernel.int32s = new Int32Array(kernel.memory.buffer);
  }
}

/** Puts `set`'s pieces, bounds and scratch in memory, unless they are there. */
function load(kernel: IncomeKernel, set: PieceSet): void {
  if (kernel.loaded === set) return;
  const count = set.lower.length;
  const boundCount = set.bounds.length;
  const pieces = piecesAt(kernel);
  const bounds = pieces + 8 * count;
  // A row's months' z, all at once: two per bound and month, and two tails each.
  const zs = bounds + boundCount;
  const tails = zs + MONTHS * 2 * boundCount;
  const lower = 2 * (tails + MONTHS * 4 * boundCount);
  const upper = lower + count;
  const needsMean = upper + count;
  const near = needsMean + boundCount;
  const middle = near + MONTHS * 2 * boundCount;
  reserve(kernel, 4 * (middle + MONTHS * 2 * boundCount));
  const { doubles, int32s } = kernel;
  doubles.set(set.pieces.subarray(1), pieces);
  doubles.set(set.bounds, bounds);
  int32s.set(set.lower, lower);
  int32s.set(set.upper, upper);
  int32s.set(set.boundNeedsMean, needsMean);
  kernel.steps.loadPieces(
    8 * pieces, count, 8 * bounds, boundCount, 4 * lower, 4 * upper, 4 * needsMean, 8 * zs, 8 * tails, 4 * near, 4 * middle, set.needsMean ? 1 : 0, set.rate,
  );
  kernel.loaded = set;
}

/**
 * d, C, M, S of row `row` (§3) at `out[at … at+3]`, for a row with σ > 0,
 * income and pieces (memberYearSums.ts memberYearInto checks).
 */
export function kernelMemberYear(kernel: IncomeKernel, set: PieceSet, row: number, meanAnnualIncome: number, compliance: number, out: Float64Array, at: number): void {
  load(kernel, set);
  kernel.steps.memberYear(8 * (SHAPES + row * SHAPE_STRIDE), meanAnnualIncome, compliance);
  const { doubles } = kernel;
  out[at] = doubles[RESULTS]!;
  out[at + 1] = doubles[RESULTS + 1]!;
  out[at + 2] = doubles[RESULTS + 2]!;
  out[at + 3] = doubles[RESULTS + 3]!;
}

/**
 * The tables by slot of the rows' values `values` (d, C, M, S of row r at
 * 4r): d of every slot, then C, M and S, `kernel.slots` each. A slot in no
 * pair holds 0. The view is the kernel's memory: read it before the next
 * call to the kernel.
 */
export function spreadBySlot(kernel: IncomeKernel, values: Float64Array): Float64Array {
  const { doubles, valuesAt, tablesAt, pairsAt, pairCount, slots } = kernel;
  doubles.set(values, valuesAt);
  kernel.steps.spreadMemberYears(8 * valuesAt, 8 * pairsAt, pairCount, 8 * tablesAt, slots);
  return doubles.subarray(tablesAt, tablesAt + 4 * slots);
}
